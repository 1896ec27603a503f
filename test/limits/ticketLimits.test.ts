import { MemoryRateLimiter } from '../../src/limits/memoryRateLimiter';
import { admitTicket, giveBackTicket, type TicketRules } from '../../src/limits/ticketLimits';

const NOW = new Date('2026-11-28T06:00:00Z');
const DAY = 86_400;
const RULES: TicketRules = { perConversation: { limit: 2, windowSeconds: DAY }, perCa: { limit: 3, windowSeconds: DAY } };

describe('admitTicket', () => {
  it('counts new tickets per conversation and refuses the one past the limit, for that conversation only', async () => {
    const limiter = new MemoryRateLimiter(() => NOW);
    expect(await admitTicket(limiter, RULES, 'stranger', '101000001')).toHaveProperty('keys');
    expect(await admitTicket(limiter, RULES, 'stranger', '101000002')).toHaveProperty('keys');
    expect(await admitTicket(limiter, RULES, 'stranger', '101000003')).toEqual({ limited: 'conversation', retryAfterSeconds: DAY });
    expect(await admitTicket(limiter, RULES, 'neighbour', '101000003')).toHaveProperty('keys');
  });

  it('counts new tickets per CA whichever conversation asks, and does not charge the conversation it refuses', async () => {
    const limiter = new MemoryRateLimiter(() => NOW);
    for (const conversation of ['a', 'b', 'c']) expect(await admitTicket(limiter, RULES, conversation, '101000001')).toHaveProperty('keys');
    expect(await admitTicket(limiter, RULES, 'd', '101000001')).toEqual({ limited: 'connection', retryAfterSeconds: DAY });
    // The refusal took nothing from conversation d's own allowance of two.
    expect(await admitTicket(limiter, RULES, 'd', '101000002')).toHaveProperty('keys');
    expect(await admitTicket(limiter, RULES, 'd', '101000003')).toHaveProperty('keys');
  });

  it('counts a report about no connection (a fraud call) for the conversation alone', async () => {
    const limiter = new MemoryRateLimiter(() => NOW);
    expect(await admitTicket(limiter, RULES, 'caller', null)).toEqual({ keys: ['tickets:conversation:caller'] });
  });

  it('gives back both counts of an admission that opened nothing', async () => {
    const limiter = new MemoryRateLimiter(() => NOW);
    const first = await admitTicket(limiter, { ...RULES, perCa: { limit: 1, windowSeconds: DAY } }, 'a', '101000001');
    if ('limited' in first) throw new Error('the first ticket should be admitted');
    await giveBackTicket(limiter, first);
    expect(await admitTicket(limiter, { ...RULES, perCa: { limit: 1, windowSeconds: DAY } }, 'a', '101000001')).toHaveProperty('keys');
    expect(await admitTicket(limiter, RULES, 'a', '101000002')).toHaveProperty('keys');
  });
});
