import type { Activity } from 'botbuilder';
import type { Redis } from 'ioredis';
import { RedisScript } from '../../store/redisScript';
import { z } from 'zod';
import {
  pageOf,
  sequenceAfter,
  withId,
  type TranscriptEntry,
  type TranscriptPage,
  type TranscriptStore,
} from './transcriptStore';

/** The Redis connection, key prefix and bounds of the transcripts. */
export interface RedisTranscriptOptions {
  redis: Redis;
  /** Prepended to every key, so deployments and tests can share one Redis. */
  prefix: string;
  maxActivities: number;
  ttlSeconds: number;
}

/**
 * Numbers and stores one activity atomically. A sorted set scored by sequence keeps the order and
 * lets a reader ask for "after the watermark"; the sequence is part of the member, so two identical
 * activities stay two. KEYS: activities, sequence counter. ARGV: activity JSON, max length, ttl.
 */
const APPEND = new RedisScript(`
local sequence = redis.call('INCR', KEYS[2])
redis.call('ZADD', KEYS[1], sequence, sequence .. ':' .. ARGV[1])
redis.call('ZREMRANGEBYRANK', KEYS[1], 0, -(tonumber(ARGV[2]) + 1))
redis.call('EXPIRE', KEYS[1], ARGV[3])
redis.call('EXPIRE', KEYS[2], ARGV[3])
return sequence
`);

const ActivityJson = z.record(z.string(), z.unknown());

/** Transcripts on Redis: every instance serves every conversation. */
export class RedisTranscriptStore implements TranscriptStore {
  constructor(private readonly options: RedisTranscriptOptions) {}

  async open(conversationId: string): Promise<boolean> {
    const set = await this.options.redis.set(this.key(conversationId, 'opened'), '1', 'EX', this.options.ttlSeconds, 'NX');
    return set === 'OK';
  }

  async append(conversationId: string, activity: Partial<Activity>): Promise<Partial<Activity>> {
    const json = JSON.stringify(activity);
    const sequence = Number(
      await APPEND.run(
        this.options.redis,
        [this.key(conversationId, 'activities'), this.key(conversationId, 'sequence')],
        [json, this.options.maxActivities, this.options.ttlSeconds],
      ),
    );
    return withId(conversationId, { sequence, activity: JSON.parse(json) as Partial<Activity> });
  }

  async readAfter(conversationId: string, watermark: string): Promise<TranscriptPage> {
    const newest = Number((await this.options.redis.get(this.key(conversationId, 'sequence'))) ?? 0);
    const seen = sequenceAfter(watermark, newest);
    const members = await this.options.redis.zrangebyscore(this.key(conversationId, 'activities'), `(${seen}`, '+inf');
    return pageOf(conversationId, members.map(parseMember), seen);
  }

  async knows(conversationId: string): Promise<boolean> {
    // A conversation in its first seconds may have only its start marker; a long one, only its sequence.
    return (await this.options.redis.exists(this.key(conversationId, 'opened'), this.key(conversationId, 'sequence'))) > 0;
  }

  /** One hash slot per conversation (the braces), so the script's keys sit together on a Redis Cluster. */
  private key(conversationId: string, part: string): string {
    return `${this.options.prefix}{${conversationId}}:${part}`;
  }
}

function parseMember(member: string): TranscriptEntry {
  const colon = member.indexOf(':');
  const activity = ActivityJson.parse(JSON.parse(member.slice(colon + 1))) as Partial<Activity>;
  return { sequence: Number(member.slice(0, colon)), activity };
}
