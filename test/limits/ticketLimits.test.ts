import { MemoryRateLimiter } from '../../src/limits/memoryRateLimiter';
import { admitTicket, giveBackTicket, type TicketRules } from '../../src/limits/ticketLimits';

const NOW = new Date('2026-11-28T06:00:00Z');
const DAY = 86_400;
const RULES: TicketRules = { perConversation: { limit: 2, windowSeconds: DAY }, perCa: { limit: 3, windowSeconds: DAY } };

describe('admitTicket', () => {
  it('counts new tickets per conversation and refuses the one past the limit, for that conversation only', async () => {
    const limiter = new MemoryRateLimiter(() => NOW);
    expect(await admitTicket(limiter, RULES, 'stranger', '101000001', 'anyone')).toHaveProperty('keys');
    expect(await admitTicket(limiter, RULES, 'stranger', '101000002', 'anyone')).toHaveProperty('keys');
    expect(await admitTicket(limiter, RULES, 'stranger', '101000003', 'anyone')).toEqual({ limited: 'conversation', retryAfterSeconds: DAY });
    expect(await admitTicket(limiter, RULES, 'neighbour', '101000003', 'anyone')).toHaveProperty('keys');
  });

  it('counts new tickets per CA whichever conversation asks, and does not charge the conversation it refuses', async () => {
    const limiter = new MemoryRateLimiter(() => NOW);
    for (const conversation of ['a', 'b', 'c']) expect(await admitTicket(limiter, RULES, conversation, '101000001', 'anyone')).toHaveProperty('keys');
    expect(await admitTicket(limiter, RULES, 'd', '101000001', 'anyone')).toEqual({ limited: 'connection', retryAfterSeconds: DAY });
    // The refusal took nothing from conversation d's own allowance of two.
    expect(await admitTicket(limiter, RULES, 'd', '101000002', 'anyone')).toHaveProperty('keys');
    expect(await admitTicket(limiter, RULES, 'd', '101000003', 'anyone')).toHaveProperty('keys');
  });

  it('counts a report about no connection (a fraud call) for the conversation alone', async () => {
    const limiter = new MemoryRateLimiter(() => NOW);
    expect(await admitTicket(limiter, RULES, 'caller', null, 'anyone')).toEqual({ keys: ['tickets:conversation:caller'] });
  });

  it('gives back both counts of an admission that opened nothing', async () => {
    const limiter = new MemoryRateLimiter(() => NOW);
    const first = await admitTicket(limiter, { ...RULES, perCa: { limit: 1, windowSeconds: DAY } }, 'a', '101000001', 'anyone');
    if ('limited' in first) throw new Error('the first ticket should be admitted');
    await giveBackTicket(limiter, first);
    expect(await admitTicket(limiter, { ...RULES, perCa: { limit: 1, windowSeconds: DAY } }, 'a', '101000001', 'anyone')).toHaveProperty('keys');
    expect(await admitTicket(limiter, RULES, 'a', '101000002', 'anyone')).toHaveProperty('keys');
  });

  it('counts the registered mobile apart for a CA: strangers who use up the CA\'s allowance do not lock its consumer out', async () => {
    const limiter = new MemoryRateLimiter(() => NOW);
    for (const stranger of ['s1', 's2', 's3']) expect(await admitTicket(limiter, RULES, stranger, '101000001', 'anyone')).toHaveProperty('keys');
    expect(await admitTicket(limiter, RULES, 's4', '101000001', 'anyone')).toEqual({ limited: 'connection', retryAfterSeconds: DAY });
    expect(await admitTicket(limiter, RULES, 'owner', '101000001', 'registered_mobile')).toEqual({
      keys: ['tickets:conversation:owner', 'tickets:ca:101000001:registered-mobile'],
    });
    // The owner's own share is limited too, and its use leaves the strangers' share as it was.
    expect(await admitTicket(limiter, RULES, 'owner-2', '101000001', 'registered_mobile')).toHaveProperty('keys');
    expect(await admitTicket(limiter, RULES, 'owner-3', '101000001', 'registered_mobile')).toHaveProperty('keys');
    expect(await admitTicket(limiter, RULES, 'owner-4', '101000001', 'registered_mobile')).toMatchObject({ limited: 'connection' });
  });
});
