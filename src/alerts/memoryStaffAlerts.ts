import { INBOX_CAPACITY, type Inbox, type StaffAlert, type StaffAlerts } from './staffAlerts';

/** In-process inboxes, the embedded default. */
export class MemoryStaffAlerts implements StaffAlerts {
  /** Per username, alerts by id in delivery order, each with its read flag. */
  private readonly inboxes = new Map<string, Map<string, { alert: StaffAlert; read: boolean }>>();

  constructor(private readonly capacity = INBOX_CAPACITY) {}

  async deliver(usernames: readonly string[], alert: StaffAlert): Promise<void> {
    for (const username of usernames) {
      const inbox = this.inboxes.get(username) ?? new Map<string, { alert: StaffAlert; read: boolean }>();
      this.inboxes.set(username, inbox);
      if (inbox.has(alert.id)) continue;
      inbox.set(alert.id, { alert, read: false });
      const oldestFirst = [...inbox.values()].sort((a, b) => a.alert.at.localeCompare(b.alert.at));
      for (const extra of oldestFirst.slice(0, Math.max(0, inbox.size - this.capacity))) inbox.delete(extra.alert.id);
    }
  }

  async inbox(username: string, limit: number): Promise<Inbox> {
    const entries = [...(this.inboxes.get(username)?.values() ?? [])];
    const newestFirst = entries.sort((a, b) => b.alert.at.localeCompare(a.alert.at));
    return {
      alerts: newestFirst.slice(0, limit).map(({ alert, read }) => ({ ...alert, read })),
      unread: entries.filter((entry) => !entry.read).length,
    };
  }

  async markRead(username: string, ids: readonly string[]): Promise<number> {
    const entries = this.inboxes.get(username) ?? new Map<string, { alert: StaffAlert; read: boolean }>();
    for (const id of ids) {
      const entry = entries.get(id);
      if (entry) entry.read = true;
    }
    return [...entries.values()].filter((entry) => !entry.read).length;
  }
}
