import { MemoryOptOutStore } from '../../src/outreach/memoryOptOutStore';
import { RedisOptOutStore } from '../../src/outreach/redisOptOutStore';
import { removeKeys, testRedis, uniquePrefix } from '../support/redis';
import { describeOptOutStoreContract } from './optOutStore.contract';

describeOptOutStoreContract('MemoryOptOutStore (embedded default)', async () => {
  const store = new MemoryOptOutStore();
  return { instances: [store, store], close: async () => undefined };
});

describeOptOutStoreContract('RedisOptOutStore', async () => {
  const redis = testRedis();
  const other = testRedis();
  const prefix = uniquePrefix('optouts');
  return {
    instances: [new RedisOptOutStore(redis, prefix), new RedisOptOutStore(other, prefix)],
    close: async () => {
      await removeKeys(redis, prefix);
      redis.disconnect();
      other.disconnect();
    },
  };
});
