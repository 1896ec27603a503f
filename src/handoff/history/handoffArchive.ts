import type { HandoffRecord } from '../handoffRecord';

/**
 * Finished agent conversations, kept so the next agent sees what was said before: a conversation
 * asks for an agent again and again on one id (WhatsApp), and each new request starts the live record
 * afresh. Each finished request is kept once, found by its consumer's CA number.
 */
export interface HandoffArchive {
  /** Keeps a finished record (resolved, expired or cancelled); keeping the same request again changes nothing. */
  keep(record: HandoffRecord): Promise<void>;
  /** One kept request by its archive id (see archiveIdOf). */
  get(archiveId: string): Promise<HandoffRecord | null>;
  /** The kept requests of a consumer, the newest first, at most `limit`. */
  byConsumer(caNumber: string, limit: number): Promise<HandoffRecord[]>;
}

/** One request of one conversation: the conversation id and when the consumer asked. */
export function archiveIdOf(record: HandoffRecord): string {
  return `${record.request.conversationId}@${record.request.requestedAt}`;
}
