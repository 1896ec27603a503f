import type { ServiceTopic } from '../nlu/hardMoments';

/**
 * The bot's last substantive answer, kept so a follow-up ("kab tak aayegi", "agar nahi aayi to?")
 * is answered from it. Instants are ISO strings: this lives in conversation state.
 */
export type LastAnswer =
  | { topic: 'reconnect_sent'; caNumber: string; sentAt: string; minutes: number }
  | { topic: 'payment_pending'; caNumber: string; amount: number; expectedBy: string; stuckAt: string }
  | { topic: 'ticket_opened'; number: string; dueAt: string }
  | { topic: 'negative_balance'; caNumber: string; needed: number }
  | { topic: 'service'; service: ServiceTopic };
