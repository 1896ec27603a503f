import type { AgentPresence } from '../../src/handoff/agentPresence';

export interface AgentPresenceSubject {
  /** Two handles on one presence store, as two instances would hold them, on the clock `clock` moves. */
  stores: [AgentPresence, AgentPresence];
  clock: { now: Date };
  ttlSeconds: number;
  close(): Promise<void>;
}

const AGENT1 = { username: 'agent1', name: 'Asha Kumari', role: 'agent' } as const;
const SUPERVISOR1 = { username: 'supervisor1', name: 'Ravi Shankar', role: 'supervisor' } as const;

/** What every presence store must do, in memory or on Redis. */
export function describeAgentPresenceContract(name: string, open: () => Promise<AgentPresenceSubject>): void {
  describe(`${name} (AgentPresence contract)`, () => {
    let subject: AgentPresenceSubject;
    beforeEach(async () => {
      subject = await open();
    });
    afterEach(() => subject.close());
    const later = (seconds: number) => {
      subject.clock.now = new Date(subject.clock.now.getTime() + seconds * 1000);
    };

    it('counts each person once, with how many consoles they have open on any instance', async () => {
      const [one, other] = subject.stores;
      const start = subject.clock.now.toISOString();
      await one.heartbeat('c1', AGENT1);
      later(5);
      await other.heartbeat('c2', AGENT1);
      await other.heartbeat('c3', SUPERVISOR1);
      expect(await one.online()).toEqual([
        { ...AGENT1, consoles: 2, lastSeenAt: new Date(Date.parse(start) + 5000).toISOString(), away: false },
        { ...SUPERVISOR1, consoles: 1, lastSeenAt: new Date(Date.parse(start) + 5000).toISOString(), away: false },
      ]);
    });

    it('keeps a person away, on every instance, until they are back', async () => {
      const [one, other] = subject.stores;
      await one.heartbeat('c1', AGENT1);
      await other.heartbeat('c2', SUPERVISOR1);
      await one.setAway('agent1', true);
      expect((await other.online()).map((agent) => [agent.username, agent.away])).toEqual([['agent1', true], ['supervisor1', false]]);
      await other.leave('c1');
      await one.heartbeat('c3', AGENT1);
      expect((await other.online()).find((agent) => agent.username === 'agent1')?.away).toBe(true);
      await other.setAway('agent1', false);
      expect((await one.online()).map((agent) => agent.away)).toEqual([false, false]);
    });

    it('drops a console that closed, and one that stopped beating for the time to live', async () => {
      const [one, other] = subject.stores;
      await one.heartbeat('c1', AGENT1);
      await one.heartbeat('c2', SUPERVISOR1);
      await other.leave('c2');
      expect((await other.online()).map((agent) => agent.username)).toEqual(['agent1']);
      later(subject.ttlSeconds - 1);
      expect((await other.online()).map((agent) => agent.username)).toEqual(['agent1']);
      later(1);
      expect(await other.online()).toEqual([]);
    });

    it('keeps a console that goes on beating', async () => {
      const [one, other] = subject.stores;
      for (let beat = 0; beat < 4; beat += 1) {
        await one.heartbeat('c1', AGENT1);
        later(subject.ttlSeconds / 2);
      }
      expect((await other.online()).map((agent) => [agent.username, agent.consoles])).toEqual([['agent1', 1]]);
    });
  });
}
