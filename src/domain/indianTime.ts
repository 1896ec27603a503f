/**
 * Calendar and clock arithmetic in Indian Standard Time. Meter days, the monthly bill, the daily
 * figures, agent hours and the hours campaigns may write in follow the consumer's day in Bihar, not
 * the server's time zone. India has one zone and no daylight saving: IST is always UTC+05:30.
 */

const IST_OFFSET_MS = (5 * 60 + 30) * 60_000;
const MINUTE_MS = 60_000;
const DAY_MS = 24 * 60 * MINUTE_MS;
const DAY_MINUTES = 24 * 60;

/** A daily IST window in minutes since midnight: from inclusive, until exclusive; from > until wraps past midnight. */
export interface IstWindow {
  from: number;
  until: number;
}

/** 00:00 IST of the day `daysBefore` days before the IST day containing `instant`. */
export function istDayStart(instant: Date, daysBefore = 0): Date {
  const shifted = new Date(instant.getTime() + IST_OFFSET_MS);
  const midnight = Date.UTC(shifted.getUTCFullYear(), shifted.getUTCMonth(), shifted.getUTCDate());
  return new Date(midnight - IST_OFFSET_MS - daysBefore * DAY_MS);
}

/** 00:00 IST on the 1st of the IST month containing `instant`. */
export function istMonthStart(instant: Date): Date {
  const shifted = new Date(instant.getTime() + IST_OFFSET_MS);
  return new Date(Date.UTC(shifted.getUTCFullYear(), shifted.getUTCMonth(), 1) - IST_OFFSET_MS);
}

/** The IST calendar date of `instant`, as "YYYY-MM-DD". */
export function istDate(instant: Date): string {
  return new Date(instant.getTime() + IST_OFFSET_MS).toISOString().slice(0, 10);
}

/** `dayStart` plus a wall-clock time of that IST day. */
export function istTimeOn(dayStart: Date, hours: number, minutes = 0): Date {
  return new Date(dayStart.getTime() + (hours * 60 + minutes) * 60_000);
}

/** Minutes since 00:00 IST of `instant`. */
export function istMinuteOfDay(instant: Date): number {
  const shifted = instant.getTime() + IST_OFFSET_MS;
  return Math.floor((((shifted % DAY_MS) + DAY_MS) % DAY_MS) / MINUTE_MS);
}

/** Whether `instant` falls in the window. */
export function isInIstWindow(window: IstWindow, instant: Date): boolean {
  const minute = istMinuteOfDay(instant);
  return window.from <= window.until ? minute >= window.from && minute < window.until : minute >= window.from || minute < window.until;
}

/** Milliseconds from `instant` until the window next opens; 0 when it is open. */
export function msUntilIstWindowOpens(window: IstWindow, instant: Date): number {
  if (isInIstWindow(window, instant)) return 0;
  const minutesAhead = (window.from - istMinuteOfDay(instant) + DAY_MINUTES) % DAY_MINUTES;
  return minutesAhead * MINUTE_MS - (instant.getTime() % MINUTE_MS);
}

/** Milliseconds from `instant` to 00:00 IST of the next day. */
export function msUntilNextIstDay(instant: Date): number {
  const shifted = instant.getTime() + IST_OFFSET_MS;
  return DAY_MS - (((shifted % DAY_MS) + DAY_MS) % DAY_MS);
}
