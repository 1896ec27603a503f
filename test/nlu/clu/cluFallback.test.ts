import { createCluRecognizer } from '../../../src/nlu/clu/cluRecognizer';
import { createRecognizer } from '../../../src/nlu/createRecognizer';
import { withFallback } from '../../../src/nlu/fallbackRecognizer';
import { createLocalRecognizer, type LocalRecognizer } from '../../../src/nlu/local/localRecognizer';
import { parseNluSettings } from '../../../src/nlu/nluSettings';
import { silentLogger } from '../../../src/log/logger';
import { FakeCluServer } from './fakeCluServer';

const PROJECT = { key: 'test-key', projectName: 'sampark', deploymentName: 'production' };
/** CLU "knows" only this, so an answer of check_balance at 0.99 proves CLU answered, not the local model. */
const CLU_ANSWER = { intents: [['check_balance', 0.99]] as [string, number][] };
const MESSAGE = 'light nahi aa rahi hai';

let fake: FakeCluServer;
let local: LocalRecognizer;

beforeAll(() => {
  local = createLocalRecognizer();
});

beforeEach(async () => {
  fake = await FakeCluServer.start(PROJECT);
});

afterEach(async () => {
  await fake.close();
});

/** CLU with the local model behind it, and a breaker that opens after 2 failures for 200 ms. */
function cluWithFallback(timeoutMs = 2000) {
  const clu = createCluRecognizer({
    settings: { endpoint: fake.endpoint, ...PROJECT, timeoutMs },
    noneFloor: 0.3,
    logger: silentLogger(),
    breaker: { consecutiveFailures: 2, halfOpenAfterMs: 200 },
  });
  return withFallback(clu, local, silentLogger());
}

describe('CLU with the local model as fallback', () => {
  it('answers with CLU while CLU is healthy', async () => {
    fake.reply = CLU_ANSWER;
    const recognizer = cluWithFallback();
    expect(await recognizer.recognize(MESSAGE)).toMatchObject({ intent: 'check_balance', score: 0.99 });
    expect(recognizer.fallbacks).toBe(0);
  });

  it.each([
    ['throttled (429)', { status: 429, code: 'TooManyRequests', retryAfterSeconds: 1 }],
    ['unavailable (503)', { status: 503, code: 'ServiceUnavailable' }],
  ])('answers with the local model when CLU is %s', async (_name, reply) => {
    fake.reply = reply;
    const recognizer = cluWithFallback();
    const recognition = await recognizer.recognize(MESSAGE);
    expect(recognition).toEqual(await local.recognize(MESSAGE));
    expect(recognizer.fallbacks).toBe(1);
  });

  it('answers with the local model when CLU is too slow, within the timeout', async () => {
    fake.reply = CLU_ANSWER;
    fake.delayMs = 3000;
    const recognizer = cluWithFallback(150);
    const started = Date.now();
    expect(await recognizer.recognize(MESSAGE)).toEqual(await local.recognize(MESSAGE));
    // The slow answer takes 3 s; the bound leaves a loaded machine room and still tells the two apart.
    expect(Date.now() - started).toBeLessThan(2500);
  });

  it('stops calling CLU while its circuit is open, and tries again after the pause', async () => {
    fake.reply = { status: 503, code: 'ServiceUnavailable' };
    const recognizer = cluWithFallback();
    for (let turn = 0; turn < 5; turn += 1) await recognizer.recognize(MESSAGE);
    // Two failures opened the circuit; the other three turns never reached CLU.
    expect(fake.requests).toHaveLength(2);
    expect(recognizer.fallbacks).toBe(5);

    fake.reply = CLU_ANSWER;
    await new Promise((resolve) => setTimeout(resolve, 250));
    expect(await recognizer.recognize(MESSAGE)).toMatchObject({ intent: 'check_balance', score: 0.99 });
    expect(fake.requests).toHaveLength(3);
  });
});

describe('createRecognizer', () => {
  it('is the local model when CLU is not configured', async () => {
    const recognizer = createRecognizer(parseNluSettings({}), silentLogger());
    expect(recognizer.kind).toBe('local');
    expect(await recognizer.recognize(MESSAGE)).toEqual(await local.recognize(MESSAGE));
  });

  it('is CLU with the local fallback when the four CLU variables are set', async () => {
    const settings = parseNluSettings({
      CLU_ENDPOINT: fake.endpoint,
      CLU_KEY: PROJECT.key,
      CLU_PROJECT: PROJECT.projectName,
      CLU_DEPLOYMENT: PROJECT.deploymentName,
    });
    const recognizer = createRecognizer(settings, silentLogger());
    expect(recognizer.kind).toBe('clu');
    fake.reply = CLU_ANSWER;
    expect(await recognizer.recognize(MESSAGE)).toMatchObject({ intent: 'check_balance' });
    fake.reply = { status: 503, code: 'ServiceUnavailable' };
    expect(await recognizer.recognize(MESSAGE)).toEqual(await local.recognize(MESSAGE));
    expect(recognizer.fallbacks).toBe(1);
  });

  it("uses the confirm threshold as the local model's none floor", async () => {
    // Supply or outage, about evenly: above the default floor of 0.3, below a floor of 0.6.
    const unsure = 'light nahi hai';
    const score = (await local.recognize(unsure)).score;
    expect(score).toBeGreaterThan(0.3);
    expect(score).toBeLessThan(0.6);
    const strict = createRecognizer(parseNluSettings({ NLU_CONFIRM_THRESHOLD: '0.6' }), silentLogger());
    expect((await strict.recognize(unsure)).intent).toBe('none');
  });
});
