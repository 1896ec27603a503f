import { fork, type ChildProcess } from 'node:child_process';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import Redis from 'ioredis';
import { signatureOf } from '../../src/channels/whatsapp/webhookSignature';

/**
 * `npm run bench:whatsapp`: how fast Sampark answers Meta's webhook (signature checked, payload
 * parsed, messages queued as durable jobs) while the turns those webhooks start run in the same
 * process and their replies go to a local stand-in for the Graph API. Runs twice: the embedded
 * defaults (in-process stores and jobs), then Redis (database 15, emptied first; BENCH_REDIS_URL).
 */
const REDIS_URL = process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379/15';
const SENDERS = Number(process.env.BENCH_SENDERS ?? 500);
const CLOSED_REQUESTS = Number(process.env.BENCH_REQUESTS ?? 4000);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 32);
const OPEN_RATE = Number(process.env.BENCH_RATE ?? 200);
const OPEN_SECONDS = Number(process.env.BENCH_SECONDS ?? 15);
const HEAP_MB = process.env.npm_package_config_heapMb ?? '192';
const APP_SECRET = 'bench-app-secret-0123456789abcdef';
const PHONE_NUMBER_ID = '106540352242922';

/** What consumers send, in turn: the same journeys as the Bot Framework benchmark. */
const JOURNEYS = [
  ['check my balance', '101000001'],
  ['recharge not credited', '101000003', '412300000003'],
  ['recharge kiya light nahi aayi', '101000002'],
].flat();

const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** The Graph API's stand-in: accepts every send and read receipt, counting the sends. */
async function startGraphSink(): Promise<{ url: string; sent: () => number; close: () => void }> {
  let sent = 0;
  let sequence = 0;
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      res.writeHead(200, { 'content-type': 'application/json' });
      if (body.includes('"status":"read"')) return res.end('{"success":true}');
      sent += 1;
      sequence += 1;
      res.end(JSON.stringify({ messaging_product: 'whatsapp', messages: [{ id: `wamid.BENCH${sequence}` }] }));
    });
  });
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  return { url: `http://127.0.0.1:${port}`, sent: () => sent, close: () => server.close() };
}

async function startSampark(graphUrl: string, redisUrl: string | null): Promise<{ child: ChildProcess; url: string }> {
  const port = await freePort();
  const child = fork(path.join(__dirname, 'server.js'), [], {
    execArgv: [`--max-old-space-size=${HEAP_MB}`],
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      NODE_NO_WARNINGS: '1',
      ...(redisUrl ? { REDIS_URL: redisUrl } : { REDIS_URL: '' }),
      WHATSAPP_APP_SECRET: APP_SECRET,
      WHATSAPP_VERIFY_TOKEN: 'bench-verify-token',
      WHATSAPP_ACCESS_TOKEN: 'bench-access-token-0123456789',
      WHATSAPP_PHONE_NUMBER_ID: PHONE_NUMBER_ID,
      WHATSAPP_GRAPH_URL: graphUrl,
    },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  await new Promise((resolve, reject) => {
    child.once('message', resolve);
    child.once('exit', (code) => reject(new Error(`the benchmark server exited with ${code}`)));
  });
  const url = `http://127.0.0.1:${port}`;
  // Webhooks before Redis answers would get 500 (Meta retries them); measure the steady state.
  for (let attempt = 0; !(await fetch(`${url}/readyz`).then((r) => r.ok, () => false)); attempt += 1) {
    if (attempt > 100) throw new Error('the benchmark server did not become ready');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return { child, url };
}

let made = 0;
/** One signed webhook with one text message from `sender`. */
function webhook(sender: number): { body: Buffer; signature: string } {
  made += 1;
  const from = `91981${String(sender).padStart(7, '0')}`;
  const payload = {
    object: 'whatsapp_business_account',
    entry: [
      {
        id: '102290129340398',
        changes: [
          {
            field: 'messages',
            value: {
              messaging_product: 'whatsapp',
              metadata: { display_phone_number: '15550783881', phone_number_id: PHONE_NUMBER_ID },
              contacts: [{ profile: { name: 'Bench' }, wa_id: from }],
              messages: [
                {
                  from,
                  id: `wamid.BENCH${process.pid}x${made}`,
                  timestamp: String(Math.floor(Date.now() / 1000)),
                  type: 'text',
                  text: { body: JOURNEYS[made % JOURNEYS.length] },
                },
              ],
            },
          },
        ],
      },
    ],
  };
  const body = Buffer.from(JSON.stringify(payload), 'utf8');
  return { body, signature: signatureOf(body, APP_SECRET) };
}

/** Posts one webhook; resolves with the time to its 200 in ms. */
function post(url: string, sender: number): Promise<number> {
  const { body, signature } = webhook(sender);
  const started = process.hrtime.bigint();
  return new Promise((resolve, reject) => {
    const request = http.request(
      `${url}/api/whatsapp`,
      { method: 'POST', agent, headers: { 'content-type': 'application/json', 'content-length': body.length, 'x-hub-signature-256': signature } },
      (response) => {
        response.resume();
        response.on('end', () => {
          if (response.statusCode !== 200) return reject(new Error(`webhook answered ${response.statusCode}`));
          resolve(Number(process.hrtime.bigint() - started) / 1e6);
        });
      },
    );
    request.on('error', reject);
    request.end(body);
  });
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
}

function summary(latencies: number[]): { n: number; p50: number; p95: number; p99: number; max: number } {
  const sorted = [...latencies].sort((a, b) => a - b);
  const round = (value: number) => Math.round(value * 100) / 100;
  return { n: sorted.length, p50: round(percentile(sorted, 50)), p95: round(percentile(sorted, 95)), p99: round(percentile(sorted, 99)), max: round(sorted.at(-1) ?? NaN) };
}

/** `CONCURRENCY` posters, each posting as soon as its last webhook was answered. */
async function closedLoop(url: string, requests: number): Promise<{ latencies: number[]; seconds: number }> {
  const latencies: number[] = [];
  let next = 0;
  const started = Date.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < requests) {
        next += 1;
        latencies.push(await post(url, next % SENDERS));
      }
    }),
  );
  return { latencies, seconds: (Date.now() - started) / 1000 };
}

/** Webhooks at a fixed rate whatever the answers, as Meta sends them. */
async function openLoop(url: string, rate: number, seconds: number): Promise<number[]> {
  const latencies: number[] = [];
  const pending: Promise<void>[] = [];
  const started = Date.now();
  for (let index = 0; index < rate * seconds; index += 1) {
    const due = started + (index * 1000) / rate;
    const wait = due - Date.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    pending.push(post(url, index % SENDERS).then((ms) => void latencies.push(ms)));
  }
  await Promise.all(pending);
  return latencies;
}

async function waitForReplies(sent: () => number, target: number, timeoutMs: number): Promise<number> {
  const started = Date.now();
  while (sent() < target && Date.now() - started < timeoutMs) await new Promise((resolve) => setTimeout(resolve, 100));
  return (Date.now() - started) / 1000;
}

async function run(mode: 'memory' | 'redis'): Promise<Record<string, unknown>> {
  if (mode === 'redis') {
    const redis = new Redis(REDIS_URL);
    await redis.flushdb();
    redis.disconnect();
  }
  const sink = await startGraphSink();
  const sampark = await startSampark(sink.url, mode === 'redis' ? REDIS_URL : null);
  try {
    await closedLoop(sampark.url, 200);
    await waitForReplies(sink.sent, 200, 30_000);
    const before = sink.sent();
    const closed = await closedLoop(sampark.url, CLOSED_REQUESTS);
    const drained = await waitForReplies(sink.sent, before + CLOSED_REQUESTS, 120_000);
    const open = await openLoop(sampark.url, OPEN_RATE, OPEN_SECONDS);
    return {
      mode,
      closedLoop: { ...summary(closed.latencies), concurrency: CONCURRENCY, acksPerSecond: Math.round(CLOSED_REQUESTS / closed.seconds) },
      turnsDoneSecondsAfterLastAck: Math.round(drained * 10) / 10,
      openLoop: { ...summary(open), rate: OPEN_RATE },
    };
  } finally {
    sampark.child.kill('SIGTERM');
    sink.close();
  }
}

async function main(): Promise<void> {
  const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
  process.stdout.write(`WhatsApp webhook ack, ${os.cpus().length} cores (${cpu}), Node ${process.version}\n`);
  for (const mode of ['memory', 'redis'] as const) {
    const result = await run(mode);
    process.stdout.write(`${JSON.stringify(result)}\n`);
  }
  agent.destroy();
}

void main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
