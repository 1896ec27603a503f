import { gzipSync, brotliCompressSync, deflateSync } from 'node:zlib';
import type { AddressInfo } from 'node:net';
import type { Server } from 'restify';
import { createSampark } from '../../src/app';
import { createBotFrameworkAdapter } from '../../src/channels/botframework/botFrameworkAdapter';
import { loadConfig } from '../../src/config/config';
import { silentLogger } from '../../src/log/logger';
import { createHttpServer } from '../../src/server/httpServer';
import { createSamparkServer } from '../../src/server/samparkServer';
import { hashPassword } from '../../src/auth/passwordHash';
import { signatureOf } from '../../src/channels/whatsapp/webhookSignature';
import { startWebChatServer, type RunningWebChat } from '../channels/directline/webChatServer';
import { startWhatsApp, type RunningWhatsApp } from '../channels/whatsapp/whatsAppHarness';
import { APP_SECRET } from '../channels/whatsapp/webhookClient';
import { rawPost, trickle } from '../support/rawHttp';

const JSON_TYPE = { 'content-type': 'application/json' };

/** 16 MiB of zeros: 16 KiB on the wire, the whole heap's worth of trouble once inflated. */
const GZIP_BOMB = gzipSync(Buffer.alloc(16 * 1024 * 1024, 0x20));

/** The Bot Framework endpoint with an app id, so every activity needs a token, and short body limits. */
async function startBotEndpoint(): Promise<{ url: string; server: Server }> {
  const config = loadConfig({ PORT: '0', MicrosoftAppId: '00000000-0000-0000-0000-000000000001', MicrosoftAppPassword: 'not-a-real-password' });
  const logger = silentLogger();
  const sampark = await createSampark(config, logger);
  const adapter = createBotFrameworkAdapter(config, logger, async () => undefined);
  const server = createHttpServer({
    bot: sampark.bot,
    adapter,
    readiness: [],
    metrics: sampark.metrics,
    logger,
    bodyLimits: { maxBytes: 64 * 1024, timeoutMs: 300, maxDepth: 64 },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}

describe('request bodies: nothing a client sends stops the service', () => {
  let webChat: RunningWebChat;
  let bot: { url: string; server: Server };
  let whatsApp: RunningWhatsApp;

  beforeAll(async () => {
    webChat = await startWebChatServer({ staff: [{ username: 'agent1', name: 'Agent One', role: 'agent', passwordHash: await hashPassword('agent1-pass') }] });
    bot = await startBotEndpoint();
    whatsApp = await startWhatsApp();
  });

  afterAll(async () => {
    await webChat.close();
    bot.server.close();
    await whatsApp.close();
  });

  const endpoints = (): Array<[string, string]> => [
    ['staff sign-in', `${webChat.url}/api/staff/sign-in`],
    ['Direct Line token', `${webChat.url}/v3/directline/tokens/generate`],
    ['Bot Framework messages', `${bot.url}/api/messages`],
  ];

  async function stillUp(): Promise<void> {
    expect((await fetch(`${webChat.url}/healthz`)).status).toBe(200);
    expect((await fetch(`${bot.url}/healthz`)).status).toBe(200);
  }

  it.each([
    ['gzip', Buffer.from('{"a":1}')],
    ['deflate', Buffer.from('{"a":1}')],
    ['br', Buffer.from('{"a":1}')],
    ['gzip', gzipSync(Buffer.from('{"a":1}')).subarray(0, 12)],
  ])('answers 400 to a body that is not the %s it claims, on every endpoint', async (encoding, body) => {
    for (const [, url] of endpoints()) {
      const response = await rawPost(url, body, { ...JSON_TYPE, 'content-encoding': encoding });
      expect({ url, status: response.status, body: JSON.parse(response.body) }).toEqual({ url, status: 400, body: { error: 'body_not_decodable' } });
    }
    await stillUp();
  });

  it('answers 413 to a gzip bomb, counting the bytes once inflated', async () => {
    expect(GZIP_BOMB.length).toBeLessThan(64 * 1024);
    for (const [, url] of endpoints()) {
      const response = await rawPost(url, GZIP_BOMB, { ...JSON_TYPE, 'content-encoding': 'gzip' });
      expect({ url, status: response.status }).toEqual({ url, status: 413 });
    }
    await stillUp();
  });

  it('answers 415 to an encoding or a media type it does not take', async () => {
    for (const [, url] of endpoints()) {
      expect((await rawPost(url, '{"a":1}', { ...JSON_TYPE, 'content-encoding': 'compress' })).status).toBe(415);
      expect((await rawPost(url, 'a=1', { 'content-type': 'application/x-www-form-urlencoded' })).status).toBe(415);
    }
    await stillUp();
  });

  it('answers 400 to JSON that does not parse, and 413 past the size limit', async () => {
    for (const [, url] of endpoints()) {
      expect((await rawPost(url, '{"username": ', JSON_TYPE)).status).toBe(400);
      expect((await rawPost(url, `"${'x'.repeat(300 * 1024)}"`, JSON_TYPE)).status).toBe(413);
    }
    await stillUp();
  });

  it('answers 400 to JSON nested deeper than any body the service takes (it would overflow the stack later)', async () => {
    const nested = `${'['.repeat(30_000)}${']'.repeat(30_000)}`;
    for (const [, url] of endpoints()) {
      const response = await rawPost(url, nested, JSON_TYPE);
      expect({ url, status: response.status, body: JSON.parse(response.body) }).toEqual({ url, status: 400, body: { error: 'too_deeply_nested' } });
    }
    await stillUp();
  });

  it.each([
    ['gzip', gzipSync],
    ['deflate', deflateSync],
    ['br', brotliCompressSync],
  ])('still reads a %s body that is what it claims', async (encoding, compress) => {
    const body = compress(Buffer.from(JSON.stringify({ username: 'agent1', password: 'agent1-pass' })));
    const response = await rawPost(`${webChat.url}/api/staff/sign-in`, body, { ...JSON_TYPE, 'content-encoding': encoding });
    expect(response.status).toBe(200);
    expect(JSON.parse(response.body)).toEqual(expect.objectContaining({ token: expect.any(String) }));
  });

  it('cuts a body that trickles in (slowloris) with 408 and closes the socket', async () => {
    const answer = await trickle(bot.url, '/api/messages', 1000, 50);
    expect(answer).toEqual({ status: 408, closed: true });
    await stillUp();
  });

  it('checks the WhatsApp signature over the raw bytes, whatever encoding they claim', async () => {
    const url = `${whatsApp.url}/api/whatsapp`;
    const notGzip = Buffer.from('{"object":"whatsapp_business_account","entry":[]}');
    expect((await rawPost(url, notGzip, { ...JSON_TYPE, 'content-encoding': 'gzip' })).status).toBe(401);
    const signed = { ...JSON_TYPE, 'content-encoding': 'gzip', 'x-hub-signature-256': signatureOf(notGzip, APP_SECRET) };
    expect((await rawPost(url, notGzip, signed)).status).toBe(400);
    const bomb = { ...JSON_TYPE, 'content-encoding': 'gzip', 'x-hub-signature-256': signatureOf(GZIP_BOMB, APP_SECRET) };
    expect((await rawPost(url, GZIP_BOMB, bomb)).status).toBe(400);
    expect((await rawPost(url, Buffer.alloc(2 * 1024 * 1024, 0x20), JSON_TYPE)).status).toBe(413);
    const gzipped = gzipSync(notGzip);
    const honest = { ...JSON_TYPE, 'content-encoding': 'gzip', 'x-hub-signature-256': signatureOf(gzipped, APP_SECRET) };
    expect((await rawPost(url, gzipped, honest)).status).toBe(200);
    expect((await fetch(`${whatsApp.url}/healthz`)).status).toBe(200);
  });
});

describe('request body limits from the configuration', () => {
  let url: string;
  let server: Server;
  beforeAll(async () => {
    const config = loadConfig({ PORT: '0', REQUEST_BODY_MAX_KIB: '16', REQUEST_BODY_TIMEOUT_MS: '1000', REQUEST_JSON_MAX_DEPTH: '16' });
    const sampark = await createSampark(config, silentLogger());
    server = createSamparkServer(sampark, config, silentLogger()).server;
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('refuses a body past REQUEST_BODY_MAX_KIB, JSON deeper than REQUEST_JSON_MAX_DEPTH and one slower than REQUEST_BODY_TIMEOUT_MS', async () => {
    expect((await rawPost(`${url}/api/messages`, `"${'x'.repeat(17 * 1024)}"`, JSON_TYPE)).status).toBe(413);
    const deep = await rawPost(`${url}/api/messages`, `${'['.repeat(17)}${']'.repeat(17)}`, JSON_TYPE);
    expect([deep.status, JSON.parse(deep.body)]).toEqual([400, { error: 'too_deeply_nested' }]);
    const started = performance.now();
    expect(await trickle(url, '/api/messages', 1000, 50)).toEqual({ status: 408, closed: true });
    expect(performance.now() - started).toBeLessThan(5000);
  });
});

describe('the WhatsApp webhook\'s body deadline from the configuration', () => {
  let whatsApp: RunningWhatsApp;
  beforeAll(async () => {
    whatsApp = await startWhatsApp({ config: { REQUEST_BODY_TIMEOUT_MS: '1000' } });
  });
  afterAll(() => whatsApp.close());

  it('cuts a webhook body slower than REQUEST_BODY_TIMEOUT_MS with 408, as every other body', async () => {
    // 100 bytes at one per 50 ms take about 5 s: past the configured second, well inside the default 15 s,
    // after which the complete (unsigned) body would be answered 401.
    expect(await trickle(whatsApp.url, '/api/whatsapp', 100, 50)).toEqual({ status: 408, closed: true });
    expect((await fetch(`${whatsApp.url}/healthz`)).status).toBe(200);
  });
});
