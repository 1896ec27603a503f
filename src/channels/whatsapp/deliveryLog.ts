import { z } from 'zod';
import type { DeliveryStatus } from './inboundMessage';
import { OutboundMessageSchema } from './graphMessages';

/** Where a message stands: accepted by the Graph API, then what Meta's statuses said. */
export type DeliveryState = 'accepted' | DeliveryStatus;

/** Statuses arrive in any order (read before delivered); a state only moves forward, and failed is final. */
export const STATE_RANK: Record<DeliveryState, number> = { accepted: 0, sent: 1, delivered: 2, read: 3, failed: 4 };

/** What we keep of a message we sent, to act on its statuses. */
export const DeliveryRecordSchema = z.object({
  conversationId: z.string(),
  address: z.string(),
  /** For notifications (ticket updates, agent replies): what was sent and the template to fall back to. */
  notification: z
    .object({
      message: OutboundMessageSchema,
      fallback: OutboundMessageSchema.nullable(),
      /** Times it was already sent again after a failed status. */
      resends: z.number().int().nonnegative(),
    })
    .nullable(),
});
export type DeliveryRecord = z.infer<typeof DeliveryRecordSchema>;

/** The delivery state of the messages we sent, by wamid, shared by every instance in production. */
export interface DeliveryLog {
  /** Remembers a message the Graph API accepted, keeping any status that arrived before it. */
  record(wamid: string, record: DeliveryRecord): Promise<void>;
  /** Moves the message's state to `status` if that is forward; says whether it moved, and what was sent. */
  advance(wamid: string, status: DeliveryStatus): Promise<{ advanced: boolean; record: DeliveryRecord | null }>;
  /** The message's current state, null for a message never recorded nor reported. */
  stateOf(wamid: string): Promise<DeliveryState | null>;
}

/** The state of a rank. */
export function stateOfRank(rank: number): DeliveryState {
  const found = (Object.entries(STATE_RANK) as [DeliveryState, number][]).find(([, value]) => value === rank);
  return found ? found[0] : 'accepted';
}
