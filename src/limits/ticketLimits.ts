import type { RateLimiter, RateRule } from './rateLimiter';

/**
 * How many tickets a consumer may open in chat (configuration: TICKET_LIMIT_PER_CONVERSATION,
 * TICKET_LIMIT_PER_CA). The per-CA allowance is counted twice over, apart: once for whoever types the
 * CA number, once for the connection's own registered mobile as the channel verified it (WhatsApp),
 * so a stranger who uses up the first cannot lock the consumer out of their own connection.
 */
export interface TicketRules {
  perConversation: RateRule;
  perCa: RateRule;
}

/** Who asks for a connection's ticket: its registered mobile, verified by the channel, or anyone else. */
export type CaSender = 'registered_mobile' | 'anyone';

/** Why a consumer may not open a ticket now, and for how long. */
export interface TicketRefusal {
  limited: 'conversation' | 'connection';
  retryAfterSeconds: number;
}

/** The counts one admitted ticket took, to give back when no new ticket came of it. */
export interface TicketAdmission {
  keys: readonly string[];
}

/**
 * Counts one new ticket for the conversation and, when it names one, the CA number, whichever
 * conversation or instance asks: a stranger who knows only CA numbers cannot flood the field teams
 * from one chat, nor bury one connection under tickets from many. Counted before the ticket is
 * opened, so simultaneous requests cannot slip past; a refused count is given back, so the
 * conversation is not charged for a ticket it was not given.
 */
export async function admitTicket(
  limiter: RateLimiter,
  rules: TicketRules,
  conversationId: string,
  caNumber: string | null,
  sender: CaSender,
): Promise<TicketAdmission | TicketRefusal> {
  const conversationKey = `tickets:conversation:${conversationId}`;
  const conversation = await limiter.consume(conversationKey, rules.perConversation);
  if (!conversation.allowed) return { limited: 'conversation', retryAfterSeconds: conversation.retryAfterSeconds };
  if (caNumber === null) return { keys: [conversationKey] };
  const connectionKey = sender === 'registered_mobile' ? `tickets:ca:${caNumber}:registered-mobile` : `tickets:ca:${caNumber}`;
  const connection = await limiter.consume(connectionKey, rules.perCa);
  if (connection.allowed) return { keys: [conversationKey, connectionKey] };
  await limiter.refund(conversationKey);
  return { limited: 'connection', retryAfterSeconds: connection.retryAfterSeconds };
}

/** Gives back what `admitTicket` counted: the request joined an open ticket, repeated an earlier one, or failed. */
export async function giveBackTicket(limiter: RateLimiter, admission: TicketAdmission): Promise<void> {
  for (const key of admission.keys) await limiter.refund(key);
}
