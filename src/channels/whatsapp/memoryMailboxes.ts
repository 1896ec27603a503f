import type { Mailboxes, MailboxItem } from './mailboxes';

interface Entry {
  item: MailboxItem;
  order: number;
  sequence: number;
}

/** The embedded default: boxes in this process, lost on restart. */
export class MemoryMailboxes implements Mailboxes {
  private readonly boxes = new Map<string, Entry[]>();
  private sequence = 0;

  async put(box: string, item: MailboxItem, order: number): Promise<boolean> {
    const entries = this.boxes.get(box) ?? [];
    if (entries.some((entry) => entry.item.id === item.id)) return false;
    this.sequence += 1;
    entries.push({ item: { ...item }, order, sequence: this.sequence });
    entries.sort((a, b) => a.order - b.order || a.sequence - b.sequence);
    this.boxes.set(box, entries);
    return true;
  }

  async first(box: string): Promise<MailboxItem | null> {
    const first = this.boxes.get(box)?.[0];
    return first ? { ...first.item } : null;
  }

  async remove(box: string, id: string): Promise<void> {
    const entries = (this.boxes.get(box) ?? []).filter((entry) => entry.item.id !== id);
    if (entries.length > 0) this.boxes.set(box, entries);
    else this.boxes.delete(box);
  }
}
