import type { Mailboxes } from '../../../src/channels/whatsapp/mailboxes';

/** A mailbox store under test: two handles on one store, as two instances would hold them. */
export interface MailboxesSubject {
  stores: [Mailboxes, Mailboxes];
  close(): Promise<void>;
}

const item = (id: string) => ({ id, body: JSON.stringify({ id, text: `नमस्ते ${id}` }) });

/** What every mailbox store must do, in memory or on Redis. */
export function describeMailboxesContract(name: string, open: () => Promise<MailboxesSubject>): void {
  describe(`${name} (Mailboxes contract)`, () => {
    let subject: MailboxesSubject;
    let boxes: Mailboxes;
    beforeEach(async () => {
      subject = await open();
      boxes = subject.stores[0];
    });
    afterEach(() => subject.close());

    it('answers null for an empty box', async () => {
      expect(await boxes.first('919876500001')).toBeNull();
    });

    it('gives items back by order, then in arrival order, across instances', async () => {
      const [a, b] = subject.stores;
      await a.put('box', item('late'), 1_764_300_010);
      await b.put('box', item('early-1'), 1_764_300_000);
      await a.put('box', item('early-2'), 1_764_300_000);
      const seen: string[] = [];
      for (let next = await b.first('box'); next; next = await b.first('box')) {
        seen.push(next.id);
        await a.remove('box', next.id);
      }
      expect(seen).toEqual(['early-1', 'early-2', 'late']);
    });

    it('keeps the first copy of an item put twice, even at once', async () => {
      const [a, b] = subject.stores;
      const added = await Promise.all([
        a.put('box', { id: 'wamid.X', body: '{"copy":1}' }, 0),
        b.put('box', { id: 'wamid.X', body: '{"copy":2}' }, 0),
      ]);
      expect(added.filter(Boolean)).toHaveLength(1);
      const first = await a.first('box');
      expect(first?.id).toBe('wamid.X');
      await a.remove('box', 'wamid.X');
      expect(await b.first('box')).toBeNull();
    });

    it('keeps boxes apart', async () => {
      await boxes.put('box-a', item('a1'), 0);
      await boxes.put('box-b', item('b1'), 0);
      expect((await boxes.first('box-a'))?.id).toBe('a1');
      expect((await boxes.first('box-b'))?.id).toBe('b1');
      expect((await boxes.first('box-b'))?.body).toBe(item('b1').body);
    });
  });
}
