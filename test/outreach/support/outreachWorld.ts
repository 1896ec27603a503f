import type { Redis } from 'ioredis';
import { SimulatedMeterBackend } from '../../../src/backend/simulator/simulatedMeterBackend';
import { DEFAULT_SLA_HOURS } from '../../../src/config/ticketPolicy';
import type { OutboundMessage } from '../../../src/channels/whatsapp/graphMessages';
import { InProcessJobQueue } from '../../../src/jobs/inProcessJobQueue';
import type { JobQueue } from '../../../src/jobs/jobQueue';
import { silentLogger, type Logger } from '../../../src/log/logger';
import { Metrics } from '../../../src/metrics/metrics';
import type { CampaignStore } from '../../../src/outreach/campaignStore';
import { MemoryCampaignStore } from '../../../src/outreach/memoryCampaignStore';
import { MemoryOptOutStore } from '../../../src/outreach/memoryOptOutStore';
import { MemorySendingQuota } from '../../../src/outreach/memorySendingQuota';
import type { OptOutStore } from '../../../src/outreach/optOutStore';
import { createOutreach, type Outreach } from '../../../src/outreach/outreach';
import type { OutreachChannel, SendResult } from '../../../src/outreach/outreachChannel';
import { DEFAULT_OUTREACH_SETTINGS, type OutreachSettings } from '../../../src/outreach/outreachSettings';
import type { SendingQuota } from '../../../src/outreach/sendingQuota';
import { MemoryTicketRepository } from '../../../src/tickets/memoryTicketRepository';
import { TicketService } from '../../../src/tickets/ticketService';
import type { MeterBackend } from '../../../src/backend/meterBackend';
import type { KnownLanguage } from '../../../src/outreach/knownLanguage';

/** A campaign message the recording channel took. */
export interface Taken {
  mobile: string;
  message: OutboundMessage;
  messageId: string;
}

/** An outreach channel that records what it is given and answers as told (accepted unless `next` says otherwise). */
export class RecordingChannel implements OutreachChannel {
  readonly taken: Taken[] = [];
  /** Answers for the next sends, in order; accepted once they run out. */
  readonly next: Array<SendResult['kind'] | 'refused_retry' | 'refused_final' | 'crash'> = [];

  conversationIdOf(mobile: string): string {
    return `wa-test-${mobile}`;
  }

  async send(mobile: string, message: OutboundMessage): Promise<SendResult> {
    const answer = this.next.shift() ?? 'accepted';
    if (answer === 'refused_retry') return { kind: 'refused', retryLater: true, code: 130429 };
    if (answer === 'refused_final') return { kind: 'refused', retryLater: false, code: 131026 };
    if (answer === 'unknown') return { kind: 'unknown' };
    // The process dies in the middle of the send: the caller never learns what happened.
    if (answer === 'crash') throw new Error('process killed mid-send');
    const messageId = `wamid.${this.taken.length + 1}`;
    this.taken.push({ mobile, message, messageId });
    return { kind: 'accepted', messageId };
  }
}

/** Outreach over the simulator, in-memory stores (unless given) and a job queue, with a clock the test moves. */
export interface OutreachWorld {
  outreach: Outreach;
  backend: MeterBackend;
  tickets: TicketService;
  repository: MemoryTicketRepository;
  channel: RecordingChannel;
  jobs: JobQueue;
  metrics: Metrics;
  stores: { campaigns: CampaignStore; optOuts: OptOutStore; quota: SendingQuota };
}

export interface WorldOptions {
  now: () => Date;
  settings?: Partial<OutreachSettings>;
  jobs?: JobQueue;
  redis?: Redis | null;
  stores?: OutreachWorld['stores'];
  backend?: MeterBackend;
  knownLanguage?: KnownLanguage;
  logger?: Logger;
}

export function outreachWorld(options: WorldOptions): OutreachWorld {
  const backend = options.backend ?? new SimulatedMeterBackend({ now: options.now });
  const repository = new MemoryTicketRepository();
  const tickets = new TicketService(repository, { ...DEFAULT_SLA_HOURS }, options.now);
  const jobs = options.jobs ?? new InProcessJobQueue(silentLogger());
  const metrics = new Metrics();
  const stores = options.stores ?? { campaigns: new MemoryCampaignStore(), optOuts: new MemoryOptOutStore(), quota: new MemorySendingQuota() };
  const outreach = createOutreach({
    redis: null,
    jobs,
    backend,
    tickets,
    registry: metrics.registry,
    settings: { ...DEFAULT_OUTREACH_SETTINGS, ...options.settings },
    discomName: 'SBPDCL',
    ...(options.knownLanguage ? { knownLanguage: options.knownLanguage } : {}),
    logger: options.logger ?? silentLogger(),
    now: options.now,
    stores,
  });
  const channel = new RecordingChannel();
  outreach.sendThrough(channel);
  return { outreach, backend, tickets, repository, channel, jobs, metrics, stores };
}
