import { MemoryConversationReferenceStore } from '../../src/conversations/memoryConversationReferenceStore';
import { RedisConversationReferenceStore } from '../../src/conversations/redisConversationReferenceStore';
import { removeKeys, testRedis, uniquePrefix } from '../support/redis';
import { describeConversationStoreContract } from './conversationReferenceStore.contract';

describeConversationStoreContract('MemoryConversationReferenceStore (embedded default)', async () => {
  const store = new MemoryConversationReferenceStore(3600);
  return { stores: [store, store], close: async () => undefined };
});

describeConversationStoreContract('RedisConversationReferenceStore', async () => {
  const redis = testRedis();
  const other = testRedis();
  const prefix = uniquePrefix('conversations');
  return {
    stores: [new RedisConversationReferenceStore(redis, prefix, 3600), new RedisConversationReferenceStore(other, prefix, 3600)],
    close: async () => {
      await removeKeys(redis, prefix);
      redis.disconnect();
      other.disconnect();
    },
  };
});

describe('conversation record expiry', () => {
  it('in memory, forgets a conversation idle past its TTL', async () => {
    let now = new Date('2026-11-28T06:00:00.000Z');
    const store = new MemoryConversationReferenceStore(60, () => now);
    await store.recordInbound('whatsapp:wa-a', { channelId: 'whatsapp', conversation: { id: 'wa-a', isGroup: false, conversationType: 'personal', name: '' } }, now);
    now = new Date(now.getTime() + 61_000);
    expect(await store.find('whatsapp:wa-a')).toBeNull();
  });

  it('on Redis, sets the TTL on the record and its photos', async () => {
    const redis = testRedis();
    const prefix = uniquePrefix('conversations-ttl');
    try {
      const store = new RedisConversationReferenceStore(redis, prefix, 90);
      const at = new Date('2026-11-28T06:00:00.000Z');
      await store.recordInbound('whatsapp:wa-a', { channelId: 'whatsapp', conversation: { id: 'wa-a', isGroup: false, conversationType: 'personal', name: '' } }, at);
      await store.addPhoto('whatsapp:wa-a', { reference: 'whatsapp-media:1', sharedAt: at.toISOString() });
      const keys = await redis.keys(`${prefix}*`);
      expect(keys).toHaveLength(2);
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
