import type { Redis } from 'ioredis';
import type { Clock } from '../domain/clock';
import type { SessionRevocations } from './sessionRevocations';

/** Revocations every instance sees: one key per revoked token, gone from Redis when the token expires. */
export class RedisSessionRevocations implements SessionRevocations {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
    private readonly now: Clock,
  ) {}

  async revoke(tokenId: string, expiresAt: number): Promise<void> {
    const remainingMs = Math.ceil(expiresAt * 1000 - this.now().getTime());
    if (remainingMs > 0) await this.redis.set(this.prefix + tokenId, '1', 'PX', remainingMs);
  }

  async isRevoked(tokenId: string): Promise<boolean> {
    return (await this.redis.exists(this.prefix + tokenId)) === 1;
  }
}
