import fs from 'node:fs';
import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { presentVariables } from '../../config/environment';
import { ConfigError } from '../../config/config';
import type { Logger } from '../../log/logger';
import type { RateRule } from '../../limits/rateLimiter';
import { RateRuleSchema } from '../../limits/rateRule';

const number = (fallback: number) => z.coerce.number().finite().default(fallback);

/** "#rgb" or "#rrggbb": the value ends up in the page's CSS, so nothing else may pass. */
const hexColour = z.string().regex(/^#([0-9a-fA-F]{3}|[0-9a-fA-F]{6})$/, 'expected a colour like #0b5394');

/**
 * Web Chat's Direct Line client refreshes its token every 15 minutes on its own; a shorter lifetime
 * would let its token lapse between two refreshes.
 */
const MIN_TOKEN_TTL_SECONDS = 20 * 60;

/** A logo larger than this would cost a 2G visitor seconds before the first screen is complete. */
const MAX_LOGO_BYTES = 24 * 1024;

/** The environment variables of the web chat and its Direct Line endpoint. */
export const DirectLineEnvSchema = z
  .object({
    /** Signs Direct Line tokens; every instance behind one load balancer needs the same value. */
    DIRECTLINE_TOKEN_SECRET: z.string().min(32, 'use at least 32 characters').optional(),
    DIRECTLINE_TOKEN_TTL_SECONDS: number(1800).pipe(z.number().int().min(MIN_TOKEN_TTL_SECONDS).max(86_400)),
    /** Refreshing keeps a conversation's tokens alive this long from the first, never longer. */
    DIRECTLINE_TOKEN_MAX_LIFETIME_HOURS: number(24).pipe(z.number().positive().max(24 * 30)),
    DIRECTLINE_MAX_TEXT_LENGTH: number(2000).pipe(z.number().int().positive().max(100_000)),
    /** A posted activity as a whole (text, value, attachments, channelData), serialized as JSON. */
    DIRECTLINE_MAX_ACTIVITY_BYTES: number(32 * 1024).pipe(z.number().int().min(4096).max(256 * 1024)),
    DIRECTLINE_MAX_POSTS_PER_SECOND: number(5).pipe(z.number().int().positive()),
    /**
     * New web chat tokens (each opens one conversation) from one client address: COUNT/WINDOW. A page
     * load takes one; a stranger opening chat after chat to get round the per-conversation limits
     * takes many. Loose, since many homes share one mobile network's address.
     */
    DIRECTLINE_TOKEN_LIMIT_PER_SOURCE: RateRuleSchema.default(RateRuleSchema.parse('60/1h')),
    /** A conversation's transcript is kept this long after its last activity. */
    DIRECTLINE_TRANSCRIPT_TTL_HOURS: number(24).pipe(z.number().positive()),
    /** Older activities beyond this many are dropped from a conversation's transcript. */
    DIRECTLINE_TRANSCRIPT_MAX_ACTIVITIES: number(500).pipe(z.number().int().min(10)),
    WEBCHAT_DISCOM_NAME: z.string().trim().min(1).max(60).optional(),
    WEBCHAT_PRIMARY_COLOR: hexColour.default('#0b5394'),
    /** The discom's logo beside its name: a PNG, JPEG, WebP or SVG file on this server. */
    WEBCHAT_LOGO_PATH: z
      .string()
      .trim()
      .regex(/\.(png|jpe?g|webp|svg)$/i, 'expected a .png, .jpg, .webp or .svg file')
      .refine((file) => fs.existsSync(file) && fs.statSync(file).isFile(), 'no such file')
      .refine((file) => !fs.existsSync(file) || fs.statSync(file).size <= MAX_LOGO_BYTES, `at most ${MAX_LOGO_BYTES / 1024} KB: it is on every first screen`)
      .optional(),
    /** When the helpline answers, "HH:MM-HH:MM" in IST; "00:00-24:00" for day and night. */
    WEBCHAT_HELPLINE_HOURS: z
      .string()
      .regex(/^([01]\d|2[0-3]):[0-5]\d-(([01]\d|2[0-3]):[0-5]\d|24:00)$/, 'expected hours like 08:00-20:00')
      .default('00:00-24:00'),
    /** Azure Direct Line (or another Sampark) for the page instead of this server's endpoint. */
    WEBCHAT_DIRECTLINE_DOMAIN: z.url({ protocol: /^https?$/ }).optional(),
    /** Where the page gets its token when it talks to another Direct Line: that service's secret stays on a server. */
    WEBCHAT_TOKEN_URL: z.url({ protocol: /^https?$/ }).optional(),
  })
  .refine((env) => env.DIRECTLINE_TOKEN_MAX_LIFETIME_HOURS * 3600 >= env.DIRECTLINE_TOKEN_TTL_SECONDS, {
    message: 'must be at least DIRECTLINE_TOKEN_TTL_SECONDS',
    path: ['DIRECTLINE_TOKEN_MAX_LIFETIME_HOURS'],
  })
  .refine((env) => !env.WEBCHAT_DIRECTLINE_DOMAIN || env.WEBCHAT_TOKEN_URL, {
    message: 'WEBCHAT_DIRECTLINE_DOMAIN needs WEBCHAT_TOKEN_URL: a token from this server is not valid there',
    path: ['WEBCHAT_TOKEN_URL'],
  });

/** What the web chat page and the Direct Line endpoint run with. */
export interface DirectLineSettings {
  tokenSecret: string;
  tokenTtlSeconds: number;
  /** No refresh goes past this many seconds after the conversation's first token. */
  tokenMaxLifetimeSeconds: number;
  maxTextLength: number;
  /** Bytes of a posted activity as JSON: what one post may add to a transcript. */
  maxActivityBytes: number;
  maxPostsPerSecond: number;
  /** New tokens, so new conversations, one client address may take in a window. */
  tokensPerSource: RateRule;
  transcriptTtlSeconds: number;
  transcriptMaxActivities: number;
  page: WebChatBranding;
}

/** What the page shows and where it connects. */
export interface WebChatBranding {
  discomName: string;
  primaryColor: string;
  /** The discom's logo file; absent: the page's own emblem. */
  logoPath: string | undefined;
  helplineNumber: string;
  /** When the helpline answers, IST. */
  helplineHours: { from: string; to: string };
  /** What the privacy notice says is kept, and for how long. */
  privacy: { transcriptHours: number; memoryDays: number };
  /** Absent: this server's own /v3/directline. */
  directLineDomain: string | undefined;
  /** Absent: this server's own /v3/directline/tokens/generate. */
  tokenUrl: string | undefined;
}

/** What the page tells consumers that the rest of the configuration decides. */
export interface ConsumerFacing {
  /** The discom's name unless WEBCHAT_DISCOM_NAME says otherwise. */
  discomName: string;
  helplineNumber: string;
  /** How long the bot remembers a conversation it has not heard from (STATE_IDLE_TTL_DAYS). */
  memoryDays: number;
}

/**
 * Parses the web chat's environment; throws ConfigError naming every bad variable. Without a token
 * secret, a random one is made for this process (tokens then die with it) and a warning is logged.
 */
export function loadDirectLineSettings(environment: NodeJS.ProcessEnv, logger: Logger, consumerFacing: ConsumerFacing): DirectLineSettings {
  const parsed = DirectLineEnvSchema.safeParse(presentVariables(environment));
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`));
  }
  const env = parsed.data;
  let tokenSecret = env.DIRECTLINE_TOKEN_SECRET;
  if (!tokenSecret) {
    tokenSecret = randomBytes(32).toString('base64url');
    logger.warn(
      'DIRECTLINE_TOKEN_SECRET is not set: web chat tokens are signed with a random secret of this process, so they do not survive a restart and other instances reject them',
    );
  }
  return {
    tokenSecret,
    tokenTtlSeconds: env.DIRECTLINE_TOKEN_TTL_SECONDS,
    tokenMaxLifetimeSeconds: Math.round(env.DIRECTLINE_TOKEN_MAX_LIFETIME_HOURS * 3600),
    maxTextLength: env.DIRECTLINE_MAX_TEXT_LENGTH,
    maxActivityBytes: env.DIRECTLINE_MAX_ACTIVITY_BYTES,
    maxPostsPerSecond: env.DIRECTLINE_MAX_POSTS_PER_SECOND,
    tokensPerSource: env.DIRECTLINE_TOKEN_LIMIT_PER_SOURCE,
    transcriptTtlSeconds: Math.round(env.DIRECTLINE_TRANSCRIPT_TTL_HOURS * 3600),
    transcriptMaxActivities: env.DIRECTLINE_TRANSCRIPT_MAX_ACTIVITIES,
    page: {
      discomName: env.WEBCHAT_DISCOM_NAME ?? consumerFacing.discomName,
      primaryColor: env.WEBCHAT_PRIMARY_COLOR,
      logoPath: env.WEBCHAT_LOGO_PATH,
      helplineNumber: consumerFacing.helplineNumber,
      helplineHours: { from: env.WEBCHAT_HELPLINE_HOURS.slice(0, 5), to: env.WEBCHAT_HELPLINE_HOURS.slice(6) },
      privacy: { transcriptHours: env.DIRECTLINE_TRANSCRIPT_TTL_HOURS, memoryDays: consumerFacing.memoryDays },
      directLineDomain: env.WEBCHAT_DIRECTLINE_DOMAIN?.replace(/\/+$/, ''),
      tokenUrl: env.WEBCHAT_TOKEN_URL,
    },
  };
}
