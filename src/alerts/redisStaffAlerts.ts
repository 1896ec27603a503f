import type { Redis } from 'ioredis';
import { RedisScript } from '../store/redisScript';
import { INBOX_CAPACITY, INBOX_TTL_SECONDS, StaffAlertSchema, type Inbox, type StaffAlert, type StaffAlerts } from './staffAlerts';

/**
 * Adds one alert to one inbox unless it is there, trims the inbox to its capacity (oldest out) and
 * renews the inbox's expiry, in one step so two instances delivering the same alert store it once.
 * KEYS: order (sorted set by time), alerts (hash id → JSON), unread (set of ids).
 * ARGV: id, time score, JSON, capacity, seconds to keep.
 */
const DELIVER = new RedisScript(`
if redis.call('HSETNX', KEYS[2], ARGV[1], ARGV[3]) == 0 then return 0 end
redis.call('ZADD', KEYS[1], ARGV[2], ARGV[1])
redis.call('SADD', KEYS[3], ARGV[1])
local extra = redis.call('ZCARD', KEYS[1]) - tonumber(ARGV[4])
if extra > 0 then
  local old = redis.call('ZRANGE', KEYS[1], 0, extra - 1)
  redis.call('ZREMRANGEBYRANK', KEYS[1], 0, extra - 1)
  redis.call('HDEL', KEYS[2], unpack(old))
  redis.call('SREM', KEYS[3], unpack(old))
end
for i = 1, 3 do redis.call('EXPIRE', KEYS[i], ARGV[5]) end
return 1
`);

/** Inboxes on Redis: per username a sorted set of alert ids by time, a hash of the alerts, and a set of the unread ids. */
export class RedisStaffAlerts implements StaffAlerts {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
    private readonly capacity = INBOX_CAPACITY,
  ) {}

  async deliver(usernames: readonly string[], alert: StaffAlert): Promise<void> {
    const json = JSON.stringify(alert);
    await Promise.all(
      usernames.map((username) =>
        DELIVER.run(this.redis, this.keys(username), [alert.id, Date.parse(alert.at), json, this.capacity, INBOX_TTL_SECONDS]),
      ),
    );
  }

  async inbox(username: string, limit: number): Promise<Inbox> {
    const [order, alerts, unread] = this.keys(username);
    const [ids, unreadCount] = await Promise.all([this.redis.zrevrange(order, 0, limit - 1), this.redis.scard(unread)]);
    if (ids.length === 0) return { alerts: [], unread: unreadCount };
    const [stored, unreadFlags] = await Promise.all([this.redis.hmget(alerts, ...ids), this.redis.smismember(unread, ...ids)]);
    const shown = ids.flatMap((_, index) => {
      const json = stored[index];
      return json ? [{ ...StaffAlertSchema.parse(JSON.parse(json)), read: unreadFlags[index] !== 1 }] : [];
    });
    return { alerts: shown, unread: unreadCount };
  }

  async markRead(username: string, ids: readonly string[]): Promise<number> {
    const unread = this.keys(username)[2];
    if (ids.length > 0) await this.redis.srem(unread, ...ids);
    return this.redis.scard(unread);
  }

  private keys(username: string): [string, string, string] {
    const base = `${this.prefix}inbox:${username}`;
    return [`${base}:order`, `${base}:alerts`, `${base}:unread`];
  }
}
