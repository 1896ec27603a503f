import {
  BrokenCircuitError,
  ConsecutiveBreaker,
  ExponentialBackoff,
  TimeoutStrategy,
  circuitBreaker,
  handleType,
  handleWhen,
  retry,
  timeout,
  type CircuitBreakerPolicy,
  type RetryPolicy,
  type TimeoutPolicy,
} from 'cockatiel';
import type { z } from 'zod';
import type { Logger } from '../../log/logger';
import {
  CaNumberInput,
  MobileInput,
  MobileUpdateRequestIdInput,
  PaymentAmountInput,
  PaymentReferenceInput,
  requireInput,
} from '../backendInput';
import {
  BackendUnavailableError,
  ConsumerSchema,
  MeterStatusSchema,
  MobileUpdateConfirmationSchema,
  MobileUpdateOtpsSchema,
  MobileUpdateProofSchema,
  MobileUpdateStartSchema,
  PaymentLinkSchema,
  PaymentSchema,
  MAX_TARGET_PAGE,
  ReconnectResultSchema,
  TargetCriteriaSchema,
  TargetPageSchema,
  type Consumer,
  type MeterBackend,
  type MeterStatus,
  type MobileUpdateConfirmation,
  type MobileUpdateOtps,
  type MobileUpdateProof,
  type MobileUpdateStart,
  type Payment,
  type PaymentLink,
  type PlannedOutage,
  type ReconnectResult,
  type TargetCriteria,
  type TargetPage,
} from '../meterBackend';
import { ConsumerListSchema, PlannedOutageEnvelopeSchema } from './wireSchemas';

/** How to reach the discom's backend and how hard to try. */
export interface HttpMeterBackendOptions {
  /** Where the contract's `/v1/...` paths are rooted, e.g. "https://mdm.example.in/sampark". */
  baseUrl: string;
  /** Sent as `Authorization: Bearer <apiKey>` when set. */
  apiKey?: string;
  /** Limit for one attempt, body included. */
  timeoutMs: number;
  /** Extra attempts for a GET that timed out, could not connect or got a 5xx. POSTs are never retried. */
  retries: number;
  /** Exponential backoff between retries; 200 ms doubling up to 2 s by default. */
  retryBackoff?: { initialDelayMs: number; maxDelayMs: number };
  /** After this many failed calls in a row, calls fail fast until `halfOpenAfterMs` has passed. */
  breaker: { consecutiveFailures: number; halfOpenAfterMs: number };
  logger: Logger;
}

type Operation = keyof MeterBackend;

interface Exchange<T> {
  operation: Operation;
  method: 'GET' | 'POST';
  path: string;
  body?: unknown;
  expectedStatus: 200 | 201;
  schema: z.ZodType<T>;
  /** 'null' where the contract answers 404 for an unknown consumer; elsewhere a 404 is a broken backend. */
  onNotFound: 'null' | 'fail';
}

/** Failures worth another try: the same request may well succeed a moment later. */
const TRANSIENT_REASONS: ReadonlySet<BackendUnavailableError['reason']> = new Set([
  'timeout',
  'unreachable',
  'server_error',
]);

/**
 * The production `MeterBackend`: the HTTP contract in docs/backend-openapi.yaml, behind a circuit
 * breaker, with a timeout per attempt and retries for GETs. A POST is never retried because the
 * backend may have acted on it (a relay command, an SMS) before the answer was lost.
 */
export class HttpMeterBackend implements MeterBackend {
  private readonly baseUrl: string;
  private readonly headers: Record<string, string>;
  private readonly log: Logger;
  private readonly attemptTimeout: TimeoutPolicy;
  private readonly getRetry: RetryPolicy;
  private readonly breaker: CircuitBreakerPolicy;

  constructor(options: HttpMeterBackendOptions) {
    this.baseUrl = options.baseUrl.replace(/\/+$/, '');
    this.headers = {
      accept: 'application/json',
      ...(options.apiKey !== undefined ? { authorization: `Bearer ${options.apiKey}` } : {}),
    };
    this.log = options.logger.child({ component: 'meter-backend' });
    this.attemptTimeout = timeout(options.timeoutMs, TimeoutStrategy.Cooperative);
    const { initialDelayMs, maxDelayMs } = options.retryBackoff ?? { initialDelayMs: 200, maxDelayMs: 2000 };
    this.getRetry = retry(
      handleWhen((error) => error instanceof BackendUnavailableError && TRANSIENT_REASONS.has(error.reason)),
      {
        maxAttempts: options.retries,
        backoff: new ExponentialBackoff({ initialDelay: initialDelayMs, maxDelay: maxDelayMs }),
      },
    );
    this.getRetry.onRetry(({ attempt, delay }) =>
      this.log.debug({ attempt, delayMs: delay }, 'retrying meter backend GET'),
    );
    this.breaker = circuitBreaker(handleType(BackendUnavailableError), {
      halfOpenAfter: options.breaker.halfOpenAfterMs,
      breaker: new ConsecutiveBreaker(options.breaker.consecutiveFailures),
    });
    this.breaker.onBreak(() => this.log.warn('meter backend circuit opened: failing fast'));
    this.breaker.onHalfOpen(() => this.log.info('meter backend circuit half-open: trying one call'));
    this.breaker.onReset(() => this.log.info('meter backend circuit closed'));
  }

  /** @inheritdoc */
  async findConsumer(caNumber: string): Promise<Consumer | null> {
    const ca = requireInput(CaNumberInput, caNumber, 'CA number');
    return this.send({
      operation: 'findConsumer',
      method: 'GET',
      path: `/v1/consumers/${ca}`,
      expectedStatus: 200,
      schema: ConsumerSchema,
      onNotFound: 'null',
    });
  }

  /** @inheritdoc */
  async findConnectionsByMobile(mobile: string): Promise<Consumer[]> {
    const number = requireInput(MobileInput, mobile, 'mobile number');
    const list = await this.send({
      operation: 'findConnectionsByMobile',
      method: 'GET',
      path: `/v1/consumers?mobile=${number}`,
      expectedStatus: 200,
      schema: ConsumerListSchema,
      onNotFound: 'fail',
    });
    return list.consumers;
  }

  /** @inheritdoc */
  async getMeterStatus(caNumber: string): Promise<MeterStatus | null> {
    const ca = requireInput(CaNumberInput, caNumber, 'CA number');
    return this.send({
      operation: 'getMeterStatus',
      method: 'GET',
      path: `/v1/consumers/${ca}/meter-status`,
      expectedStatus: 200,
      schema: MeterStatusSchema,
      onNotFound: 'null',
    });
  }

  /** @inheritdoc */
  async findPayment(caNumber: string, reference: string): Promise<Payment | null> {
    const ca = requireInput(CaNumberInput, caNumber, 'CA number');
    const ref = requireInput(PaymentReferenceInput, reference, 'payment reference');
    return this.send({
      operation: 'findPayment',
      method: 'GET',
      path: `/v1/consumers/${ca}/payments/${ref}`,
      expectedStatus: 200,
      schema: PaymentSchema,
      onNotFound: 'null',
    });
  }

  /** @inheritdoc */
  async requestReconnect(caNumber: string): Promise<ReconnectResult | null> {
    const ca = requireInput(CaNumberInput, caNumber, 'CA number');
    return this.send({
      operation: 'requestReconnect',
      method: 'POST',
      path: `/v1/consumers/${ca}/reconnect`,
      expectedStatus: 200,
      schema: ReconnectResultSchema,
      onNotFound: 'null',
    });
  }

  /** @inheritdoc */
  async createPaymentLink(caNumber: string, amount: number | null): Promise<PaymentLink | null> {
    const ca = requireInput(CaNumberInput, caNumber, 'CA number');
    const wanted = amount === null ? null : requireInput(PaymentAmountInput, amount, 'amount');
    return this.send({
      operation: 'createPaymentLink',
      method: 'POST',
      path: `/v1/consumers/${ca}/payment-links`,
      body: { amount: wanted },
      expectedStatus: 201,
      schema: PaymentLinkSchema,
      onNotFound: 'null',
    });
  }

  /** @inheritdoc */
  async startMobileUpdate(caNumber: string, newMobile: string, proof: MobileUpdateProof): Promise<MobileUpdateStart | null> {
    const ca = requireInput(CaNumberInput, caNumber, 'CA number');
    const mobile = requireInput(MobileInput, newMobile, 'mobile number');
    return this.send({
      operation: 'startMobileUpdate',
      method: 'POST',
      path: `/v1/consumers/${ca}/mobile-updates`,
      body: { mobile, proof: requireInput(MobileUpdateProofSchema, proof, 'proof') },
      expectedStatus: 200,
      schema: MobileUpdateStartSchema,
      onNotFound: 'null',
    });
  }

  /** @inheritdoc */
  async confirmMobileUpdate(requestId: string, otps: MobileUpdateOtps): Promise<MobileUpdateConfirmation> {
    const id = requireInput(MobileUpdateRequestIdInput, requestId, 'mobile update request id');
    return this.send({
      operation: 'confirmMobileUpdate',
      method: 'POST',
      path: `/v1/mobile-updates/${id}/confirm`,
      body: { otps: requireInput(MobileUpdateOtpsSchema, otps, 'OTPs') },
      expectedStatus: 200,
      schema: MobileUpdateConfirmationSchema,
      onNotFound: 'fail',
    });
  }

  /** @inheritdoc */
  async findPlannedOutage(caNumber: string): Promise<PlannedOutage | null> {
    const ca = requireInput(CaNumberInput, caNumber, 'CA number');
    const envelope = await this.send({
      operation: 'findPlannedOutage',
      method: 'GET',
      path: `/v1/consumers/${ca}/planned-outage`,
      expectedStatus: 200,
      schema: PlannedOutageEnvelopeSchema,
      onNotFound: 'null',
    });
    return envelope?.outage ?? null;
  }

  /** @inheritdoc */
  async findTargets(criteria: TargetCriteria, cursor: string | null, limit: number): Promise<TargetPage> {
    const wanted = requireInput(TargetCriteriaSchema, criteria, 'target criteria');
    if (!Number.isInteger(limit) || limit < 1 || limit > MAX_TARGET_PAGE) throw new RangeError('malformed page limit');
    const query = new URLSearchParams();
    for (const [name, value] of Object.entries(wanted)) if (value !== undefined) query.set(name, String(value));
    if (cursor !== null) query.set('cursor', requireInput(CaNumberInput, cursor, 'cursor'));
    query.set('limit', String(limit));
    return this.send({
      operation: 'findTargets',
      method: 'GET',
      path: `/v1/targets?${query.toString()}`,
      expectedStatus: 200,
      schema: TargetPageSchema,
      onNotFound: 'fail',
    });
  }

  /**
   * Runs one exchange through the policies: the breaker outermost, so a GET that succeeds on a retry
   * counts as one success and one that fails every attempt as one failure.
   */
  private send<T>(exchange: Exchange<T> & { onNotFound: 'null' }): Promise<T | null>;
  private send<T>(exchange: Exchange<T> & { onNotFound: 'fail' }): Promise<T>;
  private async send<T>(exchange: Exchange<T>): Promise<T | null> {
    const once = () => this.attemptTimeout.execute(({ signal }) => this.attempt(exchange, signal));
    const withRetries = () => (exchange.method === 'GET' ? this.getRetry.execute(once) : once());
    try {
      return await this.breaker.execute(withRetries);
    } catch (error) {
      const failure = error instanceof BrokenCircuitError ? new BackendUnavailableError('circuit_open') : error;
      if (failure instanceof BackendUnavailableError) {
        const { operation } = exchange;
        const { reason, message } = failure;
        this.log.warn({ operation, reason, error: message }, 'meter backend call failed');
      }
      throw failure;
    }
  }

  /** One HTTP request and its validation; every failure leaves as a BackendUnavailableError. */
  private async attempt<T>(exchange: Exchange<T>, signal: AbortSignal): Promise<T | null> {
    const response = await this.request(exchange, signal);
    if (response.status === 404 && exchange.onNotFound === 'null') {
      await discardBody(response);
      return null;
    }
    if (response.status >= 500) {
      await discardBody(response);
      throw new BackendUnavailableError('server_error', `HTTP ${response.status}`);
    }
    if (response.status !== exchange.expectedStatus) {
      await discardBody(response);
      throw new BackendUnavailableError('bad_response', `unexpected HTTP ${response.status}`);
    }
    if (!/^application\/(?:[\w.+-]+\+)?json\b/i.test(response.headers.get('content-type') ?? '')) {
      await discardBody(response);
      throw new BackendUnavailableError('bad_response', 'content is not JSON');
    }
    let body: unknown;
    try {
      body = await response.json();
    } catch {
      throw signal.aborted
        ? new BackendUnavailableError('timeout', 'while reading the body')
        : new BackendUnavailableError('bad_response', 'body is not valid JSON');
    }
    const parsed = exchange.schema.safeParse(body);
    if (!parsed.success) {
      // Paths only: the values may be a consumer's personal data.
      const fields = [...new Set(parsed.error.issues.map((issue) => issue.path.join('.') || '(root)'))];
      throw new BackendUnavailableError('bad_response', `body breaks the contract at ${fields.join(', ')}`);
    }
    return parsed.data;
  }

  private async request(exchange: Exchange<unknown>, signal: AbortSignal): Promise<Response> {
    try {
      const hasBody = exchange.body !== undefined;
      return await fetch(this.baseUrl + exchange.path, {
        method: exchange.method,
        headers: hasBody ? { ...this.headers, 'content-type': 'application/json' } : this.headers,
        body: hasBody ? JSON.stringify(exchange.body) : undefined,
        signal,
      });
    } catch (error) {
      if (signal.aborted) throw new BackendUnavailableError('timeout');
      throw new BackendUnavailableError('unreachable', networkErrorCode(error));
    }
  }
}

/** Frees the connection without reading a body nobody needs. */
async function discardBody(response: Response): Promise<void> {
  await response.body?.cancel().catch(() => undefined);
}

/** "ECONNREFUSED", "ENOTFOUND"…: undici puts the system error under `cause`. */
function networkErrorCode(error: unknown): string | undefined {
  const cause: unknown = error instanceof Error ? error.cause : undefined;
  if (typeof cause === 'object' && cause !== null && 'code' in cause && typeof cause.code === 'string') {
    return cause.code;
  }
  return undefined;
}
