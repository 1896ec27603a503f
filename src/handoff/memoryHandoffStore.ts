import type { HandoffRecord } from './handoffRecord';
import type { HandoffStore } from './handoffStore';

/** Handoff records in process memory, the embedded default. */
export class MemoryHandoffStore implements HandoffStore {
  private readonly records = new Map<string, HandoffRecord>();
  /** Maps keep insertion order, so this is the queue in order of queueing. */
  private readonly waiting = new Set<string>();

  async get(conversationId: string): Promise<HandoffRecord | null> {
    const record = this.records.get(conversationId);
    // Copies, so a caller changing its record cannot change the stored one behind the version check.
    return record ? structuredClone(record) : null;
  }

  async compareAndSet(next: HandoffRecord, expectedVersion: number): Promise<boolean> {
    const id = next.request.conversationId;
    if ((this.records.get(id)?.version ?? 0) !== expectedVersion) return false;
    this.records.set(id, structuredClone(next));
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
}
