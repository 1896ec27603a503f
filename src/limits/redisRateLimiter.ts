import type { Redis } from 'ioredis';
import { RedisScript } from '../store/redisScript';
import type { RateDecision, RateLimiter, RateRule } from './rateLimiter';

/**
 * Counts one event in the key's window, atomically. KEYS[1] = the key's hash {count, closesAt}.
 * ARGV: now (ms), limit, window (ms). Returns {1, 0} when counted, {0, ms until the window closes}
 * when refused. The window's end is kept in the hash (on the callers' clock) rather than read from
 * the key's TTL, so every instance and the tests agree on it; the TTL only clears the key away.
 */
const CONSUME = new RedisScript(`
local now = tonumber(ARGV[1])
local limit = tonumber(ARGV[2])
local windowMs = tonumber(ARGV[3])
local count = tonumber(redis.call('HGET', KEYS[1], 'count') or '0')
local closesAt = tonumber(redis.call('HGET', KEYS[1], 'closesAt') or '0')
if closesAt <= now then
  count = 0
  closesAt = now + windowMs
end
if count >= limit then return {0, closesAt - now} end
redis.call('HSET', KEYS[1], 'count', count + 1, 'closesAt', closesAt)
redis.call('PEXPIRE', KEYS[1], closesAt - now)
return {1, 0}
`);

/** Takes one event back from the key's open window; a closed or empty window is left alone. KEYS[1], ARGV: now (ms). */
const REFUND = new RedisScript(`
local closesAt = tonumber(redis.call('HGET', KEYS[1], 'closesAt') or '0')
local count = tonumber(redis.call('HGET', KEYS[1], 'count') or '0')
if closesAt > tonumber(ARGV[1]) and count > 0 then redis.call('HSET', KEYS[1], 'count', count - 1) end
return 0
`);

/** The rate limiter on Redis, shared by every instance. */
export class RedisRateLimiter implements RateLimiter {
  constructor(
    private readonly redis: Redis,
    /** Prepended to every key, so deployments and tests can share one Redis. */
    private readonly prefix: string,
    private readonly now: () => Date,
  ) {}

  async consume(key: string, rule: RateRule): Promise<RateDecision> {
    const args = [this.now().getTime(), rule.limit, rule.windowSeconds * 1000];
    const [counted, waitMs] = (await CONSUME.run(this.redis, [this.prefix + key], args)) as [number, number];
    return counted === 1 ? { allowed: true, retryAfterSeconds: 0 } : { allowed: false, retryAfterSeconds: Math.ceil(waitMs / 1000) };
  }

  async refund(key: string): Promise<void> {
    await REFUND.run(this.redis, [this.prefix + key], [this.now().getTime()]);
  }
}
