import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** One consumer's journeys, each a list of messages; a consumer repeats them in a loop. */
export const JOURNEYS: readonly (readonly string[])[] = [
  ['check my balance', '101000001'],
  ['recharge not credited', '101000003', '412300000003'],
  ['recharge kiya light nahi aayi', '101000002'],
];

/** Replies arrive here, as a channel's connector service would receive them. */
export async function startReplySink(): Promise<{ url: string; received: () => number; close: () => void }> {
  let received = 0;
  const server = http.createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      received += 1;
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{"id":"r"}');
    });
  });
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, received: () => received, close: () => server.close() };
}

const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });

/** Posts one message activity and resolves with the turn's latency in ms (the bot answers after its turn). */
export function postTurn(botUrl: string, sinkUrl: string, conversationId: string, text: string, sequence: number): Promise<number> {
  const body = JSON.stringify({
    type: 'message',
    id: `m${sequence}`,
    text,
    channelId: 'bench',
    serviceUrl: sinkUrl,
    conversation: { id: conversationId },
    from: { id: `user-${conversationId}` },
    recipient: { id: 'sampark' },
    locale: 'en-IN',
  });
  const started = process.hrtime.bigint();
  return new Promise((resolve, reject) => {
    const req = http.request(
      `${botUrl}/api/messages`,
      { method: 'POST', agent, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } },
      (res) => {
        res.resume();
        res.on('end', () => {
          if ((res.statusCode ?? 500) >= 400) reject(new Error(`status ${res.statusCode}`));
          else resolve(Number(process.hrtime.bigint() - started) / 1e6);
        });
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

/** A consumer walking through the journeys, one message after another. */
export class SimulatedConsumer {
  private journey = 0;
  private step = 0;
  private conversationNumber = 0;

  constructor(private readonly id: string) {}

  /** The conversation and text of the next message; a finished journey starts a new conversation. */
  next(): { conversationId: string; text: string } {
    const messages = JOURNEYS[this.journey % JOURNEYS.length]!;
    const text = messages[this.step]!;
    const conversationId = `${this.id}-${this.conversationNumber}`;
    this.step += 1;
    if (this.step === messages.length) {
      this.step = 0;
      this.journey += 1;
      this.conversationNumber += 1;
    }
    return { conversationId, text };
  }
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

/** As many turns as the bot will take: `users` consumers, each sending as soon as it is answered. */
export async function closedLoop(botUrl: string, sinkUrl: string, users: number, seconds: number, tag: string) {
  const deadline = Date.now() + seconds * 1000;
  let turns = 0;
  let errors = 0;
  let sequence = 0;
  await Promise.all(
    Array.from({ length: users }, async (_, index) => {
      const consumer = new SimulatedConsumer(`${tag}-c${index}`);
      while (Date.now() < deadline) {
        const { conversationId, text } = consumer.next();
        try {
          await postTurn(botUrl, sinkUrl, conversationId, text, (sequence += 1));
          turns += 1;
        } catch {
          errors += 1;
        }
      }
    }),
  );
  return { turnsPerSecond: turns / seconds, errors };
}

/** Turns offered at a fixed rate whatever the bot does, to see the latency a real load meets. */
export async function openLoop(botUrl: string, sinkUrl: string, rate: number, seconds: number, tag: string) {
  const consumers = Array.from({ length: rate * 2 }, (_, index) => new SimulatedConsumer(`${tag}-o${index}`));
  const latencies: number[] = [];
  let errors = 0;
  const inFlight: Promise<void>[] = [];
  const started = Date.now();
  const total = rate * seconds;
  for (let i = 0; i < total; i += 1) {
    const due = started + (i * 1000) / rate;
    const wait = due - Date.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    const { conversationId, text } = consumers[i % consumers.length]!.next();
    inFlight.push(
      postTurn(botUrl, sinkUrl, conversationId, text, i).then(
        (ms) => void latencies.push(ms),
        () => void (errors += 1),
      ),
    );
  }
  await Promise.all(inFlight);
  latencies.sort((a, b) => a - b);
  return {
    offered: rate,
    achieved: latencies.length / ((Date.now() - started) / 1000),
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    errors,
  };
}
