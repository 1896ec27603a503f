import { MemoryStaffAlerts } from '../../src/alerts/memoryStaffAlerts';
import { RedisStaffAlerts } from '../../src/alerts/redisStaffAlerts';
import { removeKeys, testRedis, uniquePrefix } from '../support/redis';
import { describeStaffAlertsContract } from './staffAlerts.contract';

const CAPACITY = 5;

describeStaffAlertsContract('MemoryStaffAlerts (embedded default)', async () => {
  const inboxes = new MemoryStaffAlerts(CAPACITY);
  return { inboxes: [inboxes, inboxes], capacity: CAPACITY, close: async () => undefined };
});

describeStaffAlertsContract('RedisStaffAlerts', async () => {
  const redis = testRedis();
  const prefix = uniquePrefix('alerts');
  return {
    inboxes: [new RedisStaffAlerts(redis, prefix, CAPACITY), new RedisStaffAlerts(redis, prefix, CAPACITY)],
    capacity: CAPACITY,
    close: async () => {
      await removeKeys(redis, prefix);
      redis.disconnect();
    },
  };
});
