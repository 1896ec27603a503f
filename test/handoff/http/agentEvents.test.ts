import { hashPassword } from '../../../src/auth/passwordHash';
import type { AgentEventBus } from '../../../src/handoff/agentEventBus';
import { InProcessAgentEventBus } from '../../../src/handoff/inProcessAgentEventBus';
import { startWebChatServer } from '../../channels/directline/webChatServer';
import { TEST_NOW } from '../../support/conversation';
import { startAgentApi, type AgentApiHarness } from './agentApiHarness';
import { openEventStream, type OpenStream } from './eventStreamReader';

describe('live updates on GET /api/agent/events', () => {
  let harness: AgentApiHarness;
  let stream: OpenStream | null = null;
  beforeEach(async () => {
    harness = await startAgentApi({ streamHeartbeatMs: 50 });
  });
  afterEach(async () => {
    stream?.close();
    stream = null;
    await harness.close();
  });

  it('tells an open console of a new request, the consumer writing, and another agent claiming, without anybody\'s words', async () => {
    stream = await harness.stream('agent1');
    expect(stream.status).toBe(200);
    await harness.consumer.play([['user', 'talk to agent'], ['bot', 'number 1 in the queue']]);
    await stream.until('queue.added', (data) => data.conversationId === 'Convo1');
    await harness.consumer.say('my meter is not working');
    await stream.until('conversation.consumer_wrote');
    await harness.call('agent2', 'POST', '/api/agent/conversations/Convo1/claim');
    const claimed = await stream.until('conversation.claimed');
    expect(claimed.data).toEqual({
      type: 'conversation.claimed',
      conversationId: 'Convo1',
      status: 'assigned',
      assignee: 'agent2',
      by: 'agent2',
      at: TEST_NOW.toISOString(),
    });
    await stream.until('queue.left');
    await harness.call('agent2', 'POST', '/api/agent/conversations/Convo1/replies', { text: 'Lineman aa rahe hain' });
    await stream.until('conversation.agent_replied', (data) => data.by === 'agent2');
    await harness.call('agent2', 'POST', '/api/agent/conversations/Convo1/transfer', { to: 'agent1' });
    await stream.until('conversation.transferred', (data) => data.assignee === 'agent1');
    await harness.call('agent1', 'POST', '/api/agent/conversations/Convo1/resolve', { reason: 'answered' });
    await stream.until('conversation.resolved');
    expect(JSON.stringify(stream.events)).not.toMatch(/meter is not working|Lineman/);
  });

  it('tells of a request the consumer cancelled', async () => {
    stream = await harness.stream('agent1');
    await harness.consumer.play([['user', 'agent se baat karao'], ['bot', 'कतार में'], ['user', 'rehne do']]);
    await stream.until('queue.left');
    await stream.until('conversation.cancelled');
  });

  it('writes heartbeats, counts the console present while open, and forgets it when it closes', async () => {
    stream = await harness.stream('supervisor1');
    for (let waited = 0; stream.comments.filter((comment) => comment === 'heartbeat').length < 2; waited += 10) {
      if (waited > 2000) throw new Error('no heartbeats');
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    expect((await harness.sampark.presence.online()).map((agent) => agent.username)).toEqual(['supervisor1']);
    stream.close();
    for (let waited = 0; (await harness.sampark.presence.online()).length > 0; waited += 10) {
      if (waited > 2000) throw new Error('the closed console still counts as present');
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  });

  it('ends an open stream once its session has expired', async () => {
    stream = await harness.stream('agent1');
    await new Promise((resolve) => setTimeout(resolve, 120));
    expect(stream.ended).toBe(false);
    harness.sessionClock.now = new Date(harness.sessionClock.now.getTime() + 601_000);
    for (let waited = 0; !stream.ended; waited += 10) {
      if (waited > 2000) throw new Error('the stream of an expired session stayed open');
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    expect(await harness.sampark.presence.online()).toEqual([]);
  });

  it('refuses a stream without a valid session', async () => {
    expect((await openEventStream(harness.url, 'Bearer not-a-token')).status).toBe(401);
  });
});

describe('a console that goes away while its stream is being set up', () => {
  it('leaves no subscription and no presence behind', async () => {
    const bus = new InProcessAgentEventBus();
    let subscribed = 0;
    let unsubscribed = 0;
    // A bus slow to subscribe, as Redis is on a fresh connection.
    const slowBus: AgentEventBus = {
      publish: (event) => bus.publish(event),
      subscribe: async (listener) => {
        await new Promise((resolve) => setTimeout(resolve, 200));
        const stop = await bus.subscribe(listener);
        subscribed += 1;
        return () => {
          unsubscribed += 1;
          stop();
        };
      },
      close: () => bus.close(),
    };
    const harness = await startAgentApi({ ports: { agentEvents: slowBus } });
    const controller = new AbortController();
    const request = fetch(`${harness.url}/api/agent/events`, { headers: { authorization: harness.authorization('agent1') }, signal: controller.signal });
    await new Promise((resolve) => setTimeout(resolve, 50));
    controller.abort();
    await request.catch(() => undefined);
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect([subscribed, unsubscribed]).toEqual([1, 1]);
    expect(await harness.sampark.presence.online()).toEqual([]);
    await harness.close();
  });
});

describe('shutting down with consoles open', () => {
  it('ends their live streams instead of waiting for them', async () => {
    const running = await startWebChatServer({
      staff: [{ username: 'asha', name: 'Asha Kumari', role: 'agent', passwordHash: await hashPassword('asha-pass') }],
    });
    const signIn = await fetch(`${running.url}/api/staff/sign-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'asha', password: 'asha-pass' }),
    });
    const { token } = (await signIn.json()) as { token: string };
    const stream = await openEventStream(running.url, `Bearer ${token}`);
    expect(stream.status).toBe(200);
    // A server waiting for the console would never close, and the test would time out here.
    await running.close();
    for (let waited = 0; !stream.ended; waited += 10) {
      if (waited > 1000) throw new Error('the console did not see its stream end');
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  });
});
