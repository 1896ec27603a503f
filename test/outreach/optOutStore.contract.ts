import type { OptOutStore } from '../../src/outreach/optOutStore';

/** An opt-out store under test: two handles on one store, as two instances would hold them. */
export interface OptOutStoreSubject {
  instances: [OptOutStore, OptOutStore];
  close(): Promise<void>;
}

/** What every opt-out store must do, in memory or on Redis. */
export function describeOptOutStoreContract(name: string, open: () => Promise<OptOutStoreSubject>): void {
  describe(`${name} (OptOutStore contract)`, () => {
    let subject: OptOutStoreSubject;
    beforeEach(async () => {
      subject = await open();
    });
    afterEach(() => subject.close());

    it('remembers an opt-out for every instance and every campaign, recording it once', async () => {
      const [a, b] = subject.instances;
      expect(await a.isOptedOut('wa-one')).toBe(false);
      expect(await a.optOut('wa-one', '2026-11-28T05:00:00.000Z', 'c1')).toBe(true);
      expect(await b.optOut('wa-one', '2026-11-28T06:00:00.000Z', 'c2')).toBe(false);
      expect(await b.isOptedOut('wa-one')).toBe(true);
      expect(await b.isOptedOut('wa-two')).toBe(false);
    });

    it('takes an opt-out typed outside any campaign', async () => {
      const [a, b] = subject.instances;
      expect(await a.optOut('wa-three', '2026-11-28T05:00:00.000Z', null)).toBe(true);
      expect(await b.isOptedOut('wa-three')).toBe(true);
    });
  });
}
