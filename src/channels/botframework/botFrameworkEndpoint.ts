import type { Activity, TurnContext } from 'botbuilder';
import type { Request, Response } from 'restify';
import { z } from 'zod';
import type { Logger } from '../../log/logger';
import type { SamparkCloudAdapter } from './botFrameworkAdapter';

/**
 * What the adapter needs of an activity before it can authenticate and run a turn; the rest is the
 * Bot Framework schema's, kept as sent. Channels may leave out names and the conversation's details.
 */
const InboundActivitySchema = z.looseObject({
  type: z.string().min(1).max(64),
  channelId: z.string().min(1).max(200),
  serviceUrl: z.url({ protocol: /^https?$/ }),
  conversation: z.looseObject({ id: z.string().min(1).max(1000) }),
  from: z.looseObject({ id: z.string().max(1000) }).optional(),
  recipient: z.looseObject({ id: z.string().max(1000) }).optional(),
});

/** Errors jsonwebtoken throws for a token that is forged, expired or not yet valid. */
const TOKEN_ERROR_NAMES = new Set(['JsonWebTokenError', 'TokenExpiredError', 'NotBeforeError']);

/**
 * POST /api/messages, in place of CloudAdapter.process: that answers 500 with a stack trace on the
 * console for a forged token (jsonwebtoken's errors are not AuthenticationErrors) and throws past
 * the route on an activity without a string type. Here a body that is not an activity is a 400, a
 * token refused is a 401 with one log line, and an outage of the token service a 503.
 */
export function botFrameworkEndpoint(adapter: SamparkCloudAdapter, logic: (context: TurnContext) => Promise<void>, logger: Logger) {
  return async (req: Request, res: Response): Promise<void> => {
    const parsed = InboundActivitySchema.safeParse(req.body);
    if (!parsed.success) {
      res.send(400, { error: 'bad_request', detail: 'not a Bot Framework activity' });
      return;
    }
    const activity = withDates(parsed.data);
    const authorization = typeof req.headers.authorization === 'string' ? req.headers.authorization : '';
    try {
      const invoke = await adapter.authenticateAndRun(authorization, activity, logic);
      if (invoke?.body === undefined) res.send(invoke?.status ?? 200);
      else res.send(invoke.status, invoke.body);
    } catch (error) {
      if (isRefusedToken(error)) {
        logger.warn({ channel: activity.channelId, reason: firstLine(error) }, 'bot framework token refused');
        res.send(401, { error: 'unauthorized' });
        return;
      }
      logger.error({ channel: activity.channelId, reason: firstLine(error) }, 'bot framework authentication unavailable');
      res.send(503, { error: 'unavailable' });
    }
  };
}

/** botframework-connector's AuthenticationError carries a statusCode; 401 is a refusal, 500 its own outage. */
function isRefusedToken(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  return TOKEN_ERROR_NAMES.has(error.name) || (error as Error & { statusCode?: unknown }).statusCode === 401;
}

function firstLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0]!.slice(0, 200);
}

/** The timestamps as Dates, as botbuilder's own validation makes them; the raw strings kept beside. */
function withDates(activity: z.infer<typeof InboundActivitySchema>): Activity {
  const fixed: Record<string, unknown> = { ...activity };
  for (const [field, raw] of [['timestamp', 'rawTimestamp'], ['localTimestamp', 'rawLocalTimestamp'], ['expiration', 'rawExpiration']] as const) {
    const value = fixed[field];
    if (typeof value === 'string') {
      fixed[raw] = value;
      fixed[field] = new Date(value);
    }
  }
  return fixed as unknown as Activity;
}
