import { higherPriority, OPEN_STATUSES, type Ticket } from './ticket';
import { openTicketKey, type TicketRepository } from './ticketRepository';

/** In-process tickets, the embedded default. Single-threaded JS makes openOrJoin atomic here. */
export class MemoryTicketRepository implements TicketRepository {
  private readonly tickets = new Map<string, Ticket>();
  private serial = 0;

  async nextSerial(): Promise<number> {
    this.serial += 1;
    return this.serial;
  }

  async openOrJoin(candidate: Ticket): Promise<{ ticket: Ticket; joined: boolean }> {
    const existing = candidate.caNumber === null ? undefined : this.findOpen(candidate);
    if (existing) {
      const joined: Ticket = {
        ...existing,
        priority: higherPriority(existing.priority, candidate.priority),
        laterReports: [...existing.laterReports, candidate.description],
      };
      this.tickets.set(joined.number, joined);
      return { ticket: joined, joined: true };
    }
    this.tickets.set(candidate.number, candidate);
    return { ticket: candidate, joined: false };
  }

  async findByNumber(number: string): Promise<Ticket | null> {
    return this.tickets.get(number) ?? null;
  }

  async findByConsumer(caNumber: string): Promise<Ticket[]> {
    return [...this.tickets.values()]
      .filter((ticket) => ticket.caNumber === caNumber)
      .sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  }

  private findOpen(candidate: Ticket): Ticket | undefined {
    const key = openTicketKey(candidate.caNumber ?? '', candidate.category);
    return [...this.tickets.values()].find(
      (ticket) =>
        openTicketKey(ticket.caNumber ?? '', ticket.category) === key && OPEN_STATUSES.includes(ticket.status),
    );
  }
}
