import type { AgentEvent } from '../../src/handoff/agentEvents';
import { agentEventsOf } from '../../src/handoff/agentEvents';
import { HandoffService, type HandoffChange } from '../../src/handoff/handoffService';
import type { HandoffStore } from '../../src/handoff/handoffStore';
import { MemoryHandoffStore } from '../../src/handoff/memoryHandoffStore';
import { RedisHandoffStore } from '../../src/handoff/redisHandoffStore';
import { removeKeys, testRedis, uniquePrefix } from '../support/redis';
import { handoffRequest } from './handoffStore.contract';

const AGENT1 = { username: 'agent1', supervising: false };
const AGENT2 = { username: 'agent2', supervising: false };
const SUPERVISOR = { username: 'supervisor1', supervising: true };

const stores: Array<[string, () => Promise<{ store: HandoffStore; close: () => Promise<void> }>]> = [
  ['in memory', async () => ({ store: new MemoryHandoffStore(), close: async () => undefined })],
  [
    'on Redis',
    async () => {
      const redis = testRedis();
      const prefix = uniquePrefix('agent-actions');
      return {
        store: new RedisHandoffStore(redis, prefix),
        close: async () => {
          await removeKeys(redis, prefix);
          redis.disconnect();
        },
      };
    },
  ],
];

describe.each(stores)('what the agent side does to a conversation, %s', (_name, open) => {
  let handoff: HandoffService;
  let close: () => Promise<void>;
  let clock: Date;
  let changes: HandoffChange[];
  beforeEach(async () => {
    const opened = await open();
    close = opened.close;
    clock = new Date('2026-11-28T06:00:00.000Z');
    handoff = new HandoffService(opened.store, () => clock);
    changes = [];
    handoff.onChange((change) => changes.push(change));
  });
  afterEach(() => close());
  const events = (): Array<[AgentEvent['type'], string | null, string | null]> =>
    changes.flatMap(agentEventsOf).map((event) => [event.type, event.assignee, event.by]);

  it('keeps private notes with author and time, from the assignee or a supervisor only', async () => {
    await handoff.enqueue(handoffRequest('a'));
    expect(await handoff.note('a', AGENT2, 'called twice before')).toMatchObject({ ok: true });
    await handoff.claim('a', 'agent1');
    clock = new Date('2026-11-28T06:01:00.000Z');
    await handoff.note('a', AGENT1, 'relay open, balance positive');
    await handoff.note('a', SUPERVISOR, 'check the reconnect log');
    expect(await handoff.note('a', AGENT2, 'mine now?')).toEqual({ ok: false, problem: 'not_assignee' });
    const record = await handoff.current('a');
    expect(record?.notes).toEqual([
      { agent: 'agent2', text: 'called twice before', at: '2026-11-28T06:00:00.000Z' },
      { agent: 'agent1', text: 'relay open, balance positive', at: '2026-11-28T06:01:00.000Z' },
      { agent: 'supervisor1', text: 'check the reconnect log', at: '2026-11-28T06:01:00.000Z' },
    ]);
    // Notes are not part of what the consumer and the agent said.
    expect(record?.transcript).toEqual([]);
    // Consoles hear of a note at the time it was written, though it leaves the record's own time alone.
    expect(changes.flatMap(agentEventsOf).at(-1)).toMatchObject({ type: 'conversation.noted', by: 'supervisor1', at: '2026-11-28T06:01:00.000Z' });
  });

  it('transfers to another agent, back to the queue, or (a supervisor) straight from the queue', async () => {
    await handoff.enqueue(handoffRequest('a'));
    expect(await handoff.transfer('a', AGENT1, 'agent2')).toEqual({ ok: false, problem: 'wrong_status' });
    expect(await handoff.transfer('a', SUPERVISOR, 'agent1')).toMatchObject({ ok: true, record: { status: 'assigned', assignee: 'agent1' } });
    expect(await handoff.transfer('a', AGENT2, 'agent2')).toEqual({ ok: false, problem: 'not_assignee' });
    expect(await handoff.transfer('a', AGENT1, 'agent2')).toMatchObject({ ok: true, record: { status: 'assigned', assignee: 'agent2' } });
    expect(await handoff.agentReplied('a', 'agent1', 'hello')).toEqual({ ok: false, problem: 'not_assignee' });
    expect(await handoff.transfer('a', AGENT2, null)).toMatchObject({ ok: true, record: { status: 'queued', assignee: null } });
    expect((await handoff.queue()).map((record) => record.request.conversationId)).toEqual(['a']);
    expect(await handoff.transfer('a', SUPERVISOR, null)).toEqual({ ok: false, problem: 'wrong_status' });
    expect(events()).toEqual([
      ['queue.added', null, null],
      ['queue.left', 'agent1', null],
      ['conversation.transferred', 'agent1', 'supervisor1'],
      ['conversation.transferred', 'agent2', 'agent1'],
      ['conversation.transferred', null, 'agent2'],
      ['queue.added', null, null],
    ]);
  });

  it('serves urgent requests first, and one put back keeps the place its wait earned', async () => {
    await handoff.enqueue(handoffRequest('early'));
    clock = new Date('2026-11-28T06:05:00.000Z');
    await handoff.enqueue({ ...handoffRequest('later'), requestedAt: clock.toISOString() });
    await handoff.enqueue({ ...handoffRequest('urgent'), requestedAt: clock.toISOString(), urgent: true });
    expect((await handoff.queue()).map((record) => record.request.conversationId)).toEqual(['urgent', 'early', 'later']);
    expect(await handoff.positionOf('early')).toBe(2);

    await handoff.claim('early', 'agent1');
    await handoff.transfer('early', AGENT1, null);
    expect((await handoff.queue()).map((record) => record.request.conversationId)).toEqual(['urgent', 'early', 'later']);
  });

  it('lists every conversation the agent side has, waiting and assigned', async () => {
    await handoff.enqueue(handoffRequest('a'));
    await handoff.enqueue(handoffRequest('b'));
    await handoff.enqueue(handoffRequest('c'));
    await handoff.claim('b', 'agent1');
    await handoff.claim('c', 'agent2');
    await handoff.resolve('c', 'agent2', 'answered');
    const side = await handoff.withAgentSide();
    expect(side.map((record) => [record.request.conversationId, record.status, record.assignee])).toEqual([
      ['a', 'queued', null],
      ['b', 'assigned', 'agent1'],
    ]);
  });

  it('tells listeners each change once, with the console events it makes', async () => {
    await handoff.enqueue(handoffRequest('a'));
    await handoff.enqueue(handoffRequest('a'));
    await handoff.consumerWrote('a', 'hello?');
    await handoff.claim('a', 'agent1');
    await handoff.claim('a', 'agent2');
    await handoff.agentReplied('a', 'agent1', 'ji');
    await handoff.note('a', AGENT1, 'ok');
    await handoff.resolve('a', 'agent1', 'answered');
    await handoff.returnToBot('a');
    await handoff.enqueue(handoffRequest('b'));
    await handoff.cancel('b');
    await handoff.enqueue(handoffRequest('c'));
    await handoff.expire('c');
    expect(events()).toEqual([
      ['queue.added', null, null],
      ['conversation.consumer_wrote', null, null],
      ['queue.left', 'agent1', null],
      ['conversation.claimed', 'agent1', 'agent1'],
      ['conversation.agent_replied', 'agent1', 'agent1'],
      ['conversation.noted', 'agent1', 'agent1'],
      ['conversation.resolved', 'agent1', 'agent1'],
      ['queue.added', null, null],
      ['queue.left', null, null],
      ['conversation.cancelled', null, null],
      ['queue.added', null, null],
      ['queue.left', null, null],
      ['conversation.expired', null, null],
    ]);
  });
});
