import Redis from 'ioredis';
import type { Logger } from '../log/logger';

/**
 * A Redis client that fails fast: with no offline queue, a command while Redis is away rejects at
 * once, so a turn can apologise instead of hanging; the client keeps reconnecting on its own.
 */
export function connectRedis(url: string, logger: Logger, onError: () => void = () => undefined): Redis {
  const redis = new Redis(url, {
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    connectTimeout: 2000,
    retryStrategy: (attempt) => Math.min(attempt * 200, 2000),
    // Commands issued in the same tick (many concurrent turns) go out in one write, not one syscall each.
    enableAutoPipelining: true,
  });
  let reported = false;
  redis.on('error', (error: Error) => {
    onError();
    // ioredis repeats the error on every reconnect attempt; one line per outage is enough.
    if (!reported) logger.error({ err: error }, 'redis unavailable');
    reported = true;
  });
  redis.on('ready', () => {
    if (reported) logger.info('redis reachable again');
    reported = false;
  });
  return redis;
}
