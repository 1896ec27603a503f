import { ActivityTypes, type TurnContext } from 'botbuilder';
import type { Memory } from '../bot/session';
import type { Clock } from '../domain/clock';
import { toAsciiDigits } from '../domain/digits';
import { maskMobile } from '../domain/mask';

/** One line of the bot conversation, as an agent reads it after a handoff. */
export interface HistoryLine {
  from: 'consumer' | 'bot';
  text: string;
  at: string;
}

/**
 * The last six exchanges are what an agent reads before answering. The history rides in conversation
 * state, which every turn reads, compares and writes, so older lines and long ones cost every turn.
 */
export const HISTORY_LINES = 12;
/** A menu or a long explanation is cut: the agent needs its gist, not every line. */
export const MAX_LINE_LENGTH = 280;

const MOBILE = /(?<!\d)(?:\+?91[\s-]?)?[6-9]\d{9}(?!\d)/g;
/** An OTP, or any six-digit code said in passing: never kept. */
const CODE = /(?<!\d)\d{6}(?!\d)/g;

/** Mobile numbers and one-time codes masked; names never reach it unmasked (the bot shows them masked). */
export function maskPersonalData(text: string): string {
  return toAsciiDigits(text)
    .replace(MOBILE, (mobile) => maskMobile(mobile.replace(/\D/g, '').slice(-10)))
    .replace(CODE, '******');
}

/** Adds a line, masked and shortened, keeping only the last HISTORY_LINES. */
export function withLine(history: readonly HistoryLine[] | undefined, line: HistoryLine): HistoryLine[] {
  // Only what is kept is masked (a menu can run to a thousand characters); the margin covers a
  // number that straddles the cut, so no unmasked part of it survives.
  const text = maskPersonalData(line.text.trim().slice(0, MAX_LINE_LENGTH + 16));
  if (!text) return [...(history ?? [])];
  const kept = text.length > MAX_LINE_LENGTH ? `${text.slice(0, MAX_LINE_LENGTH)}…` : text;
  return [...(history ?? []), { ...line, text: kept }].slice(-HISTORY_LINES);
}

/**
 * Keeps the last turns of the bot conversation in conversation state, consumer and bot, so a
 * handoff carries what was already said (the agent console shows it; the handoff.initiate event
 * attaches it as the transcript).
 */
export class ConversationHistory {
  constructor(
    private readonly memory: Memory,
    private readonly now: Clock,
  ) {}

  /** The consumer's words of this turn. */
  async consumerSaid(context: TurnContext, text: string): Promise<void> {
    const session = await this.memory.sessionOf(context);
    session.history = withLine(session.history, { from: 'consumer', text, at: this.stampOf(context) });
  }

  /**
   * Records what the bot says in this turn until `stop()`, which comes before the state is saved: the
   * merged replies sent after the save are the same words again.
   */
  /** When the consumer wrote: the channel's stamp, or now when it sent none (or one that is not a date). */
  private stampOf(context: TurnContext): string {
    const timestamp = context.activity.timestamp;
    const at = timestamp ? new Date(timestamp) : this.now();
    return Number.isNaN(at.getTime()) ? this.now().toISOString() : at.toISOString();
  }

  watch(context: TurnContext): { stop(): void } {
    let recording = true;
    context.onSendActivities(async (_context, activities, next) => {
      const said = recording ? activities.filter((activity) => activity.type === ActivityTypes.Message && activity.text) : [];
      if (said.length > 0) {
        const session = await this.memory.sessionOf(context);
        const at = this.now().toISOString();
        for (const activity of said) session.history = withLine(session.history, { from: 'bot', text: activity.text ?? '', at });
      }
      return next();
    });
    return { stop: () => void (recording = false) };
  }
}
