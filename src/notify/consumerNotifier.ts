import type { Language } from '../i18n/language';

/** A message for a consumer, kept as a locale key so it is written in their language at sending time. */
export interface ConsumerNotice {
  key: string;
  params?: Record<string, string | number>;
}

/** Where the consumer last talked to Sampark: the same fields a ticket's contact holds. */
export interface ConsumerContact {
  channel: string;
  conversationId: string;
  language: Language;
}

/** What became of a notice: delivered (or queued durably for delivery), or why it could not be. */
export type NoticeOutcome = { delivered: true } | { delivered: false; reason: 'unknown_conversation' | 'channel_refused' | 'unsupported_channel' };

/**
 * Tells a consumer something they did not just ask about (a ticket update, an agent's reply), on the
 * channel they used and in their language. Implementations route by channel; a notice that cannot
 * be delivered is reported, never silently dropped.
 */
export interface ConsumerNotifier {
  notify(contact: ConsumerContact, notice: ConsumerNotice): Promise<NoticeOutcome>;
}
