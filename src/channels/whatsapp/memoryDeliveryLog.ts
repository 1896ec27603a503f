import { systemClock, type Clock } from '../../domain/clock';
import type { DeliveryStatus } from './inboundMessage';
import { STATE_RANK, stateOfRank, type DeliveryLog, type DeliveryRecord, type DeliveryState } from './deliveryLog';

interface Entry {
  rank: number;
  record: DeliveryRecord | null;
  expiresAt: number;
}

/** The embedded default: delivery states in this process, lost on restart. */
export class MemoryDeliveryLog implements DeliveryLog {
  private readonly entries = new Map<string, Entry>();
  private lastSweep = 0;

  constructor(
    private readonly ttlSeconds: number,
    private readonly now: Clock = systemClock,
  ) {}

  async record(wamid: string, record: DeliveryRecord): Promise<void> {
    const entry = this.entry(wamid);
    entry.record = structuredClone(record);
  }

  async advance(wamid: string, status: DeliveryStatus): Promise<{ advanced: boolean; record: DeliveryRecord | null }> {
    const entry = this.entry(wamid);
    const advanced = STATE_RANK[status] > entry.rank;
    if (advanced) entry.rank = STATE_RANK[status];
    return { advanced, record: entry.record ? structuredClone(entry.record) : null };
  }

  async stateOf(wamid: string): Promise<DeliveryState | null> {
    const entry = this.entries.get(wamid);
    return entry && entry.expiresAt > this.now().getTime() ? stateOfRank(entry.rank) : null;
  }

  private entry(wamid: string): Entry {
    const now = this.now().getTime();
    this.sweep(now);
    const existing = this.entries.get(wamid);
    const entry = existing && existing.expiresAt > now ? existing : { rank: 0, record: null, expiresAt: 0 };
    entry.expiresAt = now + this.ttlSeconds * 1000;
    this.entries.set(wamid, entry);
    return entry;
  }

  /** At most once a minute, so the map does not grow with every message ever sent. */
  private sweep(now: number): void {
    if (now - this.lastSweep < 60_000) return;
    this.lastSweep = now;
    for (const [wamid, entry] of this.entries) if (entry.expiresAt <= now) this.entries.delete(wamid);
  }
}
