import { MemoryTranscriptStore } from '../../../src/channels/directline/memoryTranscriptStore';
import { RedisTranscriptStore } from '../../../src/channels/directline/redisTranscriptStore';
import { removeKeys, testRedis, uniquePrefix } from '../../support/redis';
import { describeTranscriptStoreContract } from './transcriptStore.contract';

const MAX_ACTIVITIES = 10;

describeTranscriptStoreContract('MemoryTranscriptStore (embedded default)', async () => ({
  store: new MemoryTranscriptStore({ maxActivities: MAX_ACTIVITIES, ttlSeconds: 60 }),
  maxActivities: MAX_ACTIVITIES,
  close: async () => undefined,
}));

describeTranscriptStoreContract('RedisTranscriptStore', async () => {
  const redis = testRedis();
  const prefix = uniquePrefix('transcripts');
  return {
    store: new RedisTranscriptStore({ redis, prefix, maxActivities: MAX_ACTIVITIES, ttlSeconds: 60 }),
    maxActivities: MAX_ACTIVITIES,
    close: async () => {
      await removeKeys(redis, prefix);
      redis.disconnect();
    },
  };
});

describe('transcript expiry', () => {
  it('in memory, forgets a conversation idle past its TTL', async () => {
    let now = new Date('2026-11-28T06:00:00.000Z');
    const store = new MemoryTranscriptStore({ maxActivities: 10, ttlSeconds: 60, now: () => now });
    await store.append('conversation-a', { type: 'message', text: 'hello' });
    now = new Date(now.getTime() + 61_000);
    expect(await store.readAfter('conversation-a', '')).toEqual({ activities: [], watermark: '0' });
    expect(await store.knows('conversation-a')).toBe(false);
  });

  it('on Redis, sets the TTL on every key of the conversation', async () => {
    const redis = testRedis();
    const prefix = uniquePrefix('transcripts-ttl');
    try {
      const store = new RedisTranscriptStore({ redis, prefix, maxActivities: 10, ttlSeconds: 90 });
      await store.open('conversation-a');
      await store.append('conversation-a', { type: 'message', text: 'hello' });
      const keys = await redis.keys(`${prefix}*`);
      expect(keys.sort()).toEqual(
        ['activities', 'opened', 'sequence'].map((part) => `${prefix}{conversation-a}:${part}`).sort(),
      );
      for (const key of keys) {
        const ttl = await redis.ttl(key);
        expect(ttl).toBeGreaterThan(80);
        expect(ttl).toBeLessThanOrEqual(90);
      }
    } finally {
      await removeKeys(redis, prefix);
      redis.disconnect();
    }
  });
});
