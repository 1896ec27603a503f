import { z } from 'zod';

/** One thing a person did: who, what, to what, when. Never personal data of consumers. */
export const AuditEntrySchema = z.object({
  at: z.iso.datetime(),
  actor: z.string(),
  role: z.string(),
  action: z.string(),
  /** What was acted on: a conversation id, a ticket number. */
  subject: z.string().nullable(),
  detail: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])).optional(),
});
export type AuditEntry = z.infer<typeof AuditEntrySchema>;

/** Append-only record of every staff action, for the discom's vigilance and grievance audits. */
export interface AuditLog {
  record(entry: AuditEntry): Promise<void>;
  /** The newest entries first, optionally only those about one subject. */
  recent(limit: number, subject?: string): Promise<AuditEntry[]>;
}
