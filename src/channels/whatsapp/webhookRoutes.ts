import { createHash, timingSafeEqual } from 'node:crypto';
import type { Request, Response, Server } from 'restify';
import type { Logger } from '../../log/logger';
import { refuse } from '../../server/bodyLayer';
import { decodeContent } from '../../server/contentEncoding';
import { readRequestBody } from '../../server/requestBody';
import type { Inbox } from './inbox';
import { webhookEvents } from './webhookEvents';
import { VerificationQuerySchema, WebhookPayloadSchema } from './webhookSchemas';
import { hasValidSignature } from './webhookSignature';
import type { WhatsAppMetrics } from './whatsAppMetrics';
import type { WhatsAppSettings } from './whatsAppSettings';

/** Where Meta sends the webhook (the callback URL of the app's WhatsApp configuration). */
const WEBHOOK_PATH = '/api/whatsapp';

/** Meta's webhooks are a few kilobytes; anything far larger is not one of them. */
const MAX_BODY_BYTES = 1024 * 1024;

/** What the webhook works with. */
export interface WebhookRouteParts {
  settings: Pick<WhatsAppSettings, 'appSecret' | 'verifyToken' | 'phoneNumberId'>;
  inbox: Inbox;
  metrics: WhatsAppMetrics;
  logger: Logger;
  /** The whole body must arrive within this (REQUEST_BODY_TIMEOUT_MS, as for every other body): 408 and the socket closed. */
  bodyTimeoutMs: number;
}

/**
 * GET: Meta's one-time verification. POST: the webhook, taken in a restify "pre" handler, before the
 * server's global body parser: the signature is an HMAC of the bytes exactly as they came, so they
 * are read here, checked, and only then parsed; a bad or missing signature is answered 401 with
 * nothing parsed or stored. The answer is 200 as soon as the messages are in their inboxes and
 * their jobs are queued; the turns run after it.
 */
export function addWebhookRoutes(server: Server, parts: WebhookRouteParts): void {
  server.get(WEBHOOK_PATH, (req, res, next) => {
    const query = VerificationQuerySchema.safeParse(Object.fromEntries(new URL(req.url ?? '/', 'http://localhost').searchParams));
    if (query.success && sameSecret(query.data['hub.verify_token'], parts.settings.verifyToken)) {
      res.setHeader('content-type', 'text/plain; charset=utf-8');
      res.sendRaw(200, query.data['hub.challenge']);
    } else {
      parts.logger.warn('whatsapp webhook verification refused');
      res.send(403);
    }
    next();
  });

  server.pre((req: Request, res: Response, next) => {
    if (req.method !== 'POST' || new URL(req.url ?? '/', 'http://localhost').pathname !== WEBHOOK_PATH) return next();
    void receive(req, res, parts)
      .catch((error: unknown) => {
        parts.logger.error({ err: error }, 'whatsapp webhook failed');
        if (!res.headersSent) res.send(500);
      })
      .finally(() => next(false));
  });
}

async function receive(req: Request, res: Response, parts: WebhookRouteParts): Promise<void> {
  const stopTimer = parts.metrics.ackSeconds.startTimer();
  const answer = (status: number, outcome: string) => {
    parts.metrics.webhooks.inc({ outcome });
    res.send(status);
    stopTimer();
  };
  const read = await readRequestBody(req, { maxBytes: MAX_BODY_BYTES, timeoutMs: parts.bodyTimeoutMs });
  if (!read.ok) {
    parts.metrics.webhooks.inc({ outcome: 'invalid' });
    stopTimer();
    return refuse(req, res, read);
  }
  const raw = read.raw;
  if (!hasValidSignature(raw, req.headers['x-hub-signature-256'], parts.settings.appSecret)) {
    parts.logger.warn({ signed: req.headers['x-hub-signature-256'] !== undefined }, 'whatsapp webhook with a bad signature refused');
    return answer(401, 'bad_signature');
  }
  // Signed over the bytes as sent; only then is any Content-Encoding undone (bounded, never thrown).
  const decoded = await decodeContent(raw, req.headers['content-encoding'], MAX_BODY_BYTES);
  const payload = WebhookPayloadSchema.safeParse(decoded.ok ? parseJson(decoded.body) : undefined);
  if (!payload.success) {
    // Signed by Meta yet not understood: Meta's format changed. 400 keeps it coming back until we read it.
    parts.logger.error({ issues: payload.error.issues.map((issue) => issue.path.join('.')) }, 'whatsapp webhook not understood');
    return answer(400, 'invalid');
  }
  const changes = payload.data.object === 'whatsapp_business_account' ? payload.data.entry.flatMap((entry) => entry.changes) : [];
  const events = webhookEvents(changes, parts.settings.phoneNumberId, parts.logger);
  try {
    await parts.inbox.accept(events.messages, events.statuses);
  } catch (error) {
    // Not accepted, so not acknowledged: Meta delivers it again.
    parts.logger.error({ err: error }, 'whatsapp webhook could not be queued');
    return answer(500, 'unavailable');
  }
  answer(200, 'accepted');
}

function parseJson(raw: Buffer): unknown {
  try {
    return JSON.parse(raw.toString('utf8')) as unknown;
  } catch {
    return undefined;
  }
}

/** Compares two secrets in constant time, whatever their lengths. */
function sameSecret(given: string, expected: string): boolean {
  const digest = (text: string) => createHash('sha256').update(text).digest();
  return timingSafeEqual(digest(given), digest(expected));
}
