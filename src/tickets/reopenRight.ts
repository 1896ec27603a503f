import type { Ticket } from './ticket';

/**
 * Whether a consumer conversation may reopen `ticket`: only one that opened it or joined it with its
 * own complaint. Knowing a CA or ticket number proves nothing (both are printed on bills and
 * receipts), so a stranger who types one may read the status but not reopen somebody else's work.
 */
export function conversationMayReopen(ticket: Ticket, conversationId: string): boolean {
  if (ticket.contact.conversationId === conversationId) return true;
  return (ticket.followers ?? []).some((follower) => follower.conversationId === conversationId);
}
