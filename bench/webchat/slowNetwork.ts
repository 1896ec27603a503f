import { fork, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import { chromium, type CDPSession, type Page } from 'playwright-core';

/**
 * `npm run bench:webchat`: the web chat on a cheap phone on 2G. Sampark runs as `npm start` runs it;
 * headless Chromium opens the page as a phone with Chromium's network emulation (250 kbit/s both
 * ways, 300 ms round trips, an empty cache) and the visitor types a question the moment the
 * greeting is readable. Measured from the start of navigation, median of BENCH_RUNS runs:
 * - greeting readable: the server-rendered welcome and menu are on screen;
 * - message sent: the server has accepted the visitor's message (typed at once, sent by the page);
 * - answer shown: the bot's answer to it is on screen;
 * - Web Chat ready: Web Chat has the conversation and its send box is shown;
 * - bytes before the first message: compressed bytes received until the message was accepted;
 * - bytes in all: once Web Chat is ready.
 */
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const KBIT_PER_SECOND = Number(process.env.BENCH_KBPS ?? 250);
const ROUND_TRIP_MS = Number(process.env.BENCH_RTT_MS ?? 300);
const CHROMIUM = process.env.BENCH_CHROMIUM ?? '/usr/bin/chromium';
const QUESTION = 'मेरा बैलेंस कितना है 101000001';

interface Run {
  greetingMs: number;
  sentMs: number;
  answerMs: number;
  webChatMs: number;
  bytesBeforeMessage: number;
  bytesInAll: number;
  encodings: string;
}

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** `npm start`'s server, built by `tsc -p tsconfig.bench.json` beside this file. */
async function startSampark(port: number): Promise<ChildProcess> {
  const child = fork(path.join(__dirname, '..', '..', 'src', 'main.js'), [], {
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn' },
    stdio: 'inherit',
  });
  for (let attempt = 0; attempt < 100; attempt += 1) {
    const up = await fetch(`http://127.0.0.1:${port}/healthz`).then(
      (response) => response.ok,
      () => false,
    );
    if (up) {
      // The first page request builds Web Chat (or reads it from the machine's cache): not part of what a visitor waits for.
      await fetch(`http://127.0.0.1:${port}/`);
      return child;
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  child.kill();
  throw new Error('Sampark did not start');
}

/** Compressed bytes the page has received so far, per request, from Chromium's own accounting. */
function countBytes(cdp: CDPSession): { total: () => number; encodings: () => string } {
  const received = new Map<string, number>();
  const encodings = new Set<string>();
  cdp.on('Network.dataReceived', (event) => received.set(event.requestId, (received.get(event.requestId) ?? 0) + event.encodedDataLength));
  cdp.on('Network.loadingFinished', (event) => received.set(event.requestId, event.encodedDataLength));
  cdp.on('Network.responseReceived', (event) => {
    const encoding = Object.entries(event.response.headers).find(([name]) => name.toLowerCase() === 'content-encoding')?.[1];
    if (encoding && event.response.url.includes('/webchat/webchat.')) encodings.add(String(encoding));
  });
  return { total: () => [...received.values()].reduce((sum, bytes) => sum + bytes, 0), encodings: () => [...encodings].join(',') || 'identity' };
}

async function oneRun(url: string): Promise<Run> {
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu'] });
  try {
    const context = await browser.newContext({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true, locale: 'hi-IN' });
    context.setDefaultTimeout(120_000);
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    const bytesPerSecond = (KBIT_PER_SECOND * 1000) / 8;
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: ROUND_TRIP_MS,
      downloadThroughput: bytesPerSecond,
      uploadThroughput: bytesPerSecond,
    });
    const bytes = countBytes(cdp);
    let bytesBeforeMessage = 0;
    let sentAt = 0;
    const start = Date.now();
    page.on('response', (response) => {
      if (!sentAt && response.request().method() === 'POST' && /\/conversations\/[^/]+\/activities$/.test(response.url()) && response.ok()) {
        sentAt = Date.now();
        bytesBeforeMessage = bytes.total();
      }
    });

    await page.goto(url, { waitUntil: 'commit' });
    await page.locator('#sampark-greeting').waitFor({ state: 'visible' });
    await page.locator('.sampark-choice').last().waitFor({ state: 'attached' });
    const greetingMs = Date.now() - start;

    // Typed the moment the greeting is readable: into the first screen, or into Web Chat if it was quicker.
    const box = (await page.locator('#sampark-send-input').isVisible()) ? page.locator('#sampark-send-input') : page.locator('[data-id="webchat-sendbox-input"]');
    await box.fill(QUESTION);
    await box.press('Enter');
    await answered(page);
    const answerMs = Date.now() - start;
    await page.locator('[data-id="webchat-sendbox-input"]').waitFor({ state: 'visible' });
    const webChatMs = Date.now() - start;
    // What is still arriving when the send box shows is counted once it has.
    await page.waitForLoadState('networkidle').catch(() => undefined);
    return {
      greetingMs,
      sentMs: sentAt - start,
      answerMs,
      webChatMs,
      bytesBeforeMessage,
      bytesInAll: bytes.total(),
      encodings: bytes.encodings(),
    };
  } finally {
    await browser.close();
  }
}

/** The balance is on screen: in the first screen's own exchange, or in Web Chat if it took over first. */
async function answered(page: Page): Promise<void> {
  const pageText = () => (globalThis as unknown as { document: { body: { innerText: string } } }).document.body.innerText;
  await page
    .waitForFunction(() => (globalThis as unknown as { document: { body: { innerText: string } } }).document.body.innerText.includes('₹842.50'))
    .catch(async (error: Error) => {
      throw new Error(`the answer did not show: ${error.message}\nthe page says:\n${await page.evaluate(pageText)}`);
    });
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

async function main(): Promise<void> {
  const port = await freePort();
  // BENCH_URL measures a Sampark already running (another machine, a TLS proxy that sends brotli).
  const sampark = process.env.BENCH_URL ? null : await startSampark(port);
  const url = process.env.BENCH_URL ?? `http://127.0.0.1:${port}/`;
  const runs: Run[] = [];
  try {
    for (let run = 1; run <= RUNS; run += 1) {
      const result = await oneRun(url);
      runs.push(result);
      console.log(`run ${run}: ${JSON.stringify(result)}`);
    }
  } finally {
    sampark?.kill('SIGTERM');
  }
  const seconds = (pick: (run: Run) => number) => (median(runs.map(pick)) / 1000).toFixed(1);
  const kilobytes = (pick: (run: Run) => number) => Math.round(median(runs.map(pick)) / 1024);
  console.log(`\nweb chat at ${KBIT_PER_SECOND} kbit/s, ${ROUND_TRIP_MS} ms round trips, empty cache (median of ${RUNS}; Web Chat sent as ${runs[0]?.encodings}):`);
  console.log(`  greeting and menu readable   ${seconds((run) => run.greetingMs)} s`);
  console.log(`  first message accepted       ${seconds((run) => run.sentMs)} s   (${kilobytes((run) => run.bytesBeforeMessage)} KB received before it)`);
  console.log(`  bot's answer on screen       ${seconds((run) => run.answerMs)} s`);
  console.log(`  Web Chat ready               ${seconds((run) => run.webChatMs)} s   (${kilobytes((run) => run.bytesInAll)} KB in all)`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
