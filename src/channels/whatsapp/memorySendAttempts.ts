import { systemClock, type Clock } from '../../domain/clock';
import type { SendAttempt, SendAttempts } from './sendAttempts';

interface Entry {
  startedAt: number;
  wamid: string | null;
  expiresAt: number;
}

/** The embedded default: attempts in this process (a restart loses them with the outbox they guard). */
export class MemorySendAttempts implements SendAttempts {
  private readonly entries = new Map<string, Entry>();
  private lastSweep = 0;

  constructor(
    private readonly ttlSeconds: number,
    private readonly now: Clock = systemClock,
  ) {}

  async begin(key: string, at: Date): Promise<SendAttempt | null> {
    const existing = this.live(key);
    if (existing) return { startedAt: new Date(existing.startedAt), wamid: existing.wamid };
    this.entries.set(key, { startedAt: at.getTime(), wamid: null, expiresAt: this.expiry() });
    return null;
  }

  async restart(key: string, at: Date): Promise<void> {
    this.entries.set(key, { startedAt: at.getTime(), wamid: null, expiresAt: this.expiry() });
  }

  async accepted(key: string, wamid: string): Promise<void> {
    const existing = this.live(key);
    if (existing) existing.wamid = wamid;
  }

  async forget(key: string): Promise<void> {
    this.entries.delete(key);
  }

  private live(key: string): Entry | null {
    const now = this.now().getTime();
    this.sweep(now);
    const entry = this.entries.get(key);
    return entry && entry.expiresAt > now ? entry : null;
  }

  private expiry(): number {
    return this.now().getTime() + this.ttlSeconds * 1000;
  }

  /** At most once a minute, so the map does not grow with every message ever sent. */
  private sweep(now: number): void {
    if (now - this.lastSweep < 60_000) return;
    this.lastSweep = now;
    for (const [key, entry] of this.entries) if (entry.expiresAt <= now) this.entries.delete(key);
  }
}
