import type { Redis } from 'ioredis';
import type { DirectLineStores } from '../../../src/channels/directline/directLineStores';
import { RedisConversationSignals } from '../../../src/channels/directline/redisConversationSignals';
import { RedisTranscriptStore } from '../../../src/channels/directline/redisTranscriptStore';
import { RedisDedupe } from '../../../src/dedupe/redisDedupe';
import { silentLogger } from '../../../src/log/logger';
import { connectRedis } from '../../../src/store/redisConnection';
import { TEST_REDIS_URL } from '../../support/redis';

/** The production pair on Redis: a fail-fast client, as connectRedis makes it, under a test prefix. */
export async function redisStores(prefix: string): Promise<{ stores: DirectLineStores; redis: Redis }> {
  const logger = silentLogger();
  const redis = connectRedis(TEST_REDIS_URL, logger);
  await new Promise<void>((resolve) => redis.once('ready', () => resolve()));
  const signals = new RedisConversationSignals({ redis, prefix, logger });
  await signals.ready();
  const stores: DirectLineStores = {
    transcripts: new RedisTranscriptStore({ redis, prefix, maxActivities: 100, ttlSeconds: 300 }),
    signals,
    usedTickets: new RedisDedupe(redis, `${prefix}ticket:`),
    close: async () => {
      await signals.close();
      redis.disconnect();
    },
  };
  return { stores, redis };
}

