import { BreachAlerts, breachAlert, supervisorsOf } from '../../src/alerts/breachAlerts';
import { MemoryStaffAlerts } from '../../src/alerts/memoryStaffAlerts';
import type { StaffIdentity } from '../../src/auth/staff';
import type { Ticket } from '../../src/tickets/ticket';

const kankarbagh1 = { circle: 'Patna', division: 'Patna East', subDivision: 'Kankarbagh', section: 'Kankarbagh-1' };

const staff: StaffIdentity[] = [
  { username: 'lineman1', name: 'L', role: 'lineman', area: kankarbagh1 },
  { username: 'je1', name: 'J', role: 'je', area: { circle: 'Patna', division: 'Patna East', subDivision: 'Kankarbagh' } },
  { username: 'je2', name: 'J', role: 'je', area: { circle: 'Patna', division: 'Patna East', subDivision: 'Rajendra Nagar' } },
  { username: 'sdo1', name: 'S', role: 'sdo', area: { circle: 'Patna', division: 'Patna East' } },
  { username: 'sdo2', name: 'S', role: 'sdo', area: { circle: 'Patna', division: 'Danapur' } },
  { username: 'fs1', name: 'F', role: 'field_supervisor', area: { circle: 'Patna' } },
  { username: 'fs-nowhere', name: 'F', role: 'field_supervisor' },
  { username: 'supervisor1', name: 'C', role: 'supervisor' },
  { username: 'agent1', name: 'A', role: 'agent' },
];

const ticket: Ticket = {
  number: 'SP00000018',
  category: 'area_outage',
  priority: 'urgent',
  status: 'open',
  caNumber: '101000001',
  area: kankarbagh1,
  description: 'Whole lane dark.',
  contact: { channel: 'test', conversationId: 'c1', language: 'hi' },
  createdAt: '2026-11-28T06:00:00.000Z',
  dueAt: '2026-11-28T10:00:00.000Z',
  laterReports: [],
};

describe('breach alerts', () => {
  it("go to the JE of the section's sub-division, the SDO of its division and a field supervisor over it, nobody else", () => {
    expect(supervisorsOf(ticket, staff)).toEqual(['je1', 'sdo1', 'fs1']);
  });

  it('go to nobody for a ticket without an area', () => {
    expect(supervisorsOf({ ...ticket, area: null }, staff)).toEqual([]);
  });

  it('are one alert per ticket and due time, carrying what the inbox shows', () => {
    const at = new Date('2026-11-28T10:00:05.000Z');
    expect(breachAlert(ticket, at)).toEqual({
      id: 'sla_breach:SP00000018:2026-11-28T10:00:00.000Z',
      at: '2026-11-28T10:00:05.000Z',
      kind: 'sla_breach',
      ticket: { number: 'SP00000018', category: 'area_outage', priority: 'urgent', section: 'Kankarbagh-1', dueAt: '2026-11-28T10:00:00.000Z' },
    });
    expect(breachAlert({ ...ticket, dueAt: '2026-11-28T12:00:00.000Z' }, at).id).not.toBe(breachAlert(ticket, at).id);
  });

  it('land in each supervisor\'s inbox, read from the staff list at each breach', async () => {
    const inboxes = new MemoryStaffAlerts();
    const members = [...staff];
    const alerts = new BreachAlerts(inboxes, () => members);
    expect(await alerts.breached(ticket, new Date('2026-11-28T10:00:05.000Z'))).toEqual(['je1', 'sdo1', 'fs1']);
    members.push({ username: 'je3', name: 'J', role: 'je', area: kankarbagh1 });
    await alerts.breached({ ...ticket, number: 'SP00000026' }, new Date('2026-11-28T10:01:00.000Z'));
    expect((await inboxes.inbox('je1', 10)).unread).toBe(2);
    expect((await inboxes.inbox('je3', 10)).alerts.map((alert) => alert.ticket.number)).toEqual(['SP00000026']);
    expect((await inboxes.inbox('lineman1', 10)).alerts).toEqual([]);
  });
});
