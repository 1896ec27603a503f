import { CallBackDesk } from '../../../src/handoff/callBacks/callBackDesk';
import type { CallBackRequest } from '../../../src/handoff/callBacks/callBack';
import type { CallBackStore } from '../../../src/handoff/callBacks/callBackStore';

export interface CallBackStoreSubject {
  /** Two handles on one store, as two instances would hold them. */
  stores: [CallBackStore, CallBackStore];
  /** How long the stores keep a closed call-back. */
  closedTtlSeconds: number;
  /** Lets this much time pass for the stores (a fake clock, or real waiting). */
  pass(seconds: number): Promise<void>;
  close(): Promise<void>;
}

const NOW = new Date('2026-11-28T16:00:00.000Z');

export const callBackRequest = (conversationId: string, overrides: Partial<CallBackRequest> = {}): CallBackRequest => ({
  conversationId,
  channel: 'test',
  language: 'hi',
  caNumber: '101000001',
  phone: '9876500001',
  phoneSource: 'registered',
  reason: 'outside_agent_hours',
  urgent: false,
  requestedAt: NOW.toISOString(),
  dueAt: '2026-11-29T02:30:00.000Z',
  ...overrides,
});

const asha = { username: 'asha', supervising: false };
const vikram = { username: 'vikram', supervising: false };
const meena = { username: 'meena', supervising: true };

/** What every call-back store must do under the desk, in memory or on Redis. */
export function describeCallBackStoreContract(name: string, open: () => Promise<CallBackStoreSubject>): void {
  describe(`${name} (CallBackStore contract)`, () => {
    let subject: CallBackStoreSubject;
    let desks: [CallBackDesk, CallBackDesk];
    beforeEach(async () => {
      subject = await open();
      desks = [new CallBackDesk(subject.stores[0], () => NOW), new CallBackDesk(subject.stores[1], () => NOW)];
    });
    afterEach(() => subject.close());

    it('keeps one open call-back per conversation, however often or wherever it is asked for', async () => {
      const placements = await Promise.all([
        desks[0].request(callBackRequest('c1')),
        desks[1].request(callBackRequest('c1', { phone: '9000000001', phoneSource: 'typed' })),
        desks[0].request(callBackRequest('c2')),
      ]);
      expect(placements[0].callBack.id).toBe(placements[1].callBack.id);
      expect(placements.filter((placement) => placement.alreadyWaiting)).toHaveLength(1);
      expect((await desks[1].open()).map((callBack) => callBack.request.conversationId).sort()).toEqual(['c1', 'c2']);
      expect((await subject.stores[1].openFor('c1'))?.id).toBe(placements[0].callBack.id);
      expect(await subject.stores[0].openFor('c3')).toBeNull();
    });

    it('lists urgent call-backs first, then the earliest due, then the earliest asked', async () => {
      await desks[0].request(callBackRequest('late', { dueAt: '2026-11-29T03:30:00.000Z' }));
      await desks[0].request(callBackRequest('second', { requestedAt: '2026-11-28T16:05:00.000Z' }));
      await desks[0].request(callBackRequest('first'));
      await desks[0].request(callBackRequest('ill', { urgent: true, dueAt: '2026-11-29T03:30:00.000Z' }));
      expect((await desks[1].open()).map((callBack) => callBack.request.conversationId)).toEqual(['ill', 'first', 'second', 'late']);
    });

    it('lets exactly one of two agents on two instances take a call-back; a supervisor may take it over', async () => {
      const { callBack } = await desks[0].request(callBackRequest('c1'));
      const takes = await Promise.all([desks[0].take(callBack.id, asha), desks[1].take(callBack.id, vikram)]);
      expect(takes.filter((take) => take.ok)).toHaveLength(1);
      expect(takes.filter((take) => !take.ok)).toEqual([{ ok: false, problem: 'taken' }]);
      const taker = takes[0]?.ok ? asha : vikram;
      const other = taker === asha ? vikram : asha;
      expect(await desks[1].take(callBack.id, taker)).toMatchObject({ ok: true, changed: false });
      expect(await desks[0].logCall(callBack.id, other, 'no_answer', '')).toEqual({ ok: false, problem: 'not_taker' });
      expect(await desks[1].take(callBack.id, meena)).toMatchObject({ ok: true, callBack: { takenBy: 'meena' } });
    });

    it('logs each call in order, closes once, and the conversation may then ask again', async () => {
      const { callBack } = await desks[0].request(callBackRequest('c1'));
      expect(await desks[0].logCall(callBack.id, asha, 'no_answer', '')).toEqual({ ok: false, problem: 'wrong_status' });
      await desks[0].take(callBack.id, asha);
      await desks[1].logCall(callBack.id, asha, 'no_answer', 'rang out');
      await desks[0].logCall(callBack.id, asha, 'reached', 'explained the fixed charge');
      const closed = await desks[1].close(callBack.id, asha, 'helped');
      expect(closed).toMatchObject({ ok: true, callBack: { status: 'closed', closing: 'helped', closedBy: 'asha' } });
      expect((await subject.stores[0].get(callBack.id))?.attempts.map((attempt) => [attempt.outcome, attempt.note])).toEqual([
        ['no_answer', 'rang out'],
        ['reached', 'explained the fixed charge'],
      ]);
      expect(await desks[0].close(callBack.id, asha, 'helped')).toEqual({ ok: false, problem: 'wrong_status' });
      expect(await desks[1].open()).toEqual([]);
      expect(await subject.stores[0].openFor('c1')).toBeNull();
      const again = await desks[0].request(callBackRequest('c1'));
      expect(again.alreadyWaiting).toBe(false);
      expect(again.callBack.id).not.toBe(callBack.id);
    });

    it('keeps a closed call-back for its time to live, then forgets it', async () => {
      const { callBack } = await desks[0].request(callBackRequest('c1'));
      await desks[0].take(callBack.id, asha);
      await desks[0].close(callBack.id, asha, 'unreachable');
      expect((await subject.stores[1].get(callBack.id))?.status).toBe('closed');
      await subject.pass(subject.closedTtlSeconds + 1);
      expect(await subject.stores[1].get(callBack.id)).toBeNull();
    });

    it('refuses what does not exist', async () => {
      expect(await desks[0].take('CB-NOPE', asha)).toEqual({ ok: false, problem: 'not_found' });
    });
  });
}
