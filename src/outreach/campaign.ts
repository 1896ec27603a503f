import { z } from 'zod';
import { AreaSchema, TargetCriteriaSchema } from '../backend/meterBackend';
import { LANGUAGES } from '../i18n/language';

/**
 * An outreach campaign: the door-to-door "Sampark Abhiyan" as WhatsApp messages to the consumers the
 * backend finds by its criteria, and a visit list for those chat cannot reach.
 */

export const CampaignStatusSchema = z.enum(['draft', 'running', 'paused', 'stopped', 'completed']);
export type CampaignStatus = z.infer<typeof CampaignStatusSchema>;

export const CampaignCriteriaSchema = TargetCriteriaSchema;
export type CampaignCriteria = z.infer<typeof CampaignCriteriaSchema>;

/** A campaign as stored: what the supervisor asked for and where it stands. */
export const CampaignRecordSchema = z.object({
  id: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/),
  name: z.string().trim().min(1).max(120),
  criteria: CampaignCriteriaSchema,
  language: z.enum(LANGUAGES),
  status: CampaignStatusSchema,
  createdAt: z.iso.datetime(),
  createdBy: z.string(),
  startedAt: z.iso.datetime().nullable(),
  finishedAt: z.iso.datetime().nullable(),
  /** When every target had been found and queued; sending waits for it. */
  preparedAt: z.iso.datetime().nullable(),
});
export type CampaignRecord = z.infer<typeof CampaignRecordSchema>;

/**
 * What can happen to one consumer of a campaign, each at most once. `resolved` is recorded with the
 * first of recharged and mobile updated, so the funnel counts each consumer once.
 */
export const OUTCOMES = [
  'targeted',
  'sent',
  'delivered',
  'read',
  'failed',
  'replied',
  'recharged',
  'mobile_updated',
  'resolved',
  'opted_out',
  'visit_needed',
  'visited',
] as const;
export type Outcome = (typeof OUTCOMES)[number];

/** One consumer a campaign reaches, as found when it started. */
export const RecipientSchema = z.object({
  caNumber: z.string().regex(/^\d{9,12}$/),
  /** Kept to send the template; never logged. Null puts the consumer on the visit list. */
  mobile: z.string().regex(/^[6-9]\d{9}$/).nullable(),
  /** The WhatsApp conversation id of that mobile (a keyed hash), null without a mobile. */
  conversationId: z.string().nullable(),
  area: AreaSchema,
  urban: z.boolean(),
  /** The balance when targeted: a later positive balance above it is a recharge. */
  balance: z.number(),
});
export type Recipient = z.infer<typeof RecipientSchema>;

/** Buttons of the campaign template, in their order; each quick reply's payload names its action. */
export const CAMPAIGN_ACTIONS = ['recharge', 'update_mobile', 'agent', 'stop'] as const;
export const CampaignActionSchema = z.enum(CAMPAIGN_ACTIONS);
export type CampaignAction = z.infer<typeof CampaignActionSchema>;

/**
 * The quick-reply payload of an action in a campaign's message about one connection: what WhatsApp
 * hands back when it is tapped. The connection is named because one mobile may have several, each
 * sent its own message.
 */
export function actionPayload(campaignId: string, action: CampaignAction, caNumber: string): string {
  return `campaign:${campaignId}:${action}:${caNumber}`;
}

/** The campaign, action and connection a reply carries (null connection on buttons sent before they named one), or null for any other text. */
export function parseActionPayload(text: string): { campaignId: string; action: CampaignAction; caNumber: string | null } | null {
  const match = /^campaign:([A-Za-z0-9_-]{1,64}):([a-z_]+)(?::(\d{9,12}))?$/.exec(text.trim());
  const action = CampaignActionSchema.safeParse(match?.[2]);
  return match && action.success ? { campaignId: match[1]!, action: action.data, caNumber: match[3] ?? null } : null;
}

/** What a supervisor may do to a campaign, and from which statuses. */
export const COMMANDS = {
  start: { from: ['draft', 'paused'], to: 'running' },
  pause: { from: ['running'], to: 'paused' },
  stop: { from: ['draft', 'running', 'paused'], to: 'stopped' },
} as const satisfies Record<string, { from: readonly CampaignStatus[]; to: CampaignStatus }>;
export type CampaignCommand = keyof typeof COMMANDS;
