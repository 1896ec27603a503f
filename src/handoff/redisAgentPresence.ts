import type { Redis } from 'ioredis';
import { RedisScript } from '../store/redisScript';
import { z } from 'zod';
import { StaffRoleSchema, type StaffIdentity } from '../auth/staff';
import { byPerson, type AgentPresence, type PresenceBeat, type PresentAgent } from './agentPresence';

/**
 * Drops the connections whose time ran out and returns the beats of the rest, in one atomic step.
 * KEYS: expiry by connection (sorted set), beat by connection (hash). ARGV: now in milliseconds.
 */
const LIVE_BEATS = new RedisScript(`
local expired = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', ARGV[1])
for _, connection in ipairs(expired) do
  redis.call('ZREM', KEYS[1], connection)
  redis.call('HDEL', KEYS[2], connection)
end
local live = redis.call('ZRANGE', KEYS[1], 0, -1)
if #live == 0 then return {} end
return redis.call('HMGET', KEYS[2], unpack(live))
`);

const BeatSchema = z.object({ username: z.string(), name: z.string(), role: StaffRoleSchema, at: z.string() });

/** Console presence on Redis, so a supervisor on any instance sees agents on every instance. */
export class RedisAgentPresence implements AgentPresence {
  private readonly expiryKey: string;
  private readonly beatKey: string;
  private readonly awayKey: string;

  constructor(
    private readonly redis: Redis,
    prefix: string,
    private readonly ttlSeconds: number,
    private readonly now: () => Date,
  ) {
    this.expiryKey = `${prefix}expiry`;
    this.beatKey = `${prefix}beat`;
    this.awayKey = `${prefix}away`;
  }

  async heartbeat(connection: string, who: Pick<StaffIdentity, 'username' | 'name' | 'role'>): Promise<void> {
    const now = this.now();
    const beat: PresenceBeat = { username: who.username, name: who.name, role: who.role, at: now.toISOString() };
    await this.redis
      .multi()
      .zadd(this.expiryKey, now.getTime() + this.ttlSeconds * 1000, connection)
      .hset(this.beatKey, connection, JSON.stringify(beat))
      // Both keys go when nobody has beaten for the time to live: nothing is left of a quiet night.
      .pexpire(this.expiryKey, this.ttlSeconds * 1000)
      .pexpire(this.beatKey, this.ttlSeconds * 1000)
      .exec();
  }

  async leave(connection: string): Promise<void> {
    await this.redis.multi().zrem(this.expiryKey, connection).hdel(this.beatKey, connection).exec();
  }

  async online(): Promise<PresentAgent[]> {
    const [beats, away] = await Promise.all([
      LIVE_BEATS.run(this.redis, [this.expiryKey, this.beatKey], [this.now().getTime()]) as Promise<Array<string | null>>,
      this.redis.smembers(this.awayKey),
    ]);
    return byPerson(
      beats.flatMap((json) => {
        const beat = json ? BeatSchema.safeParse(JSON.parse(json)) : null;
        return beat?.success ? [beat.data] : [];
      }),
      new Set(away),
    );
  }

  async setAway(username: string, away: boolean): Promise<void> {
    await (away ? this.redis.sadd(this.awayKey, username) : this.redis.srem(this.awayKey, username));
  }
}
