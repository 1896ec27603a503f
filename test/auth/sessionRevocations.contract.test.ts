import type { SessionRevocations } from '../../src/auth/sessionRevocations';
import { MemorySessionRevocations } from '../../src/auth/memorySessionRevocations';
import { RedisSessionRevocations } from '../../src/auth/redisSessionRevocations';
import { removeKeys, testRedis, uniquePrefix } from '../support/redis';

const NOW = new Date('2026-11-28T06:00:00Z');
const IN_AN_HOUR = NOW.getTime() / 1000 + 3600;

function describeRevocations(name: string, open: () => Promise<{ revocations: [SessionRevocations, SessionRevocations]; close(): Promise<void> }>): void {
  describe(`${name} (SessionRevocations contract)`, () => {
    let subject: Awaited<ReturnType<typeof open>>;
    beforeEach(async () => {
      subject = await open();
    });
    afterEach(() => subject.close());

    it('knows a revoked token on every handle, and only that one', async () => {
      const [here, elsewhere] = subject.revocations;
      await here.revoke('token-1', IN_AN_HOUR);
      expect(await elsewhere.isRevoked('token-1')).toBe(true);
      expect(await elsewhere.isRevoked('token-2')).toBe(false);
    });
  });
}

describeRevocations('MemorySessionRevocations', async () => {
  const revocations = new MemorySessionRevocations(() => NOW);
  return { revocations: [revocations, revocations], close: async () => undefined };
});

describeRevocations('RedisSessionRevocations', async () => {
  const redis = testRedis();
  const prefix = uniquePrefix('revocations');
  return {
    revocations: [new RedisSessionRevocations(redis, prefix, () => NOW), new RedisSessionRevocations(redis, prefix, () => NOW)],
    close: async () => {
      await removeKeys(redis, prefix);
      redis.disconnect();
    },
  };
});

describe('RedisSessionRevocations', () => {
  it('keeps a revocation only until the token would have expired', async () => {
    const redis = testRedis();
    const prefix = uniquePrefix('revocations');
    await new RedisSessionRevocations(redis, prefix, () => NOW).revoke('token-1', IN_AN_HOUR);
    const ttl = await redis.pttl(`${prefix}token-1`);
    expect(ttl).toBeGreaterThan(3_590_000);
    expect(ttl).toBeLessThanOrEqual(3_600_000);
    await removeKeys(redis, prefix);
    redis.disconnect();
  });
});
