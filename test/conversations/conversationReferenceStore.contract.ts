import type { ConversationReference } from 'botbuilder';
import { MAX_PHOTOS, type ConversationReferenceStore } from '../../src/conversations/conversationReferenceStore';

/** A conversation store under test, and how to let go of it. */
export interface ConversationStoreSubject {
  /** Two handles on one store, as two instances would hold them. */
  stores: [ConversationReferenceStore, ConversationReferenceStore];
  close(): Promise<void>;
}

const reference: Partial<ConversationReference> = {
  channelId: 'whatsapp',
  serviceUrl: 'https://graph.facebook.com',
  conversation: { id: 'wa-abc', isGroup: false, conversationType: 'personal', name: 'whatsapp' },
  user: { id: '919876500001', name: '' },
  bot: { id: '106540352242922', name: 'Sampark' },
};
const KEY = 'whatsapp:wa-abc';
const at = (minute: number) => new Date(Date.UTC(2026, 10, 28, 6, minute));

/** What every conversation store must do, in memory or on Redis. */
export function describeConversationStoreContract(name: string, open: () => Promise<ConversationStoreSubject>): void {
  describe(`${name} (ConversationReferenceStore contract)`, () => {
    let subject: ConversationStoreSubject;
    let store: ConversationReferenceStore;
    beforeEach(async () => {
      subject = await open();
      store = subject.stores[0];
    });
    afterEach(() => subject.close());

    it('knows nothing of a conversation that never wrote', async () => {
      expect(await store.find(KEY)).toBeNull();
    });

    it('keeps the reference and the time of the latest message, for any instance', async () => {
      const record = await store.recordInbound(KEY, reference, at(5));
      expect(record).toEqual({
        reference,
        lastInboundAt: at(5).toISOString(),
        numberedChoices: [],
        site: null,
        photos: [],
        lastTicket: null,
      });
      expect(await subject.stores[1].find(KEY)).toEqual(record);
    });

    it('never moves the last inbound time back (a late re-delivery of an old message)', async () => {
      await store.recordInbound(KEY, reference, at(10));
      const record = await subject.stores[1].recordInbound(KEY, reference, at(3));
      expect(record.lastInboundAt).toBe(at(10).toISOString());
    });

    it('keeps numbered choices, the shared site, the newest photos and the last ticket', async () => {
      await store.recordInbound(KEY, reference, at(1));
      await store.setNumberedChoices(KEY, ['रिचार्ज नहीं जुड़ा', 'Balance']);
      await store.shareSite(KEY, { latitude: 25.6093, longitude: 85.1376, name: 'Kankarbagh' }, at(2));
      for (let index = 0; index < MAX_PHOTOS + 2; index += 1) {
        await subject.stores[index % 2]!.addPhoto(KEY, { reference: `whatsapp-media:${index}`, sharedAt: at(3).toISOString() });
      }
      await store.noteTicket(KEY, 'SP-2026-0001');
      const record = (await subject.stores[1].find(KEY))!;
      expect(record.numberedChoices).toEqual(['रिचार्ज नहीं जुड़ा', 'Balance']);
      expect(record.site).toEqual({ site: { latitude: 25.6093, longitude: 85.1376, name: 'Kankarbagh' }, sharedAt: at(2).toISOString() });
      expect(record.photos.map((photo) => photo.reference)).toEqual(
        Array.from({ length: MAX_PHOTOS }, (_, index) => `whatsapp-media:${index + 2}`),
      );
      expect(record.lastTicket).toBe('SP-2026-0001');
      await store.setNumberedChoices(KEY, []);
      expect((await store.find(KEY))!.numberedChoices).toEqual([]);
    });

    it('does not make a record out of a write for a conversation it does not know', async () => {
      await store.setNumberedChoices(KEY, ['one']);
      await store.shareSite(KEY, { latitude: 1, longitude: 2 }, at(1));
      await store.addPhoto(KEY, { reference: 'whatsapp-media:1', sharedAt: at(1).toISOString() });
      await store.noteTicket(KEY, 'SP-2026-0001');
      expect(await store.find(KEY)).toBeNull();
    });
  });
}
