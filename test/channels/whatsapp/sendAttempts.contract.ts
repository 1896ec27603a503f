import type { SendAttempts } from '../../../src/channels/whatsapp/sendAttempts';

/** Send attempts under test: two handles on one store, as two instances would hold them. */
export interface SendAttemptsSubject {
  attempts: [SendAttempts, SendAttempts];
  close(): Promise<void>;
}

const AT = new Date('2026-11-28T06:00:00.000Z');
const LATER = new Date('2026-11-28T06:10:00.000Z');

/** What every store of send attempts must do, in memory or on Redis. */
export function describeSendAttemptsContract(name: string, open: () => Promise<SendAttemptsSubject>): void {
  describe(`${name} (SendAttempts contract)`, () => {
    let subject: SendAttemptsSubject;
    beforeEach(async () => {
      subject = await open();
    });
    afterEach(() => subject.close());

    it('starts an attempt once; another instance then finds it unresolved, with its start', async () => {
      const [first, second] = subject.attempts;
      expect(await first.begin('item-1', AT)).toBeNull();
      expect(await second.begin('item-1', LATER)).toEqual({ startedAt: AT, wamid: null });
    });

    it('hands back the wamid of an accepted attempt, from the answer or from a status', async () => {
      const [first, second] = subject.attempts;
      await first.begin('item-1', AT);
      await second.accepted('item-1', 'wamid.ONE');
      expect(await first.begin('item-1', LATER)).toEqual({ startedAt: AT, wamid: 'wamid.ONE' });
    });

    it('ignores a status for an attempt it does not know', async () => {
      const [first, second] = subject.attempts;
      await first.accepted('item-unknown', 'wamid.ONE');
      expect(await second.begin('item-unknown', AT)).toBeNull();
    });

    it('restarts an attempt from a new instant, and forgets one Meta refused', async () => {
      const [first, second] = subject.attempts;
      await first.begin('item-1', AT);
      await second.restart('item-1', LATER);
      expect(await first.begin('item-1', AT)).toEqual({ startedAt: LATER, wamid: null });
      await second.forget('item-1');
      expect(await first.begin('item-1', LATER)).toBeNull();
    });
  });
}
