import { setTimeout as sleep } from 'node:timers/promises';
import { z } from 'zod';
import { BullJobQueue } from '../../src/jobs/bullJobQueue';
import { InProcessJobQueue } from '../../src/jobs/inProcessJobQueue';
import { silentLogger } from '../../src/log/logger';
import { PrivateRedis } from '../support/privateRedis';
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

describe('BullJobQueue when Redis goes away', () => {
  it('refuses a new job quickly instead of holding the turn that asked for it', async () => {
    const redis = await PrivateRedis.create();
    await redis.start();
    const queue = new BullJobQueue({ redisUrl: redis.url, prefix: 'sampark-test-outage', logger: silentLogger() });
    queue.define({ name: 'notify', schema: z.object({ ticket: z.string() }), handler: async () => undefined });
    try {
      await queue.enqueue('notify', { ticket: 'SP00000018' });
      await redis.stop();
      const started = Date.now();
      await expect(queue.enqueue('notify', { ticket: 'SP00000026' })).rejects.toThrow();
      // Without the refusal the enqueue waits for Redis to come back; a wide bound tells the two apart on a loaded machine.
      expect(Date.now() - started).toBeLessThan(8000);
    } finally {
      await queue.close();
      await redis.destroy();
    }
  });
});
