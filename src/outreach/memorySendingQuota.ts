import type { SendingQuota } from './sendingQuota';

/** Sending limits of one process; only the current second and day are kept. */
export class MemorySendingQuota implements SendingQuota {
  private slots = { second: -1, taken: 0 };
  private readonly days = new Map<string, Set<string>>();

  async takeSlot(second: number, limit: number): Promise<boolean> {
    if (this.slots.second !== second) this.slots = { second, taken: 0 };
    if (this.slots.taken >= limit) return false;
    this.slots.taken += 1;
    return true;
  }

  async admit(day: string, conversationId: string, limit: number): Promise<boolean> {
    for (const old of this.days.keys()) if (old < day) this.days.delete(old);
    const recipients = this.days.get(day) ?? new Set<string>();
    this.days.set(day, recipients);
    if (recipients.has(conversationId)) return true;
    if (recipients.size >= limit) return false;
    recipients.add(conversationId);
    return true;
  }
}
