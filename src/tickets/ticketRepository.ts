import type { AreaScope } from '../auth/staff';
import type { Area } from '../backend/meterBackend';
import type { Ticket, TicketCategory } from './ticket';

/** What became of a save: stored, or why not (someone else changed it first, it is gone, or reopening it would make two open tickets for one problem). */
export type SaveOutcome = 'saved' | 'stale' | 'missing' | 'taken';

/** Storage of tickets; the Redis implementation must keep `openOrJoin` and `save` atomic across instances. */
export interface TicketRepository {
  /** A new serial for a ticket number, unique across instances. */
  nextSerial(): Promise<number>;
  /**
   * Stores `candidate` unless this consumer already has an open ticket of the same category; then
   * adds the candidate's description to that ticket's later reports, raises its priority if the
   * candidate's is higher, and returns it instead. With a `requestKey`, a retry of the same request
   * (even racing the first on another instance) returns the first outcome and changes nothing.
   */
  openOrJoin(candidate: Ticket, requestKey?: string): Promise<{ ticket: Ticket; joined: boolean }>;
  /**
   * Replaces a ticket's working state if its stored revision is still `expectedRevision`. Later
   * reports and a priority raised by a joining complaint meanwhile are kept; a priority never drops.
   */
  save(ticket: Ticket, expectedRevision: number): Promise<SaveOutcome>;
  findByNumber(number: string): Promise<Ticket | null>;
  /** The consumer's tickets, newest first. */
  findByConsumer(caNumber: string): Promise<Ticket[]>;
  /** Tickets whose area lies within `scope` (an empty scope is everywhere), newest first. */
  findByArea(scope: AreaScope): Promise<Ticket[]>;
  /**
   * The open tickets (OPEN_STATUSES) within `scope`, newest first, read from an index kept in the
   * same atomic write as each ticket: a field list or an outage check costs what is open, not every
   * ticket the area ever had.
   */
  findOpenByArea(scope: AreaScope): Promise<Ticket[]>;
}

/** The key under which a consumer's open ticket of one category is unique. */
export function openTicketKey(caNumber: string, category: TicketCategory): string {
  return `${caNumber}:${category}`;
}

/** The levels of the area tree, widest first. */
export const AREA_LEVELS = ['circle', 'division', 'subDivision', 'section'] as const;

/** True when `area` lies within `scope`: every level the scope names matches. */
export function withinScope(area: Area | null, scope: AreaScope): boolean {
  if (!area) return false;
  return AREA_LEVELS.every((level) => scope[level] === undefined || scope[level] === area[level]);
}

/** How long a create request is remembered for retries: longer than any client keeps retrying. */
export const REQUEST_MEMORY_SECONDS = 24 * 3600;
