import type Redis from 'ioredis';
import { RedisAgentEventBus } from '../../../src/handoff/redisAgentEventBus';
import { RedisHandoffStore } from '../../../src/handoff/redisHandoffStore';
import { silentLogger } from '../../../src/log/logger';
import { removeKeys, testRedis, uniquePrefix } from '../../support/redis';
import { startAgentApi, type AgentApiHarness } from './agentApiHarness';

/**
 * Two Sampark instances sharing one Redis, as behind a load balancer: the consumer's messages reach
 * one, the agent's console and requests another.
 */
describe('the agent side across two instances on one Redis', () => {
  const redis = testRedis();
  const prefix = uniquePrefix('agent-instances');
  let a: AgentApiHarness;
  let b: AgentApiHarness;
  let connections: Redis[];
  beforeEach(async () => {
    connections = [];
    const run = uniquePrefix('run').slice(-12);
    // Each instance its own connections, as separate processes would have.
    const instance = () => {
      const connection = testRedis();
      connections.push(connection);
      return startAgentApi({
        now: () => new Date(),
        ports: {
          handoff: new RedisHandoffStore(connection, `${prefix}${run}:handoff:`),
          agentEvents: new RedisAgentEventBus(connection, `${prefix}${run}:events`, silentLogger()),
        },
      });
    };
    [a, b] = await Promise.all([instance(), instance()]);
    // One consumer, whose channel either instance can reach (as the web chat's Redis stores allow).
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

  it('brings a change made on instance B to a console streaming from instance A', async () => {
    const stream = await a.stream('agent1');
    await a.consumer.play([['user', 'talk to agent'], ['bot', 'number 1 in the queue']]);
    await stream.until('queue.added');
    expect((await b.call('agent2', 'POST', '/api/agent/conversations/Convo1/claim')).status).toBe(200);
    const claimed = await stream.until('conversation.claimed');
    expect(claimed.data).toMatchObject({ conversationId: 'Convo1', assignee: 'agent2', by: 'agent2' });
    stream.close();
  });

  it('keeps every line, each side in order, when the consumer writes on A while the agent replies through B', async () => {
    await a.consumer.play([['user', 'talk to agent'], ['bot', 'number 1 in the queue']]);
    expect((await b.call('agent1', 'POST', '/api/agent/conversations/Convo1/claim')).status).toBe(200);
    expect(a.consumer.received()).toEqual([expect.stringContaining('Anita from the 1912 helpline has joined')]);
    // The consumer's own turns run one at a time (the turn lock); the agent's replies race them.
    const rounds = Array.from({ length: 8 }, (_, i) => i);
    const consumerSide = (async () => {
      const seen: string[] = [];
      for (const i of rounds) seen.push(...(await a.consumer.say(`consumer line ${i}`)));
      return seen;
    })();
    const agentSide = (async () => {
      for (const i of rounds) expect((await b.call('agent1', 'POST', '/api/agent/conversations/Convo1/replies', { text: `agent line ${i}` })).status).toBe(200);
    })();
    const [seen] = await Promise.all([consumerSide, agentSide]);

    const transcript = (await a.sampark.handoff.current('Convo1'))?.transcript ?? [];
    const lines = (from: string) => transcript.filter((entry) => entry.from === from).map((entry) => entry.text);
    expect(lines('consumer')).toEqual(rounds.map((i) => `consumer line ${i}`));
    expect(lines('agent')).toEqual(rounds.map((i) => `agent line ${i}`));
    // Every reply reached the consumer once; the bot itself said nothing while the agent had the conversation.
    const delivered = [...seen, ...a.consumer.received()];
    expect(delivered.sort()).toEqual(rounds.map((i) => `Agent: agent line ${i}`).sort());
  });
});
