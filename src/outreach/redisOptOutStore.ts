import type { Redis } from 'ioredis';
import type { OptOutStore } from './optOutStore';

/** Opt-outs on Redis: one hash, conversation id > when and from which campaign; never expires. */
export class RedisOptOutStore implements OptOutStore {
  constructor(
    private readonly redis: Redis,
    /** Prepended to the key, so deployments and tests can share one Redis. */
    private readonly prefix: string,
  ) {}

  async optOut(conversationId: string, at: string, campaignId: string | null): Promise<boolean> {
    return (await this.redis.hsetnx(`${this.prefix}optouts`, conversationId, JSON.stringify({ at, campaignId }))) === 1;
  }

  async isOptedOut(conversationId: string): Promise<boolean> {
    return (await this.redis.hexists(`${this.prefix}optouts`, conversationId)) === 1;
  }
}
