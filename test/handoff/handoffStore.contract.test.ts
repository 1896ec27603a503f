import { setTimeout as sleep } from 'node:timers/promises';
import { MemoryHandoffStore } from '../../src/handoff/memoryHandoffStore';
import { RedisHandoffStore } from '../../src/handoff/redisHandoffStore';
import { removeKeys, testRedis, uniquePrefix } from '../support/redis';
import { describeHandoffStoreContract } from './handoffStore.contract';

describeHandoffStoreContract('MemoryHandoffStore (embedded default)', async () => {
  let clock = Date.parse('2026-11-28T06:00:00.000Z');
  const store = new MemoryHandoffStore({ finishedTtlSeconds: 3600, now: () => new Date(clock) });
  return {
    stores: [store, store],
    finishedTtlSeconds: 3600,
    pass: async (seconds) => void (clock += seconds * 1000),
    close: async () => undefined,
  };
});

describeHandoffStoreContract('RedisHandoffStore', async () => {
  // Two connections, as two instances would have.
  const [first, second] = [testRedis(), testRedis()];
  const prefix = uniquePrefix('handoff-store');
  return {
    // Redis counts in whole seconds: the shortest time it can keep a record, waited out for real.
    stores: [new RedisHandoffStore(first, prefix, 1), new RedisHandoffStore(second, prefix, 1)],
    finishedTtlSeconds: 1,
    pass: (seconds) => sleep(seconds * 1000),
    close: async () => {
      await removeKeys(first, prefix);
      first.disconnect();
      second.disconnect();
    },
  };
});

describe('RedisHandoffStore reading back', () => {
  const redis = testRedis();
  const prefix = uniquePrefix('handoff-store-read');
  afterAll(async () => {
    await removeKeys(redis, prefix);
    redis.disconnect();
  });

  it('refuses a stored record of another shape (another version wrote it) instead of passing it on as a handoff', async () => {
    await redis.hset(`${prefix}record:odd`, 'version', '1', 'record', JSON.stringify({ status: 'queued', request: { conversationId: 'odd' } }));
    await expect(new RedisHandoffStore(redis, prefix).get('odd')).rejects.toThrow(/transcript|request/);
  });
});
