import type { Consumer, MeterStatus } from '../../backend/meterBackend';
import { maskAddress, maskMobile, maskName } from '../../domain/mask';
import { isOverdue } from '../lifecycle';
import type { Ticket } from '../ticket';

/** A member of staff's display name from their username; the username itself when unknown (a removed account). */
export type StaffNames = (username: string) => string;

/** A ticket as a field list shows it: no consumer details beyond the CA number; staff by their names. */
export function ticketSummary(ticket: Ticket, now: Date, names: StaffNames) {
  const assignee = ticket.work?.assignee;
  return {
    number: ticket.number,
    category: ticket.category,
    priority: ticket.priority,
    status: ticket.status,
    caNumber: ticket.caNumber,
    area: ticket.area,
    createdAt: ticket.createdAt,
    dueAt: ticket.dueAt,
    overdue: isOverdue(ticket, now),
    breached: ticket.work?.breached ?? false,
    assignee: assignee ? { ...assignee, name: names(assignee.username) } : null,
  };
}

/**
 * A ticket as its detail page shows it: what the team needs to find and fix the connection, with
 * the consumer's name, address and mobile masked (DOMAIN.md's safety lines hold for staff too);
 * `revealable` says whether the caller may ask for them unmasked (consumerReveal.ts).
 */
export function ticketDetail(
  ticket: Ticket,
  now: Date,
  consumer: Consumer | null,
  meter: MeterStatus | null,
  backendUnavailable: boolean,
  revealable: boolean,
  names: StaffNames,
) {
  const work = ticket.work;
  return {
    ...ticketSummary(ticket, now, names),
    /** The backend did not answer: consumer and meter are unknown until it does, not absent. */
    backendUnavailable,
    description: ticket.description,
    problem: ticket.problem ?? null,
    laterReports: ticket.laterReports,
    incident: ticket.incident ?? null,
    site: ticket.site ?? null,
    photos: ticket.photos ?? [],
    work: work ? { ...work, notes: work.notes.map((note) => ({ ...note, byName: names(note.by) })) } : null,
    consumer: consumer && {
      name: maskName(consumer.name),
      address: maskAddress(consumer.address),
      mobile: consumer.mobile === null ? null : maskMobile(consumer.mobile),
      meterNumber: consumer.meterNumber,
      urban: consumer.urban,
      revealable,
    },
    meter: meter && {
      communicating: meter.communicating,
      relay: meter.relay,
      balance: meter.balance,
      lastCommunicationAt: meter.lastCommunicationAt,
    },
  };
}
