import { fork, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import Redis from 'ioredis';
import { closedLoop, openLoop, postTurn, startReplySink } from './load';

/**
 * `npm run bench`: Sampark on Redis against a minimal botbuilder echo bot, both through
 * POST /api/messages with replies captured by a local service-URL sink, on this machine.
 * Uses Redis database 15 (BENCH_REDIS_URL to change it) and empties it first.
 */
const REDIS_URL = process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379/15';
const USERS = Number(process.env.BENCH_USERS ?? 64);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 15);
const OPEN_RATE = Number(process.env.BENCH_RATE ?? 300);
const CONVERSATIONS = Number(process.env.BENCH_CONVERSATIONS ?? 10_000);
/** BENCH_PROFILE=1: Sampark writes a CPU profile of the whole run into .bench-out/ (node --cpu-prof). */
const PROFILE_ARGS = process.env.BENCH_PROFILE === '1' ? ['--cpu-prof', `--cpu-prof-dir=${path.join(process.cwd(), '.bench-out')}`] : [];
/** The heap limit `npm start` runs with (package.json config.heapMb), so the figures are those of production. */
const HEAP_MB = process.env.npm_package_config_heapMb ?? '192';

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

async function waitForHealth(url: string): Promise<void> {
  for (let attempt = 0; attempt < 200; attempt += 1) {
    const ok = await fetch(`${url}/healthz`).then((r) => r.ok, () => false);
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`${url} did not come up`);
}

function rssMegabytes(child: ChildProcess): number {
  const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
  const kilobytes = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? NaN);
  return Math.round(kilobytes / 1024);
}

async function startSampark(): Promise<{ child: ChildProcess; url: string }> {
  const port = await freePort();
  const child = fork(path.join(__dirname, '../src/main.js'), [], {
    execArgv: [`--max-old-space-size=${HEAP_MB}`, ...(process.env.BENCH_NODE_ARGS?.split(' ').filter(Boolean) ?? []), ...PROFILE_ARGS],
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', REDIS_URL, LOG_LEVEL: 'warn', NODE_NO_WARNINGS: '1' },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const url = `http://127.0.0.1:${port}`;
  await waitForHealth(url);
  return { child, url };
}

async function startEcho(): Promise<{ child: ChildProcess; url: string }> {
  const port = await freePort();
  const child = fork(path.join(__dirname, 'echoBot.js'), [], {
    env: { ...process.env, PORT: String(port), NODE_NO_WARNINGS: '1' },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  await new Promise((resolve) => child.once('message', resolve));
  return { child, url: `http://127.0.0.1:${port}` };
}

/** Creates `count` conversations, each a finished balance check, `parallel` at a time. */
async function fillConversations(botUrl: string, sinkUrl: string, count: number, parallel: number): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: parallel }, async () => {
      while (next < count) {
        const id = `idle-${(next += 1)}`;
        await postTurn(botUrl, sinkUrl, id, 'check my balance', 1);
        await postTurn(botUrl, sinkUrl, id, '101000001', 2);
      }
    }),
  );
}

/** CPU time a process has used (user + system), from /proc: robust where wall-clock figures are noisy. */
function cpuMilliseconds(child: ChildProcess): number {
  const fields = readFileSync(`/proc/${child.pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  // utime and stime (fields 14 and 15 of stat(5), counted after the command name) in clock ticks of 10 ms.
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

async function redisCpuMilliseconds(redis: Redis): Promise<number> {
  const info = await redis.info('cpu');
  const seconds = (name: string) => Number(new RegExp(`${name}:([\\d.]+)`).exec(info)?.[1] ?? NaN);
  return (seconds('used_cpu_user') + seconds('used_cpu_sys')) * 1000;
}

/** A closed loop, with the CPU the bot (and Redis) spent per turn during it. */
async function measuredClosedLoop(bot: { child: ChildProcess; url: string }, sinkUrl: string, redis: Redis, tag: string) {
  const [botBefore, redisBefore] = [cpuMilliseconds(bot.child), await redisCpuMilliseconds(redis)];
  const result = await closedLoop(bot.url, sinkUrl, USERS, SECONDS, tag);
  const turns = result.turnsPerSecond * SECONDS;
  return {
    ...result,
    cpuMsPerTurn: (cpuMilliseconds(bot.child) - botBefore) / turns,
    redisCpuMsPerTurn: ((await redisCpuMilliseconds(redis)) - redisBefore) / turns,
  };
}

async function usedMemory(redis: Redis): Promise<number> {
  const info = await redis.info('memory');
  return Number(/used_memory:(\d+)/.exec(info)?.[1] ?? NaN);
}

async function main(): Promise<void> {
  const redis = new Redis(REDIS_URL);
  await redis.flushdb();
  const sink = await startReplySink();
  const sampark = await startSampark();
  const echo = await startEcho();
  try {
    process.stdout.write(`warming up…\n`);
    await closedLoop(sampark.url, sink.url, USERS, 3, 'warm');
    await closedLoop(echo.url, sink.url, USERS, 3, 'warm');

    process.stdout.write(`closed loop: ${USERS} consumers, ${SECONDS} s each…\n`);
    const echoMax = await measuredClosedLoop(echo, sink.url, redis, 'echo');
    const samparkMax = await measuredClosedLoop(sampark, sink.url, redis, 'max');

    process.stdout.write(`open loop: ${OPEN_RATE} turns/s for 10 s…\n`);
    const samparkOpen = await openLoop(sampark.url, sink.url, OPEN_RATE, 10, 'open');
    const echoOpen = await openLoop(echo.url, sink.url, OPEN_RATE, 10, 'echo-open');
    const rssAfterLoad = rssMegabytes(sampark.child);

    process.stdout.write(`${CONVERSATIONS} idle conversations…\n`);
    await redis.flushdb();
    const before = await usedMemory(redis);
    await fillConversations(sampark.url, sink.url, CONVERSATIONS, USERS);
    const after = await usedMemory(redis);
    const keys = await redis.dbsize();

    const report = {
      machine: `${os.cpus().length} cores (${os.cpus()[0]?.model.trim()}), ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}`,
      echoMaxTurnsPerSecond: Math.round(echoMax.turnsPerSecond),
      samparkMaxTurnsPerSecond: Math.round(samparkMax.turnsPerSecond),
      ratio: Number((samparkMax.turnsPerSecond / echoMax.turnsPerSecond).toFixed(2)),
      samparkCpuMsPerTurn: Number(samparkMax.cpuMsPerTurn.toFixed(2)),
      samparkRedisCpuMsPerTurn: Number(samparkMax.redisCpuMsPerTurn.toFixed(2)),
      echoCpuMsPerTurn: Number(echoMax.cpuMsPerTurn.toFixed(2)),
      samparkOpenLoop: round(samparkOpen),
      echoOpenLoop: round(echoOpen),
      samparkRssMbAfterLoad: rssAfterLoad,
      samparkRssMbAfterConversations: rssMegabytes(sampark.child),
      redisBytesPerConversation: Math.round((after - before) / CONVERSATIONS),
      redisKeysPerConversation: Number((keys / CONVERSATIONS).toFixed(2)),
      errors: echoMax.errors + samparkMax.errors + samparkOpen.errors + echoOpen.errors,
      repliesReceived: sink.received(),
    };
    process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
  } finally {
    sampark.child.kill();
    echo.child.kill();
    sink.close();
    await redis.flushdb();
    redis.disconnect();
  }
}

function round(result: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.entries(result).map(([key, value]) => [key, Math.round(value * 10) / 10]));
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
