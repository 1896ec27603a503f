import { MemorySendingQuota } from '../../src/outreach/memorySendingQuota';
import { RedisSendingQuota } from '../../src/outreach/redisSendingQuota';
import { removeKeys, testRedis, uniquePrefix } from '../support/redis';
import { describeSendingQuotaContract } from './sendingQuota.contract';

describeSendingQuotaContract('MemorySendingQuota (embedded default)', async () => {
  const quota = new MemorySendingQuota();
  return { instances: [quota, quota], close: async () => undefined };
});

describeSendingQuotaContract('RedisSendingQuota', async () => {
  const redis = testRedis();
  const other = testRedis();
  const prefix = uniquePrefix('quota');
  return {
    instances: [new RedisSendingQuota(redis, prefix), new RedisSendingQuota(other, prefix)],
    close: async () => {
      await removeKeys(redis, prefix);
      redis.disconnect();
      other.disconnect();
    },
  };
});
