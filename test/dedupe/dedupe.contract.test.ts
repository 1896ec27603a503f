import { MemoryDedupe } from '../../src/dedupe/memoryDedupe';
import { RedisDedupe } from '../../src/dedupe/redisDedupe';
import { removeKeys, testRedis, uniquePrefix } from '../support/redis';
import { describeDedupeContract, waitSeconds } from './dedupe.contract';

describeDedupeContract('MemoryDedupe (embedded default)', async () => {
  let now = new Date('2026-11-28T06:00:00.000Z');
  const store = new MemoryDedupe(() => now);
  return {
    instances: [store, store],
    expire: async (ttlSeconds) => {
      now = new Date(now.getTime() + ttlSeconds * 1000 + 1);
    },
    close: async () => undefined,
  };
});

describeDedupeContract('RedisDedupe', async () => {
  const redis = testRedis();
  const other = testRedis();
  const prefix = uniquePrefix('dedupe');
  return {
    instances: [new RedisDedupe(redis, prefix), new RedisDedupe(other, prefix)],
    expire: waitSeconds,
    close: async () => {
      await removeKeys(redis, prefix);
      redis.disconnect();
      other.disconnect();
    },
  };
});
