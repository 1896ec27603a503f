import type { AreaScope } from '../auth/staff';
import { revisionOf } from './lifecycle';
import { followersOf, higherPriority, OPEN_STATUSES, type Ticket } from './ticket';
import { openTicketKey, withinScope, type SaveOutcome, type TicketRepository } from './ticketRepository';

/** In-process tickets, the embedded default. Single-threaded JS makes each method atomic here. */
export class MemoryTicketRepository implements TicketRepository {
  private readonly tickets = new Map<string, Ticket>();
  /** Outcome of each create request, by request key; in-process memory dies with the process anyway. */
  private readonly requests = new Map<string, { number: string; joined: boolean }>();
  /** Numbers of the tickets in an open status, kept with every write. */
  private readonly open = new Set<string>();
  private serial = 0;

  async nextSerial(): Promise<number> {
    this.serial += 1;
    return this.serial;
  }

  async openOrJoin(candidate: Ticket, requestKey?: string): Promise<{ ticket: Ticket; joined: boolean }> {
    const seen = requestKey === undefined ? undefined : this.requests.get(requestKey);
    const seenTicket = seen && this.tickets.get(seen.number);
    if (seen && seenTicket) return { ticket: seenTicket, joined: seen.joined };
    const outcome = this.openOrJoinNow(candidate);
    if (requestKey !== undefined) this.requests.set(requestKey, { number: outcome.ticket.number, joined: outcome.joined });
    return outcome;
  }

  async save(ticket: Ticket, expectedRevision: number): Promise<SaveOutcome> {
    const current = this.tickets.get(ticket.number);
    if (!current) return 'missing';
    if (revisionOf(current) !== expectedRevision) return 'stale';
    const rival = OPEN_STATUSES.includes(ticket.status) ? this.findOpen(ticket) : undefined;
    if (rival && rival.number !== ticket.number) return 'taken';
    this.store({
      ...ticket,
      priority: higherPriority(current.priority, ticket.priority),
      laterReports: current.laterReports,
      ...(current.followers ? { followers: current.followers } : {}),
    });
    return 'saved';
  }

  async findByNumber(number: string): Promise<Ticket | null> {
    return this.tickets.get(number) ?? null;
  }

  async findByConsumer(caNumber: string): Promise<Ticket[]> {
    return this.newestFirst((ticket) => ticket.caNumber === caNumber);
  }

  async findByArea(scope: AreaScope): Promise<Ticket[]> {
    return this.newestFirst((ticket) => withinScope(ticket.area, scope));
  }

  async findOpenByArea(scope: AreaScope): Promise<Ticket[]> {
    return [...this.open]
      .map((number) => this.tickets.get(number)!)
      .filter((ticket) => withinScope(ticket.area, scope))
      .sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  }

  private openOrJoinNow(candidate: Ticket): { ticket: Ticket; joined: boolean } {
    const existing = this.findOpen(candidate);
    if (existing) {
      const joined: Ticket = {
        ...existing,
        priority: higherPriority(existing.priority, candidate.priority),
        laterReports: [...existing.laterReports, candidate.description],
      };
      const followers = followersOf(existing.contact, [...(existing.followers ?? []), candidate.contact]);
      if (followers.length > 0) joined.followers = followers;
      this.store(joined);
      return { ticket: joined, joined: true };
    }
    this.store(candidate);
    return { ticket: candidate, joined: false };
  }

  private store(ticket: Ticket): void {
    this.tickets.set(ticket.number, ticket);
    if (OPEN_STATUSES.includes(ticket.status)) this.open.add(ticket.number);
    else this.open.delete(ticket.number);
  }

  private newestFirst(keep: (ticket: Ticket) => boolean): Ticket[] {
    return [...this.tickets.values()].filter(keep).sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  }

  /** The consumer's open ticket for the same problem as `ticket`; never for reports without a consumer. */
  private findOpen(ticket: Ticket): Ticket | undefined {
    if (ticket.caNumber === null) return undefined;
    const key = openTicketKey(ticket.caNumber, ticket.category);
    return [...this.tickets.values()].find(
      (other) => other.caNumber !== null && openTicketKey(other.caNumber, other.category) === key && OPEN_STATUSES.includes(other.status),
    );
  }
}
