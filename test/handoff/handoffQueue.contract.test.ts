import { HandoffService } from '../../src/handoff/handoffService';
import { MemoryHandoffStore } from '../../src/handoff/memoryHandoffStore';
import { RedisHandoffStore } from '../../src/handoff/redisHandoffStore';
import { removeKeys, testRedis, uniquePrefix } from '../support/redis';
import { describeHandoffQueueContract } from './handoffQueue.contract';

describeHandoffQueueContract('HandoffService over MemoryHandoffStore (embedded default)', async () => {
  const queue = new HandoffService(new MemoryHandoffStore(), () => new Date('2026-11-28T06:00:00.000Z'));
  return { queues: [queue, queue], close: async () => undefined };
});

describeHandoffQueueContract('HandoffService over RedisHandoffStore', async () => {
  const redis = testRedis();
  const prefix = uniquePrefix('handoff-service');
  const now = () => new Date('2026-11-28T06:00:00.000Z');
  return {
    queues: [new HandoffService(new RedisHandoffStore(redis, prefix), now), new HandoffService(new RedisHandoffStore(redis, prefix), now)],
    close: async () => {
      await removeKeys(redis, prefix);
      redis.disconnect();
    },
  };
});
