import { randomUUID } from 'node:crypto';
import { BackendUnavailableError } from '../../../src/backend/meterBackend';
import { SimulatedMeterBackend } from '../../../src/backend/simulator/simulatedMeterBackend';
import { TEST_NOW } from '../../support/conversation';
import { startAgentApi, type AgentApiHarness } from './agentApiHarness';

describe('an agent raises a field ticket from the conversation they hold', () => {
  let harness: AgentApiHarness;
  beforeEach(async () => {
    harness = await startAgentApi();
  });
  afterEach(() => harness.close());
  // A body's shape is what the expectations below check, so it is read untyped.
  const json = async (response: Promise<Response>): Promise<any> => (await response).json();

  async function claimedAfterBalance(ca = '101000001'): Promise<void> {
    await harness.consumer.play([
      ['user', `balance ${ca}`],
      ['user', 'agent se baat karao'],
      ['bot', 'कतार में आपका नंबर 1'],
    ]);
    expect((await harness.call('agent1', 'POST', '/api/agent/conversations/Convo1/claim')).status).toBe(200);
  }

  const raise = (who: string, body: Record<string, unknown>) =>
    harness.call(who, 'POST', '/api/agent/conversations/Convo1/tickets', { requestId: randomUUID(), ...body });

  it('opens it for the consumer the bot knew, tells them its number in Hindi, and notes it for the next agent', async () => {
    await claimedAfterBalance();
    const response = await raise('agent1', { category: 'meter_defective', description: 'Display blank since the storm' });
    expect(response.status).toBe(201);
    const raised = (await response.json()) as { number: string };
    const [ticket] = await harness.sampark.services.tickets.findByConsumer('101000001');
    expect(ticket).toMatchObject({ number: raised.number, category: 'meter_defective', caNumber: '101000001', contact: { conversationId: 'Convo1', language: 'hi' } });
    expect(ticket?.area?.section).toBe('Kankarbagh-1');
    expect(ticket?.description).toBe('Raised by a 1912 agent: Display blank since the storm');
    expect(harness.consumer.received().join('\n')).toContain(`शिकायत संख्या: SP-${raised.number.slice(2, 6)}-${raised.number.slice(6)}`);
    const view = await json(harness.call('agent1', 'GET', '/api/agent/conversations/Convo1'));
    expect(view.notes.at(-1).text).toContain(`SP-${raised.number.slice(2, 6)}`);
    expect(await harness.audit.recent(5, 'Convo1')).toContainEqual(
      expect.objectContaining({ actor: 'agent1', action: 'ticket.raised_by_agent', detail: expect.objectContaining({ ticket: raised.number, joined: false, told: true }) }),
    );
  });

  it('opens one ticket for a retried request, and joins the open one for the same problem', async () => {
    await claimedAfterBalance();
    const requestId = randomUUID();
    const first = await json(raise('agent1', { requestId, category: 'meter_defective', description: 'blank display' }));
    const retried = await json(raise('agent1', { requestId, category: 'meter_defective', description: 'blank display' }));
    expect(retried).toMatchObject({ number: first.number });
    const again = await raise('agent1', { category: 'meter_defective', description: 'still blank' });
    expect(again.status).toBe(200);
    expect(await again.json()).toMatchObject({ number: first.number, joined: true });
    expect(await harness.sampark.services.tickets.findByConsumer('101000001')).toHaveLength(1);
  });

  it('is not held to the limits on the tickets consumers open in chat: an agent is staff', async () => {
    await harness.close();
    harness = await startAgentApi({ env: { TICKET_LIMIT_PER_CONVERSATION: '1/24h', TICKET_LIMIT_PER_CA: '1/24h' } });
    await claimedAfterBalance();
    for (const category of ['meter_defective', 'meter_test', 'payment_not_credited']) {
      expect((await raise('agent1', { category, description: 'raised on the call' })).status).toBe(201);
    }
    expect(await harness.sampark.services.tickets.findByConsumer('101000001')).toHaveLength(3);
  });

  it('takes another connection the consumer names, and refuses one that cannot be or does not exist', async () => {
    await claimedAfterBalance();
    expect((await raise('agent1', { category: 'other', description: 'shop meter', caNumber: '101000011' })).status).toBe(201);
    expect(await harness.sampark.services.tickets.findByConsumer('101000011')).toHaveLength(1);
    expect(await json(raise('agent1', { category: 'other', description: 'x', caNumber: '10100000A' }))).toMatchObject({ error: 'bad_ca_number' });
    expect(await json(raise('agent1', { category: 'other', description: 'x', caNumber: '109999999' }))).toMatchObject({ error: 'unknown_consumer' });
  });

  it.each([
    ['another agent', 'agent2', { category: 'other', description: 'x' }, 403],
    ['a field user', 'lineman1', { category: 'other', description: 'x' }, 403],
    ['an unknown category', 'agent1', { category: 'tea', description: 'x' }, 400],
    ['an empty description', 'agent1', { category: 'other', description: '  ' }, 400],
  ])('refuses %s', async (_name, who, body, status) => {
    await claimedAfterBalance();
    expect((await raise(who, body)).status).toBe(status);
    expect(await harness.sampark.services.tickets.findByConsumer('101000001')).toEqual([]);
  });

  it('opens it without an area when the backend does not answer, for the automation to fill in later', async () => {
    await harness.close();
    const backend = new SimulatedMeterBackend({ now: () => TEST_NOW });
    backend.findConsumer = async () => {
      throw new BackendUnavailableError('timeout');
    };
    harness = await startAgentApi({ ports: { backend } });
    await harness.consumer.play([['user', 'agent se baat karao'], ['bot', 'कतार में आपका नंबर 1']]);
    expect((await harness.call('agent1', 'POST', '/api/agent/conversations/Convo1/claim')).status).toBe(200);
    const response = await raise('agent1', { category: 'meter_defective', description: 'blank display', caNumber: '101000001' });
    expect(response.status).toBe(201);
    const [ticket] = await harness.sampark.services.tickets.findByConsumer('101000001');
    expect(ticket).toMatchObject({ caNumber: '101000001', area: null });
    expect(harness.consumer.received().join('\n')).toContain('शिकायत संख्या');
  });

  it('refuses a conversation nobody has claimed', async () => {
    await harness.consumer.play([['user', 'agent se baat karao'], ['bot', 'कतार में आपका नंबर 1']]);
    expect((await raise('agent1', { category: 'other', description: 'x' })).status).toBe(409);
  });
});
