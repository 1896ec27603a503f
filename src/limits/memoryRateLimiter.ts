import type { RateDecision, RateLimiter, RateRule } from './rateLimiter';

interface Window {
  count: number;
  closesAt: number;
}

/** The embedded default: counts in this process, on the injected clock. One instance only. */
export class MemoryRateLimiter implements RateLimiter {
  private readonly windows = new Map<string, Window>();
  private lastSweep = 0;

  constructor(private readonly now: () => Date) {}

  async consume(key: string, rule: RateRule): Promise<RateDecision> {
    const now = this.now().getTime();
    this.sweep(now);
    const open = this.windows.get(key);
    const window = open && open.closesAt > now ? open : { count: 0, closesAt: now + rule.windowSeconds * 1000 };
    if (window.count >= rule.limit) {
      return { allowed: false, retryAfterSeconds: Math.ceil((window.closesAt - now) / 1000) };
    }
    window.count += 1;
    this.windows.set(key, window);
    return { allowed: true, retryAfterSeconds: 0 };
  }

  async refund(key: string): Promise<void> {
    const open = this.windows.get(key);
    if (open && open.closesAt > this.now().getTime() && open.count > 0) open.count -= 1;
  }

  /** Drops closed windows at most once a minute, so the map does not grow with every key ever seen. */
  private sweep(now: number): void {
    if (now - this.lastSweep < 60_000) return;
    this.lastSweep = now;
    for (const [key, window] of this.windows) if (window.closesAt <= now) this.windows.delete(key);
  }
}
