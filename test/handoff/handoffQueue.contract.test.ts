import { MemoryHandoffQueue } from '../../src/handoff/memoryHandoffQueue';
import { RedisHandoffQueue } from '../../src/handoff/redisHandoffQueue';
import { removeKeys, testRedis, uniquePrefix } from '../support/redis';
import { describeHandoffQueueContract } from './handoffQueue.contract';

describeHandoffQueueContract('MemoryHandoffQueue (embedded default)', async () => {
  const queue = new MemoryHandoffQueue();
  return { queues: [queue, queue], close: async () => undefined };
});

describeHandoffQueueContract('RedisHandoffQueue', async () => {
  const redis = testRedis();
  const prefix = uniquePrefix('handoff');
  return {
    queues: [new RedisHandoffQueue(redis, prefix), new RedisHandoffQueue(redis, prefix)],
    close: async () => {
      await removeKeys(redis, prefix);
      redis.disconnect();
    },
  };
});
