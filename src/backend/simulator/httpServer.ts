import { createHash, timingSafeEqual } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import restify, { type Next, type Request, type Response, type Route, type Server } from 'restify';
import type { z } from 'zod';
import type { Logger } from '../../log/logger';
import {
  CaNumberInput,
  MobileInput,
  MobileUpdateRequestIdInput,
  PaymentReferenceInput,
} from '../backendInput';
import { BackendUnavailableError, type MeterBackend } from '../meterBackend';
import {
  MobileUpdateConfirmRequestSchema,
  MobileUpdateRequestSchema,
  PaymentLinkRequestSchema,
  TargetQuerySchema,
  type ErrorBody,
} from '../http/wireSchemas';

/** What the server needs: the backend it exposes, where to log, and an optional shared secret. */
export interface SimulatorServerOptions {
  backend: MeterBackend;
  logger: Logger;
  /** When set, every request must carry `Authorization: Bearer <apiKey>`. */
  apiKey?: string;
}

/** Where a listening server can be reached. */
export interface SimulatorAddress {
  host: string;
  port: number;
  /** Base URL for an HttpMeterBackend, e.g. "http://127.0.0.1:4010". */
  url: string;
}

/** A server exposing a MeterBackend over the HTTP contract in docs/backend-openapi.yaml. */
export interface SimulatorServer {
  /** Port 0 picks a free port; the address says which. */
  listen(port: number, host: string): Promise<SimulatorAddress>;
  close(): Promise<void>;
}

interface Reply {
  status: number;
  body: unknown;
}

/** What restify hands the 'restifyError' listener: its error, whose JSON body we may replace. */
type RestifyError = { toJSON?: () => ErrorBody };

/** Input that does not fit the contract; answered with 400. */
class InvalidInput extends Error {}

const NOT_FOUND: Reply = { status: 404, body: { error: 'not_found' } satisfies ErrorBody };

/** Serves `backend` (normally the simulator) over HTTP, validating every path, query and body. */
export function createSimulatorServer(options: SimulatorServerOptions): SimulatorServer {
  const { backend, logger } = options;
  const server = restify.createServer({
    name: 'sampark-backend-simulator',
    // restify 11 logs through pino; its type definitions still describe the bunyan logger of old.
    log: logger.child({ component: 'restify' }) as unknown as Server['log'],
  });

  // restify's own errors (malformed JSON, unknown route) get the same body shape as ours.
  server.on('restifyError', (_req: Request, _res: Response, err: RestifyError, cb: () => void) => {
    if (!(err instanceof Error)) return cb();
    const code = 'restCode' in err && typeof err.restCode === 'string' ? err.restCode : err.name;
    err.toJSON = () => ({ error: toSnakeCase(code), ...(err.message ? { detail: err.message } : {}) });
    cb();
  });
  server.on('after', (req: Request, res: Response, matched: Route | null) => {
    // The route pattern, never the URL: URLs carry CA and mobile numbers.
    const pattern = matched?.spec.path ?? 'unmatched';
    logger.debug({ method: req.method, route: pattern, status: res.statusCode }, 'request');
  });
  if (options.apiKey !== undefined) server.use(requireApiKey(options.apiKey));
  server.use(restify.plugins.queryParser({ mapParams: false }));
  server.use(restify.plugins.jsonBodyParser({ mapParams: false }));

  const route = (handler: (req: Request) => Promise<Reply>) => async (req: Request, res: Response) => {
    const reply = await handler(req).catch((error: unknown) => failureReply(error, logger));
    res.send(reply.status, reply.body);
  };

  server.get('/v1/consumers/:ca', route(async (req) => {
    const consumer = await backend.findConsumer(parse(CaNumberInput, req.params.ca, 'CA number'));
    return consumer ? { status: 200, body: consumer } : NOT_FOUND;
  }));
  server.get('/v1/consumers', route(async (req) => {
    const mobile = parse(MobileInput, queryValue(req, 'mobile'), 'mobile query parameter');
    return { status: 200, body: { consumers: await backend.findConnectionsByMobile(mobile) } };
  }));
  server.get('/v1/targets', route(async (req) => {
    const { cursor, limit, ...criteria } = parse(TargetQuerySchema, req.query ?? {}, 'target query');
    return { status: 200, body: await backend.findTargets(criteria, cursor ?? null, limit) };
  }));
  server.get('/v1/consumers/:ca/meter-status', route(async (req) => {
    const status = await backend.getMeterStatus(parse(CaNumberInput, req.params.ca, 'CA number'));
    return status ? { status: 200, body: status } : NOT_FOUND;
  }));
  server.get('/v1/consumers/:ca/payments/:reference', route(async (req) => {
    const caNumber = parse(CaNumberInput, req.params.ca, 'CA number');
    const reference = parse(PaymentReferenceInput, req.params.reference, 'payment reference');
    const payment = await backend.findPayment(caNumber, reference);
    return payment ? { status: 200, body: payment } : NOT_FOUND;
  }));
  server.post('/v1/consumers/:ca/reconnect', route(async (req) => {
    const result = await backend.requestReconnect(parse(CaNumberInput, req.params.ca, 'CA number'));
    return result ? { status: 200, body: result } : NOT_FOUND;
  }));
  server.post('/v1/consumers/:ca/payment-links', route(async (req) => {
    const caNumber = parse(CaNumberInput, req.params.ca, 'CA number');
    const { amount } = parse(PaymentLinkRequestSchema, req.body, 'request body');
    const link = await backend.createPaymentLink(caNumber, amount);
    return link ? { status: 201, body: link } : NOT_FOUND;
  }));
  server.post('/v1/consumers/:ca/mobile-updates', route(async (req) => {
    const caNumber = parse(CaNumberInput, req.params.ca, 'CA number');
    const { mobile, proof } = parse(MobileUpdateRequestSchema, req.body, 'request body');
    const started = await backend.startMobileUpdate(caNumber, mobile, proof);
    return started ? { status: 200, body: started } : NOT_FOUND;
  }));
  server.post('/v1/mobile-updates/:requestId/confirm', route(async (req) => {
    const requestId = parse(MobileUpdateRequestIdInput, req.params.requestId, 'request id');
    const { otps } = parse(MobileUpdateConfirmRequestSchema, req.body, 'request body');
    return { status: 200, body: await backend.confirmMobileUpdate(requestId, otps) };
  }));
  server.get('/v1/consumers/:ca/planned-outage', route(async (req) => {
    const caNumber = parse(CaNumberInput, req.params.ca, 'CA number');
    if (!(await backend.findConsumer(caNumber))) return NOT_FOUND;
    return { status: 200, body: { outage: await backend.findPlannedOutage(caNumber) } };
  }));

  return {
    listen: (port, host) =>
      new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => {
          server.removeListener('error', reject);
          const address = server.address() as AddressInfo;
          const urlHost = address.address.includes(':') ? `[${address.address}]` : address.address;
          logger.info({ host: address.address, port: address.port }, 'backend simulator listening');
          resolve({ host: address.address, port: address.port, url: `http://${urlHost}:${address.port}` });
        });
      }),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** Rejects requests without the shared secret; compares digests so timing reveals nothing. */
function requireApiKey(apiKey: string) {
  const expected = digest(`Bearer ${apiKey}`);
  return (req: Request, res: Response, next: Next): void => {
    const given = req.header('authorization');
    if (given === undefined || !timingSafeEqual(digest(given), expected)) {
      res.send(401, { error: 'unauthorized', detail: 'missing or wrong bearer token' } satisfies ErrorBody);
      next(false);
      return;
    }
    next();
  };
}

function digest(value: string): Buffer {
  return createHash('sha256').update(value).digest();
}

function parse<T>(schema: z.ZodType<T>, value: unknown, what: string): T {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new InvalidInput(`malformed ${what}`);
  return parsed.data;
}

function queryValue(req: Request, name: string): unknown {
  const query: unknown = req.query;
  return typeof query === 'object' && query !== null ? (query as Record<string, unknown>)[name] : undefined;
}

/** Maps what went wrong to the contract's status codes; a backend outage is the wrapped backend's 503. */
function failureReply(error: unknown, logger: Logger): Reply {
  if (error instanceof InvalidInput) {
    return { status: 400, body: { error: 'bad_request', detail: error.message } };
  }
  if (error instanceof BackendUnavailableError) {
    return { status: 503, body: { error: 'backend_unavailable', detail: error.reason } };
  }
  logger.error({ err: error }, 'backend simulator request failed');
  return { status: 500, body: { error: 'internal_error' } };
}

function toSnakeCase(code: string): string {
  return code.replace(/Error$/, '').replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase();
}
