import type { HandoffRecord } from '../../../src/handoff/handoffRecord';
import { archiveIdOf, type HandoffArchive } from '../../../src/handoff/history/handoffArchive';

export interface HandoffArchiveSubject {
  /** Two handles on one archive, as two instances would hold them. */
  archives: [HandoffArchive, HandoffArchive];
  ttlSeconds: number;
  /** Lets this much time pass for the archive (a fake clock, or real waiting). */
  pass(seconds: number): Promise<void>;
  close(): Promise<void>;
}

const finished = (conversationId: string, requestedAt: string, caNumber: string | null, text = 'light nahi hai'): HandoffRecord => ({
  request: { conversationId, channel: 'test', language: 'hi', reason: 'consumer_asked', caNumber, lastIntent: 'talk_to_agent', requestedAt },
  status: 'resolved',
  version: 4,
  assignee: 'asha',
  resolution: 'answered',
  transcript: [{ from: 'consumer', text, at: requestedAt }],
  updatedAt: requestedAt,
});

/** What every handoff archive must do, in memory or on Redis. */
export function describeHandoffArchiveContract(name: string, open: () => Promise<HandoffArchiveSubject>): void {
  describe(`${name} (HandoffArchive contract)`, () => {
    let subject: HandoffArchiveSubject;
    beforeEach(async () => {
      subject = await open();
    });
    afterEach(() => subject.close());

    it("finds a consumer's finished requests newest first, across conversations and instances, at most the limit", async () => {
      const [a, b] = subject.archives;
      await a.keep(finished('wa-1', '2026-11-20T06:00:00.000Z', '101000001', 'first time'));
      await b.keep(finished('wa-1', '2026-11-27T06:00:00.000Z', '101000001', 'second time'));
      await a.keep(finished('web-9', '2026-11-25T06:00:00.000Z', '101000001'));
      await b.keep(finished('wa-2', '2026-11-26T06:00:00.000Z', '101000002'));
      await a.keep(finished('wa-3', '2026-11-26T06:00:00.000Z', null));
      expect((await b.byConsumer('101000001', 10)).map((record) => [record.request.conversationId, record.transcript[0]?.text])).toEqual([
        ['wa-1', 'second time'],
        ['web-9', 'light nahi hai'],
        ['wa-1', 'first time'],
      ]);
      expect((await a.byConsumer('101000001', 2)).map(archiveIdOf)).toEqual(['wa-1@2026-11-27T06:00:00.000Z', 'web-9@2026-11-25T06:00:00.000Z']);
      expect(await a.byConsumer('101000003', 10)).toEqual([]);
      expect((await b.get('wa-3@2026-11-26T06:00:00.000Z'))?.request.caNumber).toBeNull();
      expect(await b.get('wa-3@2026-11-27T06:00:00.000Z')).toBeNull();
    });

    it('keeps the same request once, as last kept', async () => {
      const [a, b] = subject.archives;
      await a.keep(finished('wa-1', '2026-11-27T06:00:00.000Z', '101000001', 'before'));
      await b.keep({ ...finished('wa-1', '2026-11-27T06:00:00.000Z', '101000001', 'after'), status: 'expired' });
      const kept = await a.byConsumer('101000001', 10);
      expect(kept.map((record) => [record.status, record.transcript[0]?.text])).toEqual([['expired', 'after']]);
    });

    it('forgets a request after the time to live', async () => {
      const [a, b] = subject.archives;
      await a.keep(finished('wa-1', '2026-11-27T06:00:00.000Z', '101000001'));
      await subject.pass(subject.ttlSeconds + 1);
      expect(await b.byConsumer('101000001', 10)).toEqual([]);
      expect(await b.get('wa-1@2026-11-27T06:00:00.000Z')).toBeNull();
    });
  });
}
