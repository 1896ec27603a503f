import { setTimeout as sleep } from 'node:timers/promises';
import { z } from 'zod';
import { BullJobQueue } from '../../src/jobs/bullJobQueue';
import { InProcessJobQueue } from '../../src/jobs/inProcessJobQueue';
import { silentLogger } from '../../src/log/logger';
import { removeKeys, TEST_REDIS_URL, testRedis, uniquePrefix } from '../support/redis';
import { describeJobQueueContract, waitFor } from './jobQueue.contract';

describeJobQueueContract('InProcessJobQueue (embedded default)', async () => ({
  open: () => new InProcessJobQueue(silentLogger()),
  close: async () => undefined,
}));

describeJobQueueContract('BullJobQueue', async () => {
  const prefix = uniquePrefix('jobs').slice(0, -1);
  return {
    open: () => new BullJobQueue({ redisUrl: TEST_REDIS_URL, prefix, logger: silentLogger() }),
    close: async () => {
      const redis = testRedis();
      await removeKeys(redis, prefix);
      redis.disconnect();
    },
  };
});

describe('BullJobQueue durability', () => {
  it('does a job promised by an instance that died before running it', async () => {
    const prefix = uniquePrefix('jobs-durable').slice(0, -1);
    const Payload = z.object({ wamid: z.string() });
    const promising = new BullJobQueue({ redisUrl: TEST_REDIS_URL, prefix, logger: silentLogger() });
    promising.define({ name: 'process-message', schema: Payload, handler: async () => undefined });
    await promising.enqueue('process-message', { wamid: 'wamid.XYZ' });
    // The instance goes away before its worker ever started.
    await promising.close();

    const processed: string[] = [];
    const survivor = new BullJobQueue({ redisUrl: TEST_REDIS_URL, prefix, logger: silentLogger() });
    survivor.define({ name: 'process-message', schema: Payload, handler: async ({ wamid }) => void processed.push(wamid) });
    await survivor.start();
    try {
      await waitFor(() => processed.length === 1);
      await sleep(50);
      expect(processed).toEqual(['wamid.XYZ']);
    } finally {
      await survivor.close();
      const redis = testRedis();
      await removeKeys(redis, prefix);
      redis.disconnect();
    }
  });
});
