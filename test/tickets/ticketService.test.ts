import { DEFAULT_SLA_HOURS, DEFAULT_TICKET_LIFECYCLE_POLICY } from '../../src/config/ticketPolicy';
import { parseTicketNumber } from '../../src/domain/ticketNumber';
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
