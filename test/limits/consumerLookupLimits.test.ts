import { admitLookup, type LookupRules } from '../../src/limits/consumerLookupLimits';
import { MemoryRateLimiter } from '../../src/limits/memoryRateLimiter';

const NOW = new Date('2026-11-28T06:00:00Z');
const DAY = 86_400;
const RULES: LookupRules = { perConversation: { limit: 3, windowSeconds: DAY }, perSource: { limit: 5, windowSeconds: 3600 } };
const inChat = (conversationId: string, source: string | null = null) => ({ conversationId, source });

describe('admitLookup', () => {
  it('counts distinct CA numbers per conversation and refuses the one past the limit', async () => {
    const limiter = new MemoryRateLimiter(() => NOW);
    for (const ca of ['101000001', '101000002', '101000003']) {
      expect(await admitLookup(limiter, RULES, inChat('stranger'), ca)).toEqual({ allowed: true });
    }
    expect(await admitLookup(limiter, RULES, inChat('stranger'), '101000004')).toEqual({ allowed: false, limited: 'conversation', retryAfterSeconds: DAY });
    expect(await admitLookup(limiter, RULES, inChat('another-conversation'), '101000004')).toEqual({ allowed: true });
  });

  it('does not count a CA the conversation already looked up, nor one it was refused', async () => {
    const limiter = new MemoryRateLimiter(() => NOW);
    for (let again = 0; again < 10; again += 1) await admitLookup(limiter, RULES, inChat('consumer'), '101000001');
    await admitLookup(limiter, RULES, inChat('consumer'), '101000002');
    await admitLookup(limiter, RULES, inChat('consumer'), '101000003');
    expect(await admitLookup(limiter, RULES, inChat('consumer'), '101000001')).toEqual({ allowed: true });
    expect(await admitLookup(limiter, RULES, inChat('consumer'), '101000004')).toMatchObject({ allowed: false });
    expect(await admitLookup(limiter, RULES, inChat('consumer'), '101000004')).toMatchObject({ allowed: false });
  });

  it('stops a source that opens a new conversation whenever one is limited, and no other source', async () => {
    const limiter = new MemoryRateLimiter(() => NOW);
    const cas = Array.from({ length: 6 }, (_, index) => `10100010${index}`);
    // Two look-ups per fresh chat: each chat stays under its own limit of three.
    for (let index = 0; index < 5; index += 1) {
      expect(await admitLookup(limiter, RULES, inChat(`chat-${Math.floor(index / 2)}`, '203.0.113.7'), cas[index]!)).toEqual({ allowed: true });
    }
    expect(await admitLookup(limiter, RULES, inChat('chat-9', '203.0.113.7'), cas[5]!)).toEqual({ allowed: false, limited: 'source', retryAfterSeconds: 3600 });
    expect(await admitLookup(limiter, RULES, inChat('chat-9', '198.51.100.4'), cas[5]!)).toEqual({ allowed: true });
  });

  it('lets a source look up a CA it already looked up again, in a new chat, and gives back what a refusal counted', async () => {
    const limiter = new MemoryRateLimiter(() => NOW);
    const rules: LookupRules = { ...RULES, perSource: { limit: 1, windowSeconds: 3600 } };
    expect(await admitLookup(limiter, rules, inChat('monday', '203.0.113.7'), '101000001')).toEqual({ allowed: true });
    expect(await admitLookup(limiter, rules, inChat('again', '203.0.113.7'), '101000001')).toEqual({ allowed: true });
    expect(await admitLookup(limiter, rules, inChat('again', '203.0.113.7'), '101000002')).toMatchObject({ allowed: false, limited: 'source' });
    // The refused look-up took nothing from the conversation: it still has two of its three.
    expect(await admitLookup(limiter, rules, inChat('again', '198.51.100.4'), '101000002')).toEqual({ allowed: true });
    expect(await admitLookup(limiter, rules, inChat('again', '192.0.2.1'), '101000003')).toEqual({ allowed: true });
    expect(await admitLookup(limiter, rules, inChat('again', '192.0.2.2'), '101000004')).toMatchObject({ allowed: false, limited: 'conversation' });
  });
});
