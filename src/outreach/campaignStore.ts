import { z } from 'zod';
import type { CampaignRecord, CampaignStatus, Outcome, Recipient } from './campaign';

/** Which campaign and consumer a WhatsApp message or conversation belongs to. */
export const CampaignLinkSchema = z.object({ campaignId: z.string(), caNumber: z.string() });
export type CampaignLink = z.infer<typeof CampaignLinkSchema>;

/** The status fields a change sets. */
export type StatusChange = Pick<CampaignRecord, 'status'> & Partial<Pick<CampaignRecord, 'startedAt' | 'finishedAt' | 'preparedAt'>>;

/**
 * Campaigns, their recipients and each recipient's outcomes, shared by every instance in production.
 * Every write that decides something (a status change, a claim, a first outcome) is atomic, so two
 * instances or a job retried after a crash cannot both win it.
 */
export interface CampaignStore {
  create(campaign: CampaignRecord): Promise<void>;
  find(id: string): Promise<CampaignRecord | null>;
  /** Newest first. */
  list(): Promise<CampaignRecord[]>;
  /** Applies `change` if the campaign's status is one of `from`; the campaign after, or null when it was not. */
  changeStatus(id: string, from: readonly CampaignStatus[], change: StatusChange): Promise<CampaignRecord | null>;
  /** Records when targeting finished, whatever the status is by then. */
  markPrepared(id: string, at: string): Promise<void>;
  /** Adds recipients not yet in the campaign, each waiting to be sent (those with a mobile); says how many were new. */
  addRecipients(id: string, recipients: readonly Recipient[]): Promise<number>;
  recipient(id: string, caNumber: string): Promise<Recipient | null>;
  recipients(id: string): Promise<Recipient[]>;
  /** Takes the next recipient waiting to be sent, in CA order; no two callers ever get the same one. */
  claimNext(id: string): Promise<Recipient | null>;
  /** Puts a claimed recipient back in the queue (the send was refused, so nothing went out). */
  release(id: string, caNumber: string): Promise<void>;
  /** How many recipients still wait to be sent. */
  waiting(id: string): Promise<number>;
  /** Records an outcome the first time it happens for this recipient; true when this call recorded it. */
  mark(id: string, caNumber: string, outcome: Outcome, at: string): Promise<boolean>;
  /** How many recipients have each outcome. */
  counts(id: string): Promise<Record<Outcome, number>>;
  /** Every recorded outcome: outcome > CA number > when. */
  outcomes(id: string): Promise<Record<Outcome, Record<string, string>>>;
  /** Remembers which campaign and consumer a sent message (by wamid) and its conversation belong to. */
  link(wamid: string, conversationId: string, link: CampaignLink): Promise<void>;
  linkOfMessage(wamid: string): Promise<CampaignLink | null>;
  /** The campaign that last wrote to this conversation, within the link's lifetime. */
  linkOfConversation(conversationId: string): Promise<CampaignLink | null>;
  /** The consumer this campaign wrote to in this conversation (a tap on an older campaign's button still finds them). */
  caNumberOfConversation(id: string, conversationId: string): Promise<string | null>;
}
