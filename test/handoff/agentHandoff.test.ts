import type { AddressInfo } from 'node:net';
import restify from 'restify';
import type { Sampark } from '../../src/app';
import { MemoryAuditLog } from '../../src/auth/memoryAuditLog';
import { SessionTokens } from '../../src/auth/sessionTokens';
import { StaffAuthentication } from '../../src/auth/staffAuthentication';
import { loadStaffSettings } from '../../src/auth/staffSettings';
import type { HandoffService } from '../../src/handoff/handoffService';
import { mountAgentApi } from '../../src/handoff/http/agentApi';
import { silentLogger } from '../../src/log/logger';
import { TEST_NOW, TestConversation } from '../support/conversation';
import { gatedSampark } from './support/gatedSampark';
import { LOCAL_DEMO } from '../support/localDemo';

const CONVERSATION = 'Convo1';

describe('an agent takes a conversation over and hands it back', () => {
  let server: restify.Server;
  let url: string;
  let sampark: Sampark;
  let handoff: HandoffService;
  let consumer: TestConversation;
  let audit: MemoryAuditLog;
  const tokens: Record<string, string> = {};

  beforeEach(async () => {
    ({ sampark, handoff } = await gatedSampark());
    consumer = TestConversation.over(sampark);
    sampark.notifier.register('test', consumer.proactiveChannel());
    audit = new MemoryAuditLog();
    const settings = loadStaffSettings({}, LOCAL_DEMO, silentLogger());
    const authentication = new StaffAuthentication(settings.accounts, new SessionTokens(settings.sessionSecret, 600), audit);
    server = restify.createServer();
    server.use(restify.plugins.bodyParser({ mapParams: false }));
    // Five minutes after the consumer asked.
    mountAgentApi(server, {
      authentication,
      handoff,
      notifier: sampark.notifier,
      audit,
      backend: sampark.services.backend,
      tickets: sampark.ticketRepository,
      translator: sampark.translator,
      events: sampark.agentEvents,
      presence: sampark.presence,
      archive: sampark.handoffArchive,
      helplineNumber: sampark.services.policy.helplineNumber,
      now: () => new Date(TEST_NOW.getTime() + 300_000),
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    for (const username of ['agent1', 'agent2', 'lineman1']) {
      const outcome = await authentication.signIn(username, `${username}-demo`, '127.0.0.1');
      if (outcome.ok) tokens[username] = outcome.token;
    }
  });
  afterEach(() => server.close());

  const call = (who: string, method: 'GET' | 'POST', path: string, body?: unknown) =>
    fetch(`${url}${path}`, {
      method,
      headers: { authorization: `Bearer ${tokens[who] ?? 'bad-token'}`, 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });

  it('queues, tells the place, lets one agent claim, relays both ways, resolves and gives the bot back', async () => {
    await consumer.play([
      ['user', 'balance 101000001'],
      ['user', 'talk to agent'],
      ['bot', 'number 1 in the queue'],
      ['user', 'my meter is not working'],
      ['bot', 'still waiting for an agent: number 1 in the queue'],
    ]);

    const queue = await (await call('agent1', 'GET', '/api/agent/queue')).json();
    expect(queue).toEqual({
      queue: [expect.objectContaining({ conversationId: CONVERSATION, position: 1, language: 'en', lastIntent: 'talk_to_agent', waitSeconds: 300 })],
    });

    const claims = await Promise.all([
      call('agent1', 'POST', `/api/agent/conversations/${CONVERSATION}/claim`),
      call('agent2', 'POST', `/api/agent/conversations/${CONVERSATION}/claim`),
    ]);
    expect(claims.map((response) => response.status).sort()).toEqual([200, 409]);
    const owner = claims[0]?.status === 200 ? 'agent1' : 'agent2';
    const other = owner === 'agent1' ? 'agent2' : 'agent1';
    // The consumer learns who came, by the name the helpline gives them.
    expect(consumer.received()).toEqual([`${owner === 'agent1' ? 'Anita' : 'Rahul'} from the 1912 helpline has joined this chat and will help you now.`]);

    // With an agent the bot stays silent, even for something it would otherwise answer.
    expect(await consumer.say('balance 101000001')).toEqual([]);

    const view = await call(owner, 'GET', `/api/agent/conversations/${CONVERSATION}`);
    expect(await view.json()).toMatchObject({
      status: 'assigned',
      assignee: owner,
      caNumber: '101000001',
      transcript: [
        { from: 'consumer', text: 'my meter is not working' },
        { from: 'consumer', text: 'balance 101000001' },
      ],
    });
    expect((await call(other, 'GET', `/api/agent/conversations/${CONVERSATION}`)).status).toBe(403);
    expect((await call(other, 'POST', `/api/agent/conversations/${CONVERSATION}/replies`, { text: 'hi' })).status).toBe(403);

    expect((await call(owner, 'POST', `/api/agent/conversations/${CONVERSATION}/replies`, { text: 'Lineman aa rahe hain' })).status).toBe(200);
    expect(consumer.received()).toEqual(['Agent: Lineman aa rahe hain']);

    expect((await call(owner, 'POST', `/api/agent/conversations/${CONVERSATION}/resolve`, { reason: 'nonsense' })).status).toBe(400);
    expect((await call(other, 'POST', `/api/agent/conversations/${CONVERSATION}/resolve`, { reason: 'answered' })).status).toBe(403);
    expect((await call(owner, 'POST', `/api/agent/conversations/${CONVERSATION}/resolve`, { reason: 'answered' })).status).toBe(200);
    expect(consumer.received()).toEqual([expect.stringContaining('The helpline agent has closed this chat')]);

    // Back with the bot: it answers the next message again.
    expect((await consumer.say('hi')).length).toBeGreaterThan(0);
    expect((await handoff.current(CONVERSATION))?.status).toBe('bot');

    const actions = (await audit.recent(50, CONVERSATION)).map((entry) => `${entry.actor} ${entry.action} ${String(entry.detail?.outcome)}`);
    expect(actions).toEqual(
      expect.arrayContaining([
        `${owner} handoff.claim claimed`,
        `${other} handoff.claim taken`,
        `${owner} handoff.reply delivered`,
        `${other} handoff.reply not_assignee`,
        `${owner} handoff.resolve resolved`,
      ]),
    );
  });

  it('lets the consumer cancel while queued, and the bot answers again', async () => {
    await consumer.play([
      ['user', 'agent se baat karao'],
      ['bot', 'कतार में आपका नंबर 1'],
      ['user', 'rehne do'],
      ['bot', 'अनुरोध वापस ले लिया'],
    ]);
    expect((await handoff.current(CONVERSATION))?.status).toBe('bot');
    expect((await call('agent1', 'POST', `/api/agent/conversations/${CONVERSATION}/claim`)).status).toBe(409);
    expect((await consumer.say('hi')).length).toBeGreaterThan(0);
  });

  it('refuses field staff and bad tokens', async () => {
    expect((await call('lineman1', 'GET', '/api/agent/queue')).status).toBe(403);
    expect((await call('nobody', 'GET', '/api/agent/queue')).status).toBe(401);
  });
});
