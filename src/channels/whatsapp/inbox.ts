import { createHash, randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { JobQueue } from '../../jobs/jobQueue';
import { InboundMessageSchema, type InboundMessage, type InboundStatus } from './inboundMessage';
import type { Mailboxes } from './mailboxes';
import { STATUS_JOB } from './statusUpdates';

/** A message waiting in its sender's inbox; the nonce names this copy (see InboundTurns). */
export const InboxEntrySchema = z.object({ nonce: z.string(), message: InboundMessageSchema });
type InboxEntry = z.infer<typeof InboxEntrySchema>;

/** The job that turns what waits in a sender's inbox into turns. */
export const TURN_JOB = 'whatsapp.turns';

/** The inbox of a sender. */
function inboxOf(address: string): string {
  return `in:${address}`;
}

/**
 * A job id from a wamid, the same for every delivery of the message. Hashed: a wamid is base64 of
 * data that includes the sender's number, and job ids appear in logs (BullMQ also refuses ":").
 */
function jobIdPart(wamid: string): string {
  return createHash('sha256').update(wamid).digest('base64url').slice(0, 32);
}

/**
 * What the webhook does before it answers 200: each message into its sender's inbox (ordered by the
 * time the sender sent it, then by arrival) and a job to work that inbox; each status into a job.
 * Once this resolves the messages survive this process: the inbox and the jobs are on Redis in
 * production. Re-deliveries are cheap here: the inbox keeps the first copy of a wamid, and the job
 * id is the wamid.
 */
export class Inbox {
  constructor(
    private readonly mailboxes: Mailboxes,
    private readonly jobs: JobQueue,
  ) {}

  async accept(messages: InboundMessage[], statuses: InboundStatus[]): Promise<void> {
    for (const message of messages) {
      const box = inboxOf(message.address);
      const entry: InboxEntry = { nonce: randomUUID(), message };
      const sentAtSeconds = Math.floor(Date.parse(message.sentAt) / 1000);
      await this.mailboxes.put(box, { id: message.wamid, body: JSON.stringify(entry) }, sentAtSeconds);
      await this.jobs.enqueue(TURN_JOB, { box }, { jobId: `wa-in.${jobIdPart(message.wamid)}` });
    }
    for (const status of statuses) {
      await this.jobs.enqueue(STATUS_JOB, status, { jobId: `wa-st.${jobIdPart(status.wamid)}.${status.status}` });
    }
  }
}
