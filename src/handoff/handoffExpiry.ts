import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { JobQueue } from '../jobs/jobQueue';
import type { Logger } from '../log/logger';
import type { ConsumerNotifier } from '../notify/consumerNotifier';
import type { HandoffQueue, HandoffRequest } from './handoffQueue';
import type { HandoffService } from './handoffService';

export interface HandoffExpiryParts {
  jobs: JobQueue;
  handoff: HandoffService;
  /** HANDOFF_MAX_WAIT_MINUTES: how long a request may wait unclaimed. */
  maxWaitMinutes: number;
  /** Told to the consumer with the call-back offer. */
  helplineNumber: string;
  now: () => Date;
  logger: Logger;
}

const EXPIRE = 'handoff.expire';
const ExpireSchema = z.object({ conversationId: z.string().min(1), requestedAt: z.iso.datetime() });

/**
 * Ends the wait of a request nobody claimed in time, as a durable delayed job scheduled when the
 * consumer is queued: the conversation goes back to the bot and the consumer is told, in their
 * language on their channel, and offered a call back or the helpline. The wait counts from the
 * consumer's request; a conversation an agent put back in the queue is not timed out again, since an
 * agent has already taken it on.
 */
export class HandoffExpiry {
  private notifier: ConsumerNotifier | null = null;

  constructor(private readonly parts: HandoffExpiryParts) {
    parts.jobs.define({ name: EXPIRE, schema: ExpireSchema, attempts: 5, handler: (job) => this.expire(job) });
  }

  /** The notifier the consumer is told through; set once the channels' notifier exists. */
  attach(notifier: ConsumerNotifier): void {
    this.notifier = notifier;
  }

  /** The queue the dialogs use: every new request gets its expiry before the consumer hears their place. */
  watching(queue: HandoffQueue): HandoffQueue {
    return {
      enqueue: async (request) => {
        const placement = await queue.enqueue(request);
        if (!placement.alreadyQueued) await this.schedule(request);
        return placement;
      },
      positionOf: (conversationId) => queue.positionOf(conversationId),
      cancel: (conversationId) => queue.cancel(conversationId),
    };
  }

  /** Schedules the end of this request's wait; the same request asked for twice is scheduled once. */
  async schedule(request: HandoffRequest): Promise<void> {
    const dueAt = Date.parse(request.requestedAt) + this.parts.maxWaitMinutes * 60_000;
    await this.parts.jobs.enqueue(
      EXPIRE,
      { conversationId: request.conversationId, requestedAt: request.requestedAt },
      { jobId: expiryJobId(request), delayMs: Math.max(0, dueAt - this.parts.now().getTime()) },
    );
  }

  private async expire({ conversationId, requestedAt }: z.infer<typeof ExpireSchema>): Promise<void> {
    const record = await this.parts.handoff.current(conversationId);
    // Claimed, cancelled, or a newer request since: this timer belongs to a wait that is already over.
    if (record?.status !== 'queued' || record.request.requestedAt !== requestedAt) return;
    const outcome = await this.parts.handoff.expire(conversationId);
    // Claimed in the moment between the read and the write: the agent has it.
    if (!outcome.ok) return;
    if (!this.notifier) throw new Error('handoff expiry has no notifier attached');
    const { channel, language } = outcome.record.request;
    const told = await this.notifier.notify(
      { channel, conversationId, language },
      { key: 'agent.expired', params: { minutes: this.parts.maxWaitMinutes, helpline: this.parts.helplineNumber } },
    );
    this.parts.logger.info({ conversation: conversationId, told: told.delivered }, 'agent request expired unclaimed');
  }
}

/** BullMQ ids may not hold ':' (channel conversation ids often do), so the conversation is hashed. */
function expiryJobId(request: HandoffRequest): string {
  const conversation = createHash('sha256').update(request.conversationId).digest('hex').slice(0, 32);
  return `handoff-expire-${conversation}-${Date.parse(request.requestedAt)}`;
}
