import type { Activity } from 'botbuilder';
import type { TranscriptStore } from '../../../src/channels/directline/transcriptStore';

/** A transcript store under test, and how to let go of it. */
export interface TranscriptSubject {
  store: TranscriptStore;
  /** The store was made with this many activities kept per conversation. */
  maxActivities: number;
  close(): Promise<void>;
}

const message = (text: string, extra: Partial<Activity> = {}): Partial<Activity> => ({
  type: 'message',
  text,
  from: { id: 'dl_visitor', name: 'visitor', role: 'user' },
  ...extra,
});

/**
 * What every web chat transcript store must do, in memory or on Redis: the watermark semantics Web
 * Chat's Direct Line client relies on for polling, streaming and resuming after a reload.
 */
export function describeTranscriptStoreContract(name: string, open: () => Promise<TranscriptSubject>): void {
  describe(`${name} (TranscriptStore contract)`, () => {
    let subject: TranscriptSubject;
    let store: TranscriptStore;
    beforeEach(async () => {
      subject = await open();
      store = subject.store;
    });
    afterEach(() => subject.close());

    it('reads an unknown conversation as empty, watermark "0"', async () => {
      expect(await store.readAfter('conversation-none', '')).toEqual({ activities: [], watermark: '0' });
    });

    it('knows a conversation once it is started or written to, and no other', async () => {
      expect(await store.knows('conversation-none')).toBe(false);
      await store.open('conversation-started');
      await store.append('conversation-written', message('नमस्ते'));
      expect(await store.knows('conversation-started')).toBe(true);
      expect(await store.knows('conversation-written')).toBe(true);
    });

    it('numbers activities in order with Direct Line ids and string watermarks', async () => {
      const first = await store.append('conversation-a', message('मेरा बैलेंस कितना है'));
      const second = await store.append('conversation-a', message('101000001'));
      expect([first.id, second.id]).toEqual(['conversation-a|0000001', 'conversation-a|0000002']);
      const page = await store.readAfter('conversation-a', '');
      expect(page.watermark).toBe('2');
      expect(page.activities.map((activity) => [activity.id, activity.text])).toEqual([
        ['conversation-a|0000001', 'मेरा बैलेंस कितना है'],
        ['conversation-a|0000002', '101000001'],
      ]);
    });

    it('reads only what came after a watermark, and the same watermark when nothing did', async () => {
      await store.append('conversation-a', message('one'));
      await store.append('conversation-a', message('two'));
      await store.append('conversation-a', message('three'));
      const after = await store.readAfter('conversation-a', '2');
      expect(after.activities.map((activity) => activity.text)).toEqual(['three']);
      expect(after.watermark).toBe('3');
      expect(await store.readAfter('conversation-a', '3')).toEqual({ activities: [], watermark: '3' });
    });

    it('keeps what the activity carries, clientActivityID and replyToId included, with dates as ISO strings', async () => {
      const at = new Date('2026-11-28T06:00:00.000Z');
      await store.append(
        'conversation-a',
        message('hello', { channelData: { clientActivityID: 'client-1' }, replyToId: 'x|0000009', timestamp: at }),
      );
      const [stored] = (await store.readAfter('conversation-a', '')).activities;
      expect(stored).toMatchObject({
        channelData: { clientActivityID: 'client-1' },
        replyToId: 'x|0000009',
        timestamp: '2026-11-28T06:00:00.000Z',
        from: { id: 'dl_visitor', role: 'user' },
      });
    });

    it('keeps two identical activities as two', async () => {
      await store.append('conversation-a', message('same'));
      await store.append('conversation-a', message('same'));
      expect((await store.readAfter('conversation-a', '')).activities).toHaveLength(2);
    });

    it('keeps conversations apart', async () => {
      await store.append('conversation-a', message('for a'));
      await store.append('conversation-b', message('for b'));
      const page = await store.readAfter('conversation-b', '');
      expect(page.activities.map((activity) => [activity.id, activity.text])).toEqual([['conversation-b|0000001', 'for b']]);
    });

    it('drops the oldest activities beyond its bound, and numbering goes on', async () => {
      const total = subject.maxActivities + 3;
      for (let n = 1; n <= total; n += 1) await store.append('conversation-a', message(`message ${n}`));
      const page = await store.readAfter('conversation-a', '');
      expect(page.activities).toHaveLength(subject.maxActivities);
      expect(page.activities[0]!.text).toBe('message 4');
      expect(page.watermark).toBe(String(total));
    });

    it('reads from the start when a watermark is past the newest activity (the transcript began again)', async () => {
      await store.append('conversation-a', message('after a restart'));
      const page = await store.readAfter('conversation-a', '41');
      expect(page.activities.map((activity) => activity.text)).toEqual(['after a restart']);
      expect(page.watermark).toBe('1');
    });

    it('opens a conversation once', async () => {
      expect(await store.open('conversation-a')).toBe(true);
      expect(await store.open('conversation-a')).toBe(false);
      expect(await store.open('conversation-b')).toBe(true);
    });

    it('gives many concurrent appends distinct, gapless sequences', async () => {
      const stored = await Promise.all(Array.from({ length: 20 }, (_, n) => store.append('conversation-a', message(`m${n}`))));
      const sequences = stored.map((activity) => Number(activity.id!.split('|')[1])).sort((a, b) => a - b);
      expect(sequences).toEqual(Array.from({ length: 20 }, (_, n) => n + 1));
    });
  });
}
