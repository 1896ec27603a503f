import { systemClock, type Clock } from '../../domain/clock';

/**
 * How many posts one token may make in any one second: a sliding window of the last posts' times.
 * In-process: behind a load balancer each instance counts its own share.
 */
export class PostRateLimiter {
  private readonly recent = new Map<string, number[]>();
  private lastSweep = 0;

  constructor(
    private readonly perSecond: number,
    private readonly now: Clock = systemClock,
  ) {}

  /** Records a post for `key` and says whether it is within the limit; a refused post is not counted. */
  allow(key: string): boolean {
    const now = this.now().getTime();
    this.sweep(now);
    const times = (this.recent.get(key) ?? []).filter((time) => now - time < 1000);
    if (times.length >= this.perSecond) {
      this.recent.set(key, times);
      return false;
    }
    times.push(now);
    this.recent.set(key, times);
    return true;
  }

  /** Forgets keys idle for a second, at most once a second, so the map does not grow with every visitor. */
  private sweep(now: number): void {
    if (now - this.lastSweep < 1000) return;
    this.lastSweep = now;
    for (const [key, times] of this.recent) {
      if (times.every((time) => now - time >= 1000)) this.recent.delete(key);
    }
  }
}
