import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import { RedisScript } from '../store/redisScript';
import type { Dedupe } from './dedupe';

/**
 * SET NX EX, or renew when the caller already holds the key. KEYS[1] = claim; ARGV = owner, ttl.
 */
const CLAIM = new RedisScript(`
if redis.call('SET', KEYS[1], ARGV[1], 'NX', 'EX', ARGV[2]) then return 1 end
if redis.call('GET', KEYS[1]) == ARGV[1] then
  redis.call('EXPIRE', KEYS[1], ARGV[2])
  return 1
end
return 0
`);

/** Deletes the claim only if the caller holds it. KEYS[1] = claim; ARGV[1] = owner. */
const RELEASE = new RedisScript(`
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0
`);

/** Claims on Redis, so every instance sees the same winner. */
export class RedisDedupe implements Dedupe {
  constructor(
    private readonly redis: Redis,
    /** Prepended to every key, so deployments and tests can share one Redis. */
    private readonly prefix: string,
  ) {}

  async claim(key: string, ttlSeconds: number, owner: string = randomUUID()): Promise<boolean> {
    const won = await CLAIM.run(this.redis, [this.prefix + key], [owner, Math.max(1, Math.ceil(ttlSeconds))]);
    return won === 1;
  }

  async release(key: string, owner: string): Promise<void> {
    await RELEASE.run(this.redis, [this.prefix + key], [owner]);
  }
}
