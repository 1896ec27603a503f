import { z } from 'zod';

/** A conversation as the figures count it: one per channel and id. */
export interface ConversationOnChannel {
  channel: string;
  conversationId: string;
}

/** Who took over from the bot: an agent (the conversation was queued for one) or a field ticket. */
export type EscalationKind = 'agent' | 'ticket';

/** What happened to a ticket on a day: opened, or resolved before or after its SLA due time. */
export const TicketOutcomeSchema = z.enum(['opened', 'resolved_within_sla', 'resolved_late']);
export type TicketOutcome = z.infer<typeof TicketOutcomeSchema>;

/** One ticket event, by where (the consumer's division; null when the backend could not say) and what. */
export interface TicketEvent {
  outcome: TicketOutcome;
  division: string | null;
  category: string;
}

/** How many tickets of one division and category had each outcome on a day. */
export interface TicketTally {
  division: string | null;
  category: string;
  opened: number;
  resolvedWithinSla: number;
  resolvedLate: number;
}

/** Everything recorded on one IST day. */
export interface DayRecord {
  /** "YYYY-MM-DD", IST. */
  date: string;
  /** Conversations with at least one message that day. */
  conversations: number;
  /** Of those, the ones handed to an agent or turned into a ticket (joining an open one counts) that day. */
  escalated: number;
  /** Of those, the ones queued for an agent. */
  handedToAgents: number;
  tickets: TicketTally[];
  /** Messages by recognized intent. */
  intents: { intent: string; count: number }[];
}

/** Whether an event was the first of its kind for the conversation that IST day (metrics count only those). */
export interface FirstToday {
  conversation: boolean;
  escalation: boolean;
  handoff: boolean;
}

/**
 * Where the daily operations figures are kept as things happen. Each conversation is counted once per
 * IST day however many instances see it; what was recorded is kept for about a year.
 */
export interface FiguresStore {
  /** A consumer's message, with its recognized intent (null for a message without text). */
  recordMessage(conversation: ConversationOnChannel, intent: string | null, at: Date): Promise<FirstToday>;
  /**
   * The bot handed the conversation over. Only a conversation that wrote that day counts: a ticket
   * opened outside a chat (a campaign's visit list) escalates no conversation.
   */
  recordEscalation(conversation: ConversationOnChannel, kind: EscalationKind, at: Date): Promise<FirstToday>;
  recordTicket(event: TicketEvent, at: Date): Promise<void>;
  /** What was recorded on each of these IST dates, in the same order; a quiet day is all zeros. */
  days(dates: readonly string[]): Promise<DayRecord[]>;
}

/** The figures are kept this long, then expire. */
export const FIGURES_RETENTION_DAYS = 400;
/** Which conversations were already counted is kept only while their day can still change. */
export const MEMBERSHIP_RETENTION_DAYS = 2;

/** An empty day. */
export function quietDay(date: string): DayRecord {
  return { date, conversations: 0, escalated: 0, handedToAgents: 0, tickets: [], intents: [] };
}

/** The tally field each ticket outcome adds to. */
export const TALLY_FIELD = {
  opened: 'opened',
  resolved_within_sla: 'resolvedWithinSla',
  resolved_late: 'resolvedLate',
} as const satisfies Record<TicketOutcome, keyof Omit<TicketTally, 'division' | 'category'>>;

/** How a conversation is named among a day's conversations. */
export function memberOf(conversation: ConversationOnChannel): string {
  return `${conversation.channel}:${conversation.conversationId}`;
}
