import { randomUUID } from 'node:crypto';
import Redis from 'ioredis';
import { silentLogger } from '../../src/log/logger';
import { connectRedis } from '../../src/store/redisConnection';

/** The machine's Redis (CI starts it); tests keep to their own key prefix and remove it after. */
export const TEST_REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379/0';

export function testRedis(): Redis {
  return new Redis(TEST_REDIS_URL, { maxRetriesPerRequest: 1 });
}

/** A prefix no other test run uses. */
export function uniquePrefix(purpose: string): string {
  return `sampark-test:${purpose}:${randomUUID()}:`;
}

/** Deletes every key under the prefix. */
export async function removeKeys(redis: Redis, prefix: string): Promise<void> {
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 500);
    if (keys.length > 0) await redis.del(...keys);
    cursor = next;
  } while (cursor !== '0');
}

/**
 * A client made as production makes it (`connectRedis`: no offline queue, fail fast), once ready.
 * Tests of Redis-backed parts use it so they meet the options production runs with.
 */
export async function productionRedis(): Promise<Redis> {
  const redis = connectRedis(TEST_REDIS_URL, silentLogger());
  await new Promise<void>((resolve, reject) => {
    redis.once('ready', () => resolve());
    redis.once('end', () => reject(new Error(`Redis at ${TEST_REDIS_URL} is not reachable`)));
  });
  return redis;
}
