import type { HandoffQueue, HandoffRequest } from '../../src/handoff/handoffQueue';

export interface HandoffQueueSubject {
  /** Two handles on one queue, as two instances would hold them. */
  queues: [HandoffQueue, HandoffQueue];
  close(): Promise<void>;
}

const request = (conversationId: string): HandoffRequest => ({
  conversationId,
  channel: 'test',
  language: 'hi',
  reason: 'consumer_asked',
  caNumber: null,
  lastIntent: 'talk_to_agent',
  requestedAt: '2026-11-28T06:00:00.000Z',
});

/** What every handoff queue must do, in memory or on Redis. */
export function describeHandoffQueueContract(name: string, open: () => Promise<HandoffQueueSubject>): void {
  describe(`${name} (HandoffQueue contract)`, () => {
    let subject: HandoffQueueSubject;
    let queue: HandoffQueue;
    beforeEach(async () => {
      subject = await open();
      queue = subject.queues[0];
    });
    afterEach(() => subject.close());

    it('queues in order of asking and tells each their place', async () => {
      expect(await queue.enqueue(request('a'))).toEqual({ position: 1, alreadyQueued: false });
      expect(await subject.queues[1].enqueue(request('b'))).toEqual({ position: 2, alreadyQueued: false });
    });

    it('does not queue a conversation twice, even when it asks twice at once', async () => {
      const outcomes = await Promise.all([
        queue.enqueue(request('a')),
        subject.queues[1].enqueue(request('a')),
        queue.enqueue(request('a')),
      ]);
      expect(outcomes.filter((outcome) => !outcome.alreadyQueued)).toHaveLength(1);
      await queue.enqueue(request('b'));
      expect(await queue.positionOf('b')).toBe(2);
    });

    it('moves everyone up when a consumer cancels', async () => {
      await queue.enqueue(request('a'));
      await queue.enqueue(request('b'));
      expect(await queue.cancel('a')).toBe(true);
      expect(await queue.cancel('a')).toBe(false);
      expect(await queue.positionOf('b')).toBe(1);
      expect(await queue.positionOf('a')).toBeNull();
    });
  });
}
