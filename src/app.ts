import { systemClock } from './domain/clock';
import { ConversationState, MemoryStorage, UserState, type Storage } from 'botbuilder';
import { RootDialog } from '../dialogs/rootDialog';
import type { DialogServices } from '../dialogs/services';
import { HttpMeterBackend } from './backend/http/httpMeterBackend';
import type { MeterBackend } from './backend/meterBackend';
import { SimulatedMeterBackend, SIMULATOR_PAYMENT_PATH } from './backend/simulator/simulatedMeterBackend';
import { SamparkBot } from './bot/samparkBot';
import { Memory } from './bot/session';
import type { Config } from './config/config';
import type { AgentEventBus } from './handoff/agentEventBus';
import { publishHandoffChanges } from './handoff/publishHandoffChanges';
import { PRESENCE_TTL_SECONDS, type AgentPresence } from './handoff/agentPresence';
import { InProcessAgentEventBus } from './handoff/inProcessAgentEventBus';
import { MemoryAgentPresence } from './handoff/memoryAgentPresence';
import { RedisAgentEventBus } from './handoff/redisAgentEventBus';
import { RedisAgentPresence } from './handoff/redisAgentPresence';
import { CallBackDesk } from './handoff/callBacks/callBackDesk';
import type { CallBackStore } from './handoff/callBacks/callBackStore';
import { MemoryCallBackStore } from './handoff/callBacks/memoryCallBackStore';
import { RedisCallBackStore } from './handoff/callBacks/redisCallBackStore';
import { HandoffExpiry } from './handoff/handoffExpiry';
import { archiveFinishedHandoffs } from './handoff/history/archiveFinishedHandoffs';
import type { HandoffArchive } from './handoff/history/handoffArchive';
import { MemoryHandoffArchive } from './handoff/history/memoryHandoffArchive';
import { RedisHandoffArchive } from './handoff/history/redisHandoffArchive';
import { HandoffGate } from './handoff/handoffGate';
import { reportHandoffOutcomes } from './handoff/handoffOutcomes';
import { HandoffService } from './handoff/handoffService';
import type { HandoffStore } from './handoff/handoffStore';
import { MemoryHandoffStore } from './handoff/memoryHandoffStore';
import { RedisHandoffStore } from './handoff/redisHandoffStore';
import { Translator } from './i18n/translator';
import type { Logger } from './log/logger';
import { MemoryRateLimiter } from './limits/memoryRateLimiter';
import type { RateLimiter } from './limits/rateLimiter';
import { RedisRateLimiter } from './limits/redisRateLimiter';
import type { AuditLog } from './auth/auditLog';
import { MemoryAuditLog } from './auth/memoryAuditLog';
import { RedisAuditLog } from './auth/redisAuditLog';
import { MemoryResolutionPhotoStore } from './tickets/photos/memoryResolutionPhotoStore';
import { RedisResolutionPhotoStore } from './tickets/photos/redisResolutionPhotoStore';
import type { ResolutionPhotoStore } from './tickets/photos/resolutionPhotoStore';
import { MemorySessionRevocations } from './auth/memorySessionRevocations';
import { RedisSessionRevocations } from './auth/redisSessionRevocations';
import type { SessionRevocations } from './auth/sessionRevocations';
import { BullJobQueue } from './jobs/bullJobQueue';
import { InProcessJobQueue } from './jobs/inProcessJobQueue';
import type { JobQueue } from './jobs/jobQueue';
import { Metrics } from './metrics/metrics';
import { createRecognizer } from './nlu/createRecognizer';
import { languageChosenInChat } from './outreach/knownLanguage';
import { createOutreach, type Outreach } from './outreach/outreach';
import { MemoryFiguresStore } from './ops/memoryFiguresStore';
import { OperationsFigures } from './ops/operationsFigures';
import { RedisFiguresStore } from './ops/redisFiguresStore';
import type { Recognizer } from './nlu/recognizer';
import type { ReadinessCheck } from './server/httpServer';
import { connectRedis } from './store/redisConnection';
import { RedisStorage } from './store/redisStorage';
import type { ConversationReferenceStore } from './conversations/conversationReferenceStore';
import { MemoryConversationReferenceStore } from './conversations/memoryConversationReferenceStore';
import { RedisConversationReferenceStore } from './conversations/redisConversationReferenceStore';
import { ChannelNotifier } from './notify/channelNotifier';
import { TicketAutomation } from './tickets/ticketAutomation';
import { MemoryStaffAlerts } from './alerts/memoryStaffAlerts';
import { RedisStaffAlerts } from './alerts/redisStaffAlerts';
import type { StaffAlerts } from './alerts/staffAlerts';
import { TicketWorkflow } from './tickets/ticketWorkflow';
import { MemoryTicketRepository } from './tickets/memoryTicketRepository';
import { RedisTicketRepository } from './tickets/redisTicketRepository';
import { LocalTurnQueue } from './turns/localTurnQueue';
import { RedisTurnLock } from './turns/redisTurnLock';
import type { TurnLock } from './turns/turnLock';
import type { TicketRepository } from './tickets/ticketRepository';
import { TicketService } from './tickets/ticketService';

/** A conversation nobody wrote in for this long can no longer be reached with ticket updates. */
const CONVERSATION_TTL_SECONDS = 60 * 24 * 3600;

/** The ports the composition root chooses; tests replace any of them. */
export interface Ports {
  storage: Storage;
  backend: MeterBackend;
  recognizer: Recognizer;
  ticketRepository: TicketRepository;
  handoff: HandoffStore;
  agentEvents: AgentEventBus;
  presence: AgentPresence;
  callBacks: CallBackStore;
  handoffArchive: HandoffArchive;
  turnLock: TurnLock;
  jobs: JobQueue;
  audit: AuditLog;
  staffAlerts: StaffAlerts;
  conversations: ConversationReferenceStore;
  limiter: RateLimiter;
  now: () => Date;
}

/** A running Sampark: the bot every channel feeds, and the services behind it. */
export interface Sampark {
  bot: SamparkBot;
  /** Conversations handed to 1912 agents: the agent API works on it. */
  handoff: HandoffService;
  /** Every handoff change, as agent consoles on every instance hear it. */
  agentEvents: AgentEventBus;
  /** Who has the agent console open. */
  presence: AgentPresence;
  /** One-at-a-time runs by key across instances: conversation turns, and rounds of automatic assignment. */
  turnLock: TurnLock;
  /** Call-backs agents owe consumers (asked for out of agent hours, or when nobody was free). */
  callBacks: CallBackDesk;
  /** Finished agent conversations by consumer, for the history agents search. */
  handoffArchive: HandoffArchive;
  services: DialogServices;
  translator: Translator;
  /** What /readyz asks: every external dependency this configuration uses. */
  readiness: ReadinessCheck[];
  metrics: Metrics;
  /** Durable jobs; define every kind, then start(). */
  jobs: JobQueue;
  /** Every staff action (agents, field teams), append-only. */
  audit: AuditLog;
  /** Staff sessions signed out before their time, as every instance sees them. */
  sessionRevocations: SessionRevocations;
  /** Tickets as the field teams work them. */
  ticketRepository: TicketRepository;
  ticketWorkflow: TicketWorkflow;
  /** Photos the field teams take when resolving. */
  resolutionPhotos: ResolutionPhotoStore;
  /** SLA timers and the work-order webhook; the staff consoles tell it whom a breach alerts. */
  ticketAutomation: TicketAutomation;
  /** Each supervising field account's inbox of alerts (SLA breaches of their area). */
  staffAlerts: StaffAlerts;
  /** Tells consumers about updates on their channel; channels register as they are mounted. */
  notifier: ChannelNotifier;
  /** The daily operations figures (conversations, containment, tickets, intents) the ops API reads. */
  operations: OperationsFigures;
  /** Outreach campaigns: the service the campaign API drives, and hooks for WhatsApp statuses. */
  outreach: Outreach;
  /** Lets go of connections, for a clean shutdown. */
  close(): Promise<void>;
}

/**
 * The one place that picks implementations: configured production ones where the environment names
 * them, the embedded defaults otherwise.
 */
export async function createSampark(config: Config, logger: Logger, overrides: Partial<Ports> = {}): Promise<Sampark> {
  const now = overrides.now ?? systemClock;
  const metrics = new Metrics();
  const redis = config.redisUrl ? connectRedis(config.redisUrl, logger, () => metrics.redisErrors.inc()) : null;
  const storage =
    overrides.storage ??
    (redis
      ? new RedisStorage({ redis, prefix: 'sampark:state:', idleTtlSeconds: config.stateIdleTtlDays * 86_400 })
      : new MemoryStorage());
  const conversationState = new ConversationState(storage);
  const userState = new UserState(storage);
  const memory = new Memory(conversationState, userState);
  const translator = await Translator.create();
  const recognizer = overrides.recognizer ?? createRecognizer(config.nlu, logger);

  const ticketRepository =
    overrides.ticketRepository ?? (redis ? new RedisTicketRepository(redis, 'sampark:tickets:') : new MemoryTicketRepository());
  const conversations =
    overrides.conversations ??
    (redis
      ? new RedisConversationReferenceStore(redis, 'sampark:conversations:', CONVERSATION_TTL_SECONDS)
      : new MemoryConversationReferenceStore(CONVERSATION_TTL_SECONDS, now));
  const jobs =
    overrides.jobs ??
    (config.redisUrl
      ? new BullJobQueue({ redisUrl: config.redisUrl, prefix: 'sampark:jobs', logger })
      : new InProcessJobQueue(logger));
  metrics.countJobsWith(() => jobs.counts());
  const operations = new OperationsFigures({
    store: redis ? new RedisFiguresStore(redis, 'sampark:ops:') : new MemoryFiguresStore(),
    metrics,
    logger,
    now,
  });
  metrics.readFiguresTodayWith(() => operations.today());
  const backend = overrides.backend ?? chooseBackend(config, logger, now);
  const automation = new TicketAutomation({
    jobs,
    repository: ticketRepository,
    backend,
    webhook: config.tickets.webhook,
    logger,
    now,
    onBreach: (ticket) => metrics.slaBreaches.inc({ category: ticket.category }),
    reopenWindowHours: config.policy.ticketLifecycle.reopenWindowHours,
  });
  const staffAlerts = overrides.staffAlerts ?? (redis ? new RedisStaffAlerts(redis, 'sampark:alerts:') : new MemoryStaffAlerts());
  const handoff = new HandoffService(
    overrides.handoff ??
      (redis
        ? new RedisHandoffStore(redis, 'sampark:handoff:v2:', config.handoffRecordTtlDays * 86_400)
        : new MemoryHandoffStore({ finishedTtlSeconds: config.handoffRecordTtlDays * 86_400, now })),
    now,
  );
  const agentEvents =
    overrides.agentEvents ?? (redis ? new RedisAgentEventBus(redis, 'sampark:agent-events', logger) : new InProcessAgentEventBus());
  publishHandoffChanges(handoff, agentEvents, logger);
  const handoffArchive =
    overrides.handoffArchive ??
    (redis
      ? new RedisHandoffArchive(redis, 'sampark:handoff-archive:', config.handoffRecordTtlDays * 86_400)
      : new MemoryHandoffArchive(config.handoffRecordTtlDays * 86_400, now));
  archiveFinishedHandoffs(handoff, handoffArchive, logger);
  const handoffExpiry = new HandoffExpiry({
    jobs,
    handoff,
    maxWaitMinutes: config.policy.agentMaxWaitMinutes,
    helplineNumber: config.policy.helplineNumber,
    now,
    logger,
  });
  const presence =
    overrides.presence ??
    (redis ? new RedisAgentPresence(redis, 'sampark:presence:', PRESENCE_TTL_SECONDS, now) : new MemoryAgentPresence(PRESENCE_TTL_SECONDS, now));
  const callBacks = new CallBackDesk(
    overrides.callBacks ??
      (redis
        ? new RedisCallBackStore(redis, 'sampark:call-backs:', config.handoffRecordTtlDays * 86_400)
        : new MemoryCallBackStore(config.handoffRecordTtlDays * 86_400, now)),
    now,
  );
  const limiter = overrides.limiter ?? (redis ? new RedisRateLimiter(redis, 'sampark:limits:', now) : new MemoryRateLimiter(now));
  const services: DialogServices = {
    backend,
    tickets: new TicketService(
      ticketRepository,
      config.policy.slaHours,
      now,
      async (ticket, joined, request) => {
        metrics.tickets.inc({ category: ticket.category, result: joined ? 'joined' : 'opened' });
        if (!joined) await automation.opened(ticket);
        await operations.ticketEscalated(ticket, joined, request.contact);
      },
      config.policy.ticketLifecycle,
      { limiter, rules: config.policy.ticketLimits },
    ),
    handoff: operations.watchHandoffs(handoffExpiry.watching(handoff)),
    callBacks,
    conversations,
    recognizer,
    translator,
    memory,
    policy: config.policy,
    limiter,
    nlu: { actThreshold: config.nlu.actThreshold, confirmThreshold: config.nlu.confirmThreshold },
    logger,
    now,
  };
  const outreach = createOutreach({
    redis,
    jobs,
    backend: services.backend,
    tickets: services.tickets,
    registry: metrics.registry,
    settings: config.outreach,
    discomName: config.policy.discomName,
    knownLanguage: languageChosenInChat(storage),
    logger,
    now,
  });
  services.outreach = outreach.conversations;
  const turnLock =
    overrides.turnLock ??
    (redis
      ? new RedisTurnLock({
          redis,
          prefix: 'sampark:lock:',
          onAcquired: (waitedMs) => metrics.lockWaitSeconds.observe(waitedMs / 1000),
        })
      : new LocalTurnQueue());
  const bot = new SamparkBot({
    conversationState,
    userState,
    memory,
    rootDialog: new RootDialog(services),
    recognizer,
    translator,
    turnLock,
    metrics,
    logger,
    handoffGate: new HandoffGate(handoff, translator, {
      averageHandlingMinutes: config.policy.agentAverageHandlingMinutes,
      actThreshold: config.nlu.actThreshold,
      memory,
      logger,
    }),
    now,
    onMessageUnderstood: (message) => operations.messageUnderstood(message),
  });
  const audit = overrides.audit ?? (redis ? new RedisAuditLog(redis, 'sampark:audit') : new MemoryAuditLog());
  const resolutionPhotos = redis ? new RedisResolutionPhotoStore(redis, 'sampark:resolution-photos:') : new MemoryResolutionPhotoStore(now);
  const sessionRevocations = redis ? new RedisSessionRevocations(redis, 'sampark:staff-revoked:', now) : new MemorySessionRevocations(now);
  const notifier = new ChannelNotifier(translator, logger);
  const ticketWorkflow = new TicketWorkflow({
    repository: ticketRepository,
    audit,
    notifier,
    policy: config.policy.ticketLifecycle,
    slaHours: config.policy.slaHours,
    now,
    onChanged: async (ticket, change) => {
      await automation.changed(ticket, change);
      await operations.ticketChanged(ticket, change);
      await outreach.onTicketChanged(ticket);
    },
  });
  automation.attach(ticketWorkflow);
  services.tickets.attach(ticketWorkflow);
  handoffExpiry.attach(notifier);
  reportHandoffOutcomes(handoff, { deliver: (contact, activity) => notifier.deliver(contact, activity), metrics, logger });

  const readiness: ReadinessCheck[] = [
    // A lookup of a number that cannot exist: any answer, found or not, proves the backend is there.
    { name: 'meter-backend', check: async () => void (await services.backend.findConsumer('000000000')) },
  ];
  if (redis) readiness.push({ name: 'redis', check: async () => void (await redis.ping()) });
  return {
    bot,
    handoff,
    agentEvents,
    presence,
    turnLock,
    callBacks,
    handoffArchive,
    services,
    translator,
    readiness,
    metrics,
    jobs,
    audit,
    sessionRevocations,
    ticketRepository,
    ticketWorkflow,
    resolutionPhotos,
    ticketAutomation: automation,
    staffAlerts,
    notifier,
    operations,
    outreach,
    close: async () => {
      await jobs.close();
      await agentEvents.close();
      if (redis) await redis.quit().catch(() => redis.disconnect());
    },
  };
}

function chooseBackend(config: Config, logger: Logger, now: () => Date): MeterBackend {
  if (config.backend.url) {
    logger.info({ backend: config.backend.url }, 'meter backend: HTTP');
    return new HttpMeterBackend({
      baseUrl: config.backend.url,
      ...(config.backend.apiKey ? { apiKey: config.backend.apiKey } : {}),
      timeoutMs: config.backend.timeoutMs,
      retries: config.backend.retries,
      breaker: config.backend.breaker,
      logger,
    });
  }
  logger.info('meter backend: built-in simulator (demo consumers in the README)');
  return new SimulatedMeterBackend({
    now,
    // The payment page is served beside the bot (createSamparkServer): links open on this server.
    paymentPageUrl: `http://${config.host}:${config.port}${SIMULATOR_PAYMENT_PATH}`,
    otpTtlMinutes: config.policy.otpTtlMinutes,
    otpMaxAttempts: config.policy.otpMaxAttempts,
    // Demo only: the simulator has no SMS, so the tester reads the OTP here to finish the journey.
    onOtpSent: (event) =>
      logger.info({ ca: event.caNumber, to: event.maskedMobile, phone: event.to, demoOtp: event.otp }, 'simulator sent an OTP'),
    onMobileChangeNotice: (event) =>
      logger.info({ ca: event.caNumber, to: event.maskedMobile }, 'simulator told the previous mobile of the change'),
  });
}
