import { FakeCluServer } from './fakeCluServer';

const PROJECT = { key: 'test-key', projectName: 'sampark', deploymentName: 'production' };
const TASK = {
  kind: 'Conversation',
  analysisInput: { conversationItem: { id: '1', participantId: 'consumer', text: 'balance batao' } },
  parameters: { projectName: 'sampark', deploymentName: 'production' },
};

let fake: FakeCluServer;

beforeEach(async () => {
  fake = await FakeCluServer.start(PROJECT);
});

afterEach(async () => {
  await fake.close();
});

/** A raw call, to see what the fake refuses that the SDK would never send. */
async function post(body: unknown, { apiVersion = '2023-04-01', key = 'test-key' } = {}) {
  const response = await fetch(`${fake.endpoint}/language/:analyze-conversations?api-version=${apiVersion}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'ocp-apim-subscription-key': key },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as unknown };
}

describe('the fake analyze-conversations endpoint', () => {
  it('answers a ConversationResult, intents best first', async () => {
    fake.reply = { intents: [['None', 0.1], ['check_balance', 0.8]], entities: [{ category: 'CaNumber', text: 'batao' }] };
    expect(await post(TASK)).toEqual({
      status: 200,
      body: {
        kind: 'ConversationResult',
        result: {
          query: 'balance batao',
          prediction: {
            topIntent: 'check_balance',
            projectKind: 'Conversation',
            intents: [
              { category: 'check_balance', confidenceScore: 0.8 },
              { category: 'None', confidenceScore: 0.1 },
            ],
            entities: [{ category: 'CaNumber', text: 'batao', offset: 8, length: 5, confidenceScore: 1 }],
          },
        },
      },
    });
  });

  it.each([
    ['another api-version', TASK, { apiVersion: '2022-05-15-preview' }, 404],
    ['a wrong key', TASK, { key: 'nope' }, 401],
    ['a task of another kind', { ...TASK, kind: 'ConversationalPIITask' }, {}, 400],
    ['no utterance', { ...TASK, analysisInput: { conversationItem: { id: '1', participantId: 'consumer' } } }, {}, 400],
    ['an unknown project', { ...TASK, parameters: { projectName: 'other', deploymentName: 'production' } }, {}, 404],
  ])('refuses %s like the service does', async (_name, body, options, status) => {
    const answer = await post(body, options);
    expect(answer.status).toBe(status);
    expect(answer.body).toMatchObject({ error: { code: expect.any(String), message: expect.any(String) } });
  });

  it('sends Retry-After with a 429', async () => {
    fake.reply = { status: 429, code: 'TooManyRequests', retryAfterSeconds: 2 };
    const response = await fetch(`${fake.endpoint}/language/:analyze-conversations?api-version=2023-04-01`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'ocp-apim-subscription-key': 'test-key' },
      body: JSON.stringify(TASK),
    });
    expect(response.status).toBe(429);
    expect(response.headers.get('retry-after')).toBe('2');
  });
});
