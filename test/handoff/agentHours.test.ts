import { AgentHours } from '../../src/handoff/agentHours';
import { expectedWaitMinutes } from '../../src/handoff/queueWait';

/** A moment given as IST wall-clock time on the test day. */
const ist = (clock: string) => new Date(`2026-11-28T${clock}:00+05:30`);

describe('agent hours (IST)', () => {
  it.each([
    ['08:00-20:00', '07:59', false],
    ['08:00-20:00', '08:00', true],
    ['08:00-20:00', '19:59', true],
    ['08:00-20:00', '20:00', false],
    // A night shift wraps past midnight.
    ['20:00-08:00', '23:30', true],
    ['20:00-08:00', '03:00', true],
    ['20:00-08:00', '12:00', false],
    // Start equal to end: round the clock.
    ['00:00-00:00', '04:00', true],
  ] as const)('%s at %s IST is open: %s', (window, clock, open) => {
    expect(AgentHours.parse(window).isOpen(ist(clock))).toBe(open);
  });

  it('reads IST whatever the UTC date: 01:00 IST is the previous evening in UTC', () => {
    expect(AgentHours.parse('00:30-02:00').isOpen(new Date('2026-11-27T19:30:00Z'))).toBe(true);
  });

  it.each([
    ['08:00-20:00', '21:30', '2026-11-29T08:00:00+05:30'],
    ['08:00-20:00', '02:30', '2026-11-28T08:00:00+05:30'],
    ['08:00-20:00', '11:30', '2026-11-28T11:30:00+05:30'],
    ['20:00-08:00', '12:00', '2026-11-28T20:00:00+05:30'],
  ] as const)('%s at %s IST: agents are next in at %s', (window, clock, next) => {
    expect(AgentHours.parse(window).nextOpenAt(ist(clock)).toISOString()).toBe(new Date(next).toISOString());
  });

  it('says its hours as the consumer reads them', () => {
    const hours = AgentHours.parse('09:30-18:00');
    expect([hours.opensAt, hours.closesAt]).toEqual(['09:30', '18:00']);
  });
});

describe('the wait told with a place in the queue', () => {
  it.each([
    [1, 6, 6],
    [3, 6, 18],
    [2, 2.5, 5],
    [1, 0.2, 1],
  ])('place %d at %d minutes a chat: %d minutes', (position, average, minutes) => {
    expect(expectedWaitMinutes(position, average)).toBe(minutes);
  });
});
