import { RedisRateLimiter } from '../../../src/limits/redisRateLimiter';
import { createLogger } from '../../../src/log/logger';
import { productionRedis, removeKeys, uniquePrefix } from '../../support/redis';
import { TEST_NOW } from '../../support/conversation';
import { botSays, DirectLineClient, StreamReader } from './directLineClient';
import { startWebChatServer, type RunningWebChat } from './webChatServer';

/** Two households behind the deployment's proxy, as X-Forwarded-For names them (TRUSTED_PROXY=true). */
const STRANGER = { 'x-forwarded-for': '203.0.113.7' };
const NEIGHBOUR = { 'x-forwarded-for': '198.51.100.4' };

/** A Sampark web chat behind a trusted proxy with tight per-source limits, and the warnings it logs. */
async function webChatWith(env: Record<string, string>, config: Record<string, string>) {
  const warnings: Array<Record<string, unknown>> = [];
  const logger = createLogger('warn', { write: (line: string) => void warnings.push(JSON.parse(line) as Record<string, unknown>) });
  // A still clock: the windows' Retry-After is exact however slowly the machine runs.
  const now = () => TEST_NOW;
  const running = await startWebChatServer({ env, config: { TRUSTED_PROXY: 'true', ...config }, logger, now, ports: { now } });
  return { running, warnings };
}

/** A new conversation from `headers`' address, its stream open, and a way to ask and read the answer. */
async function newChat(running: RunningWebChat, headers: Record<string, string>, locale: string) {
  const client = new DirectLineClient(running.url, headers);
  const { token, conversationId } = await client.generate();
  const started = await client.start(token, { user: {}, locale });
  const stream = await StreamReader.open(started.body.streamUrl!);
  let said = 0;
  return {
    stream,
    /** Sends `text` and waits for a reply containing `expected`. */
    ask: async (text: string, expected: string) => {
      said += 1;
      await client.say(conversationId, token, text, `c-${said}`, locale);
      return stream.next(botSays(expected), 10_000);
    },
  };
}

describe('web chat limits per client address (a stranger opening chat after chat)', () => {
  let running: RunningWebChat | undefined;
  const streams: StreamReader[] = [];
  afterEach(async () => {
    for (const stream of streams.splice(0)) stream.close();
    await running?.close();
    running = undefined;
  });

  it('refuses a token past DIRECTLINE_TOKEN_LIMIT_PER_SOURCE with 429 and Retry-After, and names the network in the log, not the address', async () => {
    const started = await webChatWith({ DIRECTLINE_TOKEN_LIMIT_PER_SOURCE: '2/1h' }, {});
    running = started.running;
    const stranger = new DirectLineClient(running.url, STRANGER);
    for (let page = 0; page < 2; page += 1) expect((await stranger.call('POST', '/tokens/generate')).status).toBe(200);

    const response = await fetch(`${running.url}/v3/directline/tokens/generate`, { method: 'POST', headers: STRANGER });
    expect(response.status).toBe(429);
    expect(response.headers.get('retry-after')).toBe('3600');
    expect(await response.json()).toEqual({ error: { code: 'TooManyRequests', message: expect.any(String) } });

    expect((await new DirectLineClient(running.url, NEIGHBOUR).call('POST', '/tokens/generate')).status).toBe(200);
    const logged = started.warnings.find((line) => line['msg'] === 'web chat tokens limited for a source');
    expect(logged).toMatchObject({ source: '203.0.113.x', retryAfterSeconds: 3600 });
    expect(JSON.stringify(started.warnings)).not.toContain('203.0.113.7');
  });

  it('refuses a look-up past CONSUMER_LOOKUP_LIMIT_PER_SOURCE in a fresh chat, in Hindi, and not the neighbour\'s', async () => {
    const started = await webChatWith({}, { CONSUMER_LOOKUP_LIMIT_PER_SOURCE: '2/1h' });
    running = started.running;
    const first = await newChat(running, STRANGER, 'hi-IN');
    const second = await newChat(running, STRANGER, 'hi-IN');
    const third = await newChat(running, STRANGER, 'hi-IN');
    const neighbour = await newChat(running, NEIGHBOUR, 'hi-IN');
    streams.push(first.stream, second.stream, third.stream, neighbour.stream);

    await first.ask('balance 101000001', 'बैलेंस: ₹842.50');
    await second.ask('balance 101000002', 'बैलेंस: -₹236.40');
    const refused = await third.ask('balance 101000003', 'आपके नेटवर्क से हाल में कई उपभोक्ता संख्याएँ देखी गई हैं');
    expect(refused.text).toContain('लगभग एक घंटे बाद');
    expect(refused.text).toContain('1912');
    expect(third.stream.activities.some((activity) => /बैलेंस:/.test(activity.text ?? ''))).toBe(false);

    // The same number from another household's chat is read as ever.
    await neighbour.ask('balance 101000002', 'बैलेंस: -₹236.40');
    const logged = started.warnings.find((line) => line['msg'] === 'consumer look-ups limited for a source');
    expect(logged).toMatchObject({ source: '203.0.113.x', conversation: expect.any(String), retryAfterSeconds: 3600 });
  });

  it('lets a consumer who opens a new chat look up their own connection again, and refuses a new one past the limit (English)', async () => {
    const started = await webChatWith({}, { CONSUMER_LOOKUP_LIMIT_PER_SOURCE: '1/3h' });
    running = started.running;
    const monday = await newChat(running, STRANGER, 'en-US');
    const later = await newChat(running, STRANGER, 'en-US');
    streams.push(monday.stream, later.stream);

    await monday.ask('check balance for 101000001', 'Balance: ₹842.50');
    await later.ask('check balance for 101000001', 'Balance: ₹842.50');
    const refused = await later.ask('check balance for 101000002', 'Many consumer numbers have been looked up from your network recently');
    expect(refused.text).toContain('after 3 hours');
  });
});

describe('web chat tokens per client address across instances sharing Redis', () => {
  it('counts one source\'s tokens on every instance together', async () => {
    const redis = await productionRedis();
    const prefix = uniquePrefix('directline-source');
    const now = () => TEST_NOW;
    const instance = () =>
      startWebChatServer({
        env: { DIRECTLINE_TOKEN_LIMIT_PER_SOURCE: '3/1h' },
        config: { TRUSTED_PROXY: 'true' },
        now,
        ports: { now, limiter: new RedisRateLimiter(redis, prefix, now) },
      });
    const [a, b] = [await instance(), await instance()];
    try {
      const statuses: number[] = [];
      for (const running of [a, b, a, b]) statuses.push((await new DirectLineClient(running.url, STRANGER).call('POST', '/tokens/generate')).status);
      expect(statuses).toEqual([200, 200, 200, 429]);
    } finally {
      await a.close();
      await b.close();
      await removeKeys(redis, prefix);
      redis.disconnect();
    }
  });
});
