import { WITH_AGENT_SIDE, type HandoffRecord } from './handoffRecord';
import type { HandoffStore } from './handoffStore';

/** How long a record back with the bot is kept, on which clock; without it records are kept. */
export interface MemoryHandoffStoreSettings {
  finishedTtlSeconds: number;
  now: () => Date;
}

/** Handoff records in process memory, the embedded default. */
export class MemoryHandoffStore implements HandoffStore {
  private readonly records = new Map<string, HandoffRecord>();
  /** Maps keep insertion order, so this is the queue in order of queueing. */
  private readonly waiting = new Set<string>();
  /** When each finished record goes; re-inserted on every write, so the earliest comes first. */
  private readonly expiries = new Map<string, number>();

  constructor(private readonly settings: MemoryHandoffStoreSettings | null = null) {}

  async get(conversationId: string): Promise<HandoffRecord | null> {
    this.dropExpired();
    const record = this.records.get(conversationId);
    // Copies, so a caller changing its record cannot change the stored one behind the version check.
    return record ? structuredClone(record) : null;
  }

  async compareAndSet(next: HandoffRecord, expectedVersion: number): Promise<boolean> {
    this.dropExpired();
    const id = next.request.conversationId;
    if ((this.records.get(id)?.version ?? 0) !== expectedVersion) return false;
    this.records.set(id, structuredClone(next));
    this.expiries.delete(id);
    if (this.settings && !WITH_AGENT_SIDE.includes(next.status)) {
      this.expiries.set(id, this.settings.now().getTime() + this.settings.finishedTtlSeconds * 1000);
    }
    if (next.status !== 'queued') this.waiting.delete(id);
    else if (!this.waiting.has(id)) this.waiting.add(id);
    return true;
  }

  async assigned(): Promise<HandoffRecord[]> {
    return [...this.records.values()].filter((record) => record.status === 'assigned').map((record) => structuredClone(record));
  }

  async queued(): Promise<HandoffRecord[]> {
    return [...this.waiting].flatMap((id) => {
      const record = this.records.get(id);
      return record ? [structuredClone(record)] : [];
    });
  }

  /** Finished records past their time, earliest first: the walk stops at the first still due to stay. */
  private dropExpired(): void {
    if (!this.settings) return;
    const now = this.settings.now().getTime();
    for (const [id, expiresAt] of this.expiries) {
      if (expiresAt > now) return;
      this.expiries.delete(id);
      this.records.delete(id);
    }
  }
}
