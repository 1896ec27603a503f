import type { Redis } from 'ioredis';
import { RedisScript } from '../store/redisScript';
import { HandoffRecordSchema, WITH_AGENT_SIDE, type HandoffRecord } from './handoffRecord';
import type { HandoffStore } from './handoffStore';

/**
 * Compare-and-set of one record, keeping the queue and the set of assigned conversations in step in
 * the same atomic step.
 * KEYS: record hash, queue (sorted by sequence), sequence counter, assigned set.
 * ARGV: conversation id, expected version, next version, record JSON, 1 when the record is queued,
 * 1 when it is assigned, seconds the record may live (0: as long as the agent side has it).
 */
const COMPARE_AND_SET = new RedisScript(`
local stored = tonumber(redis.call('HGET', KEYS[1], 'version') or '0')
if stored ~= tonumber(ARGV[2]) then return 0 end
redis.call('HSET', KEYS[1], 'version', ARGV[3], 'record', ARGV[4])
if ARGV[5] == '1' then
  if not redis.call('ZSCORE', KEYS[2], ARGV[1]) then
    redis.call('ZADD', KEYS[2], redis.call('INCR', KEYS[3]), ARGV[1])
  end
else
  redis.call('ZREM', KEYS[2], ARGV[1])
end
if ARGV[6] == '1' then redis.call('SADD', KEYS[4], ARGV[1]) else redis.call('SREM', KEYS[4], ARGV[1]) end
if tonumber(ARGV[7]) > 0 then redis.call('EXPIRE', KEYS[1], ARGV[7]) else redis.call('PERSIST', KEYS[1]) end
return 1
`);

/** Handoff records on Redis, shared by every instance. */
export class RedisHandoffStore implements HandoffStore {
  private readonly queueKey: string;
  private readonly sequenceKey: string;
  private readonly assignedKey: string;

  /**
   * `finishedTtlSeconds`: a record back with the bot (or resolved, expired, cancelled) is dropped this
   * long after its last change, so the store does not grow with every conversation that ever asked
   * for an agent; one the agent side has never expires. Absent: records are kept.
   */
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
    private readonly finishedTtlSeconds = 0,
  ) {
    this.queueKey = `${prefix}queue`;
    this.sequenceKey = `${prefix}sequence`;
    this.assignedKey = `${prefix}assigned`;
  }

  async get(conversationId: string): Promise<HandoffRecord | null> {
    const json = await this.redis.hget(this.recordKey(conversationId), 'record');
    return json ? HandoffRecordSchema.parse(JSON.parse(json)) : null;
  }

  async compareAndSet(next: HandoffRecord, expectedVersion: number): Promise<boolean> {
    const id = next.request.conversationId;
    const written = await COMPARE_AND_SET.run(this.redis, [this.recordKey(id), this.queueKey, this.sequenceKey, this.assignedKey], [
      id,
      String(expectedVersion),
      String(next.version),
      JSON.stringify(next),
      next.status === 'queued' ? '1' : '0',
      next.status === 'assigned' ? '1' : '0',
      String(WITH_AGENT_SIDE.includes(next.status) ? 0 : Math.ceil(this.finishedTtlSeconds)),
    ]);
    return written === 1;
  }

  async queued(): Promise<HandoffRecord[]> {
    const ids = await this.redis.zrange(this.queueKey, 0, -1);
    const records = await Promise.all(ids.map((id) => this.get(id)));
    return records.filter((record): record is HandoffRecord => record?.status === 'queued');
  }

  async assigned(): Promise<HandoffRecord[]> {
    const ids = await this.redis.smembers(this.assignedKey);
    const records = await Promise.all(ids.map((id) => this.get(id)));
    return records.filter((record): record is HandoffRecord => record?.status === 'assigned');
  }

  private recordKey(conversationId: string): string {
    return `${this.prefix}record:${conversationId}`;
  }
}
