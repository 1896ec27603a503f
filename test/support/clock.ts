/**
 * The hour every test runs at unless it sets its own: 11:30 IST on Saturday 28 November 2026, inside
 * agent hours, the outreach sending window and every other daytime rule, whenever the suite runs.
 */
export const TEST_DAYTIME = new Date('2026-11-28T06:00:00.000Z');

/**
 * A clock that starts at TEST_DAYTIME when the test process starts and moves on with the machine's
 * monotonic clock: durations (token lifetimes, timers, waits) pass as they really do, while the time
 * of day never depends on when or where (which time zone, which faked clock) the suite runs.
 */
export function daytimeClock(): Date {
  return new Date(TEST_DAYTIME.getTime() + performance.now());
}
