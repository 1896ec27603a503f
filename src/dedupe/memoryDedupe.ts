import { systemClock, type Clock } from '../domain/clock';
import { randomUUID } from 'node:crypto';
import type { Dedupe } from './dedupe';

interface Claim {
  owner: string;
  expiresAt: number;
}

/** Expired claims are swept at most this often, on a claim. */
const SWEEP_INTERVAL_MS = 60_000;

/** The embedded default: claims in this process. Single-threaded JS makes each claim atomic here. */
export class MemoryDedupe implements Dedupe {
  private readonly claims = new Map<string, Claim>();
  private lastSweep = 0;

  constructor(private readonly now: Clock = systemClock) {}

  async claim(key: string, ttlSeconds: number, owner: string = randomUUID()): Promise<boolean> {
    const now = this.now().getTime();
    this.sweep(now);
    const held = this.claims.get(key);
    if (held && held.expiresAt > now && held.owner !== owner) return false;
    this.claims.set(key, { owner, expiresAt: now + ttlSeconds * 1000 });
    return true;
  }

  async release(key: string, owner: string): Promise<void> {
    if (this.claims.get(key)?.owner === owner) this.claims.delete(key);
  }

  private sweep(now: number): void {
    if (now - this.lastSweep < SWEEP_INTERVAL_MS) return;
    this.lastSweep = now;
    for (const [key, claim] of this.claims) if (claim.expiresAt <= now) this.claims.delete(key);
  }
}
