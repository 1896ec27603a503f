import type { AuditEntry, AuditLog } from '../../src/auth/auditLog';
import { MemoryAuditLog } from '../../src/auth/memoryAuditLog';
import { RedisAuditLog } from '../../src/auth/redisAuditLog';
import { removeKeys, testRedis, uniquePrefix } from '../support/redis';

const entry = (minute: number, subject: string | null, action = 'claim'): AuditEntry => ({
  at: new Date(Date.UTC(2026, 10, 28, 6, minute)).toISOString(),
  actor: 'agent1',
  role: 'agent',
  action,
  subject,
  detail: { reason: 'resolved', minutes: 4 },
});

function describeAuditLogContract(name: string, open: () => Promise<{ log: AuditLog; close: () => Promise<void> }>) {
  describe(`${name} (AuditLog contract)`, () => {
    let subject: { log: AuditLog; close: () => Promise<void> };
    beforeEach(async () => {
      subject = await open();
    });
    afterEach(() => subject.close());

    it('returns what was recorded, newest first', async () => {
      for (const minute of [1, 2, 3]) await subject.log.record(entry(minute, `conversation-${minute}`));
      expect((await subject.log.recent(2)).map((e) => e.subject)).toEqual(['conversation-3', 'conversation-2']);
      expect(await subject.log.recent(10)).toHaveLength(3);
    });

    it('finds the entries about one subject', async () => {
      await subject.log.record(entry(1, 'SP00000018', 'accept'));
      await subject.log.record(entry(2, 'SP00000026', 'accept'));
      await subject.log.record(entry(3, 'SP00000018', 'resolve'));
      expect((await subject.log.recent(10, 'SP00000018')).map((e) => e.action)).toEqual(['resolve', 'accept']);
    });

    it('keeps the detail as recorded', async () => {
      await subject.log.record(entry(1, null, 'sign_in'));
      expect((await subject.log.recent(1))[0]).toEqual(entry(1, null, 'sign_in'));
    });
  });
}

describeAuditLogContract('MemoryAuditLog (embedded default)', async () => ({
  log: new MemoryAuditLog(),
  close: async () => undefined,
}));

describeAuditLogContract('RedisAuditLog', async () => {
  const redis = testRedis();
  const prefix = uniquePrefix('audit');
  return {
    log: new RedisAuditLog(redis, `${prefix}log`),
    close: async () => {
      await removeKeys(redis, prefix);
      redis.disconnect();
    },
  };
});
