import type { OutboundMessage } from '../channels/whatsapp/graphMessages';

/** What became of one attempt to send a campaign message. */
export type SendResult =
  | { kind: 'accepted'; messageId: string }
  /** The channel answered no: nothing went out. `retryLater` for throttling and passing trouble. */
  | { kind: 'refused'; retryLater: boolean; code: number | null }
  /** No answer: the message may or may not have gone out. */
  | { kind: 'unknown' };

/** Where campaign messages go: WhatsApp in production, the log in the embedded demo. */
export interface OutreachChannel {
  /** The conversation id the channel gives this mobile's chat (a keyed hash, never the number). */
  conversationIdOf(mobile: string): string;
  send(mobile: string, message: OutboundMessage): Promise<SendResult>;
}
