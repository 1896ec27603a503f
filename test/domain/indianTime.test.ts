import { istDate, isInIstWindow, msUntilIstWindowOpens, msUntilNextIstDay } from '../../src/domain/indianTime';

const DAYTIME = { from: 9 * 60, until: 20 * 60 };
const NIGHT_SHIFT = { from: 22 * 60, until: 6 * 60 };
/** An instant at this IST wall-clock time on 28 November 2026. */
const ist = (clock: string) => new Date(`2026-11-28T${clock}:00.000+05:30`);
const MINUTE = 60_000;

describe('the IST sending window', () => {
  it.each([
    ['08:59', false],
    ['09:00', true],
    ['13:30', true],
    ['19:59', true],
    ['20:00', false],
    ['23:30', false],
  ])('09:00-20:00 at %s IST: open %s', (clock, open) => {
    expect(isInIstWindow(DAYTIME, ist(clock))).toBe(open);
  });

  it('wraps past midnight when it starts later than it ends', () => {
    expect(isInIstWindow(NIGHT_SHIFT, ist('23:00'))).toBe(true);
    expect(isInIstWindow(NIGHT_SHIFT, ist('05:59'))).toBe(true);
    expect(isInIstWindow(NIGHT_SHIFT, ist('12:00'))).toBe(false);
  });

  it('says how long until it opens: none while open, the rest of the night after closing', () => {
    expect(msUntilIstWindowOpens(DAYTIME, ist('10:00'))).toBe(0);
    expect(msUntilIstWindowOpens(DAYTIME, ist('20:00'))).toBe(13 * 60 * MINUTE);
    expect(msUntilIstWindowOpens(DAYTIME, ist('06:30'))).toBe(150 * MINUTE);
    expect(msUntilIstWindowOpens(DAYTIME, new Date(ist('08:59').getTime() + 30_000))).toBe(30_000);
  });

  it('counts days in IST, whatever the server zone', () => {
    expect(istDate(new Date('2026-11-28T18:29:59.000Z'))).toBe('2026-11-28');
    expect(istDate(new Date('2026-11-28T18:30:00.000Z'))).toBe('2026-11-29');
    expect(msUntilNextIstDay(ist('23:00'))).toBe(60 * MINUTE);
  });
});
