import { z } from 'zod';
import type { DayRecord, TicketTally } from './figuresStore';

const DAY_MS = 86_400_000;

/** The longest span one request may ask for: a quarter. */
export const MAX_SPAN_DAYS = 92;
/** How many intents the figures list. */
export const TOP_INTENTS = 10;

/** An IST calendar date as the API takes it. */
export const DateSchema = z.iso.date();

export interface DayFigures {
  date: string;
  conversations: number;
  containedByBot: number;
  /** containedByBot / conversations, to three places; null on a day without conversations. */
  containedShare: number | null;
  handedToAgents: number;
  ticketsOpened: number;
  ticketsResolvedWithinSla: number;
}

/** What GET /api/ops/daily answers. */
export interface DailyFigures {
  days: DayFigures[];
  ticketsByDivision: TicketTally[];
  topIntents: { intent: string; count: number }[];
}

/** Every date from `from` to `to`, both included. */
export function datesBetween(from: string, to: string): string[] {
  const dates: string[] = [];
  for (let day = Date.parse(`${from}T00:00:00Z`); day <= Date.parse(`${to}T00:00:00Z`); day += DAY_MS) {
    dates.push(new Date(day).toISOString().slice(0, 10));
  }
  return dates;
}

/** `date` moved by `days` (negative: earlier). */
export function shiftDate(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** The figures of a span: one row per day, tickets and intents summed over the span. */
export function summarize(records: readonly DayRecord[]): DailyFigures {
  const tickets = new Map<string, TicketTally>();
  const intents = new Map<string, number>();
  const days = records.map((record) => {
    let ticketsOpened = 0;
    let ticketsResolvedWithinSla = 0;
    for (const tally of record.tickets) {
      ticketsOpened += tally.opened;
      ticketsResolvedWithinSla += tally.resolvedWithinSla;
      const key = JSON.stringify([tally.division, tally.category]);
      const sum = tickets.get(key) ?? { division: tally.division, category: tally.category, opened: 0, resolvedWithinSla: 0, resolvedLate: 0 };
      sum.opened += tally.opened;
      sum.resolvedWithinSla += tally.resolvedWithinSla;
      sum.resolvedLate += tally.resolvedLate;
      tickets.set(key, sum);
    }
    for (const { intent, count } of record.intents) intents.set(intent, (intents.get(intent) ?? 0) + count);
    const containedByBot = Math.max(0, record.conversations - record.escalated);
    return {
      date: record.date,
      conversations: record.conversations,
      containedByBot,
      containedShare: record.conversations > 0 ? Math.round((containedByBot / record.conversations) * 1000) / 1000 : null,
      handedToAgents: record.handedToAgents,
      ticketsOpened,
      ticketsResolvedWithinSla,
    };
  });
  return {
    days,
    ticketsByDivision: [...tickets.values()].sort(
      (a, b) => (a.division ?? '\uffff').localeCompare(b.division ?? '\uffff') || a.category.localeCompare(b.category),
    ),
    topIntents: [...intents.entries()]
      .map(([intent, count]) => ({ intent, count }))
      .sort((a, b) => b.count - a.count || a.intent.localeCompare(b.intent))
      .slice(0, TOP_INTENTS),
  };
}
