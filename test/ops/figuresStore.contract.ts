import type { FiguresStore } from '../../src/ops/figuresStore';

/** A figures store under test: two handles on one store, as two instances would hold them. */
export interface FiguresStoreSubject {
  instances: [FiguresStore, FiguresStore];
  close(): Promise<void>;
}

const web = (conversationId: string) => ({ channel: 'directline', conversationId });
/** 10:00 IST on 28 November 2026. */
const MORNING = new Date('2026-11-28T04:30:00.000Z');

/** What every figures store must do, in memory or on Redis. */
export function describeFiguresStoreContract(name: string, open: () => Promise<FiguresStoreSubject>): void {
  describe(`${name} (FiguresStore contract)`, () => {
    let subject: FiguresStoreSubject;
    beforeEach(async () => {
      subject = await open();
    });
    afterEach(() => subject.close());

    it('counts a conversation once a day however many messages reach however many instances', async () => {
      const [a, b] = subject.instances;
      const firsts = await Promise.all(
        Array.from({ length: 20 }, (_, index) => (index % 2 ? a : b).recordMessage(web('c1'), 'check_balance', MORNING)),
      );
      expect(firsts.filter((first) => first.conversation)).toHaveLength(1);
      await b.recordMessage(web('c2'), 'greeting', MORNING);
      await b.recordMessage({ channel: 'whatsapp', conversationId: 'c2' }, null, MORNING);
      const [day] = await a.days(['2026-11-28']);
      expect(day).toMatchObject({ date: '2026-11-28', conversations: 3, escalated: 0, handedToAgents: 0 });
      expect(day?.intents).toEqual(expect.arrayContaining([{ intent: 'check_balance', count: 20 }, { intent: 'greeting', count: 1 }]));
      expect(day?.intents).toHaveLength(2);
    });

    it('puts an event on its IST day: 23:59 and 00:01 IST are two days', async () => {
      const [a, b] = subject.instances;
      await a.recordMessage(web('late'), 'help', new Date('2026-11-28T18:29:00.000Z'));
      await b.recordMessage(web('late'), 'help', new Date('2026-11-28T18:31:00.000Z'));
      const days = await a.days(['2026-11-28', '2026-11-29']);
      expect(days.map((day) => [day.date, day.conversations])).toEqual([['2026-11-28', 1], ['2026-11-29', 1]]);
    });

    it('counts a conversation escalated once, handed to agents once, whether it got a ticket, an agent or both', async () => {
      const [a, b] = subject.instances;
      await a.recordMessage(web('contained'), 'check_balance', MORNING);
      await a.recordMessage(web('ticket'), 'meter_fault', MORNING);
      expect(await b.recordEscalation(web('ticket'), 'ticket', MORNING)).toEqual({ conversation: false, escalation: true, handoff: false });
      await a.recordMessage(web('both'), 'talk_to_agent', MORNING);
      expect(await a.recordEscalation(web('both'), 'ticket', MORNING)).toEqual({ conversation: false, escalation: true, handoff: false });
      expect(await b.recordEscalation(web('both'), 'agent', MORNING)).toEqual({ conversation: false, escalation: false, handoff: true });
      expect(await b.recordEscalation(web('both'), 'agent', MORNING)).toEqual({ conversation: false, escalation: false, handoff: false });
      const [day] = await a.days(['2026-11-28']);
      expect(day).toMatchObject({ conversations: 3, escalated: 2, handedToAgents: 1 });
    });

    it('escalates no conversation that did not write that day (a ticket a campaign opened for a visit)', async () => {
      const [a, b] = subject.instances;
      const visits = { channel: 'outreach', conversationId: 'campaign-c1' };
      expect(await a.recordEscalation(visits, 'ticket', MORNING)).toEqual({ conversation: false, escalation: false, handoff: false });
      await b.recordMessage(web('yesterday'), 'help', new Date('2026-11-27T06:00:00.000Z'));
      expect(await b.recordEscalation(web('yesterday'), 'agent', MORNING)).toEqual({ conversation: false, escalation: false, handoff: false });
      const [day] = await a.days(['2026-11-28']);
      expect(day).toMatchObject({ conversations: 0, escalated: 0, handedToAgents: 0 });
    });

    it('tallies tickets by division and category, an unknown division apart', async () => {
      const [a, b] = subject.instances;
      await a.recordTicket({ outcome: 'opened', division: 'Patna East', category: 'meter_test' }, MORNING);
      await b.recordTicket({ outcome: 'opened', division: 'Patna East', category: 'meter_test' }, MORNING);
      await b.recordTicket({ outcome: 'resolved_within_sla', division: 'Patna East', category: 'meter_test' }, MORNING);
      await a.recordTicket({ outcome: 'resolved_late', division: 'Patna East', category: 'area_outage' }, MORNING);
      await a.recordTicket({ outcome: 'opened', division: null, category: 'payment_missing' }, MORNING);
      const [day] = await b.days(['2026-11-28']);
      expect(day?.tickets).toHaveLength(3);
      expect(day?.tickets).toEqual(
        expect.arrayContaining([
          { division: 'Patna East', category: 'meter_test', opened: 2, resolvedWithinSla: 1, resolvedLate: 0 },
          { division: 'Patna East', category: 'area_outage', opened: 0, resolvedWithinSla: 0, resolvedLate: 1 },
          { division: null, category: 'payment_missing', opened: 1, resolvedWithinSla: 0, resolvedLate: 0 },
        ]),
      );
    });

    it('answers the dates asked, in order, a quiet day as zeros', async () => {
      const [a] = subject.instances;
      await a.recordMessage(web('c1'), 'greeting', MORNING);
      const days = await a.days(['2026-11-29', '2026-11-27', '2026-11-28']);
      expect(days).toEqual([
        { date: '2026-11-29', conversations: 0, escalated: 0, handedToAgents: 0, tickets: [], intents: [] },
        { date: '2026-11-27', conversations: 0, escalated: 0, handedToAgents: 0, tickets: [], intents: [] },
        { date: '2026-11-28', conversations: 1, escalated: 0, handedToAgents: 0, tickets: [], intents: [{ intent: 'greeting', count: 1 }] },
      ]);
    });
  });
}
