import { setTimeout as sleep } from 'node:timers/promises';
import { SimulatedMeterBackend } from '../../src/backend/simulator/simulatedMeterBackend';
import { createSampark, type Sampark } from '../../src/app';
import { loadConfig } from '../../src/config/config';
import { silentLogger } from '../../src/log/logger';
import { PrivateRedis } from '../support/privateRedis';
import { TEST_NOW, TestConversation } from '../support/conversation';

async function readiness(sampark: Sampark): Promise<boolean> {
  const redis = sampark.readiness.find((check) => check.name === 'redis')!;
  return redis.check().then(
    () => true,
    () => false,
  );
}

async function waitUntilReady(sampark: Sampark): Promise<void> {
  for (let attempt = 0; attempt < 100; attempt += 1) {
    if (await readiness(sampark)) return;
    await sleep(50);
  }
  throw new Error('Sampark did not reconnect to Redis');
}

describe('Redis going away', () => {
  let redis: PrivateRedis;
  beforeEach(async () => {
    redis = await PrivateRedis.create();
  });
  afterEach(() => redis.destroy());

  it('at start-up: the process starts, is not ready, and becomes ready when Redis comes', async () => {
    const sampark = await createSampark(loadConfig({ REDIS_URL: redis.url }), silentLogger());
    try {
      expect(await readiness(sampark)).toBe(false);
      await redis.start();
      await waitUntilReady(sampark);
    } finally {
      await sampark.close();
    }
  });

  it('mid-conversation: the turn fails fast with an apology, and the conversation carries on after', async () => {
    await redis.start();
    const sampark = await createSampark(loadConfig({ REDIS_URL: redis.url }), silentLogger(), {
      now: () => TEST_NOW,
      backend: new SimulatedMeterBackend({ now: () => TEST_NOW }),
    });
    try {
      const conversation = TestConversation.over(sampark);
      await waitUntilReady(sampark);
      await conversation.play([
        ['user', 'मेरा बैलेंस कितना है'],
        ['bot', 'उपभोक्ता संख्या'],
      ]);

      await redis.stop();
      const started = Date.now();
      await conversation.play([
        ['user', '101000001'],
        ['bot', 'क्षमा करें, हमारी ओर से कुछ गड़बड़ हुई'],
      ]);
      // The apology comes within seconds, not after Redis's reconnect attempts run out; wide for a loaded machine.
      expect(Date.now() - started).toBeLessThan(8000);

      await redis.start();
      await waitUntilReady(sampark);
      // The failed turn left nothing half-written: the question is still open, so the same answer works.
      await conversation.play([
        ['user', '101000001'],
        ['bot', 'बैलेंस: ₹842.50'],
      ]);
    } finally {
      await sampark.close();
    }
  });
});
