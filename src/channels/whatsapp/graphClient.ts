import { DelegateBackoff, handleWhen, retry, type RetryPolicy } from 'cockatiel';
import { z } from 'zod';
import type { Logger } from '../../log/logger';
import { messageRequest, typingRequest, type OutboundMessage } from './graphMessages';
import type { WhatsAppSettings } from './whatsAppSettings';

/** Meta's error codes the channel acts on. */
export const GRAPH_ERRORS = {
  /** More than 24 hours since the user last wrote: only a template may be sent. */
  outsideWindow: 131047,
  /** The access token expired or was revoked. */
  invalidToken: 190,
} as const;

const SentSchema = z
  .object({ messages: z.array(z.object({ id: z.string().min(1).max(256) }).loose()).min(1) })
  .loose();
const ReadSchema = z.object({ success: z.literal(true) }).loose();
const ErrorBodySchema = z
  .object({
    error: z
      .object({ message: z.string().max(2000).optional(), code: z.number().int().optional(), error_subcode: z.number().int().optional() })
      .loose(),
  })
  .loose();

/** A send the Graph API refused, or that got no answer (status null). */
export class GraphApiError extends Error {
  constructor(
    /** HTTP status; null when no answer came (timeout, connection refused). */
    readonly status: number | null,
    /** Meta's error code from the body, when there was one. */
    readonly code: number | null,
    readonly title: string,
    /** What a 429 or 503 asked us to wait, from Retry-After. */
    readonly retryAfterMs: number | null,
    /**
     * The request may have left but no answer came back (a timeout, a connection cut): Meta may have accepted the message, so
     * sending it again at once could deliver it twice (see sendAttempts.ts).
     */
    readonly mayHaveArrived = false,
  ) {
    super(`Graph API ${status ?? 'no answer'}${code !== null ? ` (#${code})` : ''}: ${title}`);
    this.name = 'GraphApiError';
  }

  /** Worth trying again later: throttled, a server error, or no answer at all. Other 4xx are final. */
  get transient(): boolean {
    return this.status === null || this.status === 429 || this.status >= 500;
  }

  /** The token is bad: every send fails until an operator replaces it, so messages wait rather than drop. */
  get unauthorized(): boolean {
    return this.status === 401 || this.code === GRAPH_ERRORS.invalidToken;
  }
}

/** How the client reaches the Graph API and how hard it tries. */
export interface GraphClientOptions {
  settings: Pick<WhatsAppSettings, 'graphUrl' | 'apiVersion' | 'phoneNumberId' | 'accessToken' | 'graphTimeoutMs' | 'graphRetries'>;
  /** Between retries: 500 ms doubling up to 8 s unless Retry-After says otherwise. */
  backoff?: { initialMs: number; maxMs: number };
  /** A longer Retry-After is not waited for inside one send: the durable job retries it later. */
  maxRetryAfterMs?: number;
  logger: Logger;
  /** Told of every attempt's outcome ("200", "429", "timeout"...), for metrics. */
  onAttempt?: (outcome: string) => void;
}

/** Reads Retry-After: seconds, or an HTTP date. */
function retryAfterMs(header: string | null, now: number): number | null {
  if (!header) return null;
  if (/^\d+$/.test(header.trim())) return Number(header.trim()) * 1000;
  const at = Date.parse(header);
  return Number.isNaN(at) ? null : Math.max(0, at - now);
}

/**
 * The Cloud API's messages endpoint, POST /{version}/{phone-number-id}/messages with the Bearer
 * token. Sends are retried on 429, 5xx and unreachable with exponential backoff, waiting what
 * Retry-After asks (Meta answered, so it did not take the message); a timeout and other 4xx fail at
 * once, the 4xx with Meta's error code.
 */
export class GraphClient {
  private readonly url: string;
  private readonly retries: RetryPolicy;
  private readonly log: Logger;

  constructor(private readonly options: GraphClientOptions) {
    const { graphUrl, apiVersion, phoneNumberId } = options.settings;
    this.url = `${graphUrl}/${apiVersion}/${phoneNumberId}/messages`;
    this.log = options.logger.child({ component: 'whatsapp-graph' });
    const { initialMs, maxMs } = options.backoff ?? { initialMs: 500, maxMs: 8000 };
    const maxRetryAfterMs = options.maxRetryAfterMs ?? 30_000;
    this.retries = retry(
      // A timed-out send is not repeated here: only the outbox, which knows whether a status came, may send it again.
      handleWhen(
        (error) =>
          error instanceof GraphApiError && error.transient && !error.mayHaveArrived && (error.retryAfterMs ?? 0) <= maxRetryAfterMs,
      ),
      {
        maxAttempts: options.settings.graphRetries,
        backoff: new DelegateBackoff((context) => {
          const asked = 'error' in context.result && context.result.error instanceof GraphApiError ? context.result.error.retryAfterMs : null;
          return asked ?? Math.min(initialMs * 2 ** (context.attempt - 1), maxMs);
        }),
      },
    );
    this.retries.onRetry(({ attempt, delay }) => this.log.debug({ attempt, delayMs: delay }, 'retrying a Graph API send'));
  }

  /**
   * Sends one message and resolves with its WhatsApp message id (wamid). `callbackData` comes back in
   * the message's status webhooks (Meta's biz_opaque_callback_data), so a send whose answer was lost
   * can still be recognised.
   */
  async send(address: string, message: OutboundMessage, callbackData?: string): Promise<string> {
    const body = { ...messageRequest(address, message), ...(callbackData ? { biz_opaque_callback_data: callbackData } : {}) };
    const answer = await this.retries.execute(() => this.post(body));
    const sent = SentSchema.safeParse(answer);
    if (!sent.success) throw new GraphApiError(200, null, 'the answer has no message id', null);
    return sent.data.messages[0]!.id;
  }

  /** Marks a received message read and shows the typing indicator; one attempt, since it is only a courtesy. */
  async showTyping(wamid: string): Promise<void> {
    const answer = await this.post(typingRequest(wamid));
    if (!ReadSchema.safeParse(answer).success) throw new GraphApiError(200, null, 'the read receipt was not confirmed', null);
  }

  private async post(body: Record<string, unknown>): Promise<unknown> {
    let response: Response;
    let text: string;
    try {
      response = await fetch(this.url, {
        method: 'POST',
        headers: { authorization: `Bearer ${this.options.settings.accessToken}`, 'content-type': 'application/json' },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(this.options.settings.graphTimeoutMs),
      });
      text = await response.text();
    } catch (error) {
      // fetch rejects with a DOMException named TimeoutError, which need not be an instance of this realm's Error.
      const name = typeof error === 'object' && error !== null && 'name' in error ? error.name : '';
      const timedOut = name === 'TimeoutError' || name === 'AbortError';
      this.options.onAttempt?.(timedOut ? 'timeout' : 'unreachable');
      const neverLeft = !timedOut && NEVER_CONNECTED.has(causeCode(error));
      throw new GraphApiError(null, null, timedOut ? `no answer in ${this.options.settings.graphTimeoutMs} ms` : 'unreachable', null, !neverLeft);
    }
    this.options.onAttempt?.(String(response.status));
    const json = parseJson(text);
    if (response.ok) return json;
    const error = ErrorBodySchema.safeParse(json);
    throw new GraphApiError(
      response.status,
      error.success ? (error.data.error.code ?? null) : null,
      error.success ? (error.data.error.message ?? 'error') : `HTTP ${response.status}`,
      retryAfterMs(response.headers.get('retry-after'), Date.now()),
    );
  }
}

/** Connection failures that happen before any byte of the request is sent: Meta cannot have it. */
const NEVER_CONNECTED: ReadonlySet<string> = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ENETUNREACH', 'EHOSTUNREACH']);

/** The system error code under fetch's TypeError ("fetch failed"), or ''. */
function causeCode(error: unknown): string {
  const cause = typeof error === 'object' && error !== null && 'cause' in error ? error.cause : null;
  const code = typeof cause === 'object' && cause !== null && 'code' in cause ? cause.code : null;
  return typeof code === 'string' ? code : '';
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}
