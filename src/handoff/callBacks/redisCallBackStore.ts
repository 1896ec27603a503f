import type { Redis } from 'ioredis';
import { RedisScript } from '../../store/redisScript';
import { CallBackSchema, type CallBack } from './callBack';
import type { CallBackStore } from './callBackStore';

/**
 * Adds a call-back unless its conversation has an open one, in one atomic step.
 * KEYS: the conversation's open call-back key, the record hash, the set of open ids.
 * ARGV: id, version, record JSON. Returns the id open for the conversation afterwards.
 */
const ADD = new RedisScript(`
local open = redis.call('GET', KEYS[1])
if open then return open end
redis.call('SET', KEYS[1], ARGV[1])
redis.call('HSET', KEYS[2], 'version', ARGV[2], 'record', ARGV[3])
redis.call('SADD', KEYS[3], ARGV[1])
return ARGV[1]
`);

/**
 * Compare-and-set of one call-back; a closed one leaves the open set and its conversation, and is
 * kept for the time to live.
 * KEYS: record hash, set of open ids, the conversation's open call-back key.
 * ARGV: id, expected version, next version, record JSON, 1 when closed, seconds a closed one is kept.
 */
const COMPARE_AND_SET = new RedisScript(`
local stored = tonumber(redis.call('HGET', KEYS[1], 'version') or '0')
if stored ~= tonumber(ARGV[2]) then return 0 end
redis.call('HSET', KEYS[1], 'version', ARGV[3], 'record', ARGV[4])
if ARGV[5] == '1' then
  redis.call('SREM', KEYS[2], ARGV[1])
  if redis.call('GET', KEYS[3]) == ARGV[1] then redis.call('DEL', KEYS[3]) end
  redis.call('EXPIRE', KEYS[1], ARGV[6])
end
return 1
`);

/** Call-backs on Redis, shared by every instance. */
export class RedisCallBackStore implements CallBackStore {
  private readonly openKey: string;

  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
    private readonly closedTtlSeconds: number,
  ) {
    this.openKey = `${prefix}open`;
  }

  async get(id: string): Promise<CallBack | null> {
    const json = await this.redis.hget(this.recordKey(id), 'record');
    return json ? CallBackSchema.parse(JSON.parse(json)) : null;
  }

  async openFor(conversationId: string): Promise<CallBack | null> {
    const id = await this.redis.get(this.conversationKey(conversationId));
    return id ? this.get(id) : null;
  }

  async add(callBack: CallBack): Promise<CallBack> {
    const keys = [this.conversationKey(callBack.request.conversationId), this.recordKey(callBack.id), this.openKey];
    const id = String(await ADD.run(this.redis, keys, [callBack.id, String(callBack.version), JSON.stringify(callBack)]));
    return id === callBack.id ? callBack : ((await this.get(id)) ?? callBack);
  }

  async compareAndSet(next: CallBack, expectedVersion: number): Promise<boolean> {
    const keys = [this.recordKey(next.id), this.openKey, this.conversationKey(next.request.conversationId)];
    const written = await COMPARE_AND_SET.run(this.redis, keys, [
      next.id,
      String(expectedVersion),
      String(next.version),
      JSON.stringify(next),
      next.status === 'closed' ? '1' : '0',
      String(Math.max(1, Math.ceil(this.closedTtlSeconds))),
    ]);
    return written === 1;
  }

  async open(): Promise<CallBack[]> {
    const ids = await this.redis.smembers(this.openKey);
    const callBacks = await Promise.all(ids.map((id) => this.get(id)));
    return callBacks.filter((callBack): callBack is CallBack => callBack !== null && callBack.status !== 'closed');
  }

  private recordKey(id: string): string {
    return `${this.prefix}record:${id}`;
  }

  private conversationKey(conversationId: string): string {
    return `${this.prefix}conversation:${conversationId}`;
  }
}
