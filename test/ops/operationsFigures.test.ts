import type { Activity } from 'botbuilder';
import { istDate } from '../../src/domain/indianTime';
import { silentLogger } from '../../src/log/logger';
import { Metrics } from '../../src/metrics/metrics';
import type { FiguresStore } from '../../src/ops/figuresStore';
import { MemoryFiguresStore } from '../../src/ops/memoryFiguresStore';
import { OperationsFigures } from '../../src/ops/operationsFigures';
import type { Ticket } from '../../src/tickets/ticket';
import { TEST_NOW, TestConversation } from '../support/conversation';

const TODAY = '2026-11-28';
const lineman = { kind: 'staff', username: 'lineman1', role: 'lineman' } as const;

/** A message in conversation `id`: every conversation of these tests shares one Sampark. */
const inConversation = (id: string, text: string): Partial<Activity> => ({ type: 'message', text, conversation: { id } as Activity['conversation'] });

describe('daily operations figures, fed by the bot, the handoff queue and the tickets', () => {
  let clock: Date;
  let consumer: TestConversation;
  beforeEach(async () => {
    clock = TEST_NOW;
    consumer = await TestConversation.start({ now: () => clock });
  });

  /** Three conversations: one the bot answers, one handed to an agent, one that becomes a ticket. */
  async function aMorningOfConversations(): Promise<string> {
    await consumer.play([
      ['user', inConversation('contained', 'मेरा बैलेंस कितना है')],
      ['user', inConversation('contained', '101000001')],
      ['bot', '₹842.50'],
      ['user', inConversation('agent', 'I want to talk to a human agent')],
      ['bot', 'number 1 in the queue'],
      ['user', inConversation('ticket', 'money deducted but recharge not credited')],
      ['user', inConversation('ticket', '101000005')],
      ['user', inConversation('ticket', '412399999999')],
      ['bot', /Complaint number: SP-\d{4}-\d{4}/],
    ]);
    const [ticket] = await consumer.sampark.services.tickets.findByConsumer('101000005');
    if (!ticket) throw new Error('the journey opened no ticket');
    return ticket.number;
  }

  it('counts conversations, the share the bot contained, handoffs, tickets opened and the top intents', async () => {
    await aMorningOfConversations();
    const figures = await consumer.sampark.operations.daily(TODAY, TODAY);
    expect(figures.days).toEqual([
      { date: TODAY, conversations: 3, containedByBot: 1, containedShare: 0.333, handedToAgents: 1, ticketsOpened: 1, ticketsResolvedWithinSla: 0 },
    ]);
    expect(figures.ticketsByDivision).toEqual([
      { division: 'Arrah Rural', category: 'payment_not_credited', opened: 1, resolvedWithinSla: 0, resolvedLate: 0 },
    ]);
    expect(figures.topIntents.map((entry) => entry.intent)).not.toContain('none');
    expect(figures.topIntents.map((entry) => entry.intent)).toEqual(
      expect.arrayContaining(['check_balance', 'talk_to_agent', 'recharge_not_credited']),
    );
    const metrics = await consumer.sampark.metrics.registry.metrics();
    expect(metrics).toContain('sampark_conversations_total{channel="test"} 3');
    expect(metrics).toContain('sampark_conversations_escalated_total{channel="test"} 2');
    expect(metrics).toContain('sampark_conversations_handed_to_agents_total{channel="test"} 1');
    expect(metrics).toContain('sampark_ops_today{figure="contained_by_bot"} 1');
  });

  it('counts a second conversation whose complaint joins an open ticket as escalated, not contained', async () => {
    for (const id of ['first-report', 'second-report']) {
      await consumer.play([
        ['user', inConversation(id, 'money deducted but recharge not credited')],
        ['user', inConversation(id, '101000005')],
        ['user', inConversation(id, '412399999999')],
        ['bot', /SP-\d{4}-\d{4}/],
      ]);
    }
    expect(await consumer.sampark.services.tickets.findByConsumer('101000005')).toHaveLength(1);
    const [day] = (await consumer.sampark.operations.daily(TODAY, TODAY)).days;
    expect(day).toMatchObject({ conversations: 2, containedByBot: 0, ticketsOpened: 1 });
  });

  it('counts a resolution within the SLA on the day it happens, and one after the due time as late', async () => {
    const number = await aMorningOfConversations();
    const workflow = consumer.sampark.ticketWorkflow;
    expect((await workflow.change(number, { type: 'accept' }, lineman)).ok).toBe(true);
    expect((await workflow.change(number, { type: 'resolve', code: 'payment_credited', note: 'credited' }, lineman)).ok).toBe(true);

    await consumer.play([
      ['user', inConversation('second-ticket', 'recharged but light not back')],
      ['user', inConversation('second-ticket', '101000007')],
      ['bot', /Complaint number: SP-\d{4}-\d{4}/],
    ]);
    const [second] = await consumer.sampark.services.tickets.findByConsumer('101000007');
    if (!second) throw new Error('the journey opened no ticket');
    clock = new Date(Date.parse(second.dueAt) + 60_000);
    await workflow.change(second.number, { type: 'accept' }, lineman);
    await workflow.change(second.number, { type: 'resolve', code: 'communication_restored', note: 'fixed' }, lineman);

    const today = await consumer.sampark.operations.daily(TODAY, TODAY);
    expect(today.days[0]?.ticketsResolvedWithinSla).toBe(1);
    const resolvedOn = istDate(clock);
    const later = await consumer.sampark.operations.daily(TODAY, resolvedOn);
    expect(later.ticketsByDivision).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ division: 'Arrah Rural', category: 'payment_not_credited', opened: 1, resolvedWithinSla: 1, resolvedLate: 0 }),
        expect.objectContaining({ division: 'Samastipur', category: 'meter_not_communicating', opened: 1, resolvedWithinSla: 0, resolvedLate: 1 }),
      ]),
    );
    const metrics = await consumer.sampark.metrics.registry.metrics();
    expect(metrics).toMatch(/sampark_tickets_resolved_total\{division="Samastipur",category="meter_not_communicating",sla="late"\} 1/);
  });

  it('escalates the conversation a joining complaint came from, and opens no second ticket', async () => {
    const store = new MemoryFiguresStore();
    const operations = new OperationsFigures({ store, metrics: new Metrics(), logger: silentLogger(), now: () => TEST_NOW });
    const first = { channel: 'whatsapp', conversationId: 'first' };
    const again = { channel: 'whatsapp', conversationId: 'again' };
    await operations.messageUnderstood({ ...first, intent: 'recharge_not_credited' });
    await operations.messageUnderstood({ ...again, intent: 'recharge_not_credited' });
    const ticket = {
      number: 'SP00000018', category: 'payment_not_credited', priority: 'normal', status: 'open', caNumber: '101000005',
      area: { circle: 'Patna', division: 'Patna East', subDivision: 'Kankarbagh', section: 'Kankarbagh-1' },
      description: 'Payment not found.', contact: { ...first, language: 'hi' }, createdAt: TEST_NOW.toISOString(),
      dueAt: TEST_NOW.toISOString(), laterReports: [],
    } satisfies Ticket;
    await operations.ticketEscalated(ticket, false, first);
    await operations.ticketEscalated(ticket, true, again);
    const [day] = (await operations.daily(TODAY, TODAY)).days;
    expect(day).toMatchObject({ conversations: 2, containedByBot: 0, ticketsOpened: 1 });
  });

  it('leaves the consumer answered when the figures cannot be recorded', async () => {
    const failing: FiguresStore = {
      recordMessage: () => Promise.reject(new Error('store away')),
      recordEscalation: () => Promise.reject(new Error('store away')),
      recordTicket: () => Promise.reject(new Error('store away')),
      days: (dates) => new MemoryFiguresStore().days(dates),
    };
    const warnings: unknown[] = [];
    const logger = silentLogger();
    logger.warn = ((...args: unknown[]) => void warnings.push(args)) as typeof logger.warn;
    const operations = new OperationsFigures({ store: failing, metrics: new Metrics(), logger, now: () => TEST_NOW });
    await expect(operations.messageUnderstood({ channel: 'test', conversationId: 'c1', intent: 'greeting' })).resolves.toBeUndefined();
    const queue = operations.watchHandoffs({
      enqueue: async () => ({ position: 1, alreadyQueued: false }),
      positionOf: async () => 1,
      cancel: async () => true,
    });
    await expect(queue.enqueue({
      conversationId: 'c1', channel: 'test', language: 'hi', reason: 'consumer_asked', caNumber: null, lastIntent: null, requestedAt: TEST_NOW.toISOString(),
    })).resolves.toEqual({ position: 1, alreadyQueued: false });
    expect(warnings).toHaveLength(2);
  });
});
