import type { StaffIdentity } from '../auth/staff';
import { SUPERVISING_ROLES } from '../tickets/lifecycle';
import type { Ticket } from '../tickets/ticket';
import { withinScope } from '../tickets/ticketRepository';
import type { StaffAlert, StaffAlerts } from './staffAlerts';

/**
 * Who answers for a section's tickets: the JE of its sub-division, the SDO of its division, a field
 * supervisor over it; that is, the supervising accounts whose area covers the ticket's section. An
 * account without an area covers nothing (the field API shows it nothing either), and neither does
 * a ticket without one.
 */
export function supervisorsOf(ticket: Ticket, staff: readonly StaffIdentity[]): string[] {
  return staff
    .filter((member) => SUPERVISING_ROLES.includes(member.role) && member.area !== undefined && withinScope(ticket.area, member.area))
    .map((member) => member.username);
}

/** The alert a breach raises; one per ticket and due time, so a retried delivery is the same alert. */
export function breachAlert(ticket: Ticket, at: Date): StaffAlert {
  return {
    id: `sla_breach:${ticket.number}:${ticket.dueAt}`,
    at: at.toISOString(),
    kind: 'sla_breach',
    ticket: {
      number: ticket.number,
      category: ticket.category,
      priority: ticket.priority,
      section: ticket.area?.section ?? null,
      dueAt: ticket.dueAt,
    },
  };
}

/** Tells a breached ticket's supervisors, in their inboxes. */
export class BreachAlerts {
  constructor(
    private readonly alerts: StaffAlerts,
    /** The staff who may be told; read at each breach. */
    private readonly staff: () => readonly StaffIdentity[],
  ) {}

  /** Delivers the breach alert; resolves with who was told. */
  async breached(ticket: Ticket, at: Date): Promise<string[]> {
    const recipients = supervisorsOf(ticket, this.staff());
    if (recipients.length > 0) await this.alerts.deliver(recipients, breachAlert(ticket, at));
    return recipients;
  }
}
