import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Redis } from 'ioredis';
import type { Server } from 'restify';
import { createSampark, type Ports, type Sampark } from '../../../src/app';
import { SimulatedMeterBackend } from '../../../src/backend/simulator/simulatedMeterBackend';
import { mountWhatsApp, type WhatsApp } from '../../../src/channels/whatsapp/mountWhatsApp';
import type { UndeliverableReport } from '../../../src/channels/whatsapp/undeliverable';
import { loadWhatsAppSettings, type WhatsAppSettings } from '../../../src/channels/whatsapp/whatsAppSettings';
import { redisWhatsAppStores, type WhatsAppStores } from '../../../src/channels/whatsapp/whatsAppStores';
import { loadConfig } from '../../../src/config/config';
import { BullJobQueue } from '../../../src/jobs/bullJobQueue';
import { silentLogger, type Logger } from '../../../src/log/logger';
import { RedisStorage } from '../../../src/store/redisStorage';
import { RedisTicketRepository } from '../../../src/tickets/redisTicketRepository';
import { RedisTurnLock } from '../../../src/turns/redisTurnLock';
import { TEST_OTP } from '../../support/conversation';
import { TEST_REDIS_URL } from '../../support/redis';
import { FAKE_API_VERSION, FAKE_PHONE_NUMBER_ID, FAKE_TOKEN, FakeGraphServer, textOf, type SentMessage } from './fakeGraphServer';
import { APP_SECRET, postWebhook, text, VERIFY_TOKEN, webhookOf } from './webhookClient';
import { createSamparkServer, whatsAppPartsOf } from '../../../src/server/samparkServer';
import { daytimeClock } from '../../support/clock';

export interface WhatsAppHarnessOptions {
  /** The Graph API the instance talks to; a fresh fake unless instances share one. */
  fake?: FakeGraphServer;
  /** The clock of the bot, the simulator and the channel (the 24-hour window); the real one by default. */
  now?: () => Date;
  /** Runs the instance on the machine's Redis under this prefix: state, lock, tickets, jobs and channel stores. */
  redis?: { client: Redis; prefix: string };
  /** WHATSAPP_* variables over the test defaults. */
  env?: Record<string, string>;
  logger?: Logger;
  /** False: the instance takes webhooks but never runs jobs (it "dies" right after acknowledging). */
  runJobs?: boolean;
  /** Variables of Sampark's own configuration (REQUEST_BODY_TIMEOUT_MS...) over the defaults. */
  config?: Record<string, string>;
  /** The channel's stores, when the test looks into them. */
  stores?: WhatsAppStores;
}

/** A real Sampark with the WhatsApp channel on 127.0.0.1, talking to a fake Graph API. */
export interface RunningWhatsApp {
  url: string;
  fake: FakeGraphServer;
  sampark: Sampark;
  whatsApp: WhatsApp;
  settings: WhatsAppSettings;
  server: Server;
  undeliverable: UndeliverableReport[];
  /** Resolves when no job is waiting or running and the fake has been quiet for a moment. */
  quiet(): Promise<void>;
  close(): Promise<void>;
}

/** The settings every test instance runs with; short timeouts so faults show quickly. */
export function testSettingsEnv(fakeUrl: string): Record<string, string> {
  return {
    WHATSAPP_APP_SECRET: APP_SECRET,
    WHATSAPP_VERIFY_TOKEN: VERIFY_TOKEN,
    WHATSAPP_ACCESS_TOKEN: FAKE_TOKEN,
    WHATSAPP_PHONE_NUMBER_ID: FAKE_PHONE_NUMBER_ID,
    WHATSAPP_GRAPH_URL: fakeUrl,
    WHATSAPP_API_VERSION: FAKE_API_VERSION,
    WHATSAPP_GRAPH_TIMEOUT_MS: '300',
    WHATSAPP_GRAPH_RETRIES: '2',
  };
}

export async function startWhatsApp(options: WhatsAppHarnessOptions = {}): Promise<RunningWhatsApp> {
  const fake = options.fake ?? (await FakeGraphServer.start());
  const ownsFake = !options.fake;
  const logger = options.logger ?? silentLogger();
  const config = loadConfig({ PORT: '0', ...options.config });
  const clock = options.now ?? daytimeClock;
  const ports: Partial<Ports> = {
    backend: new SimulatedMeterBackend({ now: clock, otpGenerator: () => TEST_OTP }),
    ...(options.now ? { now: options.now } : {}),
  };
  const redis = options.redis;
  if (redis) {
    ports.storage = new RedisStorage({ redis: redis.client, prefix: `${redis.prefix}state:` });
    ports.turnLock = new RedisTurnLock({ redis: redis.client, prefix: `${redis.prefix}lock:` });
    ports.ticketRepository = new RedisTicketRepository(redis.client, `${redis.prefix}tickets:`);
    ports.jobs = new BullJobQueue({ redisUrl: TEST_REDIS_URL, prefix: `${redis.prefix}jobs`, logger });
  }
  const sampark = await createSampark(config, logger, ports);
  const { server } = createSamparkServer(sampark, config, logger);
  const settings = loadWhatsAppSettings({ ...testSettingsEnv(fake.url), ...options.env })!;
  const undeliverable: UndeliverableReport[] = [];
  const whatsApp = mountWhatsApp(server, {
    ...whatsAppPartsOf(sampark),
    logger,
    settings,
    bodyTimeoutMs: config.requestBodies.timeoutMs,
    ...(redis ? { stores: redisWhatsAppStores(redis.client, `${redis.prefix}wa:`, async () => undefined) } : {}),
    ...(options.stores ? { stores: options.stores } : {}),
    ...(options.now ? { now: options.now } : {}),
    onUndeliverable: (report) => undeliverable.push(report),
    graphBackoff: { initialMs: 20, maxMs: 100 },
    sendRetryMs: 100,
    sendConfirmationMs: 300,
  });
  if (options.runJobs !== false) await sampark.jobs.start();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  const quiet = async () => {
    let lastCount = -1;
    let stableSince = Date.now();
    const deadline = Date.now() + 15_000;
    while (Date.now() < deadline) {
      const counts = await sampark.jobs.counts();
      const busy = counts.active > 0 || counts.waiting > 0;
      const count = fake.sent.length + fake.attempts;
      if (busy || count !== lastCount) {
        lastCount = count;
        stableSince = Date.now();
      } else if (Date.now() - stableSince >= 250) {
        return;
      }
      await sleep(20);
    }
    throw new Error('the WhatsApp channel did not settle within 15 s');
  };

  return {
    url: `http://127.0.0.1:${port}`,
    fake,
    sampark,
    whatsApp,
    settings,
    server,
    undeliverable,
    quiet,
    close: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await sampark.close();
      await whatsApp.close();
      if (ownsFake) await fake.close();
    },
  };
}

/** A WhatsApp user writing to a running instance and reading what the fake Graph API got for them. */
export class WhatsAppUser {
  private seen = 0;

  constructor(
    private readonly running: RunningWhatsApp,
    readonly address: string,
  ) {
    this.seen = this.inbox().length;
  }

  /** Everything sent to this user so far. */
  inbox(): SentMessage[] {
    return this.running.fake.sent.filter((sent) => sent.address === this.address);
  }

  /** Sends one webhook with this message and returns what came back for it, rendered as text. */
  async send(message: Record<string, unknown>): Promise<string[]> {
    const response = await postWebhook(this.running.url, webhookOf([message]));
    expect(response.status).toBe(200);
    await this.running.quiet();
    return this.news();
  }

  say(body: string, options: { at?: Date } = {}): Promise<string[]> {
    return this.send(text(this.address, body, options));
  }

  /** Messages that arrived since the last look, rendered as text. */
  news(): string[] {
    const inbox = this.inbox();
    const fresh = inbox.slice(this.seen);
    this.seen = inbox.length;
    return fresh.map(textOf);
  }
}
