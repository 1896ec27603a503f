import { MemoryRateLimiter } from '../../src/limits/memoryRateLimiter';
import { admitMobileUpdate, type MobileUpdateRules } from '../../src/limits/mobileUpdateLimits';

const NOW = new Date('2026-11-28T06:00:00Z');
const DAY = 86_400;
const RULES: MobileUpdateRules = { perCa: { limit: 2, windowSeconds: DAY }, otpsPerMobile: { limit: 2, windowSeconds: DAY } };
const REGISTERED = '9876500001';

describe('admitMobileUpdate', () => {
  it('stops strangers per CA and per destination number, whichever conversation they use', async () => {
    const limiter = new MemoryRateLimiter(() => NOW);
    expect(await admitMobileUpdate(limiter, RULES, '101000001', [REGISTERED, '9123400001'], null)).toBeNull();
    expect(await admitMobileUpdate(limiter, RULES, '101000001', [REGISTERED, '9123400002'], null)).toBeNull();
    expect(await admitMobileUpdate(limiter, RULES, '101000001', [REGISTERED, '9123400003'], null)).toEqual({ limited: 'connection', retryAfterSeconds: DAY });
    // Another connection of the same registered number: its SMS allowance is already spent.
    expect(await admitMobileUpdate(limiter, RULES, '101000011', [REGISTERED, '9123400003'], null)).toEqual({
      limited: 'number',
      mobile: REGISTERED,
      retryAfterSeconds: DAY,
    });
  });

  it('lets the holder of the registered number through after strangers used up their share, the connection and the OTPs to it', async () => {
    const limiter = new MemoryRateLimiter(() => NOW);
    for (const attacker of ['9123400001', '9123400002']) await admitMobileUpdate(limiter, RULES, '101000001', [REGISTERED, attacker], null);
    expect(await admitMobileUpdate(limiter, RULES, '101000001', [REGISTERED, '9123400009'], null)).toMatchObject({ limited: 'connection' });

    expect(await admitMobileUpdate(limiter, RULES, '101000001', [REGISTERED, '9000000001'], REGISTERED)).toBeNull();
    expect(await admitMobileUpdate(limiter, RULES, '101000001', [REGISTERED, '9000000001'], REGISTERED)).toBeNull();
    // The holder's own share is limited too.
    expect(await admitMobileUpdate(limiter, RULES, '101000001', [REGISTERED, '9000000002'], REGISTERED)).toMatchObject({ limited: 'connection' });
  });

  it('keeps the new number\'s allowance shared: holders of connections cannot flood someone else\'s number', async () => {
    const limiter = new MemoryRateLimiter(() => NOW);
    const victim = '9000000077';
    await admitMobileUpdate(limiter, RULES, '101000001', [REGISTERED, victim], REGISTERED);
    await admitMobileUpdate(limiter, RULES, '101000001', [REGISTERED, victim], REGISTERED);
    expect(await admitMobileUpdate(limiter, RULES, '101000002', ['9876500002', victim], '9876500002')).toEqual({
      limited: 'number',
      mobile: victim,
      retryAfterSeconds: DAY,
    });
  });
});
