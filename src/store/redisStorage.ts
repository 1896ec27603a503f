import type { Storage, StoreItems } from 'botbuilder';
import type { Redis } from 'ioredis';
import { RedisScript } from './redisScript';

export interface RedisStorageOptions {
  redis: Redis;
  /** Prepended to every key, so several deployments or tests can share one Redis. */
  prefix: string;
  /** Idle state expires this long after its last write; 0 keeps it for ever. */
  idleTtlSeconds?: number;
}

/**
 * Compare-and-set in one round trip: the stored version is the eTag, so a write that read an older
 * version is refused whole. An absent key, '*' or no eTag writes unconditionally, as botbuilder's
 * MemoryStorage does.
 * KEYS[1] = item; ARGV = document, expected eTag ('' for none), ttl seconds.
 */
const WRITE_IF_CURRENT = new RedisScript(`
local expected = ARGV[2]
if expected ~= '' and expected ~= '*' then
  local stored = redis.call('HGET', KEYS[1], 'version')
  if stored and stored ~= expected then return nil end
end
local version = redis.call('HINCRBY', KEYS[1], 'version', 1)
redis.call('HSET', KEYS[1], 'document', ARGV[1])
local ttl = tonumber(ARGV[3])
if ttl > 0 then redis.call('EXPIRE', KEYS[1], ttl) else redis.call('PERSIST', KEYS[1]) end
return version
`);

/** botbuilder `Storage` on Redis: bot state shared by every instance, with real optimistic concurrency. */
export class RedisStorage implements Storage {
  private readonly redis: Redis;
  private readonly prefix: string;
  private readonly ttlSeconds: number;

  constructor(options: RedisStorageOptions) {
    this.redis = options.redis;
    this.prefix = options.prefix;
    this.ttlSeconds = options.idleTtlSeconds ?? 0;
  }

  async read(keys: string[]): Promise<StoreItems> {
    if (keys.length === 0) return {};
    const pipeline = this.redis.pipeline();
    for (const key of keys) pipeline.hmget(this.prefix + key, 'version', 'document');
    const results = (await pipeline.exec()) ?? [];
    const items: StoreItems = {};
    results.forEach(([error, value], index) => {
      if (error) throw error;
      const [version, document] = value as [string | null, string | null];
      if (version !== null && document !== null) {
        items[keys[index]!] = { ...(JSON.parse(document) as object), eTag: version };
      }
    });
    return items;
  }

  async write(changes: StoreItems): Promise<void> {
    const conflicts: string[] = [];
    await Promise.all(
      Object.entries(changes).map(async ([key, item]) => {
        const { eTag, ...document } = (item ?? {}) as { eTag?: string };
        const version = await WRITE_IF_CURRENT.run(this.redis, [this.prefix + key], [JSON.stringify(document), eTag ?? '', this.ttlSeconds]);
        if (version === null) conflicts.push(key);
      }),
    );
    if (conflicts.length > 0) {
      throw new Error(`Storage: error writing ${conflicts.map((key) => `"${key}"`).join(', ')} due to eTag conflict.`);
    }
  }

  async delete(keys: string[]): Promise<void> {
    if (keys.length > 0) await this.redis.del(...keys.map((key) => this.prefix + key));
  }
}
