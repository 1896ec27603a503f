/** An item waiting in a mailbox: its id, unique in the box, and its body (JSON). */
export interface MailboxItem {
  id: string;
  body: string;
}

/**
 * Ordered queues, one per box (a WhatsApp sender's inbox, a recipient's outbox), shared by every
 * instance in production. Whoever holds a box's lease works through it from the first item, so the
 * box's order is the order of processing whichever instance took the webhook or ran the turn.
 */
export interface Mailboxes {
  /**
   * Adds an item unless one with its id is already in the box, and says whether it did (the first
   * copy of a message delivered twice wins). Items come out by `order`, then in arrival order.
   */
  put(box: string, item: MailboxItem, order: number): Promise<boolean>;
  /** The first item of the box, or null when it is empty. */
  first(box: string): Promise<MailboxItem | null>;
  remove(box: string, id: string): Promise<void>;
}

/** Room for the arrival sequence under each order value (orders are Unix seconds or 0). */
export const SEQUENCE_SPAN = 2 ** 20;
