import { randomUUID } from 'node:crypto';
import type { Dedupe } from '../../dedupe/dedupe';
import type { Mailboxes, MailboxItem } from './mailboxes';

/** What a worker needs: the boxes, the lease, and what to do when another instance holds the lease. */
export interface MailboxWorkerParts {
  mailboxes: Mailboxes;
  dedupe: Dedupe;
  /** How long a lease lives without renewal: longer than one item takes (a turn, a send with its retries). */
  leaseSeconds: number;
  /**
   * Called when the box is being worked elsewhere. That worker takes this job's item too; this is
   * only for the case where it died holding the lease, so someone looks again once the lease ran out.
   */
  onBusy: (box: string) => Promise<void>;
}

/**
 * Works through a box one item at a time, in the box's order, while holding the box's lease: so a
 * sender's messages become turns in the order they were sent, and a recipient's replies leave in the
 * order they were written, whichever instances took the webhooks and ran the jobs. An item is removed
 * only after it was handled; if handling throws, the item stays first and the error goes to the
 * job, which retries later.
 */
export class MailboxWorker {
  constructor(private readonly parts: MailboxWorkerParts) {}

  async drain(box: string, handle: (item: MailboxItem) => Promise<void>): Promise<void> {
    const { mailboxes, dedupe, leaseSeconds } = this.parts;
    const lease = `lease:${box}`;
    const owner = randomUUID();
    for (;;) {
      if (!(await dedupe.claim(lease, leaseSeconds, owner))) {
        await this.parts.onBusy(box);
        return;
      }
      try {
        for (let item = await mailboxes.first(box); item; item = await mailboxes.first(box)) {
          await handle(item);
          await mailboxes.remove(box, item.id);
          // Renewed per item; if it had run out and someone else took the box over, they carry on.
          if (!(await dedupe.claim(lease, leaseSeconds, owner))) return;
        }
      } finally {
        await dedupe.release(lease, owner);
      }
      // An item put after the last look found the lease taken and left it to us: look once more.
      if (!(await mailboxes.first(box))) return;
    }
  }
}
