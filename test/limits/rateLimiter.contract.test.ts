import { MemoryRateLimiter } from '../../src/limits/memoryRateLimiter';
import { RedisRateLimiter } from '../../src/limits/redisRateLimiter';
import { removeKeys, testRedis, uniquePrefix } from '../support/redis';
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
