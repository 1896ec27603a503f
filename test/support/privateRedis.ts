import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import Redis from 'ioredis';

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/**
 * A redis-server of the test's own, on a free port, that the test can stop and start again. It
 * saves to a temporary folder on shutdown, as a production Redis with persistence keeps its data.
 */
export class PrivateRedis {
  private process: ChildProcess | null = null;

  private constructor(
    readonly port: number,
    private readonly dir: string,
  ) {}

  static async create(): Promise<PrivateRedis> {
    return new PrivateRedis(await freePort(), mkdtempSync(path.join(tmpdir(), 'sampark-redis-')));
  }

  get url(): string {
    return `redis://127.0.0.1:${this.port}/0`;
  }

  async start(): Promise<void> {
    this.process = spawn(
      'redis-server',
      ['--port', String(this.port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', this.dir],
      { stdio: 'ignore', env: withoutFakedClock(process.env) },
    );
    for (let attempt = 0; attempt < 100; attempt += 1) {
      const probe = new Redis(this.url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
      const up = await probe.connect().then(
        () => probe.ping().then(() => true),
        () => false,
      );
      probe.disconnect();
      if (up) return;
      await sleep(50);
    }
    throw new Error(`redis-server did not start on port ${this.port}`);
  }

  /** Saves the data set and stops the server, like a restart for maintenance. */
  async stop(): Promise<void> {
    const running = this.process;
    if (!running) return;
    const exited = new Promise((resolve) => running.once('exit', resolve));
    const client = new Redis(this.url, { maxRetriesPerRequest: 0, retryStrategy: () => null });
    await client.call('SHUTDOWN', 'SAVE').catch(() => undefined);
    client.disconnect();
    await exited;
    this.process = null;
  }

  async destroy(): Promise<void> {
    await this.stop();
    rmSync(this.dir, { recursive: true, force: true });
  }
}

/**
 * The environment for redis-server: without libfaketime, which a run at a faked hour preloads
 * (scripts/test-at-hour.sh) and under which redis-server cannot start. Redis keeps the machine's
 * clock, as the machine's own Redis does in that run.
 */
function withoutFakedClock(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(env).filter(([name]) => name !== 'LD_PRELOAD' && !name.startsWith('FAKETIME')));
}
