import restify, { type Server } from 'restify';
import { libraryLogger, type Logger } from '../log/logger';
import { botFrameworkEndpoint } from '../channels/botframework/botFrameworkEndpoint';
import type { SamparkCloudAdapter } from '../channels/botframework/botFrameworkAdapter';
import type { SamparkBot } from '../bot/samparkBot';
import type { Metrics } from '../metrics/metrics';
import { bodyLayer } from './bodyLayer';
import { DEFAULT_BODY_LIMITS, type BodyLimits } from './requestBody';

/** A named dependency check for /readyz. */
export interface ReadinessCheck {
  name: string;
  /** Resolves when the dependency answers; rejects with the reason it does not. */
  check: () => Promise<void>;
}

export interface ServerParts {
  bot: SamparkBot;
  adapter: SamparkCloudAdapter;
  readiness: ReadinessCheck[];
  metrics: Metrics;
  logger: Logger;
  /** Body size, deadline and depth (REQUEST_BODY_*, REQUEST_JSON_MAX_DEPTH); the defaults when not given. */
  bodyLimits?: BodyLimits;
}

const READINESS_TIMEOUT_MS = 2000;

/** Headers are a few hundred bytes: a client that needs longer is holding the socket, not sending. */
const HEADERS_TIMEOUT_MS = 10_000;

/** The restify server: the Bot Framework endpoint, the operator's health probes and metrics. */
export function createHttpServer(parts: ServerParts): Server {
  const server = restify.createServer({
    name: 'sampark',
    handleUncaughtExceptions: false,
    // restify 11 logs through pino; @types/restify still describes its old bunyan logger.
    log: libraryLogger(parts.logger, 'restify') as unknown as restify.ServerOptions['log'],
  });
  const bodyLimits = parts.bodyLimits ?? DEFAULT_BODY_LIMITS;
  limitRequestTimes(server, bodyLimits);
  server.use(bodyLayer(bodyLimits, parts.logger));

  server.post('/api/messages', botFrameworkEndpoint(parts.adapter, (context) => parts.bot.run(context), parts.logger));

  server.get('/healthz', (_req, res, next) => {
    res.send(200, { status: 'ok' });
    next();
  });

  server.get('/readyz', async (_req, res) => {
    const results = await Promise.all(parts.readiness.map(runCheck));
    const ready = results.every((result) => result.ok);
    res.send(ready ? 200 : 503, { ready, checks: results });
  });

  server.get('/metrics', async (_req, res) => {
    const body = await parts.metrics.registry.metrics();
    res.setHeader('content-type', parts.metrics.registry.contentType);
    res.sendRaw(200, body);
  });

  server.on('restifyError', (req, _res, error, callback) => {
    parts.logger.warn({ path: req.path(), status: error.statusCode, reason: error.message.split('\n')[0] }, 'request failed');
    return callback();
  });
  return server;
}

/**
 * Node's own backstop for sockets that trickle their headers or body (slowloris): it answers 408 and
 * closes. The body layer's deadline is shorter and answers first; this also covers requests no
 * handler reads. Only the request is timed: live streams (agent events, Direct Line) answer for hours.
 */
function limitRequestTimes(server: Server, limits: BodyLimits): void {
  server.server.headersTimeout = HEADERS_TIMEOUT_MS;
  server.server.requestTimeout = HEADERS_TIMEOUT_MS + limits.timeoutMs * 2;
}

async function runCheck(readiness: ReadinessCheck): Promise<{ name: string; ok: boolean; problem?: string }> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer in ${READINESS_TIMEOUT_MS} ms`)), READINESS_TIMEOUT_MS);
  });
  try {
    await Promise.race([readiness.check(), timeout]);
    return { name: readiness.name, ok: true };
  } catch (error) {
    return { name: readiness.name, ok: false, problem: error instanceof Error ? error.message : String(error) };
  } finally {
    clearTimeout(timer);
  }
}
