import type { Redis } from 'ioredis';
import { AuditEntrySchema, type AuditEntry, type AuditLog } from './auditLog';

/** How far back `recent(limit, subject)` looks for a subject's entries. */
const SUBJECT_SCAN = 5000;

/** The audit log as a Redis stream, trimmed to about `capacity` entries; every instance appends to it. */
export class RedisAuditLog implements AuditLog {
  constructor(
    private readonly redis: Redis,
    private readonly key: string,
    private readonly capacity = 1_000_000,
  ) {}

  async record(entry: AuditEntry): Promise<void> {
    await this.redis.xadd(this.key, 'MAXLEN', '~', String(this.capacity), '*', 'entry', JSON.stringify(entry));
  }

  async recent(limit: number, subject?: string): Promise<AuditEntry[]> {
    const rows = await this.redis.xrevrange(this.key, '+', '-', 'COUNT', subject === undefined ? limit : SUBJECT_SCAN);
    const entries = rows.map(([, fields]) => AuditEntrySchema.parse(JSON.parse(fields[1] ?? 'null')));
    return (subject === undefined ? entries : entries.filter((entry) => entry.subject === subject)).slice(0, limit);
  }
}
