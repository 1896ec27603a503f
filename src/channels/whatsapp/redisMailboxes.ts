import type { Redis } from 'ioredis';
import { RedisScript } from '../../store/redisScript';
import { SEQUENCE_SPAN, type Mailboxes, type MailboxItem } from './mailboxes';

/**
 * Adds the item unless its id is in the box; its score is the order, then the box's arrival sequence.
 * KEYS: order (sorted set), bodies (hash), sequence. ARGV: id, body, order, sequence span, ttl.
 */
const PUT = new RedisScript(`
if redis.call('HSETNX', KEYS[2], ARGV[1], ARGV[2]) == 0 then return 0 end
local sequence = redis.call('INCR', KEYS[3]) % tonumber(ARGV[4])
redis.call('ZADD', KEYS[1], tonumber(ARGV[3]) * tonumber(ARGV[4]) + sequence, ARGV[1])
for i = 1, 3 do redis.call('EXPIRE', KEYS[i], ARGV[5]) end
return 1
`);

/** The first item's id and body. KEYS: order, bodies. */
const FIRST = new RedisScript(`
local ids = redis.call('ZRANGE', KEYS[1], 0, 0)
if #ids == 0 then return nil end
return { ids[1], redis.call('HGET', KEYS[2], ids[1]) }
`);

/** Boxes on Redis: a sorted set of ids and a hash of bodies per box, expiring when idle. */
export class RedisMailboxes implements Mailboxes {
  constructor(
    private readonly redis: Redis,
    /** Prepended to every key, so deployments and tests can share one Redis. */
    private readonly prefix: string,
    /** A box untouched this long is dropped: Meta stops re-delivering after a week anyway. */
    private readonly ttlSeconds: number,
  ) {}

  async put(box: string, item: MailboxItem, order: number): Promise<boolean> {
    const keys = this.keys(box);
    const added = await PUT.run(this.redis, [keys.order, keys.bodies, keys.sequence], [item.id, item.body, order, SEQUENCE_SPAN, this.ttlSeconds]);
    return added === 1;
  }

  async first(box: string): Promise<MailboxItem | null> {
    const keys = this.keys(box);
    // PUT and remove change the order and the bodies together, so an id always has its body.
    const found = (await FIRST.run(this.redis, [keys.order, keys.bodies])) as [string, string] | null;
    return found ? { id: found[0], body: found[1] } : null;
  }

  async remove(box: string, id: string): Promise<void> {
    const keys = this.keys(box);
    await this.redis.multi().zrem(keys.order, id).hdel(keys.bodies, id).exec();
  }

  /** One hash slot per box (the braces), so each script's keys sit together on a Redis Cluster. */
  private keys(box: string): { order: string; bodies: string; sequence: string } {
    const base = `${this.prefix}{${box}}`;
    return { order: `${base}:order`, bodies: `${base}:bodies`, sequence: `${base}:sequence` };
  }
}
