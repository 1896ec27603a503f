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

/**
 * The field lifecycle: open > assigned > accepted > on_the_way > in_progress > resolved or
 * cannot_complete > closed, with on_hold pausing the SLA clock. lifecycle.ts holds the moves.
 */
export const TicketStatusSchema = z.enum([
  'open',
  'assigned',
  'accepted',
  'on_the_way',
  'in_progress',
  'on_hold',
  'resolved',
  'cannot_complete',
  'closed',
]);
export type TicketStatus = z.infer<typeof TicketStatusSchema>;

/** Statuses in which the problem is still being worked: a second complaint joins such a ticket. */
export const OPEN_STATUSES: readonly TicketStatus[] = ['open', 'assigned', 'accepted', 'on_the_way', 'in_progress', 'on_hold'];
/** Statuses in which the work is over but the consumer may still reopen, until the window closes the ticket. */
export const FINISHED_STATUSES: readonly TicketStatus[] = ['resolved', 'cannot_complete'];

/** Where the consumer talked to us, so every update reaches them there, in their language. */
export const TicketContactSchema = z.object({
  channel: z.string(),
  conversationId: z.string(),
  language: z.enum(['hi', 'en']),
});
export type TicketContact = z.infer<typeof TicketContactSchema>;

/**
 * The conversations besides the opener's that joined, as the joins arrived (oldest first, possibly
 * repeated): one per conversation, its latest language, never the opener's own.
 */
export function followersOf(contact: TicketContact, joins: readonly TicketContact[]): TicketContact[] {
  const latest = new Map<string, TicketContact>();
  for (const join of joins) if (join.conversationId !== contact.conversationId) latest.set(join.conversationId, join);
  return [...latest.values()];
}

/** Where the field team should go, as the consumer shared it (a WhatsApp location, for example). */
export const TicketSiteSchema = z.object({
  latitude: z.number().min(-90).max(90),
  longitude: z.number().min(-180).max(180),
  name: z.string().max(300).optional(),
  address: z.string().max(1000).optional(),
});
export type TicketSite = z.infer<typeof TicketSiteSchema>;

/** A photo the consumer sent, kept as the channel's reference to it (the file stays with the channel). */
export const TicketPhotoSchema = z.object({
  /** "whatsapp-media:<media id>": what to fetch the photo with. */
  reference: z.string().min(1).max(300),
  caption: z.string().max(1024).optional(),
  sharedAt: z.iso.datetime(),
});
export type TicketPhoto = z.infer<typeof TicketPhotoSchema>;

/** How a field team closes a ticket it solved; the discom's work-order codes map onto these. */
export const CLOSURE_CODES = [
  'supply_restored',
  'relay_reconnected',
  'communication_restored',
  'meter_replaced',
  'meter_tested_ok',
  'payment_credited',
  'consumer_side_fault',
  'duplicate',
  'other',
] as const;
export const ClosureCodeSchema = z.enum(CLOSURE_CODES);
export type ClosureCode = z.infer<typeof ClosureCodeSchema>;

/** How a ticket was resolved: the code, what was done, and what the team recorded at the meter. */
export const ResolutionSchema = z.object({
  code: ClosureCodeSchema,
  note: z.string(),
  /** The meter's reading (kWh) when the team left it, as read off the display. */
  meterReading: z.number().nonnegative().optional(),
  /** The id of the photo taken (photos/resolutionPhotoStore.ts keeps the bytes). */
  photo: z.string().optional(),
});
export type Resolution = z.infer<typeof ResolutionSchema>;

/** Who holds a ticket: a username and role, never a phone number (the consumer sees only the role). */
export const TicketAssigneeSchema = z.object({ username: z.string(), role: z.string() });
export type TicketAssignee = z.infer<typeof TicketAssigneeSchema>;

/** A field team's note: internal, never sent to the consumer. */
export const TicketNoteSchema = z.object({ at: z.iso.datetime(), by: z.string(), text: z.string() });

/** The working state of a ticket, changed only through lifecycle.ts. */
export const TicketWorkSchema = z.object({
  /** Bumped by every change, so two instances saving at once cannot overwrite each other. */
  revision: z.number().int().nonnegative(),
  assignee: TicketAssigneeSchema.optional(),
  /** While on hold: since when and the status to return to. */
  hold: z.object({ since: z.iso.datetime(), resumeTo: TicketStatusSchema, reason: z.string() }).optional(),
  /** Hours the clock stood still on hold, already added to dueAt. */
  heldHours: z.number().nonnegative(),
  resolution: ResolutionSchema.optional(),
  cannotCompleteReason: z.string().optional(),
  /** When the ticket was resolved or found impossible; the consumer may reopen within the window. */
  finishedAt: z.iso.datetime().optional(),
  reopenCount: z.number().int().nonnegative(),
  breached: z.boolean(),
  notes: z.array(TicketNoteSchema),
});
export type TicketWork = z.infer<typeof TicketWorkSchema>;

/**
 * The problem as a locale key and its values, so each page says it in its own language
 * (`problem.<key>` in locales/<lang>/fieldPage.json); values named `…At` are ISO instants.
 */
export const TicketProblemSchema = z.object({
  key: z.string().regex(/^[a-z][a-z_]{0,59}$/),
  params: z.record(z.string().regex(/^[A-Za-z]{1,40}$/), z.string().max(300)),
});
export type TicketProblem = z.infer<typeof TicketProblemSchema>;

export const TicketSchema = z.object({
  number: z.string(),
  category: TicketCategorySchema,
  priority: TicketPrioritySchema,
  status: TicketStatusSchema,
  /** Null for reports not tied to a connection (a fraud call, a backend outage). */
  caNumber: z.string().nullable(),
  /** The consumer's area from the backend record; null when the backend could not be asked. */
  area: AreaSchema.nullable(),
  /** The problem in English words, for the work-order system and the record. */
  description: z.string(),
  /** The same problem as a locale key, where the opener gave one: what the field page shows. */
  problem: TicketProblemSchema.optional(),
  contact: TicketContactSchema,
  createdAt: z.iso.datetime(),
  dueAt: z.iso.datetime(),
  /** The SLA target it was opened with, so a reopened ticket gets the same time again. */
  slaHours: z.number().positive().optional(),
  /** What each later complaint about the same problem added, oldest first. */
  laterReports: z.array(z.string()),
  /**
   * Other conversations whose complaint joined this ticket (the consumer again on another channel, a
   * family member): each hears every update too, in its own language. One per conversation.
   */
  followers: z.array(TicketContactSchema).optional(),
  /** The site the consumer shared before the ticket was opened, if any. */
  site: TicketSiteSchema.optional(),
  /** Photos the consumer sent before the ticket was opened, oldest first. */
  photos: z.array(TicketPhotoSchema).optional(),
  /** Field-work state (assignee, hold clock, outcome, notes); absent until the ticket is first worked. */
  work: TicketWorkSchema.optional(),
  /** An area outage reported again by another consumer of the section: the first report's number. */
  incident: z.string().optional(),
});
export type Ticket = z.infer<typeof TicketSchema>;
