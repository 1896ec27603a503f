import type { AgentEvent } from '../../src/handoff/agentEvents';
import type { AgentEventBus } from '../../src/handoff/agentEventBus';

export interface AgentEventBusSubject {
  /** Two handles on one bus, as two instances would hold them. */
  buses: [AgentEventBus, AgentEventBus];
  close(): Promise<void>;
}

const claimed = (conversationId: string): AgentEvent => ({
  type: 'conversation.claimed',
  conversationId,
  status: 'assigned',
  assignee: 'agent1',
  by: 'agent1',
  at: '2026-11-28T06:00:00.000Z',
});

/** Waits until `received` holds `count` events, or fails after a second. */
async function until(received: AgentEvent[], count: number): Promise<void> {
  for (let waited = 0; received.length < count; waited += 10) {
    if (waited > 1000) throw new Error(`got ${received.length} of ${count} events`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** What every agent event bus must do, in process or over Redis. */
export function describeAgentEventBusContract(name: string, open: () => Promise<AgentEventBusSubject>): void {
  describe(`${name} (AgentEventBus contract)`, () => {
    let subject: AgentEventBusSubject;
    beforeEach(async () => {
      subject = await open();
    });
    afterEach(() => subject.close());

    it('brings an event published on one instance to subscribers on both, in order', async () => {
      const [one, other] = subject.buses;
      const onOne: AgentEvent[] = [];
      const onOther: AgentEvent[] = [];
      await one.subscribe((event) => onOne.push(event));
      await other.subscribe((event) => onOther.push(event));
      await other.publish(claimed('a'));
      await other.publish(claimed('b'));
      await until(onOne, 2);
      await until(onOther, 2);
      expect(onOne.map((event) => event.conversationId)).toEqual(['a', 'b']);
      expect(onOther).toEqual(onOne);
      expect(onOne[0]).toEqual(claimed('a'));
    });

    it('stops delivering to a subscriber that left, and keeps the others', async () => {
      const [one, other] = subject.buses;
      const stayed: AgentEvent[] = [];
      const left: AgentEvent[] = [];
      await one.subscribe((event) => stayed.push(event));
      const leave = await one.subscribe((event) => left.push(event));
      leave();
      await other.publish(claimed('a'));
      await until(stayed, 1);
      expect(left).toEqual([]);
    });
  });
}
