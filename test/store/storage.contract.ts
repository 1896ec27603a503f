import type { Storage } from 'botbuilder';

/** A storage under test, and how to let go of it. */
export interface StorageSubject {
  storage: Storage;
  close(): Promise<void>;
}

/**
 * What every bot state storage must do, in memory or on Redis: botbuilder's optimistic concurrency
 * contract, on which Sampark's turn ordering relies.
 */
export function describeStorageContract(name: string, open: () => Promise<StorageSubject>): void {
  describe(`${name} (Storage contract)`, () => {
    let subject: StorageSubject;
    let storage: Storage;
    beforeEach(async () => {
      subject = await open();
      storage = subject.storage;
    });
    afterEach(() => subject.close());

    it('reads keys never written as absent', async () => {
      expect(await storage.read(['emulator/conversations/none'])).toEqual({});
    });

    it('reads back what was written, with an eTag', async () => {
      await storage.write({ 'emulator/conversations/c1': { step: 2, caNumber: '101000001' } });
      const { 'emulator/conversations/c1': item } = await storage.read(['emulator/conversations/c1']);
      expect(item).toMatchObject({ step: 2, caNumber: '101000001' });
      expect(typeof item.eTag).toBe('string');
    });

    it('accepts a write with the current eTag and gives the item a new one', async () => {
      await storage.write({ k: { n: 1 } });
      const first = (await storage.read(['k'])).k;
      await storage.write({ k: { ...first, n: 2 } });
      const second = (await storage.read(['k'])).k;
      expect(second.n).toBe(2);
      expect(second.eTag).not.toBe(first.eTag);
    });

    it('rejects a write with a stale eTag and keeps what was stored', async () => {
      await storage.write({ k: { n: 1 } });
      const stale = (await storage.read(['k'])).k;
      await storage.write({ k: { ...stale, n: 2 } });
      await expect(storage.write({ k: { ...stale, n: 3 } })).rejects.toThrow(/eTag conflict/);
      expect((await storage.read(['k'])).k.n).toBe(2);
    });

    it('overwrites with eTag "*" or no eTag', async () => {
      await storage.write({ k: { n: 1 } });
      await storage.write({ k: { n: 2, eTag: '*' } });
      expect((await storage.read(['k'])).k.n).toBe(2);
      await storage.write({ k: { n: 3 } });
      expect((await storage.read(['k'])).k.n).toBe(3);
    });

    it('lets exactly one of two writers holding the same eTag win', async () => {
      await storage.write({ k: { n: 0 } });
      const read = (await storage.read(['k'])).k;
      const outcomes = await Promise.allSettled([
        storage.write({ k: { ...read, n: 1 } }),
        storage.write({ k: { ...read, n: 2 } }),
      ]);
      expect(outcomes.filter((outcome) => outcome.status === 'fulfilled')).toHaveLength(1);
      const winner = outcomes.findIndex((outcome) => outcome.status === 'fulfilled') + 1;
      expect((await storage.read(['k'])).k.n).toBe(winner);
    });

    it('writes several keys in one batch and reads several at once', async () => {
      await storage.write({ a: { n: 1 }, b: { n: 2 } });
      const items = await storage.read(['a', 'b', 'c']);
      expect(Object.keys(items).sort()).toEqual(['a', 'b']);
      expect(items.b.n).toBe(2);
    });

    it('reads deleted keys as absent and deletes absent keys without complaint', async () => {
      await storage.write({ a: { n: 1 }, b: { n: 2 } });
      await storage.delete(['a', 'never-written']);
      expect(Object.keys(await storage.read(['a', 'b']))).toEqual(['b']);
    });

    it('keeps nested state and Unicode intact', async () => {
      const state = { dialogState: { dialogStack: [{ id: 'root', state: { text: 'बिजली नहीं है' } }] } };
      await storage.write({ 'whatsapp/conversations/919876500001': state });
      const item = (await storage.read(['whatsapp/conversations/919876500001']))['whatsapp/conversations/919876500001'];
      expect(item.dialogState).toEqual(state.dialogState);
    });
  });
}
