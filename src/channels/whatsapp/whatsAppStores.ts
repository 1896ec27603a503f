import type { Redis } from 'ioredis';
import type { ConversationReferenceStore } from '../../conversations/conversationReferenceStore';
import { MemoryConversationReferenceStore } from '../../conversations/memoryConversationReferenceStore';
import { RedisConversationReferenceStore } from '../../conversations/redisConversationReferenceStore';
import type { Dedupe } from '../../dedupe/dedupe';
import { MemoryDedupe } from '../../dedupe/memoryDedupe';
import { RedisDedupe } from '../../dedupe/redisDedupe';
import type { Logger } from '../../log/logger';
import { connectRedis } from '../../store/redisConnection';
import type { DeliveryLog } from './deliveryLog';
import type { Mailboxes } from './mailboxes';
import { MemoryDeliveryLog } from './memoryDeliveryLog';
import { MemoryMailboxes } from './memoryMailboxes';
import { RedisDeliveryLog } from './redisDeliveryLog';
import { RedisMailboxes } from './redisMailboxes';
import { MemorySendAttempts } from './memorySendAttempts';
import { RedisSendAttempts } from './redisSendAttempts';
import type { SendAttempts } from './sendAttempts';

/** Where the WhatsApp channel keeps its state between the webhook, the turns and the sends. */
export interface WhatsAppStores {
  mailboxes: Mailboxes;
  deliveries: DeliveryLog;
  /** Each outbound send before and after its Graph call, so a retry after a crash does not send it twice. */
  attempts: SendAttempts;
  conversations: ConversationReferenceStore;
  dedupe: Dedupe;
  /** Resolves when the stores answer (for /readyz); rejects with the reason they do not. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

const DAY_SECONDS = 86_400;
/** Meta re-delivers a webhook for up to seven days; a day more covers its clock and ours. */
export const REDELIVERY_SECONDS = 8 * DAY_SECONDS;
/** Ticket updates can come weeks after the consumer wrote; the reference must still be there. */
const CONVERSATION_SECONDS = 90 * DAY_SECONDS;

const REDIS_PREFIX = 'sampark:whatsapp:';

/** Redis when the deployment has it (any instance takes any webhook or job), this process otherwise. */
export function openWhatsAppStores(redisUrl: string | undefined, logger: Logger): WhatsAppStores {
  if (!redisUrl) {
    return {
      mailboxes: new MemoryMailboxes(),
      deliveries: new MemoryDeliveryLog(REDELIVERY_SECONDS),
      attempts: new MemorySendAttempts(REDELIVERY_SECONDS),
      conversations: new MemoryConversationReferenceStore(CONVERSATION_SECONDS),
      dedupe: new MemoryDedupe(),
      ping: async () => undefined,
      close: async () => undefined,
    };
  }
  const redis = connectRedis(redisUrl, logger);
  return redisWhatsAppStores(redis, REDIS_PREFIX, async () => {
    await redis.quit().catch(() => redis.disconnect());
  });
}

/** The Redis stores under `prefix` on a connection the caller owns (tests give their own). */
export function redisWhatsAppStores(
  redis: Redis,
  prefix: string,
  close: () => Promise<void>,
): WhatsAppStores {
  return {
    mailboxes: new RedisMailboxes(redis, `${prefix}box:`, REDELIVERY_SECONDS),
    deliveries: new RedisDeliveryLog(redis, `${prefix}delivery:`, REDELIVERY_SECONDS),
    attempts: new RedisSendAttempts(redis, `${prefix}attempt:`, REDELIVERY_SECONDS),
    conversations: new RedisConversationReferenceStore(redis, `${prefix}conversation:`, CONVERSATION_SECONDS),
    dedupe: new RedisDedupe(redis, `${prefix}claim:`),
    ping: async () => void (await redis.ping()),
    close,
  };
}
