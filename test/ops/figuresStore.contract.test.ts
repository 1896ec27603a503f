import { FIGURES_RETENTION_DAYS, MEMBERSHIP_RETENTION_DAYS } from '../../src/ops/figuresStore';
import { MemoryFiguresStore } from '../../src/ops/memoryFiguresStore';
import { RedisFiguresStore } from '../../src/ops/redisFiguresStore';
import { removeKeys, testRedis, uniquePrefix } from '../support/redis';
import { describeFiguresStoreContract } from './figuresStore.contract';

describeFiguresStoreContract('MemoryFiguresStore (embedded default)', async () => {
  const store = new MemoryFiguresStore();
  return { instances: [store, store], close: async () => undefined };
});

describeFiguresStoreContract('RedisFiguresStore', async () => {
  const redis = testRedis();
  const other = testRedis();
  const prefix = uniquePrefix('ops');
  return {
    instances: [new RedisFiguresStore(redis, prefix), new RedisFiguresStore(other, prefix)],
    close: async () => {
      await removeKeys(redis, prefix);
      redis.disconnect();
      other.disconnect();
    },
  };
});

describe('RedisFiguresStore keys', () => {
  const redis = testRedis();
  const prefix = uniquePrefix('ops-keys');
  afterAll(async () => {
    await removeKeys(redis, prefix);
    redis.disconnect();
  });

  it('keeps a few keys per day, all expiring: the figures for the retention, who was counted for two days', async () => {
    const store = new RedisFiguresStore(redis, prefix);
    const at = new Date('2026-11-28T04:30:00.000Z');
    for (let index = 0; index < 50; index += 1) {
      const conversation = { channel: 'whatsapp', conversationId: `wa-${index}` };
      await store.recordMessage(conversation, 'check_balance', at);
      await store.recordEscalation(conversation, index % 2 ? 'agent' : 'ticket', at);
      await store.recordTicket({ outcome: 'opened', division: 'Patna East', category: 'meter_test' }, at);
    }
    const keys = (await redis.keys(`${prefix}*`)).sort();
    expect(keys.map((key) => key.slice(prefix.length))).toEqual(
      ['counts', 'escalated', 'handed', 'intents', 'seen', 'tickets'].map((part) => `{2026-11-28}:${part}`),
    );
    for (const key of keys) {
      const ttl = await redis.ttl(key);
      const membership = /:(seen|escalated|handed)$/.test(key);
      expect(ttl).toBeGreaterThan(0);
      expect(ttl).toBeLessThanOrEqual((membership ? MEMBERSHIP_RETENTION_DAYS : FIGURES_RETENTION_DAYS) * 86_400);
      if (!membership) expect(ttl).toBeGreaterThan(MEMBERSHIP_RETENTION_DAYS * 86_400);
    }
  });
});

describe('MemoryFiguresStore retention', () => {
  it('forgets a day once it is older than the retention, as Redis lets its keys expire', async () => {
    const store = new MemoryFiguresStore();
    const conversation = { channel: 'directline', conversationId: 'c1' };
    await store.recordMessage(conversation, 'greeting', new Date('2025-10-01T06:00:00.000Z'));
    await store.recordMessage(conversation, 'greeting', new Date('2025-10-02T06:00:00.000Z'));
    const later = new Date(Date.parse('2025-10-01T06:00:00.000Z') + (FIGURES_RETENTION_DAYS + 1) * 86_400_000);
    await store.recordMessage(conversation, 'greeting', later);
    const [forgotten, kept] = await store.days(['2025-10-01', '2025-10-02']);
    expect(forgotten?.conversations).toBe(0);
    expect(kept?.conversations).toBe(1);
  });
});
