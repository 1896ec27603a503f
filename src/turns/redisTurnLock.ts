import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Redis } from 'ioredis';
import { RedisScript } from '../store/redisScript';
import { LocalTurnQueue } from './localTurnQueue';
import { TurnLockTimeoutError, type TurnLock } from './turnLock';

export interface RedisTurnLockOptions {
  redis: Redis;
  prefix: string;
  /** The lock expires this long after its last renewal, so a crashed instance cannot hold it for ever. */
  leaseMs?: number;
  /** How long a turn waits for the lock before it gives up (and its sender retries). */
  waitMs?: number;
  /** Called with how long each acquisition waited, for metrics. */
  onAcquired?: (waitedMs: number) => void;
}

/** Deletes or extends the lock only for the owner of the token, never for a later holder. */
const RELEASE = new RedisScript(`if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end return 0`);
const RENEW = new RedisScript(`if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('PEXPIRE', KEYS[1], ARGV[2]) end return 0`);

const FIRST_RETRY_MS = 5;
const LONGEST_RETRY_MS = 100;

/**
 * The turn lock across instances: a token-owned Redis key with a lease, renewed while the turn runs,
 * with the in-process FIFO in front so an instance asks Redis once per turn, in arrival order.
 */
export class RedisTurnLock implements TurnLock {
  private readonly local = new LocalTurnQueue();
  private readonly leaseMs: number;
  private readonly waitMs: number;

  constructor(private readonly options: RedisTurnLockOptions) {
    this.leaseMs = options.leaseMs ?? 30_000;
    this.waitMs = options.waitMs ?? 30_000;
  }

  runExclusive<T>(conversationKey: string, turn: () => Promise<T>): Promise<T> {
    return this.local.runExclusive(conversationKey, async () => {
      const key = this.options.prefix + conversationKey;
      const token = await this.acquire(key, conversationKey);
      const renewal = setInterval(() => {
        RENEW.run(this.options.redis, [key], [token, this.leaseMs]).catch(() => undefined);
      }, Math.max(10, Math.floor(this.leaseMs / 3)));
      try {
        return await turn();
      } finally {
        clearInterval(renewal);
        await RELEASE.run(this.options.redis, [key], [token]).catch(() => undefined);
      }
    });
  }

  private async acquire(key: string, conversationKey: string): Promise<string> {
    const token = randomUUID();
    // A duration, not a time of day: the monotonic clock, which no clock change moves.
    const started = performance.now();
    let delay = FIRST_RETRY_MS;
    for (;;) {
      const taken = await this.options.redis.set(key, token, 'PX', this.leaseMs, 'NX');
      if (taken === 'OK') {
        this.options.onAcquired?.(performance.now() - started);
        return token;
      }
      if (performance.now() - started + delay > this.waitMs) throw new TurnLockTimeoutError(conversationKey, this.waitMs);
      await sleep(delay);
      delay = Math.min(delay * 2, LONGEST_RETRY_MS);
    }
  }
}
