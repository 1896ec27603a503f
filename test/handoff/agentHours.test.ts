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
