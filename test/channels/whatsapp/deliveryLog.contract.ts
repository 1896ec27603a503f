import type { DeliveryLog, DeliveryRecord } from '../../../src/channels/whatsapp/deliveryLog';

/** A delivery log under test: two handles on one store, as two instances would hold them. */
export interface DeliveryLogSubject {
  logs: [DeliveryLog, DeliveryLog];
  close(): Promise<void>;
}

const plain: DeliveryRecord = { conversationId: 'wa-abc', address: '919876500001', notification: null };
const notification: DeliveryRecord = {
  conversationId: 'wa-abc',
  address: '919876500001',
  notification: {
    message: { type: 'text', text: { body: 'शिकायत SP-2026-0001: समाधान हो गया', preview_url: false } },
    fallback: {
      type: 'template',
      template: {
        name: 'sampark_ticket_update',
        language: { code: 'hi', policy: 'deterministic' },
        components: [{ type: 'body', parameters: [{ type: 'text', text: 'SP-2026-0001' }, { type: 'text', text: 'समाधान हो गया' }] }],
      },
    },
    resends: 0,
  },
};

/** What every delivery log must do, in memory or on Redis. */
export function describeDeliveryLogContract(name: string, open: () => Promise<DeliveryLogSubject>): void {
  describe(`${name} (DeliveryLog contract)`, () => {
    let subject: DeliveryLogSubject;
    beforeEach(async () => {
      subject = await open();
    });
    afterEach(() => subject.close());

    it('knows nothing of a message never sent nor reported', async () => {
      expect(await subject.logs[0].stateOf('wamid.NONE')).toBeNull();
    });

    it('moves a recorded message forward through its statuses and hands back what was sent', async () => {
      const [a, b] = subject.logs;
      await a.record('wamid.1', notification);
      expect(await b.stateOf('wamid.1')).toBe('accepted');
      expect(await b.advance('wamid.1', 'sent')).toEqual({ advanced: true, record: notification });
      expect(await a.advance('wamid.1', 'delivered')).toEqual({ advanced: true, record: notification });
      expect(await b.stateOf('wamid.1')).toBe('delivered');
    });

    it('never moves back when statuses arrive out of order, and counts a repeat once', async () => {
      const [a, b] = subject.logs;
      await a.record('wamid.2', plain);
      expect((await a.advance('wamid.2', 'read')).advanced).toBe(true);
      expect((await b.advance('wamid.2', 'delivered')).advanced).toBe(false);
      expect((await b.advance('wamid.2', 'sent')).advanced).toBe(false);
      expect((await a.advance('wamid.2', 'read')).advanced).toBe(false);
      expect(await a.stateOf('wamid.2')).toBe('read');
    });

    it('keeps a status that arrived before the record of the send', async () => {
      const [a, b] = subject.logs;
      expect(await a.advance('wamid.3', 'delivered')).toEqual({ advanced: true, record: null });
      await b.record('wamid.3', plain);
      expect(await a.stateOf('wamid.3')).toBe('delivered');
      expect((await b.advance('wamid.3', 'failed')).record).toEqual(plain);
      expect(await b.stateOf('wamid.3')).toBe('failed');
    });
  });
}
