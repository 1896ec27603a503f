import type { HandoffRequest } from '../../src/handoff/handoffQueue';
import { HandoffService } from '../../src/handoff/handoffService';
import type { HandoffStore } from '../../src/handoff/handoffStore';

export interface HandoffStoreSubject {
  /** Two handles on one store, as two instances would hold them. */
  stores: [HandoffStore, HandoffStore];
  /** How long the stores keep a record back with the bot. */
  finishedTtlSeconds: number;
  /** Lets this much time pass for the stores (a fake clock, or real waiting). */
  pass(seconds: number): Promise<void>;
  close(): Promise<void>;
}

const NOW = new Date('2026-11-28T06:00:00.000Z');

export const handoffRequest = (conversationId: string): HandoffRequest => ({
  conversationId,
  channel: 'test',
  language: 'hi',
  reason: 'consumer_asked',
  caNumber: '101000001',
  lastIntent: 'talk_to_agent',
  requestedAt: NOW.toISOString(),
});

/** What every handoff store must do under the state machine, in memory or on Redis. */
export function describeHandoffStoreContract(name: string, open: () => Promise<HandoffStoreSubject>): void {
  describe(`${name} (HandoffStore contract)`, () => {
    let subject: HandoffStoreSubject;
    let one: HandoffService;
    let other: HandoffService;
    beforeEach(async () => {
      subject = await open();
      one = new HandoffService(subject.stores[0], () => NOW);
      other = new HandoffService(subject.stores[1], () => NOW);
    });
    afterEach(() => subject.close());

    it('goes bot > queued > assigned > resolved > bot, keeping the transcript', async () => {
      await one.enqueue(handoffRequest('a'));
      expect((await other.current('a'))?.status).toBe('queued');
      expect(await other.claim('a', 'agent1')).toMatchObject({ ok: true, record: { status: 'assigned', assignee: 'agent1' } });
      await one.consumerWrote('a', 'meter band hai');
      await other.agentReplied('a', 'agent1', 'dekh rahe hain');
      expect(await one.resolve('a', 'agent1', 'answered')).toMatchObject({ ok: true, record: { status: 'resolved', resolution: 'answered' } });
      expect(await other.returnToBot('a')).toMatchObject({ ok: true, record: { status: 'bot' } });
      const record = await one.current('a');
      expect(record?.transcript.map((entry) => [entry.from, entry.text])).toEqual([
        ['consumer', 'meter band hai'],
        ['agent', 'dekh rahe hain'],
      ]);
      expect(await one.queue()).toEqual([]);
    });

    it('lets exactly one of two agents claiming at once on two instances win', async () => {
      await one.enqueue(handoffRequest('a'));
      const outcomes = await Promise.all([one.claim('a', 'agent1'), other.claim('a', 'agent2')]);
      const winners = outcomes.filter((outcome) => outcome.ok);
      expect(winners).toHaveLength(1);
      expect(outcomes.filter((outcome) => !outcome.ok)).toEqual([{ ok: false, problem: 'taken' }]);
      const winner = winners[0]?.ok ? winners[0].record.assignee : null;
      expect((await one.current('a'))?.assignee).toBe(winner);
      expect(await one.queue()).toEqual([]);
    });

    it('queues once however often and however concurrently a consumer asks', async () => {
      const placements = await Promise.all([
        one.enqueue(handoffRequest('a')),
        other.enqueue(handoffRequest('a')),
        one.enqueue(handoffRequest('a')),
      ]);
      expect(placements.filter((placement) => !placement.alreadyQueued)).toHaveLength(1);
      expect((await one.current('a'))?.version).toBe(1);
      await other.enqueue(handoffRequest('b'));
      expect((await one.queue()).map((record) => record.request.conversationId)).toEqual(['a', 'b']);
    });

    it('keeps every message when the consumer writes while the agent replies on another instance', async () => {
      await one.enqueue(handoffRequest('a'));
      await one.claim('a', 'agent1');
      await Promise.all([
        one.consumerWrote('a', 'hello?'),
        other.agentReplied('a', 'agent1', 'ji boliye'),
        one.consumerWrote('a', 'meter band'),
      ]);
      const texts = (await other.current('a'))?.transcript.map((entry) => entry.text).sort();
      expect(texts).toEqual(['hello?', 'ji boliye', 'meter band']);
    });

    it('cancels a queued request, expires another, and refuses changes that do not fit the state', async () => {
      await one.enqueue(handoffRequest('a'));
      await one.enqueue(handoffRequest('b'));
      expect(await other.cancel('a')).toBe(true);
      expect(await other.cancel('a')).toBe(false);
      expect(await one.expire('b')).toMatchObject({ ok: true, record: { status: 'expired' } });
      expect(await one.claim('b', 'agent1')).toEqual({ ok: false, problem: 'wrong_status' });
      expect(await one.claim('nobody', 'agent1')).toEqual({ ok: false, problem: 'not_found' });
      expect(await one.agentReplied('a', 'agent1', 'hi')).toEqual({ ok: false, problem: 'wrong_status' });
      // A new request after the last one ended starts afresh.
      expect(await one.enqueue(handoffRequest('a'))).toEqual({ position: 1, alreadyQueued: false });
    });

    it('drops a record back with the bot after its time, and never one the agent side has', async () => {
      await one.enqueue(handoffRequest('finished'));
      await one.cancel('finished');
      await one.returnToBot('finished');
      await one.enqueue(handoffRequest('waiting'));
      await one.enqueue(handoffRequest('with-agent'));
      await one.claim('with-agent', 'agent1');
      await subject.pass(subject.finishedTtlSeconds / 2);
      expect((await other.current('finished'))?.status).toBe('bot');
      await subject.pass(subject.finishedTtlSeconds / 2 + 0.5);
      expect(await other.current('finished')).toBeNull();
      expect((await other.current('waiting'))?.status).toBe('queued');
      expect((await other.current('with-agent'))?.status).toBe('assigned');
      // Gone is the same as never asked: a new request starts afresh.
      expect(await one.enqueue(handoffRequest('finished'))).toEqual({ position: 2, alreadyQueued: false });
      // Back in the queue, the record keeps no deadline of its last life.
      await subject.pass(subject.finishedTtlSeconds + 0.5);
      expect((await other.current('finished'))?.status).toBe('queued');
    });

    it('refuses an agent acting on a conversation assigned to another', async () => {
      await one.enqueue(handoffRequest('a'));
      await one.claim('a', 'agent1');
      expect(await other.agentReplied('a', 'agent2', 'hi')).toEqual({ ok: false, problem: 'not_assignee' });
      expect(await other.resolve('a', 'agent2', 'answered')).toEqual({ ok: false, problem: 'not_assignee' });
    });
  });
}
