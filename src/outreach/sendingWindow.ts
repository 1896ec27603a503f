/**
 * The IST hours in which campaign messages may go: nobody is woken by a discom at night, whatever the
 * server's time zone.
 */

const IST_OFFSET_MS = (5 * 60 + 30) * 60_000;
const MINUTE_MS = 60_000;
const DAY_MINUTES = 24 * 60;

/** Minutes since 00:00 IST of `instant`. */
function istMinuteOfDay(instant: Date): number {
  const shifted = instant.getTime() + IST_OFFSET_MS;
  return Math.floor((((shifted % 86_400_000) + 86_400_000) % 86_400_000) / MINUTE_MS);
}

/** Whether `instant` falls in the window (from inclusive, until exclusive; from > until wraps past midnight). */
export function isInWindow(window: { from: number; until: number }, instant: Date): boolean {
  const minute = istMinuteOfDay(instant);
  return window.from <= window.until ? minute >= window.from && minute < window.until : minute >= window.from || minute < window.until;
}

/** Milliseconds from `instant` until the window next opens; 0 when it is open. */
export function msUntilWindowOpens(window: { from: number; until: number }, instant: Date): number {
  if (isInWindow(window, instant)) return 0;
  const minutesAhead = (window.from - istMinuteOfDay(instant) + DAY_MINUTES) % DAY_MINUTES;
  const intoMinute = instant.getTime() % MINUTE_MS;
  return minutesAhead * MINUTE_MS - intoMinute;
}

/** The IST calendar day of `instant` ("YYYY-MM-DD"): Meta's daily tier is counted per day here. */
export function istDay(instant: Date): string {
  return new Date(instant.getTime() + IST_OFFSET_MS).toISOString().slice(0, 10);
}

/** Milliseconds from `instant` to 00:00 IST of the next day. */
export function msUntilNextIstDay(instant: Date): number {
  const shifted = instant.getTime() + IST_OFFSET_MS;
  return 86_400_000 - (((shifted % 86_400_000) + 86_400_000) % 86_400_000);
}
