import { TaskCancelledError } from 'cockatiel';
import { createCluRecognizer } from '../../../src/nlu/clu/cluRecognizer';
import { UnexpectedCluAnswer } from '../../../src/nlu/clu/cluPrediction';
import type { CluSettings } from '../../../src/nlu/nluSettings';
import { silentLogger } from '../../../src/log/logger';
import { FakeCluServer } from './fakeCluServer';

const PROJECT = { key: 'test-key', projectName: 'sampark', deploymentName: 'production' };

let fake: FakeCluServer;

beforeEach(async () => {
  fake = await FakeCluServer.start(PROJECT);
});

afterEach(async () => {
  await fake.close();
});

function settings(overrides: Partial<CluSettings> = {}): CluSettings {
  return { endpoint: fake.endpoint, ...PROJECT, timeoutMs: 2000, ...overrides };
}

const recognizer = (overrides: Partial<CluSettings> = {}) =>
  createCluRecognizer({ settings: settings(overrides), noneFloor: 0.3, logger: silentLogger() });

describe('the CLU recognizer, through the real SDK against a fake analyze-conversations endpoint', () => {
  it('sends the 2023-04-01 request with the key header and the project, deployment and utterance', async () => {
    fake.reply = { intents: [['check_balance', 0.91]] };
    await recognizer().recognize('mera balance kitna hai');
    expect(fake.requests).toHaveLength(1);
    const [request] = fake.requests;
    expect(request).toMatchObject({
      method: 'POST',
      path: '/language/:analyze-conversations',
      apiVersion: '2023-04-01',
      subscriptionKey: 'test-key',
      body: {
        kind: 'Conversation',
        analysisInput: {
          conversationItem: { id: '1', participantId: 'consumer', text: 'mera balance kitna hai', language: 'hi' },
        },
        parameters: { projectName: 'sampark', deploymentName: 'production', stringIndexType: 'Utf16CodeUnit' },
      },
    });
    expect(request?.contentType).toMatch(/^application\/json/);
  });

  it("maps CLU's intents to ours, best first, with its None as 'none' and unknown categories dropped", async () => {
    fake.reply = { intents: [['None', 0.05], ['supply_not_restored', 0.82], ['power_outage', 0.11], ['SomethingElse', 0.02]] };
    const recognition = await recognizer().recognize('recharge kiya light nahi aayi');
    expect(recognition.intent).toBe('supply_not_restored');
    expect(recognition.score).toBeCloseTo(0.82, 10);
    expect(recognition.ranked).toEqual([
      { intent: 'supply_not_restored', score: 0.82 },
      { intent: 'power_outage', score: 0.11 },
      { intent: 'none', score: 0.05 },
    ]);
  });

  it("answers 'none' below the floor, keeping CLU's ranking for a 'did you mean'", async () => {
    fake.reply = { intents: [['meter_fault', 0.2], ['check_balance', 0.18]] };
    const recognition = await recognizer().recognize('meter ka kuch karo');
    expect(recognition.intent).toBe('none');
    expect(recognition.score).toBeCloseTo(0.8, 10);
    expect(recognition.ranked[0]).toEqual({ intent: 'meter_fault', score: 0.2 });
  });

  it('keeps our entities, script and urgency, and lets a valid CLU entity win over ours', async () => {
    fake.reply = {
      intents: [['recharge_not_credited', 0.9]],
      entities: [
        { category: 'CaNumber', text: '१०१०००००३' },
        { category: 'Amount', text: 'five hundred' },
      ],
    };
    const recognition = await recognizer().recognize('CA 101000009 ka 500rs recharge nahi juda, utr 412300000003, bachha bimar hai');
    expect(recognition.entities).toEqual({ caNumber: '101000003', amount: 500, paymentReference: '412300000003' });
    expect(recognition.script).toBe('romanized_hindi');
    expect(recognition.urgent).toBe(true);
  });

  it('tags English messages en-us', async () => {
    fake.reply = { intents: [['check_balance', 0.9]] };
    await recognizer().recognize('what is my balance');
    expect(fake.requests[0]?.body).toMatchObject({ analysisInput: { conversationItem: { language: 'en-us' } } });
  });

  it('does not ask CLU about reserved keywords or messages without words', async () => {
    const clu = recognizer();
    expect((await clu.recognize('stop')).intent).toBe('cancel');
    expect((await clu.recognize('मदद')).intent).toBe('help');
    expect(await clu.recognize('101000001')).toMatchObject({ intent: 'none', entities: { caNumber: '101000001' } });
    expect(fake.requests).toHaveLength(0);
  });

  it.each([
    ['a wrong key', { key: 'wrong-key' }, 401],
    ['an unknown deployment', { deploymentName: 'staging' }, 404],
  ])('fails on %s', async (_name, overrides, status) => {
    const error = await recognizer(overrides).recognize('balance batao').catch((thrown: unknown) => thrown);
    expect(error).toMatchObject({ name: 'RestError', statusCode: status });
  });

  it.each([
    [429, 'TooManyRequests', 1],
    [503, 'ServiceUnavailable', undefined],
    [500, 'InternalServerError', undefined],
  ])('fails at once on %d, without retrying', async (status, code, retryAfterSeconds) => {
    fake.reply = { status, code, ...(retryAfterSeconds ? { retryAfterSeconds } : {}) };
    const error = await recognizer().recognize('balance batao').catch((thrown: unknown) => thrown);
    expect(error).toMatchObject({ name: 'RestError', statusCode: status });
    expect(fake.requests).toHaveLength(1);
  });

  it('gives up on a slow answer at the timeout', async () => {
    fake.reply = { intents: [['check_balance', 0.9]] };
    fake.delayMs = 3000;
    const started = Date.now();
    const error = await recognizer({ timeoutMs: 150 }).recognize('balance batao').catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(TaskCancelledError);
    // The slow answer takes 3 s; the bound leaves a loaded machine room and still tells the two apart.
    expect(Date.now() - started).toBeLessThan(2500);
  });

  it("answers 'none' when CLU ranks no intent", async () => {
    fake.reply = { intents: [] };
    expect(await recognizer().recognize('balance batao')).toMatchObject({ intent: 'none', ranked: [] });
  });

  it('fails on an answer from an orchestration project instead of a conversation project', async () => {
    fake.reply = {
      body: {
        kind: 'ConversationResult',
        result: { query: 'balance batao', prediction: { projectKind: 'Orchestration', topIntent: 'clu', intents: {} } },
      },
    };
    await expect(recognizer().recognize('balance batao')).rejects.toThrow(UnexpectedCluAnswer);
  });
});
