import { randomUUID } from 'node:crypto';
import { ActivityTypes, type Activity, type TurnContext } from 'botbuilder';
import type { Request, Response, Server } from 'restify';
import type { RateDecision, RateLimiter } from '../../limits/rateLimiter';
import { maskSource, requestSource } from '../../limits/requestSource';
import type { Logger } from '../../log/logger';
import type { ConversationSignals } from './conversationSignals';
import { BOT_ACCOUNT, DIRECT_LINE_CHANNEL_ID, type DirectLineAdapter } from './directLineAdapter';
import type { DirectLineSettings } from './directLineSettings';
import { newConversationId, newVisitorId, type DirectLineTokens, type TokenClaims } from './directLineToken';
import type { PostRateLimiter } from './postRateLimiter';
import { requestOrigin, type RequestOrigin } from './requestOrigin';
import type { TranscriptStore } from './transcriptStore';
import {
  AuthorizationSchema,
  ConversationIdSchema,
  PostedActivitySchema,
  StartConversationSchema,
  WatermarkSchema,
  type PostedActivity,
} from './wireSchemas';

/** Where Web Chat's Direct Line client expects the API. */
export const DIRECT_LINE_BASE = '/v3/directline';

/** A stream URL is used at once; a reconnect fetches a fresh one. */
const STREAM_TICKET_SECONDS = 120;

/** What the Direct Line endpoints work with. */
export interface DirectLineRouteParts {
  adapter: DirectLineAdapter;
  /** The bot's turn, as every channel runs it. */
  logic: (context: TurnContext) => Promise<void>;
  tokens: DirectLineTokens;
  transcripts: TranscriptStore;
  signals: ConversationSignals;
  limiter: PostRateLimiter;
  /** Counts new tokens per client address, on every instance (Redis) or in this process. */
  sourceLimiter: RateLimiter;
  /** Whether X-Forwarded-For names the client (TRUSTED_PROXY); see requestSource. */
  trustedProxy: boolean;
  settings: DirectLineSettings;
  logger: Logger;
  now: () => Date;
}

interface Authorized {
  token: string;
  claims: TokenClaims;
}

/** Direct Line 3.0's error body. */
function refuse(res: Response, status: number, code: string, message: string): void {
  res.send(status, { error: { code, message } });
}

/** The Direct Line 3.0 REST subset Web Chat's client uses. */
export function addDirectLineRoutes(server: Server, parts: DirectLineRouteParts): void {
  const { tokens, transcripts, settings } = parts;

  /** The request's token and its claims, or null after refusing it; `conversationId` must be the token's own. */
  function authorize(req: Request, res: Response, conversationId?: string): Authorized | null {
    const bearer = AuthorizationSchema.safeParse(req.headers.authorization);
    if (!bearer.success) {
      refuse(res, 401, 'MissingToken', 'send "Authorization: Bearer <token>" from tokens/generate');
      return null;
    }
    const check = tokens.check(bearer.data, 'conversation');
    if (!check.ok) {
      const expired = check.problem === 'expired';
      refuse(res, 403, expired ? 'TokenExpired' : 'InvalidToken', expired ? 'the token has expired' : 'the token is not valid');
      return null;
    }
    if (conversationId !== undefined && check.claims.conv !== conversationId) {
      refuse(res, 403, 'WrongConversation', 'the token is for another conversation');
      return null;
    }
    return { token: bearer.data, claims: check.claims };
  }

  function conversationOf(req: Request, res: Response): string | null {
    const id = ConversationIdSchema.safeParse(req.params?.conversationId);
    if (!id.success) {
      refuse(res, 404, 'NotFound', 'no such conversation');
      return null;
    }
    return id.data;
  }

  function conversationAnswer({ claims, token }: Authorized, origin: RequestOrigin, watermark: string) {
    const ticket = tokens.issue({ user: claims.user, conv: claims.conv }, 'stream', STREAM_TICKET_SECONDS);
    const query = new URLSearchParams({ watermark, t: ticket });
    return {
      conversationId: claims.conv,
      token,
      expires_in: tokens.secondsLeft(claims),
      streamUrl: `${origin.ws}${DIRECT_LINE_BASE}/conversations/${claims.conv}/stream?${query.toString()}`,
    };
  }

  function originOr400(req: Request, res: Response): RequestOrigin | null {
    const origin = requestOrigin(req);
    if (!origin) refuse(res, 400, 'BadArgument', 'the Host header is missing or invalid');
    return origin;
  }

  const sourceOf = (req: Request) => requestSource(req, parts.trustedProxy);

  // The page asks for a token; the visitor id is made here and signed into it, never chosen by the page.
  // Each token opens one conversation, so counting tokens per source counts conversations per source.
  server.post(`${DIRECT_LINE_BASE}/tokens/generate`, async (req, res) => {
    const source = sourceOf(req);
    let decision: RateDecision;
    try {
      decision = await parts.sourceLimiter.consume(`directline:tokens:source:${source}`, settings.tokensPerSource);
    } catch (error) {
      parts.logger.warn({ err: error }, 'web chat token refused: the rate limiter is unavailable');
      return refuse(res, 503, 'ServiceUnavailable', 'a conversation cannot be started now; try again');
    }
    if (!decision.allowed) {
      parts.logger.warn({ source: maskSource(source), retryAfterSeconds: decision.retryAfterSeconds }, 'web chat tokens limited for a source');
      res.setHeader('retry-after', String(decision.retryAfterSeconds));
      return refuse(res, 429, 'TooManyRequests', 'too many conversations started from this network; try again later');
    }
    const subject = { user: newVisitorId(), conv: newConversationId() };
    const token = tokens.issue(subject, 'conversation', settings.tokenTtlSeconds);
    res.send(200, { conversationId: subject.conv, token, expires_in: settings.tokenTtlSeconds });
  });

  // A refresh keeps the first token's issue time, so a leaked token cannot be kept alive for ever.
  server.post(`${DIRECT_LINE_BASE}/tokens/refresh`, async (req, res) => {
    const claims = authorize(req, res)?.claims;
    if (!claims) return;
    const left = settings.tokenMaxLifetimeSeconds - tokens.age(claims);
    if (left <= 0) return refuse(res, 403, 'TokenExpired', 'the conversation has reached its longest lifetime; start a new one');
    const ttlSeconds = Math.min(settings.tokenTtlSeconds, left);
    const token = tokens.issue({ user: claims.user, conv: claims.conv }, 'conversation', ttlSeconds, claims.orig);
    res.send(200, { conversationId: claims.conv, token, expires_in: ttlSeconds });
  });

  server.post(`${DIRECT_LINE_BASE}/conversations`, async (req, res) => {
    const authorized = authorize(req, res);
    if (!authorized) return;
    const { claims } = authorized;
    const origin = originOr400(req, res);
    if (!origin) return;
    const body = StartConversationSchema.safeParse(req.body ?? {});
    if (!body.success) return refuse(res, 400, 'BadArgument', 'the conversation start body is not valid');
    let first: boolean;
    try {
      first = await transcripts.open(claims.conv);
    } catch (error) {
      parts.logger.warn({ err: error, conversation: claims.conv }, 'web chat transcript store unavailable');
      return refuse(res, 503, 'ServiceUnavailable', 'the conversation cannot be started now; try again');
    }
    if (first) {
      // The bot greets a visitor who joins, in the language the page chose.
      runTurn({
        type: ActivityTypes.ConversationUpdate,
        id: `${claims.conv}|start`,
        membersAdded: [{ id: claims.user, name: 'visitor', role: 'user' }],
        ...baseOf(claims, origin),
        ...(body.data.locale ? { locale: body.data.locale } : {}),
      }, sourceOf(req));
    }
    res.send(first ? 201 : 200, conversationAnswer(authorized, origin, ''));
  });

  // Reconnect: the same conversation, a fresh stream URL starting after the client's watermark.
  server.get(`${DIRECT_LINE_BASE}/conversations/:conversationId`, async (req, res) => {
    const conversationId = conversationOf(req, res);
    if (!conversationId) return;
    const authorized = authorize(req, res, conversationId);
    if (!authorized) return;
    const origin = originOr400(req, res);
    if (!origin) return;
    const watermark = WatermarkSchema.safeParse(queryOf(req).get('watermark') ?? '');
    if (!watermark.success) return refuse(res, 400, 'BadArgument', 'the watermark is not valid');
    // A conversation this server has forgotten (a restart without Redis, an expired transcript) is
    // refused, so the page starts a new one instead of streaming into a conversation nobody keeps.
    // A store that cannot answer lets the reconnect through: a hiccup must not end a live chat.
    const known = await transcripts.knows(conversationId).catch((error: unknown) => {
      parts.logger.warn({ err: error, conversation: conversationId }, 'web chat transcript store unavailable');
      return true;
    });
    if (!known) return refuse(res, 404, 'ConversationNotFound', 'the conversation is no longer kept; start a new one');
    res.send(200, conversationAnswer(authorized, origin, watermark.data));
  });

  server.post(`${DIRECT_LINE_BASE}/conversations/:conversationId/activities`, async (req, res) => {
    const conversationId = conversationOf(req, res);
    if (!conversationId) return;
    const claims = authorize(req, res, conversationId)?.claims;
    if (!claims) return;
    if (!parts.limiter.allow(`${claims.conv}/${claims.user}`)) {
      return refuse(res, 429, 'TooManyRequests', `at most ${settings.maxPostsPerSecond} messages per second; wait a moment`);
    }
    const posted = PostedActivitySchema.safeParse(req.body);
    if (!posted.success) {
      return refuse(res, 400, 'BadArgument', `not a valid activity: ${posted.error.issues.map((i) => i.path.join('.') || i.message).join(', ')}`);
    }
    const length = [...(posted.data.text ?? '')].length;
    if (length > settings.maxTextLength) {
      return refuse(res, 413, 'MessageTooLong', `the text has ${length} characters; at most ${settings.maxTextLength} are allowed`);
    }
    // Every field counts, not only the text: value, attachments and channelData are kept in the transcript too.
    const bytes = Buffer.byteLength(JSON.stringify(posted.data));
    if (bytes > settings.maxActivityBytes) {
      return refuse(res, 413, 'ActivityTooLarge', `the activity has ${bytes} bytes; at most ${settings.maxActivityBytes} are allowed`);
    }
    const origin = originOr400(req, res);
    if (!origin) return;
    const activity = incomingActivity(posted.data, claims, origin);
    if (activity.type === ActivityTypes.Typing) {
      // Shown to the bot, not kept: a typing indicator is over by the time anyone reads the transcript.
      const id = `${conversationId}|typing-${randomUUID()}`;
      runTurn({ ...activity, id }, sourceOf(req));
      res.send(200, { id });
      return;
    }
    let stored: Partial<Activity>;
    try {
      stored = await transcripts.append(conversationId, activity);
    } catch (error) {
      parts.logger.warn({ err: error, conversation: conversationId }, 'web chat transcript store unavailable');
      return refuse(res, 503, 'ServiceUnavailable', 'the message was not received; send it again');
    }
    await parts.signals.publish(conversationId, { kind: 'appended' });
    // Answered before the bot runs: Web Chat gives up on a post that takes longer than its send timeout.
    runTurn(stored, sourceOf(req));
    res.send(200, { id: stored.id });
  });

  // Polling, Web Chat's fallback: one 5xx and its client stops polling for good, so a store failure
  // answers "nothing new" and the client asks again.
  server.get(`${DIRECT_LINE_BASE}/conversations/:conversationId/activities`, async (req, res) => {
    const conversationId = conversationOf(req, res);
    if (!conversationId) return;
    if (!authorize(req, res, conversationId)) return;
    const watermark = WatermarkSchema.safeParse(queryOf(req).get('watermark') ?? '');
    if (!watermark.success) return refuse(res, 400, 'BadArgument', 'the watermark is not valid');
    try {
      res.send(200, await transcripts.readAfter(conversationId, watermark.data));
    } catch (error) {
      parts.logger.warn({ err: error, conversation: conversationId }, 'web chat poll answered empty: transcript store unavailable');
      res.send(200, { activities: [], watermark: watermark.data });
    }
  });

  function baseOf(claims: TokenClaims, origin: RequestOrigin): Partial<Activity> {
    return {
      channelId: DIRECT_LINE_CHANNEL_ID,
      serviceUrl: `${origin.http}${DIRECT_LINE_BASE}`,
      conversation: { id: claims.conv, isGroup: false, name: 'web chat', conversationType: 'personal' },
      from: { id: claims.user, name: 'visitor', role: 'user' },
      recipient: BOT_ACCOUNT,
      timestamp: parts.now(),
    };
  }

  function incomingActivity(posted: PostedActivity, claims: TokenClaims, origin: RequestOrigin): Partial<Activity> {
    return { ...(posted as Partial<Activity>), ...baseOf(claims, origin) };
  }

  /** Runs the bot on `activity`, with the address of the request that brought it (never anything the client posted). */
  function runTurn(activity: Partial<Activity>, source: string): void {
    parts.adapter.receive(activity, parts.logic, source).catch((error: unknown) => {
      parts.logger.error({ err: error, conversation: activity.conversation?.id }, 'web chat turn failed');
    });
  }
}

function queryOf(req: Request): URLSearchParams {
  return new URL(req.url ?? '/', 'http://localhost').searchParams;
}
