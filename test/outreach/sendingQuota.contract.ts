import type { SendingQuota } from '../../src/outreach/sendingQuota';

/** A sending quota under test: two handles on one quota, as two instances would hold them. */
export interface SendingQuotaSubject {
  instances: [SendingQuota, SendingQuota];
  close(): Promise<void>;
}

/** What every sending quota must do, in memory or on Redis. */
export function describeSendingQuotaContract(name: string, open: () => Promise<SendingQuotaSubject>): void {
  describe(`${name} (SendingQuota contract)`, () => {
    let subject: SendingQuotaSubject;
    beforeEach(async () => {
      subject = await open();
    });
    afterEach(() => subject.close());

    it('hands out as many slots in a second as the limit, across instances, and more the next second', async () => {
      const [a, b] = subject.instances;
      const taken = await Promise.all(Array.from({ length: 12 }, (_, index) => (index % 2 ? a : b).takeSlot(1_800_000_000, 5)));
      expect(taken.filter(Boolean)).toHaveLength(5);
      expect(await a.takeSlot(1_800_000_001, 5)).toBe(true);
    });

    it('admits unique recipients up to the tier, a known one again, and starts over the next day', async () => {
      const [a, b] = subject.instances;
      expect(await a.admit('2026-11-28', 'wa-1', 2)).toBe(true);
      expect(await b.admit('2026-11-28', 'wa-2', 2)).toBe(true);
      expect(await a.admit('2026-11-28', 'wa-3', 2)).toBe(false);
      expect(await b.admit('2026-11-28', 'wa-1', 2)).toBe(true);
      expect(await a.admit('2026-11-29', 'wa-3', 2)).toBe(true);
    });
  });
}
