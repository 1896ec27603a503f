import type { Redis } from 'ioredis';
import type { HandoffQueue, HandoffRequest, QueuePlacement } from './handoffQueue';

/**
 * Queues a conversation once: the first ask takes the next sequence number as its place.
 * KEYS: queue (sorted by sequence), requests hash, sequence counter. ARGV: conversation id, request JSON.
 * Returns 1 when it was already waiting.
 */
const ENQUEUE_ONCE = `
if redis.call('ZSCORE', KEYS[1], ARGV[1]) then return 1 end
local sequence = redis.call('INCR', KEYS[3])
redis.call('ZADD', KEYS[1], sequence, ARGV[1])
redis.call('HSET', KEYS[2], ARGV[1], ARGV[2])
return 0
`;

/** The handoff queue on Redis, shared by every instance, in order of first asking. */
export class RedisHandoffQueue implements HandoffQueue {
  private readonly queueKey: string;
  private readonly requestsKey: string;
  private readonly sequenceKey: string;

  constructor(
    private readonly redis: Redis,
    prefix: string,
  ) {
    this.queueKey = `${prefix}waiting`;
    this.requestsKey = `${prefix}requests`;
    this.sequenceKey = `${prefix}sequence`;
  }

  async enqueue(request: HandoffRequest): Promise<QueuePlacement> {
    const already = await this.redis.eval(
      ENQUEUE_ONCE,
      3,
      this.queueKey,
      this.requestsKey,
      this.sequenceKey,
      request.conversationId,
      JSON.stringify(request),
    );
    const position = await this.positionOf(request.conversationId);
    return { position: position ?? 1, alreadyQueued: already === 1 };
  }

  async positionOf(conversationId: string): Promise<number | null> {
    const rank = await this.redis.zrank(this.queueKey, conversationId);
    return rank === null ? null : rank + 1;
  }

  async cancel(conversationId: string): Promise<boolean> {
    const [[, removed]] = (await this.redis
      .multi()
      .zrem(this.queueKey, conversationId)
      .hdel(this.requestsKey, conversationId)
      .exec()) as [[Error | null, number], [Error | null, number]];
    return removed === 1;
  }
}
