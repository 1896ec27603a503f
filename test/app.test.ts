import { createSampark } from '../src/app';
import { loadConfig } from '../src/config/config';
import { silentLogger } from '../src/log/logger';
import { RedisStorage } from '../src/store/redisStorage';
import { TestConversation } from './support/conversation';
import { removeKeys, TEST_REDIS_URL, testRedis, uniquePrefix } from './support/redis';

describe('the composition root', () => {
  it('on the embedded defaults, is ready with only the simulated backend to check', async () => {
    const sampark = await createSampark(loadConfig({}), silentLogger());
    const checks = await Promise.all(sampark.readiness.map(async (r) => [r.name, await r.check().then(() => 'ok')]));
    expect(checks).toEqual([['meter-backend', 'ok']]);
    await sampark.close();
  });

  it('with REDIS_URL, checks Redis for readiness', async () => {
    const sampark = await createSampark(loadConfig({ REDIS_URL: TEST_REDIS_URL }), silentLogger());
    const redis = sampark.readiness.find((check) => check.name === 'redis');
    await new Promise((resolve) => setTimeout(resolve, 100));
    await expect(redis?.check()).resolves.toBeUndefined();
    await sampark.close();
  });

  it('starts even when Redis is unreachable, and says it is not ready', async () => {
    const sampark = await createSampark(loadConfig({ REDIS_URL: 'redis://127.0.0.1:1/0' }), silentLogger());
    const redis = sampark.readiness.find((check) => check.name === 'redis');
    await expect(redis?.check()).rejects.toThrow();
    await sampark.close();
  });
});

describe('a conversation on Redis state', () => {
  const redis = testRedis();
  const prefix = uniquePrefix('restart');
  afterAll(async () => {
    await removeKeys(redis, prefix);
    redis.disconnect();
  });

  it('carries on after the process restarts, where it left off', async () => {
    const before = await TestConversation.start({ storage: new RedisStorage({ redis, prefix }) });
    await before.play([
      ['user', 'मेरा बैलेंस कितना है'],
      ['bot', 'उपभोक्ता संख्या'],
    ]);
    const after = await TestConversation.start({ storage: new RedisStorage({ redis, prefix }) });
    await after.play([
      ['user', '101000001'],
      ['bot', 'बैलेंस: ₹842.50'],
    ]);
  });
});
