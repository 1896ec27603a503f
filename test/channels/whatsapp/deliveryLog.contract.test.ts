import { MemoryDeliveryLog } from '../../../src/channels/whatsapp/memoryDeliveryLog';
import { RedisDeliveryLog } from '../../../src/channels/whatsapp/redisDeliveryLog';
import { removeKeys, testRedis, uniquePrefix } from '../../support/redis';
import { describeDeliveryLogContract } from './deliveryLog.contract';

describeDeliveryLogContract('MemoryDeliveryLog (embedded default)', async () => {
  const log = new MemoryDeliveryLog(3600);
  return { logs: [log, log], close: async () => undefined };
});

describeDeliveryLogContract('RedisDeliveryLog', async () => {
  const redis = testRedis();
  const other = testRedis();
  const prefix = uniquePrefix('deliveries');
  return {
    logs: [new RedisDeliveryLog(redis, prefix, 3600), new RedisDeliveryLog(other, prefix, 3600)],
    close: async () => {
      await removeKeys(redis, prefix);
      redis.disconnect();
      other.disconnect();
    },
  };
});
