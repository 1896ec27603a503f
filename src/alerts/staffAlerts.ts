import { z } from 'zod';
import { TicketCategorySchema } from '../config/ticketPolicy';
import { TicketPrioritySchema } from '../tickets/ticket';

/**
 * Something a member of staff must hear about without looking for it. Today: a ticket of their area
 * passed its due time. It carries what the inbox shows, so reading it needs no ticket lookup.
 */
export const StaffAlertSchema = z.object({
  /** The same event gives the same id: delivering it twice (a retried job) stores it once. */
  id: z.string().min(1).max(200),
  at: z.iso.datetime(),
  kind: z.literal('sla_breach'),
  ticket: z.object({
    number: z.string(),
    category: TicketCategorySchema,
    priority: TicketPrioritySchema,
    section: z.string().nullable(),
    dueAt: z.iso.datetime(),
  }),
});
export type StaffAlert = z.infer<typeof StaffAlertSchema>;

/** An alert as its reader sees it. */
export type InboxAlert = StaffAlert & { read: boolean };

export interface Inbox {
  /** Newest first. */
  alerts: InboxAlert[];
  unread: number;
}

/** One inbox per member of staff; the Redis implementation is shared by every instance. */
export interface StaffAlerts {
  /** Puts `alert` in each of these inboxes, unread; an alert already there is left as it is. */
  deliver(usernames: readonly string[], alert: StaffAlert): Promise<void>;
  /** The newest `limit` alerts of one inbox and how many of the kept ones are unread. */
  inbox(username: string, limit: number): Promise<Inbox>;
  /** Marks these alerts of one inbox read (unknown ids are ignored); resolves with how many stay unread. */
  markRead(username: string, ids: readonly string[]): Promise<number>;
}

/** An inbox keeps this many alerts; older ones give way (a supervisor reads the list, not an archive). */
export const INBOX_CAPACITY = 200;
/** An inbox nobody received anything in for this long is dropped (Redis). */
export const INBOX_TTL_SECONDS = 30 * 24 * 3600;
