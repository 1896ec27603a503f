import { setTimeout as sleep } from 'node:timers/promises';
import type { Dedupe } from '../../src/dedupe/dedupe';

/** A dedupe store under test: two handles on one store, as two instances would hold them. */
export interface DedupeSubject {
  instances: [Dedupe, Dedupe];
  /** Lets claims of `ttlSeconds` run out (a clock moved on, or real time waited). */
  expire(ttlSeconds: number): Promise<void>;
  close(): Promise<void>;
}

/** What every dedupe store must do, in memory or on Redis. */
export function describeDedupeContract(name: string, open: () => Promise<DedupeSubject>): void {
  describe(`${name} (Dedupe contract)`, () => {
    let subject: DedupeSubject;
    beforeEach(async () => {
      subject = await open();
    });
    afterEach(() => subject.close());

    it('lets exactly one of many concurrent claims of a key win, across instances', async () => {
      const [a, b] = subject.instances;
      const results = await Promise.all(Array.from({ length: 20 }, (_, index) => (index % 2 ? a : b).claim('wamid.SAME', 60)));
      expect(results.filter(Boolean)).toHaveLength(1);
    });

    it('refuses a later claim of the same key while the first lives, and keeps keys apart', async () => {
      const [a, b] = subject.instances;
      expect(await a.claim('wamid.ONE', 60)).toBe(true);
      expect(await b.claim('wamid.ONE', 60)).toBe(false);
      expect(await b.claim('wamid.TWO', 60)).toBe(true);
    });

    it('lets the owner claim again (its own retry) and refuses everyone else', async () => {
      const [a, b] = subject.instances;
      expect(await a.claim('lease', 60, 'job-1')).toBe(true);
      expect(await b.claim('lease', 60, 'job-1')).toBe(true);
      expect(await b.claim('lease', 60, 'job-2')).toBe(false);
      expect(await a.claim('lease', 60)).toBe(false);
    });

    it('frees a key only for its owner', async () => {
      const [a, b] = subject.instances;
      await a.claim('lease', 60, 'job-1');
      await b.release('lease', 'job-2');
      expect(await b.claim('lease', 60, 'job-2')).toBe(false);
      await b.release('lease', 'job-1');
      expect(await b.claim('lease', 60, 'job-2')).toBe(true);
    });

    it('frees a key when its claim runs out', async () => {
      const [a, b] = subject.instances;
      expect(await a.claim('wamid.SHORT', 1, 'job-1')).toBe(true);
      await subject.expire(1);
      expect(await b.claim('wamid.SHORT', 60, 'job-2')).toBe(true);
    });
  });
}

/** Real time passing, for stores that keep their own clock. */
export async function waitSeconds(seconds: number): Promise<void> {
  await sleep(seconds * 1000 + 100);
}
