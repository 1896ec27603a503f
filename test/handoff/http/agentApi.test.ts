import type { HandoffRequest } from '../../../src/handoff/handoffQueue';
import { TEST_NOW } from '../../support/conversation';
import { startAgentApi, type AgentApiHarness } from './agentApiHarness';

const request = (conversationId: string, overrides: Partial<HandoffRequest> = {}): HandoffRequest => ({
  conversationId,
  channel: 'test',
  language: 'hi',
  reason: 'consumer_asked',
  caNumber: null,
  lastIntent: 'talk_to_agent',
  requestedAt: TEST_NOW.toISOString(),
  ...overrides,
});

describe('the agent API', () => {
  let harness: AgentApiHarness;
  beforeEach(async () => {
    harness = await startAgentApi();
  });
  afterEach(() => harness.close());
  // A body's shape is what the expectations below check, so it is read untyped.
  const json = async (response: Promise<Response>): Promise<any> => (await response).json();
  const statusOf = async (response: Promise<Response>) => (await response).status;

  it('lists the queue urgent first, with wait, language, last intent and priority', async () => {
    await harness.sampark.handoff.enqueue(request('early', { language: 'en', lastIntent: 'supply_not_restored' }));
    await harness.sampark.handoff.enqueue(request('ill', { requestedAt: new Date(TEST_NOW.getTime() + 120_000).toISOString(), urgent: true }));
    expect(await json(harness.call('agent1', 'GET', '/api/agent/queue'))).toEqual({
      queue: [
        expect.objectContaining({ conversationId: 'ill', position: 1, priority: 'urgent', language: 'hi', lastIntent: 'talk_to_agent', waitSeconds: 180 }),
        expect.objectContaining({ conversationId: 'early', position: 2, priority: 'normal', language: 'en', lastIntent: 'supply_not_restored', waitSeconds: 300 }),
      ],
    });
  });

  it('puts a consumer who says someone at home is ill ahead of those who asked earlier', async () => {
    await harness.sampark.handoff.enqueue(request('earlier', { requestedAt: new Date(TEST_NOW.getTime() - 600_000).toISOString() }));
    await harness.consumer.play([['user', 'ghar mein bachha bimar hai, agent se baat karao'], ['bot', 'कतार में आपका नंबर 1']]);
    const { queue } = await json(harness.call('agent1', 'GET', '/api/agent/queue'));
    expect(queue.map((entry: { conversationId: string; priority: string }) => [entry.conversationId, entry.priority])).toEqual([
      ['Convo1', 'urgent'],
      ['earlier', 'normal'],
    ]);
  });

  it('marks a Hindi request urgent when a health need is said while waiting, and serves it ahead of earlier ones', async () => {
    await harness.sampark.handoff.enqueue(request('earlier', { requestedAt: new Date(TEST_NOW.getTime() - 600_000).toISOString() }));
    await harness.consumer.play([
      ['user', 'agent se baat karao'],
      ['bot', 'कतार में आपका नंबर 2'],
      ['user', 'जल्दी कीजिए, घर में दादी ऑक्सीजन मशीन पर हैं'],
      ['bot', 'कतार में नंबर 1'],
    ]);
    const { queue } = await json(harness.call('agent1', 'GET', '/api/agent/queue'));
    expect(queue.map((entry: { conversationId: string; priority: string }) => [entry.conversationId, entry.priority])).toEqual([
      ['Convo1', 'urgent'],
      ['earlier', 'normal'],
    ]);
  });

  it('marks an English request urgent from a health need said to the bot long before asking for an agent', async () => {
    await harness.consumer.play([
      ['user', 'my father is on oxygen and the light is gone'],
      ['user', 'what is my balance'],
      ['bot', 'consumer number'],
      ['user', '101000001'],
      ['bot', '842.50'],
      ['user', 'talk to agent'],
      ['bot', 'number 1 in the queue'],
    ]);
    const { queue } = await json(harness.call('agent1', 'GET', '/api/agent/queue'));
    expect(queue).toEqual([expect.objectContaining({ conversationId: 'Convo1', priority: 'urgent' })]);
  });

  it("previews on each card the consumer's last words, masked, with the language, channel and wait", async () => {
    const said = (text: string) => ({ from: 'consumer' as const, text, at: TEST_NOW.toISOString() });
    await harness.sampark.handoff.enqueue(request('to-bot', { language: 'en', history: [said('light nahi hai'), { ...said('Please tell me your CA number'), from: 'bot' }] }));
    await harness.sampark.handoff.enqueue(request('to-agent', { history: [said('agent chahiye')] }));
    await harness.sampark.handoff.consumerWrote('to-agent', 'mera naya number 9876543210 hai, OTP 482913 aaya');
    await harness.sampark.handoff.enqueue(request('long', { history: [said(`recharge ${'bahut '.repeat(40)}der se`)] }));
    await harness.sampark.handoff.enqueue(request('silent', { history: [] }));
    const { queue } = await json(harness.call('agent2', 'GET', '/api/agent/queue'));
    const cards = Object.fromEntries(queue.map((entry: { conversationId: string }) => [entry.conversationId, entry]));
    expect(cards['to-bot']).toMatchObject({ lastWords: 'light nahi hai', language: 'en', channel: 'test', waitSeconds: 300 });
    expect(cards['to-agent'].lastWords).toBe('mera naya number ******3210 hai, OTP ****** aaya');
    expect(cards.long.lastWords).toMatch(/^recharge bahut .*…$/);
    expect(cards.long.lastWords.length).toBeLessThanOrEqual(121);
    expect(cards.silent.lastWords).toBeNull();
    expect(JSON.stringify(queue)).not.toMatch(/9876543210|482913/);
  });

  it("shows the bot's context: CA number, masked consumer, meter summary, tickets and the bot's part", async () => {
    await harness.consumer.play([
      ['user', 'balance 101000001'],
      ['bot', '842.50'],
      ['user', 'agent se baat karao'],
      ['bot', 'कतार में आपका नंबर 1'],
    ]);
    const { ticket } = await harness.sampark.services.tickets.open({
      category: 'meter_defective',
      description: 'display blank',
      urgent: false,
      caNumber: '101000001',
      area: null,
      urban: true,
      contact: { channel: 'test', conversationId: 'Convo1', language: 'hi' },
    });
    const view = await json(harness.call('agent1', 'POST', '/api/agent/conversations/Convo1/claim'));
    expect(view).toMatchObject({
      status: 'assigned',
      assignee: 'agent1',
      caNumber: '101000001',
      context: {
        caNumber: '101000001',
        caSource: 'bot',
        consumer: { name: 'R***** K****', mobile: '******0001', meterNumber: 'GS23A0104571', section: 'Kankarbagh-1' },
        meter: { balance: 842.5, relay: 'connected', communicating: true, lastRecharge: { amount: 1000 } },
        tickets: [{ number: ticket.number, category: 'meter_defective', status: 'open' }],
        backendUnavailable: false,
      },
    });
    // Never the unmasked name, address or mobile.
    expect(JSON.stringify(view)).not.toMatch(/Ramesh|9876500001|House 112/);
  });

  it("shows the bot's conversation before the handoff, and says so when the backend does not answer", async () => {
    const history = [
      { from: 'consumer' as const, text: 'light nahi hai', at: TEST_NOW.toISOString() },
      { from: 'bot' as const, text: 'अपनी उपभोक्ता संख्या बताइए', at: TEST_NOW.toISOString() },
    ];
    await harness.sampark.handoff.enqueue(request('faulty', { caNumber: '101000099', history }));
    expect(await json(harness.call('agent1', 'GET', '/api/agent/conversations/faulty'))).toMatchObject({
      history,
      transcript: [],
      notes: [],
      context: { caNumber: '101000099', consumer: null, meter: null, backendUnavailable: true },
    });
  });

  it('takes a CA number the consumer sent the agent, when the bot had none and the backend knows it', async () => {
    await harness.sampark.handoff.enqueue(request('a'));
    await harness.call('agent1', 'POST', '/api/agent/conversations/a/claim');
    const context = async () => (await json(harness.call('agent1', 'GET', '/api/agent/conversations/a'))).context;
    expect(await context()).toMatchObject({ caNumber: null, caSource: null, consumer: null });
    await harness.sampark.handoff.consumerWrote('a', 'mera number 101000002 hai');
    await harness.sampark.handoff.consumerWrote('a', '101000002');
    // A payment reference is twelve digits too, but the backend knows no such consumer.
    await harness.sampark.handoff.consumerWrote('a', '412300000003');
    expect(await context()).toMatchObject({
      caNumber: '101000002',
      caSource: 'consumer',
      meter: { relay: 'disconnected' },
    });
  });

  it('tells a Hindi consumer by name which agent joined, again on a transfer, never on a repeat or a return to the queue', async () => {
    await harness.consumer.play([['user', 'agent se baat karao'], ['bot', 'कतार में आपका नंबर 1']]);
    await harness.call('agent1', 'POST', '/api/agent/conversations/Convo1/claim');
    expect(harness.consumer.received()).toEqual(['1912 हेल्पलाइन से Anita अब इस चैट में आपके साथ हैं और आपकी मदद करेंगे।']);
    expect(await statusOf(harness.call('agent1', 'POST', '/api/agent/conversations/Convo1/claim'))).toBe(200);
    expect(harness.consumer.received()).toEqual([]);
    await harness.call('agent1', 'POST', '/api/agent/conversations/Convo1/transfer', { to: 'agent2' });
    expect(harness.consumer.received()).toEqual(['1912 हेल्पलाइन से Rahul अब इस चैट में आपके साथ हैं और आपकी मदद करेंगे।']);
    await harness.call('agent2', 'POST', '/api/agent/conversations/Convo1/transfer', { to: null });
    expect(harness.consumer.received()).toEqual([]);
    const told = (await harness.audit.recent(20, 'Convo1')).map((entry) => `${entry.actor} ${entry.action} ${String(entry.detail?.told)}`);
    expect(told).toEqual(expect.arrayContaining(['agent1 handoff.claim true', 'agent1 handoff.transfer true', 'agent2 handoff.transfer null']));
  });

  it('tells an English consumer whom a supervisor assigned them to', async () => {
    await harness.consumer.play([['user', 'talk to agent'], ['bot', 'number 1 in the queue']]);
    await harness.call('supervisor1', 'POST', '/api/agent/conversations/Convo1/transfer', { to: 'agent2' });
    expect(harness.consumer.received()).toEqual(['Rahul from the 1912 helpline has joined this chat and will help you now.']);
  });

  it('keeps private notes for the agent side: author and time shown, never sent to the consumer', async () => {
    await harness.consumer.play([['user', 'talk to agent'], ['bot', 'number 1 in the queue']]);
    expect(await statusOf(harness.call('agent1', 'POST', '/api/agent/conversations/Convo1/claim'))).toBe(200);
    expect(harness.consumer.received()).toEqual([expect.stringContaining('Anita')]);
    const noted = await harness.call('agent1', 'POST', '/api/agent/conversations/Convo1/notes', { text: 'Asked twice about the 1st-of-month deduction' });
    expect(noted.status).toBe(201);
    expect(await statusOf(harness.call('agent1', 'POST', '/api/agent/conversations/Convo1/notes', { text: '  ' }))).toBe(400);
    expect(await statusOf(harness.call('agent2', 'POST', '/api/agent/conversations/Convo1/notes', { text: 'mine?' }))).toBe(403);
    expect(await statusOf(harness.call('supervisor1', 'POST', '/api/agent/conversations/Convo1/notes', { text: 'Explain the fixed charge' }))).toBe(201);
    const view = await json(harness.call('agent1', 'GET', '/api/agent/conversations/Convo1'));
    expect(view.notes).toEqual([
      { agent: 'agent1', text: 'Asked twice about the 1st-of-month deduction', at: new Date(TEST_NOW.getTime()).toISOString() },
      { agent: 'supervisor1', text: 'Explain the fixed charge', at: TEST_NOW.toISOString() },
    ]);
    expect(view.transcript).toEqual([]);
    expect(harness.consumer.received()).toEqual([]);
    const actions = (await harness.audit.recent(20, 'Convo1')).map((entry) => `${entry.actor} ${entry.action} ${String(entry.detail?.outcome)}`);
    expect(actions).toEqual(expect.arrayContaining(['agent1 handoff.note noted', 'agent2 handoff.note not_assignee']));
    // What a note said is not in the audit log.
    expect(JSON.stringify(await harness.audit.recent(50))).not.toContain('deduction');
  });

  it('transfers to a known call-centre colleague or back to the queue, and a supervisor assigns from the queue', async () => {
    await harness.sampark.handoff.enqueue(request('a'));
    await harness.call('agent1', 'POST', '/api/agent/conversations/a/claim');
    expect(await json(harness.call('agent1', 'POST', '/api/agent/conversations/a/transfer', { to: 'lineman1' }))).toEqual({ error: 'unknown_agent' });
    expect(await statusOf(harness.call('agent1', 'POST', '/api/agent/conversations/a/transfer', { to: 'nobody' }))).toBe(400);
    expect(await statusOf(harness.call('agent1', 'POST', '/api/agent/conversations/a/transfer', {}))).toBe(400);
    expect(await statusOf(harness.call('agent2', 'POST', '/api/agent/conversations/a/transfer', { to: 'agent2' }))).toBe(403);
    expect(await json(harness.call('agent1', 'POST', '/api/agent/conversations/a/transfer', { to: 'Agent2' }))).toEqual({ status: 'assigned', assignee: 'agent2' });
    expect(await statusOf(harness.call('agent1', 'POST', '/api/agent/conversations/a/replies', { text: 'hello' }))).toBe(403);
    expect(await json(harness.call('agent2', 'POST', '/api/agent/conversations/a/transfer', { to: null }))).toEqual({ status: 'queued', assignee: null });
    expect((await json(harness.call('agent1', 'GET', '/api/agent/queue'))).queue).toEqual([expect.objectContaining({ conversationId: 'a' })]);
    expect(await statusOf(harness.call('agent1', 'POST', '/api/agent/conversations/a/transfer', { to: 'agent1' }))).toBe(409);
    expect(await json(harness.call('supervisor1', 'POST', '/api/agent/conversations/a/transfer', { to: 'agent1' }))).toEqual({ status: 'assigned', assignee: 'agent1' });
    const actions = (await harness.audit.recent(20, 'a')).map((entry) => `${entry.actor} ${String(entry.detail?.outcome)} ${String(entry.detail?.to)}`);
    expect(actions).toEqual(expect.arrayContaining(['agent1 unknown_agent lineman1', 'agent1 transferred agent2', 'agent2 transferred null']));
  });

  it("offers canned replies in the consumer's language", async () => {
    const hindi = await json(harness.call('agent1', 'GET', '/api/agent/canned?language=hi'));
    const english = await json(harness.call('agent1', 'GET', '/api/agent/canned?language=en'));
    expect(hindi.language).toBe('hi');
    expect(hindi.replies.length).toBeGreaterThan(3);
    expect(hindi.replies.every((reply: { text: string }) => /[\u0900-\u097F]/.test(reply.text))).toBe(true);
    expect(english.replies.map((reply: { id: string }) => reply.id)).toEqual(hindi.replies.map((reply: { id: string }) => reply.id));
    expect(english.replies[0].text).toMatch(/1912/);
    expect(await statusOf(harness.call('agent1', 'GET', '/api/agent/canned?language=fr'))).toBe(400);
    expect(await statusOf(harness.call('agent1', 'GET', '/api/agent/canned'))).toBe(400);
  });

  it("fills the ready replies of a conversation with the consumer's name and CA number for its agent, audited", async () => {
    await harness.consumer.play([['user', 'balance 101000001'], ['bot', '842.50'], ['user', 'agent se baat karao'], ['bot', 'कतार में आपका नंबर 1']]);
    const path = '/api/agent/canned?language=hi&conversation=Convo1';
    // Nobody's conversation yet: no agent greets this consumer by name.
    expect(await statusOf(harness.call('agent1', 'GET', path))).toBe(403);
    await harness.call('agent1', 'POST', '/api/agent/conversations/Convo1/claim');
    const replies = Object.fromEntries((await json(harness.call('agent1', 'GET', path))).replies.map((reply: { id: string; text: string }) => [reply.id, reply.text]));
    expect(replies.greeting).toMatch(/^नमस्ते Ramesh Kumar जी, मैं 1912 हेल्पलाइन/);
    expect(replies.checking).toContain('उपभोक्ता संख्या 101000001 का मीटर');
    expect(await statusOf(harness.call('agent2', 'GET', path))).toBe(403);
    expect(await statusOf(harness.call('agent1', 'GET', '/api/agent/canned?language=en&conversation=nobody'))).toBe(404);
    const english = Object.fromEntries((await json(harness.call('agent1', 'GET', '/api/agent/canned?language=en'))).replies.map((reply: { id: string; text: string }) => [reply.id, reply.text]));
    expect([english.greeting, english.checking]).toEqual([expect.stringMatching(/^Hello there, I am/), expect.stringContaining('the meter of your connection')]);
    const revealed = (await harness.audit.recent(20, 'Convo1')).filter((entry) => entry.action === 'handoff.name_revealed').map((entry) => `${entry.actor} ${String(entry.detail?.outcome)}`);
    expect(revealed).toEqual(['agent1 filled']);
  });

  it("gives supervisors the overview: every conversation not with the bot, by status and agent, and who is online", async () => {
    await harness.sampark.handoff.enqueue(request('a'));
    await harness.sampark.handoff.enqueue(request('b'));
    await harness.sampark.handoff.enqueue(request('c'));
    await harness.call('agent1', 'POST', '/api/agent/conversations/b/claim');
    await harness.call('agent2', 'POST', '/api/agent/conversations/c/claim');
    await harness.call('agent2', 'POST', '/api/agent/conversations/c/resolve', { reason: 'answered' });
    await harness.sampark.presence.heartbeat('console-1', { username: 'agent1', name: 'Agent One', role: 'agent' });

    expect(await statusOf(harness.call('agent1', 'GET', '/api/agent/overview'))).toBe(403);
    const overview = await json(harness.call('supervisor1', 'GET', '/api/agent/overview'));
    expect(overview.byStatus).toEqual({ queued: 1, assigned: 1 });
    expect(overview.conversations.map((entry: { conversationId: string; status: string; assignee: string | null }) => [entry.conversationId, entry.status, entry.assignee])).toEqual([
      ['a', 'queued', null],
      ['b', 'assigned', 'agent1'],
    ]);
    expect((await json(harness.call('agent1', 'GET', '/api/agent/conversations'))).conversations).toEqual([
      expect.objectContaining({ conversationId: 'b', status: 'assigned', assignee: 'agent1' }),
    ]);
    expect(await json(harness.call('agent2', 'GET', '/api/agent/conversations'))).toEqual({ conversations: [] });
    const agents = Object.fromEntries(overview.agents.map((agent: { username: string; online: boolean; holding: number }) => [agent.username, [agent.online, agent.holding]]));
    expect(agents).toEqual({ agent1: [true, 1], agent2: [false, 0], supervisor1: [false, 0] });
  });
});

describe('who may use the agent API', () => {
  let harness: AgentApiHarness;
  // Every refusal leaves the conversation as it was, so one server serves the whole table.
  beforeAll(async () => {
    harness = await startAgentApi();
    await harness.sampark.handoff.enqueue(request('mine'));
    await harness.call('agent1', 'POST', '/api/agent/conversations/mine/claim');
  });
  afterAll(() => harness.close());

  const ACTIONS: Array<['GET' | 'POST', string, unknown, number]> = [
    ['GET', '/api/agent/conversations/mine', undefined, 403],
    ['POST', '/api/agent/conversations/mine/claim', undefined, 409],
    ['POST', '/api/agent/conversations/mine/replies', { text: 'hello' }, 403],
    ['POST', '/api/agent/conversations/mine/notes', { text: 'note' }, 403],
    ['POST', '/api/agent/conversations/mine/transfer', { to: 'agent2' }, 403],
    ['POST', '/api/agent/conversations/mine/resolve', { reason: 'answered' }, 403],
  ];

  it.each(ACTIONS)('an agent cannot %s %s on a conversation assigned to another', async (method, path, body, status) => {
    expect((await harness.call('agent2', method, path, body)).status).toBe(status);
    const record = await harness.sampark.handoff.current('mine');
    expect([record?.status, record?.assignee, record?.transcript, record?.notes]).toEqual(['assigned', 'agent1', [], undefined]);
    expect(harness.consumer.received()).toEqual([]);
  });

  const EVERY_ROUTE: Array<['GET' | 'POST', string]> = [
    ['GET', '/api/agent/queue'],
    ['GET', '/api/agent/events'],
    ['GET', '/api/agent/canned?language=hi'],
    ['GET', '/api/agent/agents'],
    ['GET', '/api/agent/overview'],
    ['GET', '/api/agent/conversations'],
    ...ACTIONS.map(([method, path]): ['GET' | 'POST', string] => [method, path]),
  ];

  it.each(EVERY_ROUTE)('refuses %s %s without a valid session, and to field staff', async (method, path) => {
    expect((await harness.call('not-a-token', method, path)).status).toBe(401);
    expect((await harness.call('lineman1', method, path)).status).toBe(403);
  });

  it('refuses a token that has expired, and one signed with another secret', async () => {
    const forged = 'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJzdXBlcnZpc29yMSIsIm5hbWUiOiJYIiwicm9sZSI6InN1cGVydmlzb3IiLCJpYXQiOjEsImV4cCI6OTk5OTk5OTk5OX0.c2lnbmF0dXJl';
    expect((await harness.call(forged, 'GET', '/api/agent/overview')).status).toBe(401);
    // Last, since it ends every session of this server.
    expect((await harness.call('agent1', 'GET', '/api/agent/queue')).status).toBe(200);
    harness.sessionClock.now = new Date(harness.sessionClock.now.getTime() + 601_000);
    expect((await harness.call('agent1', 'GET', '/api/agent/queue')).status).toBe(401);
  });
});
