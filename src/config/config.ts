import { z } from 'zod';
import { checkNluEnv, NLU_ENV_SHAPE, nluSettingsFrom, type NluSettings } from '../nlu/nluSettings';
import { OUTREACH_ENV_SHAPE, outreachSettingsFrom, type OutreachSettings } from '../outreach/outreachSettings';
import type { LookupRules } from '../limits/consumerLookupLimits';
import type { RateRule } from '../limits/rateLimiter';
import { RateRuleSchema } from '../limits/rateRule';
import type { TicketRules } from '../limits/ticketLimits';
import { booleanVariable, isLoopbackHost, presentVariables } from './environment';
import { DEFAULT_SLA_HOURS, DEFAULT_TICKET_LIFECYCLE_POLICY, SlaTableSchema, type SlaTable, type TicketLifecyclePolicy } from './ticketPolicy';

const boolean = booleanVariable;

const number = (fallback: number) => z.coerce.number().finite().default(fallback);

/** "HH:MM-HH:MM" in IST; may wrap past midnight. */
const clockWindow = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d-([01]\d|2[0-3]):[0-5]\d$/, 'expected HH:MM-HH:MM');

const slaHours = z
  .string()
  .transform((raw, ctx) => {
    try {
      return JSON.parse(raw) as unknown;
    } catch {
      ctx.addIssue({ code: 'custom', message: 'not JSON' });
      return z.NEVER;
    }
  })
  .pipe(SlaTableSchema);

/**
 * Everything Sampark reads from the environment, in one schema. Absent values mean the embedded
 * defaults: in-process stores, the simulated backend, the local recognizer.
 */
export const EnvSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3978),
  HOST: z.string().min(1).default('127.0.0.1'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  REDIS_URL: z.url({ protocol: /^rediss?$/ }).optional(),
  /** Every request body: bytes on the wire and again once decoded (the WhatsApp webhook has its own 1 MiB), time to arrive, JSON nesting. */
  REQUEST_BODY_MAX_KIB: number(256).pipe(z.number().int().min(16).max(16 * 1024)),
  REQUEST_BODY_TIMEOUT_MS: number(15_000).pipe(z.number().int().min(1000).max(120_000)),
  /** Deeper than any activity, card or API body the service takes; far shallower than what overflows the stack. */
  REQUEST_JSON_MAX_DEPTH: number(64).pipe(z.number().int().min(16).max(512)),
  /** Conversation and user state untouched this long is dropped from Redis. */
  STATE_IDLE_TTL_DAYS: number(90).pipe(z.number().positive()),
  BACKEND_URL: z.url({ protocol: /^https?$/ }).optional(),
  BACKEND_API_KEY: z.string().min(1).optional(),
  BACKEND_TIMEOUT_MS: number(4000).pipe(z.number().int().positive()),
  BACKEND_RETRIES: number(2).pipe(z.number().int().min(0).max(5)),
  /** Failed calls in a row that open the circuit breaker, and how long it stays open. */
  BACKEND_BREAKER_FAILURES: number(5).pipe(z.number().int().positive()),
  BACKEND_BREAKER_OPEN_MS: number(10_000).pipe(z.number().int().positive()),
  MicrosoftAppId: z.string().optional(),
  MicrosoftAppPassword: z.string().optional(),
  MicrosoftAppType: z.enum(['MultiTenant', 'SingleTenant', 'UserAssignedMSI']).default('MultiTenant'),
  MicrosoftAppTenantId: z.string().optional(),
  /** Deliberate opt-in to run without Bot Framework authentication on a non-loopback address. */
  SAMPARK_DEV_NO_AUTH: boolean.default(false),
  /**
   * A reverse proxy (nginx, a load balancer) is in front and sets X-Forwarded-For: limits count the
   * client it names, and a loopback HOST no longer means only this machine can reach the server.
   */
  TRUSTED_PROXY: boolean.default(false),
  DISCOM_NAME: z.string().min(1).default('SBPDCL'),
  HELPLINE_NUMBER: z.string().min(3).default('1912'),
  /** A pending payment younger than this is explained and the consumer asked to wait. */
  PAYMENT_PENDING_WAIT_MINUTES: number(30).pipe(z.number().int().positive()),
  /** A payment still pending after this many hours is stuck: it becomes a ticket. */
  PAYMENT_STUCK_HOURS: number(24).pipe(z.number().positive()),
  /** Hours after the balance runs out before supply is cut. */
  GRACE_PERIOD_HOURS: number(72).pipe(z.number().nonnegative()),
  /** No disconnection in this IST window (and on Sundays and holidays). */
  FRIENDLY_HOURS: clockWindow.default('17:00-10:00'),
  MIN_RECHARGE_AMOUNT: number(100).pipe(z.number().positive()),
  EMERGENCY_CREDIT_AMOUNT: number(50).pipe(z.number().nonnegative()),
  EMERGENCY_CREDIT_DAYS: number(1).pipe(z.number().positive()),
  /** Minutes a consumer waits for the supply after a reconnect command. */
  RECONNECT_WAIT_MINUTES: number(15).pipe(z.number().int().positive()),
  OTP_MAX_ATTEMPTS: number(3).pipe(z.number().int().positive()),
  OTP_TTL_MINUTES: number(10).pipe(z.number().int().positive()),
  /** Mobile changes started (each proof checked, each round of OTPs) per CA number, whoever asks: COUNT/WINDOW. */
  MOBILE_UPDATE_LIMIT_PER_CA: RateRuleSchema.default(RateRuleSchema.parse('5/24h')),
  /** OTP SMS sent to any one mobile number, old or new, by any conversation: COUNT/WINDOW. */
  OTP_LIMIT_PER_MOBILE: RateRuleSchema.default(RateRuleSchema.parse('5/24h')),
  /** Different CA numbers one conversation may look up (a stranger reading balances): COUNT/WINDOW. */
  CONSUMER_LOOKUP_LIMIT_PER_CONVERSATION: RateRuleSchema.default(RateRuleSchema.parse('10/24h')),
  /**
   * Different CA numbers looked up from one web chat client address, in any number of chats (a stranger
   * opening a new chat each time): COUNT/WINDOW. Loose, since many homes share one mobile network's address.
   */
  CONSUMER_LOOKUP_LIMIT_PER_SOURCE: RateRuleSchema.default(RateRuleSchema.parse('30/1h')),
  /** New tickets one chat may open (joining an open one does not count): COUNT/WINDOW. */
  TICKET_LIMIT_PER_CONVERSATION: RateRuleSchema.default(RateRuleSchema.parse('5/24h')),
  /** New tickets opened from chat for one CA number, by any conversation: COUNT/WINDOW. */
  TICKET_LIMIT_PER_CA: RateRuleSchema.default(RateRuleSchema.parse('10/24h')),
  SLA_HOURS: slaHours.optional(),
  /** Hours after a ticket is resolved (or found impossible) in which the consumer may reopen it. */
  TICKET_REOPEN_WINDOW_HOURS: number(DEFAULT_TICKET_LIFECYCLE_POLICY.reopenWindowHours).pipe(z.number().positive()),
  /** Outage reports from one section within this many minutes link to the first one, the incident. */
  OUTAGE_LINK_WINDOW_MINUTES: number(DEFAULT_TICKET_LIFECYCLE_POLICY.outageLinkWindowMinutes).pipe(z.number().int().positive()),
  /**
   * When 1912 agents take chats (IST); outside it the bot offers a call-back ticket instead of the queue.
   * Unset: the helpline's day shift, except in the demo (see `agentHoursOf`).
   */
  AGENT_HOURS: clockWindow.optional(),
  /** A queued chat nobody claims within this time expires and the consumer is offered a call back. */
  HANDOFF_MAX_WAIT_MINUTES: number(15).pipe(z.number().int().positive()),
  /** An agent's average time per chat, for the wait told to a queued consumer. */
  AGENT_AVERAGE_HANDLING_MINUTES: number(6).pipe(z.number().positive()),
  /** Waiting chats go by themselves to online agents holding fewer than this; 0 leaves every chat to Take. */
  AGENT_MAX_OPEN_CONVERSATIONS: number(0).pipe(z.number().int().min(0).max(20)),
  /** A handoff record back with the bot is kept this long on Redis, then dropped. */
  HANDOFF_RECORD_TTL_DAYS: number(30).pipe(z.number().positive()),
  /** The work-order system that receives every ticket change, and the secret that signs it. */
  TICKET_WEBHOOK_URL: z.url({ protocol: /^https?$/ }).optional(),
  TICKET_WEBHOOK_SECRET: z.string().min(16).optional(),
  ...NLU_ENV_SHAPE,
  ...OUTREACH_ENV_SHAPE,
})
  .superRefine(checkNluEnv)
  .refine((env) => (env.TICKET_WEBHOOK_URL === undefined) === (env.TICKET_WEBHOOK_SECRET === undefined), {
    message: 'TICKET_WEBHOOK_URL and TICKET_WEBHOOK_SECRET go together',
    path: ['TICKET_WEBHOOK_SECRET'],
  });

export type Env = z.infer<typeof EnvSchema>;

/** The parsed configuration the rest of the program sees. */
export interface Config {
  port: number;
  host: string;
  logLevel: Env['LOG_LEVEL'];
  /** Whether a reverse proxy is in front (TRUSTED_PROXY): who the client is comes from X-Forwarded-For. */
  trustedProxy: boolean;
  redisUrl: string | undefined;
  /** What a request body may be: bytes (on the wire and decoded), milliseconds to arrive, JSON depth. */
  requestBodies: { maxBytes: number; timeoutMs: number; maxDepth: number };
  stateIdleTtlDays: number;
  /** Days a finished handoff record stays in Redis. */
  handoffRecordTtlDays: number;
  backend: {
    url: string | undefined;
    apiKey: string | undefined;
    timeoutMs: number;
    retries: number;
    breaker: { consecutiveFailures: number; halfOpenAfterMs: number };
  };
  botFramework: {
    appId: string | undefined;
    appPassword: string | undefined;
    appType: Env['MicrosoftAppType'];
    tenantId: string | undefined;
    devNoAuth: boolean;
  };
  policy: Policy;
  /** Which recognizer runs (local, or Azure CLU with the local model as fallback) and the confidence bands. */
  nlu: NluSettings;
  tickets: { webhook: { url: string; secret: string } | null };
  /** Outreach campaigns: their WhatsApp template, sending window and Meta's limits. */
  outreach: OutreachSettings;
}

/** Discom policy the dialogs explain and apply. */
export interface Policy {
  discomName: string;
  helplineNumber: string;
  paymentPendingWaitMinutes: number;
  paymentStuckHours: number;
  gracePeriodHours: number;
  friendlyHours: string;
  minRechargeAmount: number;
  emergencyCreditAmount: number;
  emergencyCreditDays: number;
  reconnectWaitMinutes: number;
  otpMaxAttempts: number;
  otpTtlMinutes: number;
  /** How often a mobile change may start for one CA, and how many OTPs one number may receive. */
  mobileUpdateLimits: { perCa: RateRule; otpsPerMobile: RateRule };
  /** Different CA numbers one conversation, and one web chat client address, may look up in a window. */
  lookupLimits: LookupRules;
  /** New tickets consumers may open from chat, per conversation and per CA, in a window. */
  ticketLimits: TicketRules;
  slaHours: SlaTable;
  /** The reopen window and the outage-link window of field tickets. */
  ticketLifecycle: TicketLifecyclePolicy;
  /** "HH:MM-HH:MM" IST when agents take chats. */
  agentHours: string;
  agentMaxWaitMinutes: number;
  agentAverageHandlingMinutes: number;
  /** Per-agent limit of the automatic assignment; 0: off. */
  agentMaxOpenConversations: number;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`invalid configuration:\n  ${problems.join('\n  ')}`);
    this.name = 'ConfigError';
  }
}

/** Parses the environment; throws ConfigError naming every bad variable. Empty strings count as unset. */
export function loadConfig(environment: NodeJS.ProcessEnv = process.env): Config {
  const present = presentVariables(environment);
  const parsed = EnvSchema.safeParse(present);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`),
    );
  }
  const env = parsed.data;
  return {
    port: env.PORT,
    host: env.HOST,
    logLevel: env.LOG_LEVEL,
    trustedProxy: env.TRUSTED_PROXY,
    redisUrl: env.REDIS_URL,
    requestBodies: { maxBytes: env.REQUEST_BODY_MAX_KIB * 1024, timeoutMs: env.REQUEST_BODY_TIMEOUT_MS, maxDepth: env.REQUEST_JSON_MAX_DEPTH },
    stateIdleTtlDays: env.STATE_IDLE_TTL_DAYS,
    handoffRecordTtlDays: env.HANDOFF_RECORD_TTL_DAYS,
    backend: {
      url: env.BACKEND_URL,
      apiKey: env.BACKEND_API_KEY,
      timeoutMs: env.BACKEND_TIMEOUT_MS,
      retries: env.BACKEND_RETRIES,
      breaker: { consecutiveFailures: env.BACKEND_BREAKER_FAILURES, halfOpenAfterMs: env.BACKEND_BREAKER_OPEN_MS },
    },
    botFramework: {
      appId: env.MicrosoftAppId,
      appPassword: env.MicrosoftAppPassword,
      appType: env.MicrosoftAppType,
      tenantId: env.MicrosoftAppTenantId,
      devNoAuth: env.SAMPARK_DEV_NO_AUTH,
    },
    policy: {
      discomName: env.DISCOM_NAME,
      helplineNumber: env.HELPLINE_NUMBER,
      paymentPendingWaitMinutes: env.PAYMENT_PENDING_WAIT_MINUTES,
      paymentStuckHours: env.PAYMENT_STUCK_HOURS,
      gracePeriodHours: env.GRACE_PERIOD_HOURS,
      friendlyHours: env.FRIENDLY_HOURS,
      minRechargeAmount: env.MIN_RECHARGE_AMOUNT,
      emergencyCreditAmount: env.EMERGENCY_CREDIT_AMOUNT,
      emergencyCreditDays: env.EMERGENCY_CREDIT_DAYS,
      reconnectWaitMinutes: env.RECONNECT_WAIT_MINUTES,
      otpMaxAttempts: env.OTP_MAX_ATTEMPTS,
      otpTtlMinutes: env.OTP_TTL_MINUTES,
      mobileUpdateLimits: { perCa: env.MOBILE_UPDATE_LIMIT_PER_CA, otpsPerMobile: env.OTP_LIMIT_PER_MOBILE },
      lookupLimits: { perConversation: env.CONSUMER_LOOKUP_LIMIT_PER_CONVERSATION, perSource: env.CONSUMER_LOOKUP_LIMIT_PER_SOURCE },
      ticketLimits: { perConversation: env.TICKET_LIMIT_PER_CONVERSATION, perCa: env.TICKET_LIMIT_PER_CA },
      slaHours: (env.SLA_HOURS as SlaTable | undefined) ?? DEFAULT_SLA_HOURS,
      ticketLifecycle: { reopenWindowHours: env.TICKET_REOPEN_WINDOW_HOURS, outageLinkWindowMinutes: env.OUTAGE_LINK_WINDOW_MINUTES },
      agentHours: agentHoursOf(env),
      agentMaxWaitMinutes: env.HANDOFF_MAX_WAIT_MINUTES,
      agentAverageHandlingMinutes: env.AGENT_AVERAGE_HANDLING_MINUTES,
      agentMaxOpenConversations: env.AGENT_MAX_OPEN_CONVERSATIONS,
    },
    nlu: nluSettingsFrom(env),
    outreach: outreachSettingsFrom(env),
    tickets: {
      webhook:
        env.TICKET_WEBHOOK_URL && env.TICKET_WEBHOOK_SECRET ? { url: env.TICKET_WEBHOOK_URL, secret: env.TICKET_WEBHOOK_SECRET } : null,
    },
  };
}

/** The helpline's day shift, when agents take chats unless AGENT_HOURS says otherwise. */
export const HELPLINE_AGENT_HOURS = '08:00-20:00';
/** A window that never closes (its start is its end). */
export const ALWAYS = '00:00-00:00';

/**
 * The demo (the built-in simulator, served on a loopback address) keeps agents in at every hour, so a
 * newcomer trying the handoff and the agent console at 22:00 sees them work; a deployment talking to a
 * real backend gets the helpline's day shift unless AGENT_HOURS is set.
 */
function agentHoursOf(env: Env): string {
  if (env.AGENT_HOURS) return env.AGENT_HOURS;
  const demo = env.BACKEND_URL === undefined && isLoopbackHost(env.HOST);
  return demo ? ALWAYS : HELPLINE_AGENT_HOURS;
}
