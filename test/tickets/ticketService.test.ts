import { DEFAULT_SLA_HOURS, DEFAULT_TICKET_LIFECYCLE_POLICY } from '../../src/config/ticketPolicy';
import { parseTicketNumber } from '../../src/domain/ticketNumber';
import { MemoryRateLimiter } from '../../src/limits/memoryRateLimiter';
import type { TicketRules } from '../../src/limits/ticketLimits';
import { MemoryTicketRepository } from '../../src/tickets/memoryTicketRepository';
import { TicketService, type TicketRequest } from '../../src/tickets/ticketService';

const NOW = new Date('2026-11-28T06:00:00.000Z');
const area = { circle: 'Patna', division: 'Patna East', subDivision: 'Kankarbagh', section: 'Kankarbagh-1' };

function request(overrides: Partial<TicketRequest> = {}): TicketRequest {
  return {
    category: 'meter_test',
    description: 'Consumer disputes the reading.',
    urgent: false,
    caNumber: '101000001',
    area,
    urban: true,
    contact: { channel: 'test', conversationId: 'c1', language: 'hi' },
    ...overrides,
  };
}

describe('TicketService', () => {
  const service = () => new TicketService(new MemoryTicketRepository(), DEFAULT_SLA_HOURS, () => NOW);

  it('opens a ticket with a readable number, the area and the SLA due time', async () => {
    const { ticket, joined } = await service().open(request());
    expect(joined).toBe(false);
    expect(parseTicketNumber(ticket.number)).toBe(ticket.number);
    expect(ticket.area).toEqual(area);
    expect(ticket.status).toBe('open');
    expect(ticket.dueAt).toBe(new Date(NOW.getTime() + DEFAULT_SLA_HOURS.meter_test.urban * 3_600_000).toISOString());
  });

  it('says until when the consumer may reopen: from when the work finished, for the window of the policy', async () => {
    const { ticket } = await service().open(request());
    const finishedAt = new Date(NOW.getTime() + 5 * 3_600_000).toISOString();
    const work = { revision: 2, heldHours: 0, reopenCount: 0, breached: false, notes: [], finishedAt };
    const twelveHours = new TicketService(new MemoryTicketRepository(), DEFAULT_SLA_HOURS, () => NOW, () => undefined, {
      ...DEFAULT_TICKET_LIFECYCLE_POLICY,
      reopenWindowHours: 12,
    });
    expect(service().reopenableUntil(ticket)).toBeNull();
    expect(service().reopenableUntil({ ...ticket, status: 'closed', work })).toBeNull();
    expect(twelveHours.reopenableUntil({ ...ticket, status: 'resolved', work })).toEqual(new Date(NOW.getTime() + 17 * 3_600_000));
    expect(twelveHours.reopenableUntil({ ...ticket, status: 'cannot_complete', work })).toEqual(new Date(NOW.getTime() + 17 * 3_600_000));
  });

  it('cannot reopen before a workflow is attached', async () => {
    await expect(service().reopen('SP00000018')).rejects.toThrow(/no workflow/);
  });

  it('gives rural consumers the rural SLA', async () => {
    const { ticket } = await service().open(request({ category: 'area_outage', urban: false }));
    expect(new Date(ticket.dueAt).getTime() - NOW.getTime()).toBe(DEFAULT_SLA_HOURS.area_outage.rural * 3_600_000);
  });

  it.each<[Partial<TicketRequest>, string]>([
    [{ urgent: true }, 'urgent'],
    [{ category: 'relay_not_reconnecting' }, 'high'],
    [{ category: 'meter_test' }, 'normal'],
  ])('sets priority for %j to %s', async (overrides, priority) => {
    expect((await service().open(request(overrides))).ticket.priority).toBe(priority);
  });

  it('joins a second complaint about the same open problem instead of opening another', async () => {
    const tickets = service();
    const first = await tickets.open(request());
    const second = await tickets.open(request({ description: 'again' }));
    expect(second.joined).toBe(true);
    expect(second.ticket.number).toBe(first.ticket.number);
    expect(second.ticket.laterReports).toEqual(['again']);
    expect(await tickets.findByConsumer('101000001')).toHaveLength(1);
  });

  it('raises the open ticket to urgent when a joining complaint is urgent', async () => {
    const tickets = service();
    await tickets.open(request());
    const joined = await tickets.open(request({ urgent: true, description: 'child is ill' }));
    expect(joined.ticket.priority).toBe('urgent');
  });

  it('opens separate tickets for different problems and different consumers', async () => {
    const tickets = service();
    const a = await tickets.open(request());
    const b = await tickets.open(request({ category: 'meter_defective' }));
    const c = await tickets.open(request({ caNumber: '101000002' }));
    expect(new Set([a.ticket.number, b.ticket.number, c.ticket.number]).size).toBe(3);
    expect(await tickets.findByNumber(b.ticket.number)).toEqual(b.ticket);
    expect(await tickets.findByNumber('SP00000000')).toBeNull();
  });

  it('never joins reports that are not about a connection', async () => {
    const tickets = service();
    const a = await tickets.open(request({ category: 'fraud_report', caNumber: null, area: null, urban: null }));
    const b = await tickets.open(request({ category: 'fraud_report', caNumber: null, area: null, urban: null }));
    expect(b.joined).toBe(false);
    expect(a.ticket.number).not.toBe(b.ticket.number);
  });
});

describe('TicketService.openForConsumer: the tickets consumers open in chat are limited', () => {
  const DAY = 86_400;
  const twoAChat: TicketRules = { perConversation: { limit: 2, windowSeconds: DAY }, perCa: { limit: 3, windowSeconds: DAY } };
  const limited = (rules = twoAChat) =>
    new TicketService(new MemoryTicketRepository(), DEFAULT_SLA_HOURS, () => NOW, () => undefined, DEFAULT_TICKET_LIFECYCLE_POLICY, {
      limiter: new MemoryRateLimiter(() => NOW),
      rules,
    });
  const from = (conversationId: string, overrides: Partial<TicketRequest> = {}) =>
    request({ contact: { channel: 'test', conversationId, language: 'hi' }, ...overrides });

  it('refuses a conversation its ticket past the limit, however many connections it names, and says for how long', async () => {
    const tickets = limited();
    expect(await tickets.openForConsumer(from('stranger', { caNumber: '101000001' }))).toMatchObject({ ok: true, joined: false });
    expect(await tickets.openForConsumer(from('stranger', { caNumber: '101000002' }))).toMatchObject({ ok: true, joined: false });
    expect(await tickets.openForConsumer(from('stranger', { caNumber: '101000003', urgent: true }))).toEqual({
      ok: false,
      limited: 'conversation',
      retryAfterSeconds: DAY,
    });
    expect(await tickets.findByConsumer('101000003')).toEqual([]);
  });

  it('refuses a connection its ticket past the limit, whichever conversations ask', async () => {
    const tickets = limited();
    for (const [conversation, category] of [['a', 'meter_test'], ['b', 'meter_defective'], ['c', 'payment_not_credited']] as const) {
      expect(await tickets.openForConsumer(from(conversation, { category }))).toMatchObject({ ok: true });
    }
    expect(await tickets.openForConsumer(from('d', { category: 'relay_not_reconnecting' }))).toMatchObject({ ok: false, limited: 'connection' });
    expect(await tickets.findByConsumer('101000001')).toHaveLength(3);
  });

  it('does not count joining an open ticket, nor a retry of a request already answered', async () => {
    const tickets = limited();
    const first = await tickets.openForConsumer(from('consumer', { requestId: 'message-1' }));
    const number = first.ok ? first.ticket.number : 'refused';
    for (let again = 0; again < 5; again += 1) {
      expect(await tickets.openForConsumer(from('consumer', { description: `still wrong (${again})` }))).toMatchObject({ ok: true, joined: true });
      expect(await tickets.openForConsumer(from('consumer', { requestId: 'message-1' }))).toMatchObject({ ok: true, joined: false, ticket: { number } });
    }
    // The one new ticket is all this conversation has used: one more may open.
    expect(await tickets.openForConsumer(from('consumer', { category: 'meter_defective' }))).toMatchObject({ ok: true, joined: false });
    expect(await tickets.openForConsumer(from('consumer', { category: 'payment_not_credited' }))).toMatchObject({ ok: false, limited: 'conversation' });
  });

  it('holds the limit when a burst of requests arrives at once', async () => {
    const tickets = limited();
    const burst = await Promise.all(
      Array.from({ length: 20 }, (_, i) => tickets.openForConsumer(from('burst', { caNumber: `10100${String(i).padStart(4, '0')}`, urgent: true }))),
    );
    expect(burst.filter((outcome) => outcome.ok)).toHaveLength(2);
  });

  it('leaves tickets raised by staff and campaigns (open) unlimited', async () => {
    const tickets = limited();
    for (const caNumber of ['101000001', '101000002', '101000003']) {
      expect(await tickets.open(from('agent-held', { caNumber }))).toMatchObject({ joined: false });
    }
    // Nor do they use up the consumer's own allowance.
    expect(await tickets.openForConsumer(from('agent-held', { caNumber: '101000004' }))).toMatchObject({ ok: true });
  });

  it('will not open a consumer ticket without its limits', async () => {
    await expect(new TicketService(new MemoryTicketRepository(), DEFAULT_SLA_HOURS, () => NOW).openForConsumer(request())).rejects.toThrow(/no consumer limits/);
  });
});
