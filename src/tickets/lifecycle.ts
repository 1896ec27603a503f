import type { StaffRole } from '../auth/staff';
import type { Area } from '../backend/meterBackend';
import {
  FINISHED_STATUSES,
  OPEN_STATUSES,
  TicketPrioritySchema,
  TicketStatusSchema,
  type ClosureCode,
  type Resolution,
  type Ticket,
  type TicketAssignee,
  type TicketStatus,
  type TicketWork,
} from './ticket';

/** Who asks for a change: a signed-in member of staff, the consumer (reopen) or Sampark itself (timers). */
export type TicketActor =
  | { kind: 'staff'; username: string; role: StaffRole }
  | { kind: 'consumer' }
  | { kind: 'system' };

/** Every change a ticket can undergo after it is opened. */
export type TicketCommand =
  | { type: 'assign'; assignee: TicketAssignee }
  | { type: 'accept' }
  | { type: 'on_the_way' }
  | { type: 'start' }
  | { type: 'hold'; reason: string }
  | { type: 'resume' }
  | { type: 'resolve'; code: ClosureCode; note: string; meterReading?: number; photo?: string }
  | { type: 'cannot_complete'; reason: string }
  | { type: 'close' }
  | { type: 'reopen' }
  | { type: 'note'; text: string }
  | { type: 'breach' }
  /** The backend could not say the consumer's area when the ticket opened; now it has. */
  | { type: 'locate'; area: Area }
  /** The area outage this ticket is part of was resolved: so is this report, whatever its state. */
  | { type: 'resolve_with_incident'; incident: string; code: ClosureCode; note: string };
export type TicketCommandType = TicketCommand['type'];

/** Why a change was refused; the field API maps these to HTTP statuses. */
export type TransitionProblem =
  | 'wrong_status'
  | 'forbidden_role'
  | 'not_assignee'
  | 'missing_text'
  | 'reopen_window_passed'
  | 'not_due';

/** A change made: the ticket after it and what to record. */
export interface TicketChange {
  command: TicketCommandType;
  from: TicketStatus;
  to: TicketStatus;
  at: string;
}

export type Transition = { ok: true; ticket: Ticket; change: TicketChange } | { ok: false; problem: TransitionProblem };

/** What a transition needs besides the ticket: the time and the consumer's reopen window. */
export interface TransitionContext {
  now: Date;
  reopenWindowHours: number;
  /** SLA hours for a reopened ticket that does not remember its own. */
  fallbackSlaHours: number;
}

/** Staff who supervise an area: they assign, close, may act on a lineman's ticket, and hear of breaches. */
export const SUPERVISING_ROLES: readonly StaffRole[] = ['je', 'sdo', 'field_supervisor'];
/** Whom a ticket may be assigned to: the ones who go. */
export const ASSIGNABLE_ROLES = ['lineman', 'je'] as const satisfies readonly StaffRole[];
const FIELD: readonly StaffRole[] = ['lineman', ...SUPERVISING_ROLES];
const WORKING: readonly TicketStatus[] = ['accepted', 'on_the_way', 'in_progress'];
const HOUR_MS = 3_600_000;

interface Rule {
  from: readonly TicketStatus[];
  /** Staff roles allowed; other actor kinds are named in `actors`. */
  roles: readonly StaffRole[];
  actors?: readonly ('consumer' | 'system')[];
  /** A lineman may do this only on a ticket that is his, or nobody's yet. */
  assigneeOnly: boolean;
}

/** The moves of DOMAIN.md's lifecycle: from which statuses, by whom. */
const RULES: Record<TicketCommandType, Rule> = {
  assign: { from: ['open', 'assigned'], roles: SUPERVISING_ROLES, assigneeOnly: false },
  accept: { from: ['open', 'assigned'], roles: FIELD, assigneeOnly: true },
  on_the_way: { from: ['accepted'], roles: FIELD, assigneeOnly: true },
  start: { from: ['accepted', 'on_the_way'], roles: FIELD, assigneeOnly: true },
  hold: { from: ['assigned', ...WORKING], roles: FIELD, assigneeOnly: true },
  resume: { from: ['on_hold'], roles: FIELD, assigneeOnly: true },
  resolve: { from: WORKING, roles: FIELD, assigneeOnly: true },
  cannot_complete: { from: [...WORKING, 'on_hold'], roles: FIELD, assigneeOnly: true },
  close: { from: FINISHED_STATUSES, roles: SUPERVISING_ROLES, actors: ['system'], assigneeOnly: false },
  reopen: { from: FINISHED_STATUSES, roles: [], actors: ['consumer'], assigneeOnly: false },
  note: { from: [...OPEN_STATUSES, ...FINISHED_STATUSES], roles: FIELD, assigneeOnly: false },
  breach: { from: OPEN_STATUSES.filter((status) => status !== 'on_hold'), roles: [], actors: ['system'], assigneeOnly: false },
  locate: { from: TicketStatusSchema.options, roles: [], actors: ['system'], assigneeOnly: false },
  resolve_with_incident: { from: OPEN_STATUSES, roles: [], actors: ['system'], assigneeOnly: false },
};

/** The work state of a ticket never worked on. */
export function initialWork(): TicketWork {
  return { revision: 0, heldHours: 0, reopenCount: 0, breached: false, notes: [] };
}

/** The ticket's revision as stored: 0 until its first change. */
export function revisionOf(ticket: Ticket): number {
  return ticket.work?.revision ?? 0;
}

/** Past its due time and still waiting on the field team; a ticket on hold is never overdue. */
export function isOverdue(ticket: Ticket, now: Date): boolean {
  return OPEN_STATUSES.includes(ticket.status) && ticket.status !== 'on_hold' && Date.parse(ticket.dueAt) <= now.getTime();
}

/** The one place a ticket changes after opening: checks the move, the actor, and applies it. */
export function transition(ticket: Ticket, command: TicketCommand, actor: TicketActor, context: TransitionContext): Transition {
  const rule = RULES[command.type];
  if (!mayAct(rule, actor)) return { ok: false, problem: 'forbidden_role' };
  if (!rule.from.includes(ticket.status)) return { ok: false, problem: 'wrong_status' };
  const work = ticket.work ?? initialWork();
  if (rule.assigneeOnly && actor.kind === 'staff' && actor.role === 'lineman' && work.assignee && work.assignee.username !== actor.username) {
    return { ok: false, problem: 'not_assignee' };
  }
  const applied = apply(ticket, work, command, actor, context);
  if ('problem' in applied) return { ok: false, problem: applied.problem };
  const next: Ticket = { ...ticket, ...applied.ticket, work: { ...work, ...applied.work, revision: work.revision + 1 } };
  return { ok: true, ticket: next, change: { command: command.type, from: ticket.status, to: next.status, at: context.now.toISOString() } };
}

function mayAct(rule: Rule, actor: TicketActor): boolean {
  if (actor.kind === 'staff') return rule.roles.includes(actor.role);
  return rule.actors?.includes(actor.kind) ?? false;
}

type Applied = { ticket: Partial<Ticket>; work: Partial<TicketWork> } | { problem: TransitionProblem };

function apply(ticket: Ticket, work: TicketWork, command: TicketCommand, actor: TicketActor, context: TransitionContext): Applied {
  const at = context.now.toISOString();
  switch (command.type) {
    case 'assign':
      return { ticket: { status: 'assigned' }, work: { assignee: command.assignee } };
    case 'accept':
      // A supervisor accepting a lineman's assignment keeps the lineman as the one who goes.
      return { ticket: { status: 'accepted' }, work: { assignee: work.assignee ?? assigneeOf(actor) } };
    case 'on_the_way':
      return { ticket: { status: 'on_the_way' }, work: {} };
    case 'start':
      return { ticket: { status: 'in_progress' }, work: {} };
    case 'hold':
      if (!hasText(command.reason)) return { problem: 'missing_text' };
      return { ticket: { status: 'on_hold' }, work: { hold: { since: at, resumeTo: ticket.status, reason: command.reason.trim() } } };
    case 'resume': {
      const hold = work.hold;
      if (!hold) return { problem: 'wrong_status' };
      const heldHours = (context.now.getTime() - Date.parse(hold.since)) / HOUR_MS;
      return {
        // The clock stood still while on hold: the due time moves by exactly that long.
        ticket: { status: hold.resumeTo, dueAt: new Date(Date.parse(ticket.dueAt) + heldHours * HOUR_MS).toISOString() },
        work: { hold: undefined, heldHours: work.heldHours + heldHours },
      };
    }
    case 'resolve':
      if (!hasText(command.note)) return { problem: 'missing_text' };
      return { ticket: { status: 'resolved' }, work: { resolution: resolutionOf(command), finishedAt: at } };
    case 'cannot_complete':
      if (!hasText(command.reason)) return { problem: 'missing_text' };
      return { ticket: { status: 'cannot_complete' }, work: { cannotCompleteReason: command.reason.trim(), finishedAt: at, hold: undefined } };
    case 'close':
      return { ticket: { status: 'closed' }, work: {} };
    case 'reopen': {
      const finishedAt = Date.parse(work.finishedAt ?? ticket.createdAt);
      if (context.now.getTime() - finishedAt > context.reopenWindowHours * HOUR_MS) return { problem: 'reopen_window_passed' };
      const hours = ticket.slaHours ?? context.fallbackSlaHours;
      return {
        ticket: { status: work.assignee ? 'assigned' : 'open', dueAt: new Date(context.now.getTime() + hours * HOUR_MS).toISOString() },
        work: { resolution: undefined, cannotCompleteReason: undefined, finishedAt: undefined, breached: false, reopenCount: work.reopenCount + 1 },
      };
    }
    case 'note':
      if (!hasText(command.text)) return { problem: 'missing_text' };
      return { ticket: {}, work: { notes: [...work.notes, { at, by: actorName(actor), text: command.text.trim() }] } };
    case 'resolve_with_incident':
      return {
        ticket: { status: 'resolved' },
        work: { resolution: { code: command.code, note: command.note }, finishedAt: at, hold: undefined },
      };
    case 'locate':
      // An area once known is the record's; a late lookup never moves a ticket out of its section.
      if (ticket.area) return { problem: 'wrong_status' };
      return { ticket: { area: command.area }, work: {} };
    case 'breach':
      if (work.breached || !isOverdue(ticket, context.now)) return { problem: 'not_due' };
      return { ticket: { priority: raised(ticket.priority) }, work: { breached: true } };
  }
}

function resolutionOf(command: Extract<TicketCommand, { type: 'resolve' }>): Resolution {
  return {
    code: command.code,
    note: command.note.trim(),
    ...(command.meterReading === undefined ? {} : { meterReading: command.meterReading }),
    ...(command.photo === undefined ? {} : { photo: command.photo }),
  };
}

function hasText(text: string): boolean {
  return text.trim().length > 0;
}

function assigneeOf(actor: TicketActor): TicketAssignee | undefined {
  return actor.kind === 'staff' ? { username: actor.username, role: actor.role } : undefined;
}

/** How an actor appears in the audit and in notes. */
export function actorName(actor: TicketActor): string {
  return actor.kind === 'staff' ? actor.username : actor.kind;
}

function raised(priority: Ticket['priority']): Ticket['priority'] {
  const order = TicketPrioritySchema.options;
  return order[Math.min(order.indexOf(priority) + 1, order.length - 1)]!;
}
