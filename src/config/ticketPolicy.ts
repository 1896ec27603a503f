import { z } from 'zod';

/** Field ticket categories of DOMAIN.md. */
export const TICKET_CATEGORIES = [
  'payment_not_credited',
  'relay_not_reconnecting',
  'meter_not_communicating',
  'meter_defective',
  'meter_test',
  'area_outage',
  'fraud_report',
  /** Somebody calls the consumer back: the bot could not serve them (the meter backend was down). */
  'callback',
  /** A door-to-door visit of an outreach campaign: the consumer has no mobile chat could reach. */
  'sampark_visit',
  'other',
] as const;
export const TicketCategorySchema = z.enum(TICKET_CATEGORIES);
export type TicketCategory = z.infer<typeof TicketCategorySchema>;

const HoursSchema = z.number().positive();
const SlaHoursSchema = z.object({ urban: HoursSchema, rural: HoursSchema });

/** Service-level target in hours per category, urban and rural; a discom changes these by config. */
export const SlaTableSchema = z.record(TicketCategorySchema, SlaHoursSchema).refine(
  (table) => TICKET_CATEGORIES.every((category) => category in table),
  { message: `needs every category: ${TICKET_CATEGORIES.join(', ')}` },
);
export type SlaTable = Record<TicketCategory, { urban: number; rural: number }>;

export const DEFAULT_SLA_HOURS: SlaTable = {
  payment_not_credited: { urban: 24, rural: 48 },
  relay_not_reconnecting: { urban: 4, rural: 8 },
  meter_not_communicating: { urban: 24, rural: 48 },
  meter_defective: { urban: 48, rural: 72 },
  meter_test: { urban: 120, rural: 120 },
  area_outage: { urban: 4, rural: 12 },
  fraud_report: { urban: 72, rural: 72 },
  callback: { urban: 4, rural: 4 },
  sampark_visit: { urban: 120, rural: 168 },
  other: { urban: 72, rural: 96 },
};

/** Windows of the ticket lifecycle a discom tunes: how long a consumer may reopen, how outages group. */
export const TicketLifecyclePolicySchema = z.object({
  /** Hours after resolution in which the consumer's "problem is back" reopens the ticket. */
  reopenWindowHours: HoursSchema,
  /** Minutes in which outage reports from one section link to one parent incident. */
  outageLinkWindowMinutes: z.number().int().positive(),
});
export type TicketLifecyclePolicy = z.infer<typeof TicketLifecyclePolicySchema>;

export const DEFAULT_TICKET_LIFECYCLE_POLICY: TicketLifecyclePolicy = {
  reopenWindowHours: 72,
  outageLinkWindowMinutes: 60,
};
