import type { Ticket, TicketCategory } from './ticket';

/** Storage of tickets; the Redis implementation must keep `openOrJoin` atomic across instances. */
export interface TicketRepository {
  /** A new serial for a ticket number, unique across instances. */
  nextSerial(): Promise<number>;
  /**
   * Stores `candidate` unless this consumer already has an open ticket of the same category; then
   * adds the candidate's description to that ticket's later reports, raises its priority if the
   * candidate's is higher, and returns it instead.
   */
  openOrJoin(candidate: Ticket): Promise<{ ticket: Ticket; joined: boolean }>;
  findByNumber(number: string): Promise<Ticket | null>;
  /** The consumer's tickets, newest first. */
  findByConsumer(caNumber: string): Promise<Ticket[]>;
}

/** The key under which a consumer's open ticket of one category is unique. */
export function openTicketKey(caNumber: string, category: TicketCategory): string {
  return `${caNumber}:${category}`;
}
