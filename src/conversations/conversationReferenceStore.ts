import type { ConversationReference } from 'botbuilder';
import { z } from 'zod';
import { TicketPhotoSchema, TicketSiteSchema, type TicketPhoto, type TicketSite } from '../tickets/ticket';

/** Photos kept per conversation; older ones drop off. */
export const MAX_PHOTOS = 10;

/** A site and when the consumer shared it. */
export const SharedSiteSchema = z.object({ site: TicketSiteSchema, sharedAt: z.iso.datetime() });
export type SharedSite = z.infer<typeof SharedSiteSchema>;

/**
 * What the bot keeps about a conversation outside its dialog state: how to reach it again
 * (proactive sends: agent replies, ticket updates), when the consumer last wrote (messaging windows
 * such as WhatsApp's 24 hours), options last offered as a numbered list (text-only renderings), what
 * the consumer shared for a ticket, and the last ticket opened in it.
 */
export interface ConversationRecord {
  reference: Partial<ConversationReference>;
  /** ISO time of the consumer's latest message; null before the first. */
  lastInboundAt: string | null;
  /** The values of options last shown as "1. …, 2. …", so a bare number answers with its value. */
  numberedChoices: string[];
  site: SharedSite | null;
  /** Oldest first, at most MAX_PHOTOS. */
  photos: TicketPhoto[];
  lastTicket: string | null;
}

/** Conversation records by `conversationKey`, shared by every instance in production. */
export interface ConversationReferenceStore {
  /** Stores the reference and moves the last inbound time to `at` (never back); returns the whole record. */
  recordInbound(key: string, reference: Partial<ConversationReference>, at: Date): Promise<ConversationRecord>;
  find(key: string): Promise<ConversationRecord | null>;
  /** Replaces the numbered options (an empty list clears them). */
  setNumberedChoices(key: string, choices: string[]): Promise<void>;
  shareSite(key: string, site: TicketSite, at: Date): Promise<void>;
  addPhoto(key: string, photo: TicketPhoto): Promise<void>;
  noteTicket(key: string, ticketNumber: string): Promise<void>;
}

/** The key of a conversation on a channel. */
export function conversationKey(channelId: string, conversationId: string): string {
  return `${channelId}:${conversationId}`;
}

/** A Bot Framework account: only the id is required; channels leave out the name (the Emulator, Direct Line, Slack). */
const ChannelAccountSchema = z.object({ id: z.string(), name: z.string().optional() }).loose();

/**
 * The shape of a stored reference, checked when it is read back. It takes everything the Bot
 * Framework schema allows, nothing more demanding: a conversation may be just `{ id }`, and
 * `user`/`bot` may lack a name or be absent. A stricter schema here failed every later turn of
 * such a conversation on Redis.
 */
export const ReferenceSchema = z
  .object({
    channelId: z.string(),
    serviceUrl: z.string().optional(),
    conversation: z
      .object({ id: z.string(), isGroup: z.boolean().optional(), conversationType: z.string().optional(), name: z.string().optional() })
      .loose(),
    user: ChannelAccountSchema.optional(),
    bot: ChannelAccountSchema.optional(),
    locale: z.string().optional(),
  })
  .loose();

/** A record's parts as stored (JSON strings), read back through zod. */
export const StoredPhotosSchema = z.array(TicketPhotoSchema);
export const StoredChoicesSchema = z.array(z.string());

/** An empty record for `reference`. */
export function emptyRecord(reference: Partial<ConversationReference>): ConversationRecord {
  return { reference, lastInboundAt: null, numberedChoices: [], site: null, photos: [], lastTicket: null };
}
