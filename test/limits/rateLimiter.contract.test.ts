import { MemoryRateLimiter } from '../../src/limits/memoryRateLimiter';
import { RedisRateLimiter } from '../../src/limits/redisRateLimiter';
import { silentLogger } from '../../src/log/logger';
import { connectRedis } from '../../src/store/redisConnection';
import { removeKeys, TEST_REDIS_URL, testRedis, uniquePrefix } from '../support/redis';
import { describeRateLimiterContract } from './rateLimiter.contract';

describeRateLimiterContract('MemoryRateLimiter (embedded default)', async (now) => {
  const limiter = new MemoryRateLimiter(now);
  return { limiters: [limiter, limiter], close: async () => undefined };
});

describeRateLimiterContract('RedisRateLimiter', async (now) => {
  const redis = testRedis();
  const prefix = uniquePrefix('limits');
  return {
    limiters: [new RedisRateLimiter(redis, prefix, now), new RedisRateLimiter(redis, prefix, now)],
    close: async () => {
      await removeKeys(redis, prefix);
      redis.disconnect();
    },
  };
});

describeRateLimiterContract('RedisRateLimiter on the production connection (no offline queue)', async (now) => {
  const redis = connectRedis(TEST_REDIS_URL, silentLogger());
  await new Promise((resolve) => redis.once('ready', resolve));
  const prefix = uniquePrefix('limits');
  return {
    limiters: [new RedisRateLimiter(redis, prefix, now), new RedisRateLimiter(redis, prefix, now)],
    close: async () => {
      await removeKeys(redis, prefix);
      redis.disconnect();
    },
  };
});
