import { MemoryStorage } from 'botbuilder';
import { RedisStorage } from '../../src/store/redisStorage';
import { removeKeys, testRedis, uniquePrefix } from '../support/redis';
import { describeStorageContract } from './storage.contract';

describeStorageContract('MemoryStorage (embedded default)', async () => ({
  storage: new MemoryStorage(),
  close: async () => undefined,
}));

describeStorageContract('RedisStorage', async () => {
  const redis = testRedis();
  const prefix = uniquePrefix('storage');
  return {
    storage: new RedisStorage({ redis, prefix }),
    close: async () => {
      await removeKeys(redis, prefix);
      redis.disconnect();
    },
  };
});
