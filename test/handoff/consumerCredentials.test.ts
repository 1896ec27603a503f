import { hashPassword } from '../../src/auth/passwordHash';
import type { StaffAccount } from '../../src/auth/staff';
import { signatureOf } from '../../src/channels/whatsapp/webhookSignature';
import { DirectLineClient } from '../channels/directline/directLineClient';
import { startWebChatServer, type RunningWebChat } from '../channels/directline/webChatServer';
import { APP_SECRET } from '../channels/whatsapp/webhookClient';
import { TestConversation } from '../support/conversation';
import { gatedSampark } from './support/gatedSampark';

/** What a consumer holds, and what it must not open. */
describe('consumer-facing credentials cannot reach the agent API', () => {
  let running: RunningWebChat;
  let directLineToken: string;
  let conversationId: string;

  beforeAll(async () => {
    const agent: StaffAccount = { username: 'agent1', name: 'Agent One', role: 'agent', passwordHash: await hashPassword('agent1-secret') };
    running = await startWebChatServer({ staff: [agent] });
    const client = new DirectLineClient(running.url);
    const started = (await client.start((await client.generate()).token)).body;
    directLineToken = started.token;
    conversationId = started.conversationId;
    expect((await client.say(conversationId, directLineToken, 'talk to agent', 'c1', 'en-IN')).status).toBe(200);
  });
  afterAll(() => running.close());

  const agentCalls = (id: string) =>
    [
      ['GET', '/api/agent/queue'],
      ['GET', `/api/agent/conversations/${id}`],
      ['POST', `/api/agent/conversations/${id}/claim`],
      ['POST', `/api/agent/conversations/${id}/replies`],
      ['POST', `/api/agent/conversations/${id}/resolve`],
    ] as const;

  it('refuses the web chat\'s Direct Line token', async () => {
    for (const [method, path] of agentCalls(conversationId)) {
      const response = await fetch(`${running.url}${path}`, {
        method,
        headers: { authorization: `Bearer ${directLineToken}`, 'content-type': 'application/json' },
        ...(method === 'POST' ? { body: JSON.stringify({ text: 'hi', reason: 'answered' }) } : {}),
      });
      expect([path, response.status]).toEqual([path, 401]);
    }
    expect((await running.sampark.handoff.current(conversationId))?.status).toBe('queued');
  });

  it('refuses a request signed like a WhatsApp webhook', async () => {
    for (const [method, path] of agentCalls(conversationId)) {
      const body = JSON.stringify({ object: 'whatsapp_business_account', entry: [], text: 'hi', reason: 'answered' });
      const response = await fetch(`${running.url}${path}`, {
        method,
        headers: { 'x-hub-signature-256': signatureOf(Buffer.from(body), APP_SECRET), 'content-type': 'application/json' },
        ...(method === 'POST' ? { body } : {}),
      });
      expect([path, response.status]).toEqual([path, 401]);
    }
    expect((await running.sampark.handoff.current(conversationId))?.status).toBe('queued');
  });
});

describe('a consumer writing agent commands', () => {
  it.each([
    'claim',
    '/claim Convo1',
    'resolve answered',
    'POST /api/agent/conversations/Convo1/resolve {"reason":"answered"}',
    'transfer to agent2',
  ])('"%s" changes nothing on the agent side: it is only words on the transcript', async (text) => {
    const { sampark, handoff } = await gatedSampark();
    const consumer = TestConversation.over(sampark, 'en-IN');
    await consumer.say('talk to agent');
    expect(await handoff.claim('Convo1', 'agent1')).toMatchObject({ ok: true });
    await consumer.say(text);
    const record = await handoff.current('Convo1');
    expect(record).toMatchObject({ status: 'assigned', assignee: 'agent1', resolution: null });
    expect(record?.transcript).toEqual([expect.objectContaining({ from: 'consumer', text })]);
  });
});
