import type { Clock } from '../../domain/clock';
import type { HandoffRecord } from '../handoffRecord';
import { archiveIdOf, type HandoffArchive } from './handoffArchive';

/** Finished conversations in this process (the embedded default), each kept `ttlSeconds` like on Redis. */
export class MemoryHandoffArchive implements HandoffArchive {
  private readonly kept = new Map<string, { record: HandoffRecord; until: number }>();

  constructor(
    private readonly ttlSeconds: number,
    private readonly now: Clock,
  ) {}

  async keep(record: HandoffRecord): Promise<void> {
    this.kept.set(archiveIdOf(record), { record, until: this.now().getTime() + this.ttlSeconds * 1000 });
  }

  async get(archiveId: string): Promise<HandoffRecord | null> {
    const entry = this.kept.get(archiveId);
    if (!entry) return null;
    if (entry.until <= this.now().getTime()) {
      this.kept.delete(archiveId);
      return null;
    }
    return entry.record;
  }

  async byConsumer(caNumber: string, limit: number): Promise<HandoffRecord[]> {
    const ids = [...this.kept.entries()].filter(([, entry]) => entry.record.request.caNumber === caNumber).map(([id]) => id);
    const records = (await Promise.all(ids.map((id) => this.get(id)))).filter((record): record is HandoffRecord => record !== null);
    return records.sort((a, b) => b.request.requestedAt.localeCompare(a.request.requestedAt)).slice(0, limit);
  }
}
