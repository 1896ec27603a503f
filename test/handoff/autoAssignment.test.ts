import { MemoryAgentPresence } from '../../src/handoff/memoryAgentPresence';
import { MemoryHandoffStore } from '../../src/handoff/memoryHandoffStore';
import { RedisAgentPresence } from '../../src/handoff/redisAgentPresence';
import { RedisHandoffStore } from '../../src/handoff/redisHandoffStore';
import { AutoAssignment } from '../../src/handoff/autoAssignment';
import type { AgentPresence } from '../../src/handoff/agentPresence';
import type { HandoffRequest } from '../../src/handoff/handoffQueue';
import { HandoffService } from '../../src/handoff/handoffService';
import type { HandoffStore } from '../../src/handoff/handoffStore';
import { silentLogger } from '../../src/log/logger';
import { LocalTurnQueue } from '../../src/turns/localTurnQueue';
import { RedisTurnLock } from '../../src/turns/redisTurnLock';
import type { TurnLock } from '../../src/turns/turnLock';
import { removeKeys, testRedis, uniquePrefix } from '../support/redis';

const NOW = new Date('2026-11-28T06:00:00.000Z');
const at = (minutes: number) => new Date(NOW.getTime() + minutes * 60_000).toISOString();

const request = (conversationId: string, requestedAt: string, urgent = false): HandoffRequest => ({
  conversationId,
  channel: 'test',
  language: 'hi',
  reason: 'consumer_asked',
  caNumber: null,
  lastIntent: null,
  requestedAt,
  ...(urgent ? { urgent } : {}),
});

/** One instance's view of the shared state: its handoff service, presence and lock. */
interface Instance {
  handoff: HandoffService;
  presence: AgentPresence;
  lock: TurnLock;
}

interface Setup {
  instances: [Instance, Instance];
  close(): Promise<void>;
}

const SETUPS: Array<[string, () => Setup]> = [
  [
    'in one process (embedded defaults)',
    () => {
      const store: HandoffStore = new MemoryHandoffStore();
      const presence = new MemoryAgentPresence(60, () => NOW);
      const lock = new LocalTurnQueue();
      const one = { handoff: new HandoffService(store, () => NOW), presence, lock };
      return { instances: [one, { ...one, handoff: new HandoffService(store, () => NOW) }], close: async () => undefined };
    },
  ],
  [
    'across two instances on one Redis',
    () => {
      const [first, second] = [testRedis(), testRedis()];
      const prefix = uniquePrefix('auto-assignment');
      const instance = (redis: typeof first): Instance => ({
        handoff: new HandoffService(new RedisHandoffStore(redis, `${prefix}handoff:`), () => NOW),
        presence: new RedisAgentPresence(redis, `${prefix}presence:`, 60, () => NOW),
        lock: new RedisTurnLock({ redis, prefix: `${prefix}lock:` }),
      });
      return {
        instances: [instance(first), instance(second)],
        close: async () => {
          await removeKeys(first, prefix);
          first.disconnect();
          second.disconnect();
        },
      };
    },
  ],
];

describe.each(SETUPS)('automatic assignment %s', (_name, setUp) => {
  let setup: Setup;
  let told: string[];
  const assigners = () =>
    setup.instances.map(
      (instance) =>
        new AutoAssignment({
          ...instance,
          maxOpenPerAgent: 1,
          assigned: async (record, agent) => void told.push(`${record.request.conversationId} ${agent}`),
          logger: silentLogger(),
        }),
    );
  beforeEach(() => {
    setup = setUp();
    told = [];
  });
  afterEach(() => setup.close());

  it('gives the urgent request, then the longest waiting, to online agents below their limit; never to the away, a supervisor or the offline', async () => {
    const [a, b] = setup.instances;
    await a.presence.heartbeat('console-a', { username: 'asha', name: 'Asha Kumari', role: 'agent' });
    await b.presence.heartbeat('console-b', { username: 'vikram', name: 'Vikram Singh', role: 'agent' });
    await b.presence.heartbeat('console-c', { username: 'rahul', name: 'Rahul Singh', role: 'agent' });
    await a.presence.heartbeat('console-d', { username: 'meena', name: 'Meena Devi', role: 'supervisor' });
    await a.presence.setAway('rahul', true);
    await a.handoff.enqueue(request('oldest', at(0)));
    await b.handoff.enqueue(request('newest', at(2)));
    await a.handoff.enqueue(request('ill', at(3), true));

    // Both instances run a round at once: the lock makes them one after the other.
    const rounds = await Promise.all(assigners().map((assigner) => assigner.assignWaiting()));
    expect(rounds.flat().map((done) => done.conversationId).sort()).toEqual(['ill', 'oldest']);
    const owners = await Promise.all(['ill', 'oldest', 'newest'].map(async (id) => (await b.handoff.current(id))?.assignee ?? null));
    expect(owners.slice(0, 2).sort()).toEqual(['asha', 'vikram']);
    expect(owners[2]).toBeNull();
    expect(told.sort()).toEqual([`ill ${owners[0]}`, `oldest ${owners[1]}`].sort());

    // Asha resolves hers: the one still waiting is hers now; Rahul is away, so it is not his.
    const ashas = owners[0] === 'asha' ? 'ill' : 'oldest';
    await a.handoff.resolve(ashas, 'asha', 'answered');
    expect(await assigners()[1]!.assignWaiting()).toEqual([{ conversationId: 'newest', agent: 'asha' }]);

    // Back from the break, Rahul gets the next one.
    await b.presence.setAway('rahul', false);
    await b.handoff.enqueue(request('later', at(10)));
    expect(await assigners()[0]!.assignWaiting()).toEqual([{ conversationId: 'later', agent: 'rahul' }]);
  });

  it('skips a request an agent took by hand in the meantime, and assigns nothing with nobody online', async () => {
    const [a, b] = setup.instances;
    await a.handoff.enqueue(request('taken', at(0)));
    expect(await assigners()[0]!.assignWaiting()).toEqual([]);
    await b.presence.heartbeat('console-a', { username: 'asha', name: 'Asha Kumari', role: 'agent' });
    await b.handoff.claim('taken', 'vikram');
    expect(await assigners()[1]!.assignWaiting()).toEqual([]);
    expect(told).toEqual([]);
  });
});
