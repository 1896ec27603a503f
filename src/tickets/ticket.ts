import { z } from 'zod';
import { AreaSchema } from '../backend/meterBackend';
import { TicketCategorySchema } from '../config/ticketPolicy';

export { TICKET_CATEGORIES, type TicketCategory } from '../config/ticketPolicy';

export const TicketPrioritySchema = z.enum(['normal', 'high', 'urgent']);
export type TicketPriority = z.infer<typeof TicketPrioritySchema>;

/** The more pressing of two priorities: a joining complaint can raise a ticket's priority, never lower it. */
export function higherPriority(a: TicketPriority, b: TicketPriority): TicketPriority {
  const order = TicketPrioritySchema.options;
  return order.indexOf(a) >= order.indexOf(b) ? a : b;
}

export const TicketStatusSchema = z.enum(['open', 'assigned', 'in_progress', 'resolved', 'unresolved', 'closed']);
export type TicketStatus = z.infer<typeof TicketStatusSchema>;

/** Statuses in which the problem is still being worked: a second complaint joins such a ticket. */
export const OPEN_STATUSES: readonly TicketStatus[] = ['open', 'assigned', 'in_progress'];

/** Where the consumer talked to us, so every update reaches them there, in their language. */
export const TicketContactSchema = z.object({
  channel: z.string(),
  conversationId: z.string(),
  language: z.enum(['hi', 'en']),
});

export const TicketSchema = z.object({
  number: z.string(),
  category: TicketCategorySchema,
  priority: TicketPrioritySchema,
  status: TicketStatusSchema,
  /** Null for reports not tied to a connection (a fraud call, a backend outage). */
  caNumber: z.string().nullable(),
  /** The consumer's area from the backend record; null when the backend could not be asked. */
  area: AreaSchema.nullable(),
  description: z.string(),
  contact: TicketContactSchema,
  createdAt: z.iso.datetime(),
  dueAt: z.iso.datetime(),
  /** What each later complaint about the same problem added, oldest first. */
  laterReports: z.array(z.string()),
});
export type Ticket = z.infer<typeof TicketSchema>;
