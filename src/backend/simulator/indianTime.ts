/**
 * Calendar arithmetic in Indian Standard Time. Meter days, morning debits and the monthly bill follow
 * the consumer's calendar in Bihar, not the server's time zone.
 */

const IST_OFFSET_MS = (5 * 60 + 30) * 60_000;
const DAY_MS = 24 * 60 * 60_000;

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
