import type Redis from 'ioredis';
import { RedisAgentEventBus } from '../../../src/handoff/redisAgentEventBus';
import { RedisAgentPresence } from '../../../src/handoff/redisAgentPresence';
import { RedisHandoffStore } from '../../../src/handoff/redisHandoffStore';
import { silentLogger } from '../../../src/log/logger';
import { RedisTurnLock } from '../../../src/turns/redisTurnLock';
import { removeKeys, testRedis, uniquePrefix } from '../../support/redis';
import { startAgentApi, type AgentApiHarness } from './agentApiHarness';

/** Two instances on one Redis with AGENT_MAX_OPEN_CONVERSATIONS=1: waiting chats go to agents by themselves. */
describe('automatic assignment through the agent API, across two instances', () => {
  const redis = testRedis();
  const prefix = uniquePrefix('auto-assign-api');
  let a: AgentApiHarness;
  let b: AgentApiHarness;
  let connections: Redis[];
  beforeEach(async () => {
    connections = [];
    const run = uniquePrefix('run').slice(-12);
    const instance = () => {
      const connection = testRedis();
      connections.push(connection);
      return startAgentApi({
        now: () => new Date(),
        env: { AGENT_MAX_OPEN_CONVERSATIONS: '1' },
        streamHeartbeatMs: 500,
        ports: {
          handoff: new RedisHandoffStore(connection, `${prefix}${run}:handoff:`),
          agentEvents: new RedisAgentEventBus(connection, `${prefix}${run}:events`, silentLogger()),
          presence: new RedisAgentPresence(connection, `${prefix}${run}:presence:`, 60, () => new Date()),
          turnLock: new RedisTurnLock({ redis: connection, prefix: `${prefix}${run}:lock:` }),
        },
      });
    };
    [a, b] = await Promise.all([instance(), instance()]);
    b.sampark.notifier.register('test', a.consumer.proactiveChannel());
  });
  afterEach(async () => {
    await Promise.all([a.close(), b.close()]);
    for (const connection of connections) connection.disconnect();
  });
  afterAll(async () => {
    await removeKeys(redis, prefix);
    redis.disconnect();
  });

  it('gives a waiting chat to the online agent who is not away, tells the consumer, and the next to the agent back from a break', async () => {
    expect((await b.call('agent2', 'POST', '/api/agent/status', { away: true })).status).toBe(200);
    expect((await b.call('agent2', 'POST', '/api/agent/status', { away: 'yes' })).status).toBe(400);
    const watching = await b.stream('agent2');
    const online = await a.stream('agent1');

    await a.consumer.play([['user', 'talk to agent'], ['bot', 'number 1 in the queue']]);
    const claimed = await watching.until('conversation.claimed', (data) => data.conversationId === 'Convo1');
    expect(claimed.data).toMatchObject({ assignee: 'agent1', by: 'agent1' });
    // The welcome is sent once the claim is written, on whichever instance ran the round.
    await watching.until('queue.left');
    const agents = (await (await a.call('supervisor1', 'GET', '/api/agent/agents')).json()) as { agents: Array<{ username: string; online: boolean; away: boolean; holding: number }> };
    expect(agents.agents.map((agent) => [agent.username, agent.online, agent.away, agent.holding])).toEqual([
      ['agent1', true, false, 1],
      ['agent2', true, true, 0],
      ['supervisor1', false, false, 0],
    ]);

    // Agent 1 is at the limit and agent 2 away: the next one waits, until agent 2 is back.
    await b.sampark.handoff.enqueue({ conversationId: 'second', channel: 'test', language: 'en', reason: 'consumer_asked', caNumber: null, lastIntent: null, requestedAt: new Date().toISOString() });
    await watching.until('queue.added', (data) => data.conversationId === 'second');
    expect((await a.sampark.handoff.current('second'))?.status).toBe('queued');
    await a.call('agent2', 'POST', '/api/agent/status', { away: false });
    const second = await watching.until('conversation.claimed', (data) => data.conversationId === 'second');
    expect(second.data).toMatchObject({ assignee: 'agent2' });
    const told = a.consumer.received();
    expect(told).toEqual(['Anita from the 1912 helpline has joined this chat and will help you now.']);
    const statuses = (await b.audit.recent(20)).filter((entry) => entry.action === 'agent.status').map((entry) => String(entry.detail?.away));
    expect(statuses).toEqual(['true']);
    watching.close();
    online.close();
  });
});
