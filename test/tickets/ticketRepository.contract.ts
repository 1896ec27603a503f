import type { Ticket } from '../../src/tickets/ticket';
import type { TicketRepository } from '../../src/tickets/ticketRepository';

export interface TicketRepositorySubject {
  /** Two handles on one store, as two instances would hold them. */
  repositories: [TicketRepository, TicketRepository];
  close(): Promise<void>;
}

let made = 0;
function ticket(overrides: Partial<Ticket> = {}): Ticket {
  made += 1;
  return {
    number: `SP${String(made).padStart(8, '0')}`,
    category: 'meter_defective',
    priority: 'normal',
    status: 'open',
    caNumber: '101000001',
    area: { circle: 'Patna', division: 'Patna East', subDivision: 'Kankarbagh', section: 'Kankarbagh-1' },
    description: 'Display blank.',
    contact: { channel: 'test', conversationId: 'c1', language: 'hi' },
    createdAt: new Date(Date.UTC(2026, 10, 28, 6, made)).toISOString(),
    dueAt: '2026-11-30T06:00:00.000Z',
    laterReports: [],
    ...overrides,
  };
}

/** What every ticket store must do, in memory or on Redis. */
export function describeTicketRepositoryContract(name: string, open: () => Promise<TicketRepositorySubject>): void {
  describe(`${name} (TicketRepository contract)`, () => {
    let subject: TicketRepositorySubject;
    let repository: TicketRepository;
    beforeEach(async () => {
      subject = await open();
      repository = subject.repositories[0];
    });
    afterEach(() => subject.close());

    it('hands out serials that never repeat, across instances', async () => {
      const serials = await Promise.all(
        Array.from({ length: 20 }, (_, index) => subject.repositories[index % 2]!.nextSerial()),
      );
      expect(new Set(serials).size).toBe(20);
    });

    it('stores a new ticket and finds it by number and by consumer', async () => {
      const opened = ticket();
      expect(await repository.openOrJoin(opened)).toEqual({ ticket: opened, joined: false });
      expect(await repository.findByNumber(opened.number)).toEqual(opened);
      expect(await repository.findByConsumer('101000001')).toEqual([opened]);
      expect(await repository.findByNumber('SP99999999')).toBeNull();
      expect(await repository.findByConsumer('101000002')).toEqual([]);
    });

    it('joins a second complaint to the open ticket of the same consumer and category', async () => {
      const first = ticket();
      await repository.openOrJoin(first);
      const second = await repository.openOrJoin(ticket({ description: 'Still blank.', priority: 'urgent' }));
      expect(second.joined).toBe(true);
      expect(second.ticket.number).toBe(first.number);
      expect(second.ticket.laterReports).toEqual(['Still blank.']);
      expect(second.ticket.priority).toBe('urgent');
      const third = await repository.openOrJoin(ticket({ description: 'Again.', priority: 'normal' }));
      expect(third.ticket.priority).toBe('urgent');
      expect(third.ticket.laterReports).toEqual(['Still blank.', 'Again.']);
      expect(await repository.findByConsumer('101000001')).toHaveLength(1);
    });

    it('opens separate tickets for another category or another consumer, newest first', async () => {
      const a = ticket();
      const b = ticket({ category: 'meter_test' });
      const c = ticket({ caNumber: '101000002' });
      for (const each of [a, b, c]) expect((await repository.openOrJoin(each)).joined).toBe(false);
      expect((await repository.findByConsumer('101000001')).map((t) => t.number)).toEqual([b.number, a.number]);
    });

    it('never joins reports without a consumer', async () => {
      const a = await repository.openOrJoin(ticket({ caNumber: null, category: 'fraud_report' }));
      const b = await repository.openOrJoin(ticket({ caNumber: null, category: 'fraud_report' }));
      expect(b.joined).toBe(false);
      expect(await repository.findByNumber(b.ticket.number)).toEqual(b.ticket);
      expect(a.ticket.number).not.toBe(b.ticket.number);
    });

    it('makes one ticket when two instances open the same problem at once', async () => {
      const outcomes = await Promise.all(
        Array.from({ length: 6 }, (_, index) => subject.repositories[index % 2]!.openOrJoin(ticket())),
      );
      expect(new Set(outcomes.map((outcome) => outcome.ticket.number)).size).toBe(1);
      expect(outcomes.filter((outcome) => !outcome.joined)).toHaveLength(1);
      const stored = await repository.findByConsumer('101000001');
      expect(stored).toHaveLength(1);
      expect(stored[0]!.laterReports).toHaveLength(5);
    });
  });
}
