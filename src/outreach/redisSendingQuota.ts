import type { Redis } from 'ioredis';
import { RedisScript } from '../store/redisScript';
import type { SendingQuota } from './sendingQuota';

/** Counts a sending slot of one second. KEYS[1] = the second's counter. ARGV: limit. Returns 1 when taken. */
const TAKE_SLOT = new RedisScript(`
local taken = redis.call('INCR', KEYS[1])
if taken == 1 then redis.call('EXPIRE', KEYS[1], 5) end
if taken > tonumber(ARGV[1]) then return 0 end
return 1
`);

/** Admits a recipient into the day's set when known or there is room. KEYS[1] = the day's set. ARGV: member, limit. */
const ADMIT = new RedisScript(`
if redis.call('SISMEMBER', KEYS[1], ARGV[1]) == 1 then return 1 end
if redis.call('SCARD', KEYS[1]) >= tonumber(ARGV[2]) then return 0 end
redis.call('SADD', KEYS[1], ARGV[1])
redis.call('EXPIRE', KEYS[1], 172800)
return 1
`);

/** Sending limits on Redis, so every instance and campaign draws from the same allowance. */
export class RedisSendingQuota implements SendingQuota {
  constructor(
    private readonly redis: Redis,
    /** Prepended to every key, so deployments and tests can share one Redis. */
    private readonly prefix: string,
  ) {}

  async takeSlot(second: number, limit: number): Promise<boolean> {
    return (await TAKE_SLOT.run(this.redis, [`${this.prefix}rate:${second}`], [limit])) === 1;
  }

  async admit(day: string, conversationId: string, limit: number): Promise<boolean> {
    return (await ADMIT.run(this.redis, [`${this.prefix}tier:${day}`], [conversationId, limit])) === 1;
  }
}
