import type { Redis } from 'ioredis';
import { z } from 'zod';
import { RedisScript } from '../../store/redisScript';
import type { SendAttempt, SendAttempts } from './sendAttempts';

/** Starts an attempt unless one exists. KEYS[1] = attempt hash. ARGV: started (ms), ttl. Returns {startedAt, wamid} of an existing one, or nil. */
const BEGIN = new RedisScript(`
if redis.call('EXISTS', KEYS[1]) == 1 then
  return { redis.call('HGET', KEYS[1], 'startedAt'), redis.call('HGET', KEYS[1], 'wamid') or '' }
end
redis.call('HSET', KEYS[1], 'startedAt', ARGV[1])
redis.call('EXPIRE', KEYS[1], ARGV[2])
return false
`);

/** Records the wamid of a known attempt. KEYS[1] = attempt hash. ARGV: wamid. */
const ACCEPTED = new RedisScript(`
if redis.call('EXISTS', KEYS[1]) == 1 then
  redis.call('HSET', KEYS[1], 'wamid', ARGV[1])
end
return 1
`);

const ExistingSchema = z.tuple([z.string().regex(/^\d+$/), z.string()]);

/** Send attempts on Redis: a small hash per outbox message, shared by every instance. */
export class RedisSendAttempts implements SendAttempts {
  constructor(
    private readonly redis: Redis,
    /** Prepended to every key, so deployments and tests can share one Redis. */
    private readonly prefix: string,
    private readonly ttlSeconds: number,
  ) {}

  async begin(key: string, at: Date): Promise<SendAttempt | null> {
    const existing = await BEGIN.run(this.redis, [this.prefix + key], [at.getTime(), this.ttlSeconds]);
    if (existing === null) return null;
    const [startedAt, wamid] = ExistingSchema.parse(existing);
    return { startedAt: new Date(Number(startedAt)), wamid: wamid === '' ? null : wamid };
  }

  async restart(key: string, at: Date): Promise<void> {
    await this.redis.multi().del(this.prefix + key).hset(this.prefix + key, 'startedAt', at.getTime()).expire(this.prefix + key, this.ttlSeconds).exec();
  }

  async accepted(key: string, wamid: string): Promise<void> {
    await ACCEPTED.run(this.redis, [this.prefix + key], [wamid]);
  }

  async forget(key: string): Promise<void> {
    await this.redis.del(this.prefix + key);
  }
}
