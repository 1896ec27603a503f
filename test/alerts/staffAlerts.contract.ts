import type { StaffAlert, StaffAlerts } from '../../src/alerts/staffAlerts';

export interface StaffAlertsSubject {
  /** Two handles on one store, as two instances would hold them. */
  inboxes: [StaffAlerts, StaffAlerts];
  /** The most an inbox keeps (small in tests). */
  capacity: number;
  close(): Promise<void>;
}

function alert(minute: number, number = `SP${String(minute).padStart(8, '0')}`): StaffAlert {
  return {
    id: `sla_breach:${number}:2026-11-28T06:00:00.000Z`,
    at: new Date(Date.UTC(2026, 10, 28, 6, minute)).toISOString(),
    kind: 'sla_breach',
    ticket: { number, category: 'area_outage', priority: 'urgent', section: 'Kankarbagh-1', dueAt: '2026-11-28T06:00:00.000Z' },
  };
}

/** What every alert inbox must do, in memory or on Redis. */
export function describeStaffAlertsContract(name: string, open: () => Promise<StaffAlertsSubject>): void {
  describe(`${name} (StaffAlerts contract)`, () => {
    let subject: StaffAlertsSubject;
    let inboxes: StaffAlerts;
    beforeEach(async () => {
      subject = await open();
      inboxes = subject.inboxes[0];
    });
    afterEach(() => subject.close());

    it('delivers an alert to each recipient, unread, newest first, and to nobody else', async () => {
      await inboxes.deliver(['je1', 'sdo1'], alert(1));
      await subject.inboxes[1].deliver(['je1'], alert(2));
      const je = await inboxes.inbox('je1', 10);
      expect(je.alerts.map((each) => each.ticket.number)).toEqual(['SP00000002', 'SP00000001']);
      expect(je.alerts.every((each) => !each.read)).toBe(true);
      expect(je.unread).toBe(2);
      expect(await subject.inboxes[1].inbox('sdo1', 10)).toEqual({ alerts: [{ ...alert(1), read: false }], unread: 1 });
      expect(await inboxes.inbox('lineman1', 10)).toEqual({ alerts: [], unread: 0 });
    });

    it('stores an alert delivered twice, even by two instances at once, once', async () => {
      await Promise.all([inboxes.deliver(['je1'], alert(1)), subject.inboxes[1].deliver(['je1'], alert(1))]);
      await inboxes.deliver(['je1'], alert(1));
      expect(await inboxes.inbox('je1', 10)).toMatchObject({ alerts: [{ id: alert(1).id }], unread: 1 });
    });

    it('marks alerts read for their owner only, ignoring unknown ids, and a redelivery does not unread them', async () => {
      await inboxes.deliver(['je1', 'sdo1'], alert(1));
      await inboxes.deliver(['je1'], alert(2));
      expect(await subject.inboxes[1].markRead('je1', [alert(1).id, 'no-such-alert'])).toBe(1);
      const je = await inboxes.inbox('je1', 10);
      expect(je.alerts.map((each) => [each.ticket.number, each.read])).toEqual([
        ['SP00000002', false],
        ['SP00000001', true],
      ]);
      expect(je.unread).toBe(1);
      expect((await inboxes.inbox('sdo1', 10)).unread).toBe(1);
      await inboxes.deliver(['je1'], alert(1));
      expect((await inboxes.inbox('je1', 10)).unread).toBe(1);
    });

    it('keeps the newest alerts up to its capacity and counts only those', async () => {
      for (let minute = 1; minute <= subject.capacity + 2; minute += 1) await inboxes.deliver(['je1'], alert(minute));
      const je = await inboxes.inbox('je1', 100);
      expect(je.alerts).toHaveLength(subject.capacity);
      expect(je.alerts[0]!.ticket.number).toBe(alert(subject.capacity + 2).ticket.number);
      expect(je.alerts.at(-1)!.ticket.number).toBe(alert(3).ticket.number);
      expect(je.unread).toBe(subject.capacity);
      expect((await inboxes.inbox('je1', 2)).alerts).toHaveLength(2);
    });
  });
}
