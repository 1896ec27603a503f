import { Registry } from 'prom-client';
import { MemoryDeliveryLog } from '../../../src/channels/whatsapp/memoryDeliveryLog';
import { MemoryMailboxes } from '../../../src/channels/whatsapp/memoryMailboxes';
import { MemorySendAttempts } from '../../../src/channels/whatsapp/memorySendAttempts';
import { GraphClient } from '../../../src/channels/whatsapp/graphClient';
import { MailboxWorker } from '../../../src/channels/whatsapp/mailboxWorker';
import { AwaitingConfirmation, OutboundDelivery } from '../../../src/channels/whatsapp/outboundDelivery';
import { OutboxItemSchema, type Outbox, type OutboxItem } from '../../../src/channels/whatsapp/outbox';
import { StatusUpdates } from '../../../src/channels/whatsapp/statusUpdates';
import type { UndeliverableReport } from '../../../src/channels/whatsapp/undeliverable';
import { webhookEvents } from '../../../src/channels/whatsapp/webhookEvents';
import { WhatsAppMetrics } from '../../../src/channels/whatsapp/whatsAppMetrics';
import { loadWhatsAppSettings } from '../../../src/channels/whatsapp/whatsAppSettings';
import { MemoryDedupe } from '../../../src/dedupe/memoryDedupe';
import { silentLogger } from '../../../src/log/logger';
import { TEST_DAYTIME } from '../../support/clock';
import { FAKE_PHONE_NUMBER_ID, FakeGraphServer, type SentMessage } from './fakeGraphServer';
import { testSettingsEnv } from './whatsAppHarness';
import { status, webhookOf } from './webhookClient';

const LEASE_SECONDS = 120;
const CONFIRMATION_WAIT_MS = 5 * 60_000;

/** The stores every instance shares (Redis in production): what survives a crash. */
interface SharedStores {
  mailboxes: MemoryMailboxes;
  attempts: MemorySendAttempts;
  deliveries: MemoryDeliveryLog;
  dedupe: MemoryDedupe;
}

/**
 * A process's view of the shared stores that goes dead when it crashes: after `crash()` nothing it
 * still has in flight reaches the stores (every call hangs), as if the process were gone.
 */
function mortal(stores: SharedStores): { stores: SharedStores; crash(): void } {
  let dead = false;
  const wrap = <T extends object>(store: T): T =>
    new Proxy(store, {
      get(target, property, receiver) {
        const value: unknown = Reflect.get(target, property, receiver);
        if (typeof value !== 'function') return value;
        return (...args: unknown[]) => (dead ? new Promise(() => undefined) : (value as (...a: unknown[]) => unknown).apply(target, args));
      },
    });
  return {
    stores: { mailboxes: wrap(stores.mailboxes), attempts: wrap(stores.attempts), deliveries: wrap(stores.deliveries), dedupe: wrap(stores.dedupe) },
    crash: () => void (dead = true),
  };
}

describe('WhatsApp replies when the process dies with Graph sends in flight', () => {
  let fake: FakeGraphServer;
  let time: number;
  const clock = () => new Date(time);
  let shared: SharedStores;
  const undeliverable: UndeliverableReport[] = [];

  beforeEach(async () => {
    fake = await FakeGraphServer.start();
    time = TEST_DAYTIME.getTime();
    undeliverable.splice(0);
    shared = {
      mailboxes: new MemoryMailboxes(),
      attempts: new MemorySendAttempts(3600, clock),
      deliveries: new MemoryDeliveryLog(3600, clock),
      dedupe: new MemoryDedupe(clock),
    };
  });
  afterEach(async () => {
    expect(fake.invalid).toEqual([]);
    expect(undeliverable).toEqual([]);
    await fake.close();
  });

  /** One Sampark process: its own Graph client and workers over the given view of the shared stores. */
  function startProcess(stores: SharedStores) {
    const metrics = new WhatsAppMetrics(new Registry());
    const report = (problem: UndeliverableReport) => void undeliverable.push(problem);
    // A timeout far longer than the test: the process dies waiting, it never gives up by itself.
    const settings = { ...loadWhatsAppSettings(testSettingsEnv(fake.url))!, graphTimeoutMs: 60_000 };
    const graph = new GraphClient({ settings, backoff: { initialMs: 20, maxMs: 100 }, logger: silentLogger() });
    const delivery = new OutboundDelivery({ graph, ...stores, metrics, report, confirmationWaitMs: CONFIRMATION_WAIT_MS, now: clock });
    const worker = new MailboxWorker({ mailboxes: stores.mailboxes, dedupe: stores.dedupe, leaseSeconds: LEASE_SECONDS, onBusy: async () => undefined });
    const statuses = new StatusUpdates({ ...stores, outbox: {} as Outbox, metrics, logger: silentLogger(), report });
    return {
      drain: (box: string) => worker.drain(box, (item) => delivery.deliver(OutboxItemSchema.parse(JSON.parse(item.body)))),
      /** Meta's webhook with a status of each message, read as the webhook route reads it. */
      statuses: async (messages: SentMessage[]) => {
        const payload = webhookOf([], messages.map((sent) => status(sent.wamid, 'sent', { at: clock(), ...(sent.callbackData ? { callbackData: sent.callbackData } : {}) })));
        const changes = (payload.entry as Array<{ changes: Array<{ field: string; value: unknown }> }>)[0]!.changes;
        for (const inbound of webhookEvents(changes, FAKE_PHONE_NUMBER_ID, silentLogger()).statuses) await statuses.apply(inbound);
      },
    };
  }

  /** Puts `count` replies to each of `recipients` recipients in their outboxes; resolves with the boxes. */
  async function queueReplies(recipients: number, count: number): Promise<string[]> {
    const boxes: string[] = [];
    for (let r = 0; r < recipients; r += 1) {
      const address = `9198111${String(r).padStart(5, '0')}`;
      boxes.push(`out:${address}`);
      for (let n = 0; n < count; n += 1) {
        const item: OutboxItem = { id: `reply-${r}-${n}`, address, conversationId: `wa-${r}`, message: { type: 'text', text: { body: `उत्तर ${n + 1}`, preview_url: false } }, notification: null };
        await shared.mailboxes.put(`out:${address}`, { id: item.id, body: JSON.stringify(item) }, 0);
      }
    }
    return boxes;
  }

  /** Waits until the fake has accepted no new message for a moment. */
  async function settled(): Promise<void> {
    for (let last = -1; last !== fake.sent.length; ) {
      last = fake.sent.length;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }

  function duplicates(): string[] {
    const seen = new Set<string>();
    return fake.sent.map((sent) => sent.callbackData!).filter((key) => (seen.has(key) ? true : (seen.add(key), false)));
  }

  it('sends each of 200 replies once when the process dies after Meta accepted sends it never heard back about', async () => {
    const boxes = await queueReplies(50, 4);
    const first = mortal(shared);
    const before = startProcess(first.stores);
    for (const box of boxes) void before.drain(box);
    await fake.waitForSent(60);
    // From here Meta takes the messages but the answers never come back: the process dies waiting.
    fake.holdAnswers();
    await settled();
    first.crash();
    const inFlight = fake.sent.filter((sent) => sent.wamid > fake.sent[59]!.wamid);
    expect(inFlight.length).toBeGreaterThan(20);

    const after = startProcess(shared);
    fake.answerAgain();
    // Meta's statuses of half the lost sends come before the restart, the others only after its first try.
    await after.statuses(inFlight.filter((_, index) => index % 2 === 0));
    time += (LEASE_SECONDS + 1) * 1000;
    const firstTry = await Promise.allSettled(boxes.map((box) => after.drain(box)));
    const waiting = firstTry.filter((outcome) => outcome.status === 'rejected');
    expect(waiting.length).toBeGreaterThan(0);
    for (const outcome of waiting) expect((outcome as PromiseRejectedResult).reason).toBeInstanceOf(AwaitingConfirmation);

    await after.statuses(inFlight.filter((_, index) => index % 2 === 1));
    time += 10_000;
    await Promise.all(boxes.map((box) => after.drain(box)));

    expect(duplicates()).toEqual([]);
    expect(fake.sent).toHaveLength(200);
    for (const box of boxes) expect(await shared.mailboxes.first(box)).toBeNull();
    for (const sent of fake.sent) expect(await shared.deliveries.stateOf(sent.wamid)).not.toBeNull();
  });

  it('sends a reply again once no status has confirmed it within the bound: Meta never took it', async () => {
    const [box] = await queueReplies(1, 2);
    // The process wrote its attempt and died before the request left.
    await shared.attempts.begin('reply-0-0', clock());
    const after = startProcess(shared);
    time += (LEASE_SECONDS + 1) * 1000;
    await expect(after.drain(box!)).rejects.toBeInstanceOf(AwaitingConfirmation);
    expect(fake.sent).toEqual([]);

    time += CONFIRMATION_WAIT_MS;
    await after.drain(box!);
    expect(fake.sent.map((sent) => sent.callbackData)).toEqual(['reply-0-0', 'reply-0-1']);
  });
});
