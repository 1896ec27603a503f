import type { AuditEntry, AuditLog } from './auditLog';

/** In-process audit log, the embedded default; keeps the newest `capacity` entries. */
export class MemoryAuditLog implements AuditLog {
  private readonly entries: AuditEntry[] = [];

  constructor(private readonly capacity = 10_000) {}

  async record(entry: AuditEntry): Promise<void> {
    this.entries.push(entry);
    if (this.entries.length > this.capacity) this.entries.shift();
  }

  async recent(limit: number, subject?: string): Promise<AuditEntry[]> {
    const matching = subject === undefined ? this.entries : this.entries.filter((entry) => entry.subject === subject);
    return matching.slice(-limit).reverse();
  }
}
