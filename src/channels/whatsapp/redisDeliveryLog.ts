import type { Redis } from 'ioredis';
import { RedisScript } from '../../store/redisScript';
import type { DeliveryStatus } from './inboundMessage';
import {
  DeliveryRecordSchema,
  STATE_RANK,
  stateOfRank,
  type DeliveryLog,
  type DeliveryRecord,
  type DeliveryState,
} from './deliveryLog';

/** Stores the record; a status that came first keeps its rank. KEYS[1] = message hash. ARGV: record JSON, ttl. */
const RECORD = new RedisScript(`
redis.call('HSET', KEYS[1], 'record', ARGV[1])
redis.call('HSETNX', KEYS[1], 'rank', 0)
redis.call('EXPIRE', KEYS[1], ARGV[2])
return 1
`);

/** Raises the rank if the status is forward. KEYS[1] = message hash. ARGV: rank, ttl. Returns {moved, record}. */
const ADVANCE = new RedisScript(`
local current = tonumber(redis.call('HGET', KEYS[1], 'rank') or '0')
local moved = 0
if tonumber(ARGV[1]) > current then
  redis.call('HSET', KEYS[1], 'rank', ARGV[1])
  moved = 1
end
redis.call('EXPIRE', KEYS[1], ARGV[2])
return { moved, redis.call('HGET', KEYS[1], 'record') }
`);

/** Delivery states on Redis: a small hash per message, expiring after the statuses have come. */
export class RedisDeliveryLog implements DeliveryLog {
  constructor(
    private readonly redis: Redis,
    /** Prepended to every key, so deployments and tests can share one Redis. */
    private readonly prefix: string,
    private readonly ttlSeconds: number,
  ) {}

  async record(wamid: string, record: DeliveryRecord): Promise<void> {
    await RECORD.run(this.redis, [this.prefix + wamid], [JSON.stringify(record), this.ttlSeconds]);
  }

  async advance(wamid: string, status: DeliveryStatus): Promise<{ advanced: boolean; record: DeliveryRecord | null }> {
    const [moved, json] = (await ADVANCE.run(this.redis, [this.prefix + wamid], [STATE_RANK[status], this.ttlSeconds])) as [number, string | null];
    return { advanced: moved === 1, record: json ? DeliveryRecordSchema.parse(JSON.parse(json)) : null };
  }

  async stateOf(wamid: string): Promise<DeliveryState | null> {
    const rank = await this.redis.hget(this.prefix + wamid, 'rank');
    return rank === null ? null : stateOfRank(Number(rank));
  }
}
