import type { AreaScope } from '../../src/auth/staff';
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

    it('keeps the other conversations that joined a ticket, once each, so they hear its updates too', async () => {
      const first = ticket();
      await repository.openOrJoin(first);
      await repository.openOrJoin(ticket({ description: 'Same chat again.' }));
      const onWhatsApp = { channel: 'whatsapp', conversationId: 'wa-1', language: 'en' as const };
      await repository.openOrJoin(ticket({ description: 'From WhatsApp.', contact: onWhatsApp }));
      await subject.repositories[1].openOrJoin(ticket({ description: 'From WhatsApp again.', contact: { ...onWhatsApp, language: 'hi' } }));
      const stored = await subject.repositories[1].findByNumber(first.number);
      expect(stored?.contact).toEqual(first.contact);
      expect(stored?.followers).toEqual([{ ...onWhatsApp, language: 'hi' }]);
      const revision = stored?.work?.revision ?? 0;
      expect(await repository.save({ ...stored!, status: 'assigned' }, revision)).toBe('saved');
      expect((await repository.findByNumber(first.number))?.followers).toEqual([{ ...onWhatsApp, language: 'hi' }]);
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

    describe('create requests', () => {
      it('returns the first outcome when the same request is retried, and changes nothing', async () => {
        const first = await repository.openOrJoin(ticket(), 'c1:req-1');
        const retry = await subject.repositories[1].openOrJoin(ticket({ description: 'retried' }), 'c1:req-1');
        expect(retry).toEqual(first);
        expect((await repository.findByNumber(first.ticket.number))!.laterReports).toEqual([]);
      });

      it('makes one ticket and no report when two instances race retries of one request', async () => {
        const outcomes = await Promise.all(
          Array.from({ length: 6 }, (_, index) => subject.repositories[index % 2]!.openOrJoin(ticket(), 'c1:req-2')),
        );
        expect(new Set(outcomes.map((outcome) => outcome.ticket.number)).size).toBe(1);
        expect(outcomes.every((outcome) => !outcome.joined)).toBe(true);
        expect((await repository.findByConsumer('101000001'))[0]!.laterReports).toEqual([]);
      });

      it('remembers a join as a join, and treats another request as a new report', async () => {
        await repository.openOrJoin(ticket(), 'c1:req-3');
        const joined = await repository.openOrJoin(ticket({ description: 'again' }), 'c2:req-1');
        expect(await repository.openOrJoin(ticket(), 'c2:req-1')).toEqual(joined);
        expect(joined.joined).toBe(true);
        expect(joined.ticket.laterReports).toEqual(['again']);
      });

      it('keeps retries of reports without a consumer to one ticket', async () => {
        const a = await repository.openOrJoin(ticket({ caNumber: null, category: 'fraud_report' }), 'c1:fraud');
        const b = await repository.openOrJoin(ticket({ caNumber: null, category: 'fraud_report' }), 'c1:fraud');
        expect(b.ticket.number).toBe(a.ticket.number);
      });
    });

    describe('saving a changed ticket', () => {
      const worked = (opened: Ticket, revision: number, overrides: Partial<Ticket> = {}): Ticket => ({
        ...opened,
        status: 'assigned',
        work: { revision, heldHours: 0, reopenCount: 0, breached: false, notes: [], assignee: { username: 'lineman1', role: 'lineman' } },
        ...overrides,
      });

      it('saves when nobody changed the ticket since it was read, and refuses a stale copy', async () => {
        const { ticket: opened } = await repository.openOrJoin(ticket());
        expect(await repository.save(worked(opened, 1), 0)).toBe('saved');
        expect(await repository.findByNumber(opened.number)).toEqual(worked(opened, 1));
        expect(await subject.repositories[1].save(worked(opened, 1, { status: 'accepted' }), 0)).toBe('stale');
        expect((await repository.findByNumber(opened.number))!.status).toBe('assigned');
        expect(await repository.save(worked(ticket(), 1), 0)).toBe('missing');
      });

      it('lets exactly one of two instances saving the same revision win', async () => {
        const { ticket: opened } = await repository.openOrJoin(ticket());
        const outcomes = await Promise.all(subject.repositories.map((each) => each.save(worked(opened, 1), 0)));
        expect(outcomes.sort()).toEqual(['saved', 'stale']);
      });

      it('keeps reports and a raised priority that arrived meanwhile, and never lowers priority', async () => {
        const { ticket: opened } = await repository.openOrJoin(ticket());
        await repository.openOrJoin(ticket({ description: 'child is ill', priority: 'urgent' }));
        expect(await repository.save(worked(opened, 1), 0)).toBe('saved');
        const stored = (await repository.findByNumber(opened.number))!;
        expect(stored.laterReports).toEqual(['child is ill']);
        expect(stored.priority).toBe('urgent');
      });

      it('frees the problem for a new ticket once resolved, and refuses to reopen over it', async () => {
        const { ticket: opened } = await repository.openOrJoin(ticket());
        expect(await repository.save(worked(opened, 1, { status: 'resolved' }), 0)).toBe('saved');
        const next = await repository.openOrJoin(ticket({ description: 'Blank again.' }));
        expect(next.joined).toBe(false);
        expect(await repository.save(worked(opened, 2, { status: 'open' }), 1)).toBe('taken');
        const later = await repository.openOrJoin(ticket({ description: 'And again.' }));
        expect(later.ticket.number).toBe(next.ticket.number);
      });

      it('takes the problem back when reopened, so a new complaint joins it', async () => {
        const { ticket: opened } = await repository.openOrJoin(ticket());
        await repository.save(worked(opened, 1, { status: 'resolved' }), 0);
        expect(await repository.save(worked(opened, 2, { status: 'open' }), 1)).toBe('saved');
        const again = await repository.openOrJoin(ticket({ description: 'Still blank.' }));
        expect(again).toMatchObject({ joined: true, ticket: { number: opened.number } });
      });
    });

    describe('finding by area', () => {
      it('lists the tickets within a scope, newest first, and nothing outside it', async () => {
        const here = ticket();
        const sameSubDivision = ticket({
          caNumber: '101000002',
          area: { circle: 'Patna', division: 'Patna East', subDivision: 'Kankarbagh', section: 'Kankarbagh-2' },
        });
        const elsewhere = ticket({
          caNumber: '101000003',
          area: { circle: 'Patna', division: 'Patna West', subDivision: 'Danapur', section: 'Danapur-1' },
        });
        const noArea = ticket({ caNumber: null, area: null, category: 'fraud_report' });
        for (const each of [here, sameSubDivision, elsewhere, noArea]) await repository.openOrJoin(each);
        const numbers = async (scope: AreaScope) => (await subject.repositories[1].findByArea(scope)).map((t) => t.number);
        expect(await numbers({ circle: 'Patna', division: 'Patna East', subDivision: 'Kankarbagh', section: 'Kankarbagh-1' })).toEqual([here.number]);
        expect(await numbers({ circle: 'Patna', division: 'Patna East', subDivision: 'Kankarbagh' })).toEqual([sameSubDivision.number, here.number]);
        expect(await numbers({ circle: 'Patna' })).toEqual([elsewhere.number, sameSubDivision.number, here.number]);
        expect(await numbers({ section: 'Kankarbagh-2' })).toEqual([sameSubDivision.number]);
        expect(await numbers({ circle: 'Gaya' })).toEqual([]);
      });

      const finished = (opened: Ticket, status: Ticket['status'], revision: number): Ticket => ({
        ...opened,
        status,
        work: { revision, heldHours: 0, reopenCount: 0, breached: false, notes: [] },
      });

      it('lists only the open tickets within a scope from its own index, newest first', async () => {
        const here = ticket();
        const resolvedHere = ticket({ caNumber: '101000004' });
        const neighbour = ticket({
          caNumber: '101000002',
          area: { circle: 'Patna', division: 'Patna East', subDivision: 'Kankarbagh', section: 'Kankarbagh-2' },
        });
        const noConsumer = ticket({ caNumber: null, category: 'fraud_report' });
        for (const each of [here, resolvedHere, neighbour, noConsumer]) await repository.openOrJoin(each);
        expect(await repository.save(finished(resolvedHere, 'resolved', 1), 0)).toBe('saved');
        const open = async (scope: AreaScope) => (await subject.repositories[1].findOpenByArea(scope)).map((t) => t.number);
        expect(await open({ circle: 'Patna', division: 'Patna East', subDivision: 'Kankarbagh', section: 'Kankarbagh-1' })).toEqual([
          noConsumer.number,
          here.number,
        ]);
        expect(await open({ circle: 'Patna', division: 'Patna East', subDivision: 'Kankarbagh' })).toEqual([noConsumer.number, neighbour.number, here.number]);
        expect(await open({ section: 'Kankarbagh-2' })).toEqual([neighbour.number]);
        expect((await repository.findByArea({ section: 'Kankarbagh-1' })).map((t) => t.number)).toContain(resolvedHere.number);
      });

      it('drops a ticket from the open index as it finishes and takes it back when reopened, on every instance', async () => {
        const { ticket: opened } = await repository.openOrJoin(ticket({ caNumber: null, category: 'fraud_report' }));
        const scope = { circle: 'Patna', division: 'Patna East' };
        const open = async () => (await subject.repositories[1].findOpenByArea(scope)).map((t) => t.number);
        expect(await open()).toEqual([opened.number]);
        expect(await repository.save(finished(opened, 'on_hold', 1), 0)).toBe('saved');
        expect(await open()).toEqual([opened.number]);
        expect(await repository.save(finished(opened, 'cannot_complete', 2), 1)).toBe('saved');
        expect(await open()).toEqual([]);
        expect(await subject.repositories[1].save(finished(opened, 'open', 3), 2)).toBe('saved');
        expect(await open()).toEqual([opened.number]);
        expect(await repository.save(finished(opened, 'closed', 4), 3)).toBe('saved');
        expect(await open()).toEqual([]);
      });

      it('lists a ticket opened without an area once a save gives it one, open and finished', async () => {
        const { ticket: opened } = await repository.openOrJoin(ticket({ area: null }));
        const scope = { circle: 'Patna', division: 'Patna East', subDivision: 'Kankarbagh', section: 'Kankarbagh-1' };
        expect(await subject.repositories[1].findByArea({ circle: 'Patna' })).toEqual([]);
        expect(await repository.save({ ...finished(opened, 'open', 1), area: scope }, 0)).toBe('saved');
        const numbers = async (find: (scope: AreaScope) => Promise<Ticket[]>) => (await find(scope)).map((t) => t.number);
        expect(await numbers((s) => subject.repositories[1].findOpenByArea(s))).toEqual([opened.number]);
        expect(await repository.save({ ...finished(opened, 'resolved', 2), area: scope }, 1)).toBe('saved');
        expect(await numbers((s) => subject.repositories[1].findByArea(s))).toEqual([opened.number]);
      });

      it('leaves the open index alone when a save is refused', async () => {
        const { ticket: opened } = await repository.openOrJoin(ticket());
        expect(await repository.save(finished(opened, 'resolved', 1), 5)).toBe('stale');
        expect((await repository.findOpenByArea({ circle: 'Patna' })).map((t) => t.number)).toEqual([opened.number]);
      });
    });
  });
}
