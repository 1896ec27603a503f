import type { AuditLog } from '../auth/auditLog';
import type { SlaTable, TicketLifecyclePolicy } from '../config/ticketPolicy';
import type { ConsumerNotice, ConsumerNotifier, NoticeOutcome } from '../notify/consumerNotifier';
import { actorName, revisionOf, transition, type TicketActor, type TicketChange, type TicketCommand, type TransitionProblem } from './lifecycle';
import type { Ticket, TicketContact } from './ticket';
import { ticketUpdateNotice } from './ticketNotices';
import type { TicketRepository } from './ticketRepository';

/** What the workflow works with; the composition root supplies the real ones. */
export interface TicketWorkflowDeps {
  repository: TicketRepository;
  audit: AuditLog;
  notifier: ConsumerNotifier;
  policy: TicketLifecyclePolicy;
  slaHours: SlaTable;
  now: () => Date;
  /** Told of every change once it is stored (webhook, SLA timer, metrics); its failure fails the call. */
  onChanged?: (ticket: Ticket, change: TicketChange) => Promise<void>;
}

/** Why a change did not happen, beyond the lifecycle's own reasons. */
export type ChangeProblem = TransitionProblem | 'not_found' | 'taken' | 'conflict';

export type ChangeOutcome =
  | { ok: true; ticket: Ticket; change: TicketChange; notice: NoticeOutcome | null }
  | { ok: false; problem: ChangeProblem };

/** Rereads and retries this often when other instances keep changing the same ticket. */
const MAX_ATTEMPTS = 5;

/**
 * Works tickets after they are opened: every change goes through `transition`, is stored only if
 * nobody changed the ticket meanwhile, is audited, and tells the consumer when someone else moved
 * the status.
 */
export class TicketWorkflow {
  constructor(private readonly deps: TicketWorkflowDeps) {}

  /** Applies `command` for `actor` to ticket `number`. */
  async change(number: string, command: TicketCommand, actor: TicketActor): Promise<ChangeOutcome> {
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt += 1) {
      const ticket = await this.deps.repository.findByNumber(number);
      if (!ticket) return { ok: false, problem: 'not_found' };
      const result = transition(ticket, command, actor, {
        now: this.deps.now(),
        reopenWindowHours: this.deps.policy.reopenWindowHours,
        fallbackSlaHours: this.deps.slaHours[ticket.category].urban,
      });
      if (!result.ok) return result;
      const saved = await this.deps.repository.save(result.ticket, revisionOf(ticket));
      if (saved === 'stale') continue;
      if (saved !== 'saved') return { ok: false, problem: saved === 'missing' ? 'not_found' : 'taken' };
      // Reread: a complaint that joined meanwhile may have added a report or raised the priority.
      const stored = (await this.deps.repository.findByNumber(number)) ?? result.ticket;
      await this.record(stored, command, actor, result.change);
      // The consumer who made the change hears of it in the conversation they made it in, not twice.
      const notice = result.change.from === result.change.to || actor.kind === 'consumer' ? null : await this.tell(stored, result.change);
      await this.deps.onChanged?.(stored, result.change);
      return { ok: true, ticket: stored, change: result.change, notice };
    }
    return { ok: false, problem: 'conflict' };
  }

  /**
   * An area outage resolved: every other consumer's report linked to it and still open is resolved
   * the same way, and each of them is told. A durable job runs it (TicketAutomation): a report that
   * could not be resolved fails the run, which is retried for what is still open, so one bad report
   * neither stops the others nor is left behind.
   */
  async resolveLinkedReports(number: string): Promise<void> {
    const incident = await this.deps.repository.findByNumber(number);
    const resolution = incident?.work?.resolution;
    // Reopened since (the resolution is gone): its reports stay open with it.
    if (!incident?.area || !resolution) return;
    const linked = (await this.deps.repository.findOpenByArea(incident.area)).filter((ticket) => ticket.incident === number);
    const command: TicketCommand = { type: 'resolve_with_incident', incident: number, code: resolution.code, note: resolution.note };
    const outcomes = await Promise.allSettled(linked.map((report) => this.change(report.number, command, { kind: 'system' })));
    // A report finished meanwhile by its own team (wrong_status) needs nothing more.
    const left = outcomes.filter((outcome) => outcome.status === 'rejected' || (!outcome.value.ok && outcome.value.problem !== 'wrong_status'));
    if (left.length > 0) throw new Error(`${left.length} report(s) linked to ${number} are not resolved yet`);
  }

  private record(ticket: Ticket, command: TicketCommand, actor: TicketActor, change: TicketChange): Promise<void> {
    return this.deps.audit.record({
      at: change.at,
      actor: actorName(actor),
      role: actor.kind === 'staff' ? actor.role : actor.kind,
      action: `ticket.${command.type}`,
      subject: ticket.number,
      // Codes, statuses and staff usernames only: notes and reasons may hold a consumer's personal details.
      detail: { from: change.from, to: change.to, ...commandDetail(command) },
    });
  }

  /**
   * Tells the consumer the new status, and every conversation that joined the ticket; a channel that
   * fails is reported, the change stands. The outcome is the opener's: the one the field team is shown.
   */
  private async tell(ticket: Ticket, change: TicketChange): Promise<NoticeOutcome> {
    const notice = ticketUpdateNotice(ticket, change.to);
    const [opener] = await Promise.all([ticket.contact, ...(ticket.followers ?? [])].map((contact) => this.notify(contact, notice)));
    return opener!;
  }

  private async notify(contact: TicketContact, notice: ConsumerNotice): Promise<NoticeOutcome> {
    try {
      return await this.deps.notifier.notify(contact, notice);
    } catch {
      return { delivered: false, reason: 'channel_refused' };
    }
  }
}

/** What the audit keeps of a command beyond the move: the closure code, the reading, whether a photo came, and to whom a ticket went. */
function commandDetail(command: TicketCommand): Record<string, string | number | boolean> {
  if (command.type === 'resolve') {
    return { closureCode: command.code, ...(command.meterReading === undefined ? {} : { meterReading: command.meterReading }), ...(command.photo ? { photo: true } : {}) };
  }
  if (command.type === 'assign') return { assignee: command.assignee.username, assigneeRole: command.assignee.role };
  return {};
}
