import { admitLookup } from '../../src/limits/consumerLookupLimits';
import { MemoryRateLimiter } from '../../src/limits/memoryRateLimiter';

const NOW = new Date('2026-11-28T06:00:00Z');
const THREE_A_DAY = { limit: 3, windowSeconds: 86_400 };

describe('admitLookup', () => {
  it('counts distinct CA numbers per conversation and refuses the one past the limit', async () => {
    const limiter = new MemoryRateLimiter(() => NOW);
    for (const ca of ['101000001', '101000002', '101000003']) {
      expect(await admitLookup(limiter, THREE_A_DAY, 'stranger', ca)).toMatchObject({ allowed: true });
    }
    expect(await admitLookup(limiter, THREE_A_DAY, 'stranger', '101000004')).toEqual({ allowed: false, retryAfterSeconds: 86_400 });
    expect(await admitLookup(limiter, THREE_A_DAY, 'another-conversation', '101000004')).toMatchObject({ allowed: true });
  });

  it('does not count a CA the conversation already looked up, nor one it was refused', async () => {
    const limiter = new MemoryRateLimiter(() => NOW);
    for (let again = 0; again < 10; again += 1) await admitLookup(limiter, THREE_A_DAY, 'consumer', '101000001');
    await admitLookup(limiter, THREE_A_DAY, 'consumer', '101000002');
    await admitLookup(limiter, THREE_A_DAY, 'consumer', '101000003');
    expect(await admitLookup(limiter, THREE_A_DAY, 'consumer', '101000001')).toMatchObject({ allowed: true });
    expect(await admitLookup(limiter, THREE_A_DAY, 'consumer', '101000004')).toMatchObject({ allowed: false });
    expect(await admitLookup(limiter, THREE_A_DAY, 'consumer', '101000004')).toMatchObject({ allowed: false });
  });
});
