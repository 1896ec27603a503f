import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Server } from 'restify';
import { createSampark } from '../../src/app';
import { createBotFrameworkAdapter } from '../../src/channels/botframework/botFrameworkAdapter';
import { loadConfig } from '../../src/config/config';
import { silentLogger } from '../../src/log/logger';
import { createHttpServer, type ReadinessCheck } from '../../src/server/httpServer';

/** Stands in for a Bot Framework channel: the connector endpoint the adapter posts replies to. */
function startReplySink(): Promise<{ url: string; replies: Array<{ path: string; text: string }>; close: () => void }> {
  const replies: Array<{ path: string; text: string }> = [];
  const sink = http.createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      const activity = JSON.parse(body || '{}') as { text?: string };
      replies.push({ path: req.url ?? '', text: activity.text ?? '' });
      res.statusCode = 200;
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ id: `reply-${replies.length}` }));
    });
  });
  return new Promise((resolve) =>
    sink.listen(0, '127.0.0.1', () => {
      const { port } = sink.address() as AddressInfo;
      resolve({ url: `http://127.0.0.1:${port}`, replies, close: () => sink.close() });
    }),
  );
}

async function startServer(readiness: ReadinessCheck[] = []): Promise<{ server: Server; url: string }> {
  const config = loadConfig({ PORT: '0' });
  const logger = silentLogger();
  const sampark = await createSampark(config, logger);
  const adapter = createBotFrameworkAdapter(config, logger, async (context) => {
    await context.sendActivity('sorry');
  });
  const server = createHttpServer({ bot: sampark.bot, adapter, readiness, metrics: sampark.metrics, logger });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { server, url: `http://127.0.0.1:${port}` };
}

describe('the HTTP server', () => {
  let running: { server: Server; url: string };
  afterEach(() => running?.server.close());

  it('answers a Bot Framework activity on /api/messages through the channel service URL', async () => {
    const sink = await startReplySink();
    try {
      running = await startServer();
      const response = await fetch(`${running.url}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          type: 'message',
          id: 'activity-1',
          text: 'balance 101000001',
          channelId: 'emulator',
          serviceUrl: sink.url,
          conversation: { id: 'conversation-1' },
          from: { id: 'consumer-1' },
          recipient: { id: 'sampark' },
          locale: 'en-IN',
        }),
      });
      expect(response.status).toBe(200);
      expect(sink.replies.map((reply) => reply.text).join('\n')).toContain('Balance: ₹842.50');
      expect(sink.replies[0]!.path).toBe('/v3/conversations/conversation-1/activities/activity-1');
    } finally {
      sink.close();
    }
  });

  it.each([
    ['not JSON', '{"type": "message", '],
    ['not an activity', '"hello"'],
  ])('refuses a body that is %s with a 4xx and stays up', async (_name, body) => {
    running = await startServer();
    const response = await fetch(`${running.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body,
    });
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(response.status).toBeLessThan(500);
    expect((await fetch(`${running.url}/healthz`)).status).toBe(200);
  });

  it('exposes Prometheus metrics that count turns by channel and outcome', async () => {
    const sink = await startReplySink();
    try {
      running = await startServer();
      await fetch(`${running.url}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          type: 'message',
          id: 'activity-2',
          text: 'नमस्ते',
          channelId: 'emulator',
          serviceUrl: sink.url,
          conversation: { id: 'conversation-2' },
          from: { id: 'consumer-2' },
          recipient: { id: 'sampark' },
        }),
      });
      const response = await fetch(`${running.url}/metrics`);
      expect(response.headers.get('content-type')).toMatch(/^text\/plain/);
      const text = await response.text();
      expect(text).toMatch(/sampark_turns_total\{channel="emulator",outcome="ok"\} 1/);
      expect(text).toMatch(/sampark_intents_total\{intent="greeting"\} 1/);
      expect(text).toContain('sampark_turn_duration_seconds_bucket');
    } finally {
      sink.close();
    }
  });

  it('reports readiness per dependency and 503 when one is down', async () => {
    running = await startServer([
      { name: 'meter-backend', check: async () => undefined },
      { name: 'redis', check: async () => Promise.reject(new Error('connection refused')) },
    ]);
    const response = await fetch(`${running.url}/readyz`);
    expect(response.status).toBe(503);
    expect(await response.json()).toEqual({
      ready: false,
      checks: [
        { name: 'meter-backend', ok: true },
        { name: 'redis', ok: false, problem: 'connection refused' },
      ],
    });
  });
});
