import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { JobQueue } from '../../jobs/jobQueue';
import { OutboundMessageSchema, type OutboundMessage } from './graphMessages';
import type { Mailboxes } from './mailboxes';

/** One message waiting to be sent, as kept in the recipient's outbox. */
export const OutboxItemSchema = z.object({
  id: z.string(),
  address: z.string(),
  /** For logs and reports: the pseudonymous conversation id, never the number. */
  conversationId: z.string(),
  message: OutboundMessageSchema,
  /** Set for notifications (ticket updates, agent replies), which are retried or escalated when they fail. */
  notification: z
    .object({
      /** The template to send instead when the 24-hour window has closed; null when this is the template. */
      fallback: OutboundMessageSchema.nullable(),
      /** The parts of one notification share it, so one template stands in for all of them. */
      group: z.string(),
      /** Times it was sent again after a failed status. */
      resends: z.number().int().nonnegative(),
    })
    .nullable(),
});
export type OutboxItem = z.infer<typeof OutboxItemSchema>;

/** What a caller hands the outbox: the item without its id and address. */
export type OutgoingMessage = Pick<OutboxItem, 'message' | 'notification'>;

/** The job that sends what waits in a recipient's outbox. */
export const SEND_JOB = 'whatsapp.send';
export const BoxJobSchema = z.object({ box: z.string().min(1).max(300) });

/** The outbox of a recipient. */
function outboxOf(address: string): string {
  return `out:${address}`;
}

/**
 * Where replies wait to be sent: the recipient's box, worked through in order by the send job, so
 * a reply written by a turn is sent even if this process dies right after, and replies arrive in the
 * order they were written even while the Graph API is down.
 */
export class Outbox {
  constructor(
    private readonly mailboxes: Mailboxes,
    private readonly jobs: JobQueue,
  ) {}

  /** Queues the messages for `address` in order and schedules their sending; resolves with their ids. */
  async put(address: string, conversationId: string, messages: OutgoingMessage[], delayMs = 0): Promise<string[]> {
    const box = outboxOf(address);
    const ids: string[] = [];
    for (const { message, notification } of messages) {
      const item: OutboxItem = { id: randomUUID(), address, conversationId, message, notification };
      await this.mailboxes.put(box, { id: item.id, body: JSON.stringify(item) }, 0);
      ids.push(item.id);
    }
    if (ids.length > 0) await this.jobs.enqueue(SEND_JOB, { box }, { jobId: `wa-out.${ids[0]!}`, ...(delayMs ? { delayMs } : {}) });
    return ids;
  }

  /** One message of a notification, with its template fallback. */
  static notificationPart(message: OutboundMessage, fallback: OutboundMessage | null, group: string, resends = 0): OutgoingMessage {
    return { message, notification: { fallback, group, resends } };
  }
}
