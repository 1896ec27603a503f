import type { Redis } from 'ioredis';
import type { Registry } from 'prom-client';
import { z } from 'zod';
import type { MeterBackend } from '../backend/meterBackend';
import type { JobQueue } from '../jobs/jobQueue';
import type { Logger } from '../log/logger';
import type { Ticket } from '../tickets/ticket';
import type { TicketService } from '../tickets/ticketService';
import { CampaignFollowUp, type CampaignConversations, type DeliveryStatus } from './campaignFollowUp';
import { CampaignOutcomes } from './campaignOutcomes';
import { CampaignJobSchema, CampaignPreparation, PREPARE_JOB } from './campaignPreparation';
import { CampaignSending, CHECK_JOB, SEND_JOB } from './campaignSending';
import { CampaignService } from './campaignService';
import { CampaignVisits } from './campaignVisits';
import type { CampaignStore } from './campaignStore';
import { MemoryCampaignStore } from './memoryCampaignStore';
import { MemoryOptOutStore } from './memoryOptOutStore';
import { MemorySendingQuota } from './memorySendingQuota';
import type { KnownLanguage } from './knownLanguage';
import type { OptOutStore } from './optOutStore';
import type { OutreachChannel } from './outreachChannel';
import { OutreachMetrics } from './outreachMetrics';
import type { OutreachSettings } from './outreachSettings';
import { RedisCampaignStore } from './redisCampaignStore';
import { RedisOptOutStore } from './redisOptOutStore';
import { RedisSendingQuota } from './redisSendingQuota';
import type { SendingQuota } from './sendingQuota';
import { loggingOutreachChannel } from './whatsAppOutreachChannel';

/** A message or conversation links back to its campaign this long: replies and statuses after it are not counted. */
const LINK_TTL_SECONDS = 30 * 24 * 3600;

/** What campaigns need from the rest of Sampark (createSampark gives all of it). */
export interface OutreachParts {
  /** Redis for campaigns, opt-outs and the sending quota; null keeps them in this process. */
  redis: Redis | null;
  jobs: JobQueue;
  backend: MeterBackend;
  tickets: TicketService;
  registry: Registry;
  settings: OutreachSettings;
  discomName: string;
  /** The language a consumer chose in chat, for their template; the campaign's language otherwise. */
  knownLanguage?: KnownLanguage;
  logger: Logger;
  now: () => Date;
  /** Replace the stores chosen from `redis` (tests). */
  stores?: { campaigns: CampaignStore; optOuts: OptOutStore; quota: SendingQuota };
}

/** Outreach campaigns, wired: the service the API drives, and the hooks the channels and tickets call. */
export interface Outreach {
  campaigns: CampaignService;
  /** For the dialogs: campaign buttons and a typed stop. */
  conversations: CampaignConversations;
  /** A WhatsApp delivery status of any message; campaign ones become outcomes. */
  onStatus(status: DeliveryStatus): Promise<void>;
  /** Any ticket change; a resolved visit marks the consumer visited. */
  onTicketChanged(ticket: Ticket): Promise<void>;
  /** Campaign messages go through this channel from now on (WhatsApp once mounted; the log until then). */
  sendThrough(channel: OutreachChannel): void;
}

/**
 * Builds outreach and defines its durable jobs: finding a started campaign's targets, sending it in
 * batches, and checking later whether consumers recharged or changed mobile. Call before `jobs.start()`.
 */
export function createOutreach(parts: OutreachParts): Outreach {
  const { jobs, logger, now } = parts;
  const log = logger.child({ component: 'outreach' });
  const stores = parts.stores ?? openStores(parts.redis);
  let channel: OutreachChannel = loggingOutreachChannel(log);
  const metrics = new OutreachMetrics(parts.registry);
  const outcomes = new CampaignOutcomes(stores.campaigns, metrics, now);
  const visits = new CampaignVisits(parts.tickets, outcomes);
  const preparation = new CampaignPreparation({
    store: stores.campaigns,
    outcomes,
    backend: parts.backend,
    visits,
    channel: () => channel,
    logger: log,
    now,
  });
  const sending = new CampaignSending({
    store: stores.campaigns,
    optOuts: stores.optOuts,
    quota: stores.quota,
    outcomes,
    visits,
    channel: () => channel,
    jobs,
    metrics,
    settings: parts.settings,
    discomName: parts.discomName,
    knownLanguage: parts.knownLanguage ?? (async () => null),
    logger: log,
    now,
  });
  const followUp = new CampaignFollowUp({
    store: stores.campaigns,
    optOuts: stores.optOuts,
    outcomes,
    visits,
    sending,
    backend: parts.backend,
    logger: log,
    now,
  });

  jobs.define({
    name: PREPARE_JOB,
    schema: CampaignJobSchema,
    handler: async ({ campaignId }) => {
      await preparation.prepare(campaignId);
      await jobs.enqueue(SEND_JOB, { campaignId });
    },
  });
  jobs.define({
    name: SEND_JOB,
    schema: CampaignJobSchema,
    handler: async ({ campaignId }) => {
      const next = await sending.sendBatch(campaignId);
      if (next !== null) await jobs.enqueue(SEND_JOB, { campaignId }, { delayMs: next });
    },
    attempts: 10,
  });
  jobs.define({
    name: CHECK_JOB,
    schema: CampaignJobSchema.extend({ caNumber: z.string() }),
    handler: ({ campaignId, caNumber }) => followUp.check(campaignId, caNumber),
  });

  return {
    campaigns: new CampaignService(stores.campaigns, jobs, now),
    conversations: followUp,
    onStatus: (status) => followUp.delivery(status),
    onTicketChanged: (ticket) => followUp.ticketChanged(ticket),
    sendThrough: (next) => {
      channel = next;
    },
  };
}

function openStores(redis: Redis | null): { campaigns: CampaignStore; optOuts: OptOutStore; quota: SendingQuota } {
  if (!redis) return { campaigns: new MemoryCampaignStore(), optOuts: new MemoryOptOutStore(), quota: new MemorySendingQuota() };
  const prefix = 'sampark:outreach:';
  return {
    campaigns: new RedisCampaignStore(redis, prefix, LINK_TTL_SECONDS),
    optOuts: new RedisOptOutStore(redis, prefix),
    quota: new RedisSendingQuota(redis, prefix),
  };
}
