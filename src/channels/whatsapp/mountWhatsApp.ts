import { systemClock } from '../../domain/clock';
import { ActivityTypes, type TurnContext } from 'botbuilder';
import type { Server } from 'restify';
import { apologize } from '../../bot/apology';
import type { Memory } from '../../bot/session';
import type { ConversationReferenceStore } from '../../conversations/conversationReferenceStore';
import type { Translator } from '../../i18n/translator';
import type { JobQueue } from '../../jobs/jobQueue';
import type { Logger } from '../../log/logger';
import type { Metrics } from '../../metrics/metrics';
import type { ReadinessCheck } from '../../server/httpServer';
import { DEFAULT_BODY_LIMITS } from '../../server/requestBody';
import type { TicketService } from '../../tickets/ticketService';
import { GraphClient } from './graphClient';
import { Inbox, TURN_JOB } from './inbox';
import { InboundStatusSchema, type InboundStatus } from './inboundMessage';
import { InboundTurns } from './inboundTurns';
import { MailboxWorker } from './mailboxWorker';
import { OutboundDelivery } from './outboundDelivery';
import { BoxJobSchema, Outbox, OutboxItemSchema, SEND_JOB } from './outbox';
import { STATUS_JOB, StatusUpdates } from './statusUpdates';
import { undeliverableReporter, type ReportUndeliverable } from './undeliverable';
import { addWebhookRoutes } from './webhookRoutes';
import { WhatsAppAdapter } from './whatsAppAdapter';
import { WhatsAppMetrics } from './whatsAppMetrics';
import type { WhatsAppSettings } from './whatsAppSettings';
import { openWhatsAppStores, type WhatsAppStores } from './whatsAppStores';

/** What the WhatsApp channel needs from the rest of Sampark (all of it from createSampark). */
export interface WhatsAppDeps {
  /** The bot every channel runs (SamparkBot). */
  bot: { run(context: TurnContext): Promise<void> };
  translator: Translator;
  /** The bot's memory: the consumer's language for answers given without a turn. */
  memory: Memory;
  tickets: TicketService;
  /** Durable jobs (BullMQ on Redis in production): turns after the ack, sends, statuses. */
  jobs: JobQueue;
  /** The channel's metrics join these (GET /metrics). */
  metrics: Metrics;
  /** The server's /readyz checks; the channel's stores (its own Redis connection in production) join them. */
  readiness?: ReadinessCheck[];
  logger: Logger;
  settings: WhatsAppSettings;
  /** Redis for inboxes, outboxes, claims and conversation records; absent keeps them in this process. */
  redisUrl?: string | undefined;
  /** Replaces the stores chosen from `redisUrl` (tests). */
  stores?: WhatsAppStores;
  now?: () => Date;
  /** Told of every message that could not be delivered (besides the log and the metric). */
  onUndeliverable?: ReportUndeliverable;
  /** Whether a call-centre agent has the conversation (see WhatsAppAdapterParts). */
  heldByAgents?: (conversationId: string) => Promise<boolean>;
  /** Waits between Graph API retries within one send; 500 ms doubling up to 8 s by default. */
  graphBackoff?: { initialMs: number; maxMs: number };
  /** First wait before a failed send job runs again, doubling each time; 2 s by default. */
  sendRetryMs?: number;
  /** How long a send whose outcome was lost waits for a status before it is sent again; 5 minutes by default. */
  sendConfirmationMs?: number;
  /** How long the webhook's body may take to arrive (REQUEST_BODY_TIMEOUT_MS); the server's default when not given. */
  bodyTimeoutMs?: number;
  /** Told of every delivery status after the channel applied it (outreach campaigns count theirs). */
  onStatus?: (status: InboundStatus) => Promise<void>;
}

/** The mounted channel: its adapter for proactive messages, the conversation records, and how to stop it. */
export interface WhatsApp {
  adapter: WhatsAppAdapter;
  /** The Graph API client, for messages sent outside a conversation (outreach campaigns). */
  graph: GraphClient;
  /** Conversation references by `conversationKey('whatsapp', conversationId)`, for proactive sends. */
  conversations: ConversationReferenceStore;
  /** Lets typing indicators finish and releases the stores (the job queue is Sampark's to close). */
  close(): Promise<void>;
}

/** A turn waits for its lock, calls the backend with retries, and queues its replies: two minutes is ample. */
const TURN_LEASE_SECONDS = 120;
/** A send with its retries, each bounded by the Graph timeout, fits well inside this. */
const SEND_LEASE_SECONDS = 120;
/** Meta's first status of an accepted message usually comes within seconds; five minutes leaves room for its bad days. */
const SEND_CONFIRMATION_MS = 5 * 60_000;

/**
 * Adds the WhatsApp channel to the server: the webhook on /api/whatsapp and the jobs that run its
 * turns, send its replies and apply delivery statuses. Call before `jobs.start()`, so every job kind
 * is defined before the worker takes jobs.
 */
export function mountWhatsApp(server: Server, deps: WhatsAppDeps): WhatsApp {
  const now = deps.now ?? systemClock;
  const logger = deps.logger.child({ channel: 'whatsapp' });
  const stores = deps.stores ?? openWhatsAppStores(deps.redisUrl, logger);
  deps.readiness?.push({ name: 'whatsapp-stores', check: () => stores.ping() });
  const metrics = new WhatsAppMetrics(deps.metrics.registry);
  const report = undeliverableReporter(metrics, logger, deps.onUndeliverable);
  const graph = new GraphClient({
    settings: deps.settings,
    ...(deps.graphBackoff ? { backoff: deps.graphBackoff } : {}),
    logger,
    onAttempt: (outcome) => metrics.graphAttempts.inc({ outcome }),
  });
  const outbox = new Outbox(stores.mailboxes, deps.jobs);
  const adapter = new WhatsAppAdapter({
    settings: deps.settings,
    conversations: stores.conversations,
    outbox,
    graph,
    translator: deps.translator,
    memory: deps.memory,
    tickets: deps.tickets,
    report,
    logger,
    now,
    ...(deps.heldByAgents ? { heldByAgents: deps.heldByAgents } : {}),
  });
  adapter.onTurnError = async (context, error) => {
    // A proactive send that failed (outside the window, say) belongs to its caller, not to the consumer.
    if (context.activity.type !== ActivityTypes.Message && context.activity.type !== ActivityTypes.ConversationUpdate) throw error;
    logger.error({ err: error, conversation: context.activity.conversation?.id }, 'whatsapp turn failed');
    await apologize(context, deps.translator);
  };

  const worker = (job: string, leaseSeconds: number) =>
    new MailboxWorker({
      mailboxes: stores.mailboxes,
      dedupe: stores.dedupe,
      leaseSeconds,
      onBusy: async (box) => void (await deps.jobs.enqueue(job, { box }, { delayMs: (leaseSeconds + 1) * 1000 })),
    });
  const turnWorker = worker(TURN_JOB, TURN_LEASE_SECONDS);
  const sendWorker = worker(SEND_JOB, SEND_LEASE_SECONDS);
  const turns = new InboundTurns({ adapter, dedupe: stores.dedupe, metrics, logic: (context) => deps.bot.run(context) });
  const delivery = new OutboundDelivery({
    graph,
    deliveries: stores.deliveries,
    attempts: stores.attempts,
    dedupe: stores.dedupe,
    metrics,
    report,
    confirmationWaitMs: deps.sendConfirmationMs ?? SEND_CONFIRMATION_MS,
    now,
  });
  const statuses = new StatusUpdates({ deliveries: stores.deliveries, attempts: stores.attempts, outbox, metrics, logger, report });

  deps.jobs.define({
    name: TURN_JOB,
    schema: BoxJobSchema,
    handler: ({ box }) => turnWorker.drain(box, (item) => turns.handle(item)),
    attempts: 10,
    backoffMs: 500,
  });
  deps.jobs.define({
    name: SEND_JOB,
    schema: BoxJobSchema,
    handler: ({ box }) => sendWorker.drain(box, (item) => delivery.deliver(OutboxItemSchema.parse(JSON.parse(item.body)))),
    // With 2 s doubling, sixteen tries span about 18 hours: a long Graph API outage, then the replies go.
    attempts: 16,
    backoffMs: deps.sendRetryMs ?? 2000,
  });
  deps.jobs.define({
    name: STATUS_JOB,
    schema: InboundStatusSchema,
    handler: async (status) => {
      await statuses.apply(status);
      await deps.onStatus?.(status);
    },
  });

  addWebhookRoutes(server, {
    settings: deps.settings,
    inbox: new Inbox(stores.mailboxes, deps.jobs),
    metrics,
    logger,
    bodyTimeoutMs: deps.bodyTimeoutMs ?? DEFAULT_BODY_LIMITS.timeoutMs,
  });
  logger.info({ phoneNumberId: deps.settings.phoneNumberId, graph: deps.settings.graphUrl }, 'whatsapp channel on: webhook at /api/whatsapp');

  return {
    adapter,
    graph,
    conversations: stores.conversations,
    close: async () => {
      await adapter.idle();
      await stores.close();
    },
  };
}
