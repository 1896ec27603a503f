import { formatTicketNumber, type TicketNumber } from '../domain/ticketNumber';
import { formatDateTime } from '../i18n/format';
import type { Language } from '../i18n/language';
import type { ConsumerNotice } from '../notify/consumerNotifier';
import type { Translate } from '../i18n/translator';
import { ClosureCodeSchema, TicketStatusSchema, type Ticket, type TicketStatus } from './ticket';

/** The locale key that tells a consumer their ticket reached `status`. */
export function ticketNoticeKey(status: TicketStatus): string {
  return `ticketUpdate.${status}`;
}

/**
 * What a consumer is told when their ticket reached `status`. A resolved ticket says how
 * in their language ("your meter has been replaced"): the closure code is the i18next context, so
 * `ticketUpdate.resolved_meter_replaced` is chosen, and plain `ticketUpdate.resolved` for any other.
 */
export function ticketUpdateNotice(ticket: Ticket, status: TicketStatus): ConsumerNotice {
  const number = formatTicketNumber(ticket.number as TicketNumber);
  const code = status === 'resolved' ? ticket.work?.resolution?.code : undefined;
  return { key: ticketNoticeKey(status), params: code ? { number, context: code } : { number } };
}

/** Every notice a status change can send; both locales must have each. */
export const TICKET_STATUS_NOTICES: readonly string[] = TicketStatusSchema.options.map(ticketNoticeKey);

/** The resolved notice for each closure code; both locales must have each. */
export const TICKET_CLOSURE_NOTICES: readonly string[] = ClosureCodeSchema.options.map((code) => `${ticketNoticeKey('resolved')}_${code}`);

/**
 * What a consumer is told when their complaint became a ticket (or joined their open one): its
 * number as read out, its category and due time in their language. The bot says it in the turn; an
 * agent's ticket is sent as a notice.
 */
export function ticketOpenedNotice(ticket: Ticket, joined: boolean, t: Translate, language: Language): { key: string; params: Record<string, string> } {
  return {
    key: joined ? 'ticket.joined' : 'ticket.opened',
    params: {
      number: formatTicketNumber(ticket.number as TicketNumber),
      category: t(`ticket.category.${ticket.category}`),
      dueAt: formatDateTime(ticket.dueAt, language),
    },
  };
}
