import type { Dedupe } from '../../dedupe/dedupe';
import { MemoryDedupe } from '../../dedupe/memoryDedupe';
import { RedisDedupe } from '../../dedupe/redisDedupe';
import type { Logger } from '../../log/logger';
import { connectRedis } from '../../store/redisConnection';
import { LocalConversationSignals, type ConversationSignals } from './conversationSignals';
import type { DirectLineSettings } from './directLineSettings';
import { MemoryTranscriptStore } from './memoryTranscriptStore';
import { RedisConversationSignals } from './redisConversationSignals';
import { RedisTranscriptStore } from './redisTranscriptStore';
import type { TranscriptStore } from './transcriptStore';

/** Where web chat transcripts live and how open streams hear of new activities. */
export interface DirectLineStores {
  transcripts: TranscriptStore;
  signals: ConversationSignals;
  /** The stream tickets already used, so each opens one stream on whichever instance it reaches. */
  usedTickets: Dedupe;
  close(): Promise<void>;
}

const REDIS_PREFIX = 'sampark:directline:';

/** Redis when the deployment has it (any instance serves any conversation), this process otherwise. */
export function openDirectLineStores(settings: DirectLineSettings, redisUrl: string | undefined, logger: Logger): DirectLineStores {
  const limits = { maxActivities: settings.transcriptMaxActivities, ttlSeconds: settings.transcriptTtlSeconds };
  if (!redisUrl) {
    const signals = new LocalConversationSignals();
    return { transcripts: new MemoryTranscriptStore(limits), signals, usedTickets: new MemoryDedupe(), close: () => signals.close() };
  }
  const redis = connectRedis(redisUrl, logger);
  const signals = new RedisConversationSignals({ redis, prefix: REDIS_PREFIX, logger });
  signals.ready().catch((error: unknown) => logger.error({ err: error }, 'web chat signals: Redis subscription failed'));
  return {
    transcripts: new RedisTranscriptStore({ redis, prefix: REDIS_PREFIX, ...limits }),
    signals,
    usedTickets: new RedisDedupe(redis, `${REDIS_PREFIX}ticket:`),
    close: async () => {
      await signals.close();
      await redis.quit().catch(() => redis.disconnect());
    },
  };
}
