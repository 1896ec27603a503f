import { TEST_NOW } from '../../support/conversation';
import { callBackRequest } from '../callBacks/callBackStore.contract';
import { startAgentApi, type AgentApiHarness } from './agentApiHarness';

describe('the call-back list of the agent API', () => {
  let harness: AgentApiHarness;
  beforeEach(async () => {
    harness = await startAgentApi();
  });
  afterEach(() => harness.close());
  // A body's shape is what the expectations below check, so it is read untyped.
  const json = async (response: Promise<Response>): Promise<any> => (await response).json();
  const statusOf = async (response: Promise<Response>) => (await response).status;

  it('lists open call-backs most pressing first, every number masked until an agent takes one', async () => {
    await harness.sampark.callBacks.request(callBackRequest('later', { dueAt: '2026-11-29T02:30:00.000Z', phone: '9000000002' }));
    await harness.sampark.callBacks.request(callBackRequest('now', { dueAt: TEST_NOW.toISOString(), language: 'en', phoneSource: 'typed' }));
    await harness.sampark.callBacks.request(callBackRequest('ill', { dueAt: '2026-11-29T02:30:00.000Z', urgent: true, phone: '9000000003' }));
    const { callBacks } = await json(harness.call('agent1', 'GET', '/api/agent/call-backs'));
    expect(callBacks.map((entry: { priority: string; phone: string; due: boolean }) => [entry.priority, entry.phone, entry.due])).toEqual([
      ['urgent', '******0003', false],
      ['normal', '******0001', true],
      ['normal', '******0002', false],
    ]);
    expect(callBacks[1]).toMatchObject({ status: 'waiting', language: 'en', caNumber: '101000001', phoneSource: 'typed', reason: 'outside_agent_hours', phoneRevealed: false });
    expect(JSON.stringify(callBacks)).not.toMatch(/900000000\d|9876500001/);
  });

  it('lets one agent take a call-back and see the number, log each call, and close it; audited without the notes', async () => {
    const { callBack } = await harness.sampark.callBacks.request(callBackRequest('c1'));
    const path = `/api/agent/call-backs/${callBack.id}`;
    const taken = await json(harness.call('agent1', 'POST', `${path}/take`));
    expect(taken).toMatchObject({ status: 'taken', takenBy: 'agent1', phone: '9876500001', phoneRevealed: true });
    expect(await statusOf(harness.call('agent2', 'POST', `${path}/take`))).toBe(409);
    // A colleague sees who has it, never the number.
    expect((await json(harness.call('agent2', 'GET', '/api/agent/call-backs'))).callBacks).toEqual([
      expect.objectContaining({ takenBy: 'agent1', phone: '******0001', phoneRevealed: false }),
    ]);
    expect(await statusOf(harness.call('agent2', 'POST', `${path}/calls`, { outcome: 'reached' }))).toBe(403);
    expect(await statusOf(harness.call('agent1', 'POST', `${path}/calls`, { outcome: 'rang' }))).toBe(400);
    expect(await statusOf(harness.call('agent1', 'POST', `${path}/calls`, { outcome: 'no_answer' }))).toBe(201);
    const called = await json(harness.call('agent1', 'POST', `${path}/calls`, { outcome: 'reached', note: 'Explained the fixed charge of the 1st' }));
    expect(called.attempts.map((attempt: { agent: string; outcome: string; note: string }) => [attempt.agent, attempt.outcome, attempt.note])).toEqual([
      ['agent1', 'no_answer', ''],
      ['agent1', 'reached', 'Explained the fixed charge of the 1st'],
    ]);
    expect(await json(harness.call('agent1', 'POST', `${path}/close`, { closing: 'helped' }))).toMatchObject({ status: 'closed', closing: 'helped', phoneRevealed: false });
    expect(await statusOf(harness.call('agent1', 'POST', `${path}/close`, { closing: 'helped' }))).toBe(409);
    expect(await json(harness.call('agent1', 'GET', '/api/agent/call-backs'))).toEqual({ callBacks: [] });
    expect(await statusOf(harness.call('agent1', 'POST', '/api/agent/call-backs/CB-NOPE/take'))).toBe(404);

    const actions = (await harness.audit.recent(20, callBack.id)).map((entry) => `${entry.actor} ${entry.action} ${String(entry.detail?.outcome)} ${String(entry.detail?.revealed)}`);
    expect(actions).toEqual(
      expect.arrayContaining([
        'agent1 callback.take taken phone',
        'agent2 callback.take taken undefined',
        'agent2 callback.call not_taker undefined',
        'agent1 callback.call reached undefined',
        'agent1 callback.close helped undefined',
      ]),
    );
    expect(JSON.stringify(await harness.audit.recent(50))).not.toMatch(/fixed charge|9876500001/);
  });

  it.each([
    ['GET', '/api/agent/call-backs'],
    ['POST', '/api/agent/call-backs/CB-1/take'],
    ['POST', '/api/agent/call-backs/CB-1/calls'],
    ['POST', '/api/agent/call-backs/CB-1/close'],
  ] as const)('refuses %s %s without a valid session, and to field staff', async (method, path) => {
    expect(await statusOf(harness.call('not-a-token', method, path))).toBe(401);
    expect(await statusOf(harness.call('lineman1', method, path))).toBe(403);
  });
});
