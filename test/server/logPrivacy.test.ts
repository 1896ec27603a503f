import { Writable } from 'node:stream';
import type { AddressInfo } from 'node:net';
import type { Server } from 'restify';
import { createSampark } from '../../src/app';
import { createBotFrameworkAdapter } from '../../src/channels/botframework/botFrameworkAdapter';
import { loadConfig } from '../../src/config/config';
import { createLogger, type Logger } from '../../src/log/logger';
import { createHttpServer } from '../../src/server/httpServer';
import { DirectLineClient } from '../channels/directline/directLineClient';
import { startWebChatServer } from '../channels/directline/webChatServer';
import { rawPost } from '../support/rawHttp';

function capturingLogger(): { logger: Logger; written: () => string } {
  let written = '';
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      written += chunk.toString();
      done();
    },
  });
  return { logger: createLogger('trace', sink), written: () => written };
}

const base64url = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');

describe('what the HTTP layer logs', () => {
  it('never writes a bearer token, a mobile or a raw body, even at trace level (a web chat typing post)', async () => {
    const { logger, written } = capturingLogger();
    const running = await startWebChatServer({ logger });
    try {
      const client = new DirectLineClient(running.url);
      const { conversationId, token } = await client.generate();
      const typing = await client.post(conversationId, token, { type: 'typing', text: 'mera number 9876500001 hai', channelData: { note: 'raw-body-marker' } });
      expect(typing.status).toBe(200);
      await client.post(conversationId, token, { type: 'message', text: 'mera number 9876500001 hai', channelData: { clientActivityID: 'c-1' } });
      await rawPost(`${running.url}/api/staff/sign-in`, '{"username":"agent1","password":"9876500001-raw-body-marker"', { 'content-type': 'application/json' });
      await new Promise((resolve) => setTimeout(resolve, 200));
    } finally {
      await running.close();
    }
    // restify logs through the service's logger (its own default pino wrote whole requests to stdout).
    expect(written()).toContain('"component":"restify"');
    for (const secret of ['9876500001', 'raw-body-marker', 'Bearer ']) expect(written()).not.toContain(secret);
  });

  describe('a Bot Framework token that is not valid', () => {
    let server: Server;
    let url: string;
    let logs: () => string;
    const consoleError = jest.spyOn(console, 'error');

    beforeAll(async () => {
      const { logger, written } = capturingLogger();
      logs = written;
      const config = loadConfig({ PORT: '0', MicrosoftAppId: '00000000-0000-0000-0000-000000000001', MicrosoftAppPassword: 'not-a-real-password' });
      const sampark = await createSampark(config, logger);
      const adapter = createBotFrameworkAdapter(config, logger, async () => undefined);
      server = createHttpServer({ bot: sampark.bot, adapter, readiness: [], metrics: sampark.metrics, logger });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/messages`;
    });
    afterAll(() => {
      server.close();
      consoleError.mockRestore();
    });

    const activity = { type: 'message', id: 'a-1', channelId: 'emulator', serviceUrl: 'http://127.0.0.1:9', conversation: { id: 'c-1' }, from: { id: 'u-1' }, recipient: { id: 'b-1' }, text: 'hi' };

    it.each([
      ['no token', undefined],
      ['a token that is not a JWT', 'Bearer not-a-jwt'],
      ['an unsigned JWT', `Bearer ${base64url({ alg: 'none', typ: 'JWT' })}.${base64url({ iss: 'https://example.org', aud: 'x' })}.`],
      ['another scheme', 'Basic dXNlcjpwYXNz'],
    ])('is answered 401 with one log line and no stack trace: %s', async (_case, authorization) => {
      consoleError.mockClear();
      const before = logs().length;
      const response = await rawPost(url, JSON.stringify(activity), { 'content-type': 'application/json', ...(authorization ? { authorization } : {}) });
      expect(response.status).toBe(401);
      // Trace-level lines from restify's own logger aside, the refusal is one line.
      const lines = logs().slice(before).trim().split('\n').filter((line) => (JSON.parse(line) as { level: number }).level >= 30);
      expect(lines).toHaveLength(1);
      expect(JSON.parse(lines[0]!)).toEqual(expect.objectContaining({ level: 40, msg: 'bot framework token refused' }));
      expect(lines[0]).not.toMatch(/\sat\s/);
      if (authorization) expect(logs()).not.toContain(authorization.split(' ')[1]!.slice(0, 12));
      expect(consoleError).not.toHaveBeenCalled();
    });

    it.each([
      ['a type that is not a string', { ...activity, type: 5 }],
      ['no conversation', { ...activity, conversation: undefined }],
      ['a service URL that is not one', { ...activity, serviceUrl: 'javascript:alert(1)' }],
    ])('refuses an activity with %s as 400, before any authentication', async (_case, body) => {
      expect((await rawPost(url, JSON.stringify(body), { 'content-type': 'application/json' })).status).toBe(400);
    });
  });
});
