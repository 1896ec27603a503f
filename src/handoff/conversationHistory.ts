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
