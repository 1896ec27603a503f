import { TicketStatusSchema, type TicketStatus } from './ticket';

/** The locale key that tells a consumer their ticket reached `status`. */
export function ticketNoticeKey(status: TicketStatus): string {
  return `ticketUpdate.${status}`;
}

/** Every notice a status change can send; both locales must have each. */
export const TICKET_STATUS_NOTICES: readonly string[] = TicketStatusSchema.options.map(ticketNoticeKey);
