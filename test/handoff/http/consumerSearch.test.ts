import { formatTicketNumber, type TicketNumber } from '../../../src/domain/ticketNumber';
import { TEST_NOW } from '../../support/conversation';
import { callBackRequest } from '../callBacks/callBackStore.contract';
import { startAgentApi, type AgentApiHarness } from './agentApiHarness';

describe("search and a consumer's history in the agent API", () => {
  let harness: AgentApiHarness;
  /** The bot's clock, moved on between one chat and the next. */
  let clock: number;
  beforeEach(async () => {
    clock = TEST_NOW.getTime();
    harness = await startAgentApi({ now: () => new Date(clock) });
  });
  afterEach(() => harness.close());
  // A body's shape is what the expectations below check, so it is read untyped.
  const json = async (response: Promise<Response>): Promise<any> => (await response).json();
  const search = (q: string, who = 'agent2') => json(harness.call(who, 'GET', `/api/agent/search?q=${encodeURIComponent(q)}`));

  /** The consumer of 101000001 asks for an agent, agent1 answers and resolves. */
  async function earlierChat(): Promise<void> {
    await harness.consumer.play([
      ['user', 'balance 101000001'],
      ['bot', '842.50'],
      ['user', 'agent se baat karao'],
      ['bot', 'कतार में आपका नंबर 1'],
    ]);
    await harness.call('agent1', 'POST', '/api/agent/conversations/Convo1/claim');
    await harness.consumer.say('1 tarikh ko 450 kyon kata? mera number 9876500001 hai');
    await harness.call('agent1', 'POST', '/api/agent/conversations/Convo1/replies', { text: 'Fixed charge aur duty mahine ki 1 tarikh ko katti hai.' });
    await harness.call('agent1', 'POST', '/api/agent/conversations/Convo1/resolve', { reason: 'answered' });
    harness.consumer.received();
  }

  it("shows the next agent the consumer's earlier chat with the current one, and reads it in full", async () => {
    await earlierChat();
    clock += 3 * 86_400_000;
    await harness.consumer.play([['user', 'dhanyavad'], ['user', 'phir se agent se baat karao'], ['bot', 'कतार में आपका नंबर 1']]);
    const view = await json(harness.call('agent2', 'POST', '/api/agent/conversations/Convo1/claim'));
    expect(view.previous).toEqual([
      expect.objectContaining({ conversationId: 'Convo1', status: 'resolved', resolution: 'answered', assignee: 'agent1', lastWords: '1 tarikh ko 450 kyon kata? mera number ******0001 hai' }),
    ]);
    const earlier = await json(harness.call('agent2', 'GET', `/api/agent/history/${encodeURIComponent(view.previous[0].archiveId)}`));
    expect(earlier.transcript.map((line: { from: string }) => line.from)).toEqual(['consumer', 'agent']);
    expect(earlier.history).toEqual(expect.arrayContaining([expect.objectContaining({ from: 'consumer', text: 'balance 101000001' })]));
    expect((await harness.call('agent2', 'GET', '/api/agent/history/nothing@2026')).status).toBe(404);
    const reads = (await harness.audit.recent(50)).filter((entry) => entry.action === 'handoff.history_viewed').map((entry) => `${entry.actor} ${String(entry.detail?.outcome)}`);
    expect(reads).toEqual(expect.arrayContaining(['agent2 shown', 'agent2 not_found']));
  });

  it('finds a connection by CA number, by mobile (every connection on it) and by ticket number, masked', async () => {
    await earlierChat();
    const { ticket } = await harness.sampark.services.tickets.open({
      category: 'meter_test',
      description: 'meter fast',
      urgent: false,
      caNumber: '101000001',
      area: null,
      urban: true,
      contact: { channel: 'test', conversationId: 'Convo1', language: 'hi' },
    });
    await harness.sampark.callBacks.request(callBackRequest('Convo7'));

    const byCa = await search('101000001');
    expect(byCa).toMatchObject({ kind: 'ca', backendUnavailable: false });
    expect(byCa.connections).toEqual([
      expect.objectContaining({
        caNumber: '101000001',
        consumer: expect.objectContaining({ name: 'R***** K****', mobile: '******0001' }),
        tickets: [expect.objectContaining({ number: ticket.number, category: 'meter_test' })],
        callBacks: [expect.objectContaining({ status: 'waiting', phone: '******0001' })],
        conversations: [expect.objectContaining({ assignee: 'agent1', resolution: 'answered' })],
      }),
    ]);

    const byMobile = await search('+91 98765 00001');
    expect(byMobile.kind).toBe('mobile');
    expect(byMobile.connections.map((connection: { caNumber: string }) => connection.caNumber).sort()).toEqual(['101000001', '101000011']);

    const byTicket = await search(formatTicketNumber(ticket.number as TicketNumber).toLowerCase());
    expect(byTicket).toMatchObject({ kind: 'ticket', connections: [{ caNumber: '101000001' }] });

    // Ten digits no connection is registered on are read as a CA number.
    expect(await search('9000000999')).toMatchObject({ kind: 'ca', connections: [{ caNumber: '9000000999', consumer: null, tickets: [] }] });
    expect(await search('light nahi hai')).toEqual({ kind: 'none', connections: [], backendUnavailable: false });
    expect((await harness.call('agent2', 'GET', '/api/agent/search')).status).toBe(400);
    expect(JSON.stringify([byCa, byMobile, byTicket])).not.toMatch(/Ramesh|9876500001|House 112/);
    const searches = (await harness.audit.recent(50)).filter((entry) => entry.action === 'handoff.search').map((entry) => String(entry.detail?.kind));
    expect(searches).toEqual(expect.arrayContaining(['ca', 'mobile', 'ticket', 'none']));
    // Who was looked for is recorded by connection, never by the mobile typed.
    expect(JSON.stringify(await harness.audit.recent(50))).not.toContain('98765');
  });

  it.each([
    ['GET', '/api/agent/search?q=101000001'],
    ['GET', '/api/agent/history/Convo1@2026-11-28T06:00:00.000Z'],
  ] as const)('refuses %s %s without a valid session, and to field staff', async (method, path) => {
    expect((await harness.call('not-a-token', method, path)).status).toBe(401);
    expect((await harness.call('lineman1', method, path)).status).toBe(403);
  });
});
