import type { StaffIdentity } from '../auth/staff';
import type { Consumer, GeoPoint } from '../backend/meterBackend';
import type { Ticket, TicketStatus } from './ticket';

/** While the one who accepted a ticket is on the way, at the door or waiting on parts. */
const AT_WORK: readonly TicketStatus[] = ['accepted', 'on_the_way', 'in_progress', 'on_hold'];

/**
 * Whether `identity` may see the consumer's name, address and mobile unmasked (DOMAIN.md): only the
 * one who accepted the ticket (a lineman, or a JE who went himself), and only while the work is on.
 * Before accepting, after finishing, and for a supervisor watching someone else's ticket: masked.
 */
export function mayRevealConsumer(ticket: Ticket, identity: StaffIdentity): boolean {
  return AT_WORK.includes(ticket.status) && ticket.work?.assignee?.username === identity.username;
}

/** What the field team sees of a consumer after a reveal: enough to find the house and call. */
export interface RevealedConsumer {
  name: string;
  address: string;
  mobile: string | null;
  location: GeoPoint | null;
  /** Opens the point in the phone's maps app; null when neither the backend nor the consumer gave one. */
  mapUrl: string | null;
}

/** The revealed view: the backend's surveyed point first, else the site the consumer shared in the chat. */
export function revealedConsumer(consumer: Consumer, ticket: Ticket): RevealedConsumer {
  const site = ticket.site ? { latitude: ticket.site.latitude, longitude: ticket.site.longitude } : null;
  const location = consumer.location ?? site;
  return { name: consumer.name, address: consumer.address, mobile: consumer.mobile, location, mapUrl: location && mapUrl(location) };
}

/** A maps address every phone opens (Google Maps' documented URL scheme, app or browser). */
export function mapUrl(point: GeoPoint): string {
  return `https://www.google.com/maps/search/?api=1&query=${point.latitude},${point.longitude}`;
}
