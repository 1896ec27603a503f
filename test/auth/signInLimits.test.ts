import type Redis from 'ioredis';
import { MemoryAuditLog } from '../../src/auth/memoryAuditLog';
import { hashPassword } from '../../src/auth/passwordHash';
import { SessionTokens } from '../../src/auth/sessionTokens';
import type { StaffAccount } from '../../src/auth/staff';
import { StaffAuthentication } from '../../src/auth/staffAuthentication';
import { RedisRateLimiter } from '../../src/limits/redisRateLimiter';
import { removeKeys, testRedis, uniquePrefix } from '../support/redis';

const SECRET = 'a-test-secret-that-is-long-enough-1234';
const NOW = new Date('2026-11-28T06:00:00Z');
const RULES = {
  perAccountAndSource: { limit: 5, windowSeconds: 900 },
  perAccount: { limit: 50, windowSeconds: 900 },
};

describe('staff sign-in limits on Redis, across instances', () => {
  let account: StaffAccount;
  const connections: Redis[] = [];
  let prefix: string;
  beforeAll(async () => {
    account = { username: 'lineman1', name: 'Sunil Paswan', role: 'lineman', passwordHash: await hashPassword('lineman1-pass') };
  });
  beforeEach(() => {
    prefix = uniquePrefix('sign-in');
  });
  afterEach(async () => {
    await removeKeys(connections[0]!, prefix);
    for (const connection of connections.splice(0)) connection.disconnect();
  });

  /** Two instances of the server: their own Redis connections, one key space, one audit log. */
  function twoInstances(audit: MemoryAuditLog): [StaffAuthentication, StaffAuthentication] {
    const make = () => {
      const redis = testRedis();
      connections.push(redis);
      const limiter = new RedisRateLimiter(redis, prefix, () => NOW);
      return new StaffAuthentication([account], new SessionTokens(SECRET, 3600, () => NOW), audit, { limiter, signInRules: RULES, now: () => NOW });
    };
    return [make(), make()];
  }

  it('verifies no more guesses than the limit when 40 arrive at once on two instances, and then refuses the right password', async () => {
    const audit = new MemoryAuditLog();
    const [first, second] = twoInstances(audit);
    const burst = await Promise.all(
      Array.from({ length: 40 }, (_, index) => (index % 2 === 0 ? first : second).signIn('lineman1', `guess-${index}`, '203.0.113.9')),
    );
    expect(burst.filter((outcome) => !outcome.ok && outcome.problem === 'wrong_credentials')).toHaveLength(5);
    expect(burst.filter((outcome) => !outcome.ok && outcome.problem === 'locked')).toHaveLength(35);
    expect(await second.signIn('lineman1', 'lineman1-pass', '203.0.113.9')).toMatchObject({ ok: false, problem: 'locked' });
    const actions = (await audit.recent(100)).map((entry) => entry.action);
    expect(actions.filter((action) => action === 'sign_in_failed')).toHaveLength(5);
    expect(actions.filter((action) => action === 'sign_in_refused')).toHaveLength(1);
  });

  it('lets the lineman in from another source while one source is locked out', async () => {
    const [first, second] = twoInstances(new MemoryAuditLog());
    for (let attempt = 0; attempt < 10; attempt += 1) await first.signIn('lineman1', 'guess', '203.0.113.9');
    expect(await second.signIn('lineman1', 'lineman1-pass', '198.51.100.4')).toMatchObject({ ok: true });
  });
});
