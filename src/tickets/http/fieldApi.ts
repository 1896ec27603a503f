import type { Request, Response, Server } from 'restify';
import { z } from 'zod';
import type { AuditLog } from '../../auth/auditLog';
import { FIELD_ROLES, STAFF_ROLES, type StaffIdentity } from '../../auth/staff';
import { parseTicketNumber } from '../../domain/ticketNumber';
import type { StaffAuthentication } from '../../auth/staffAuthentication';
import { staffOnly } from '../../auth/staffRoutes';
import type { MeterBackend } from '../../backend/meterBackend';
import { TicketCategorySchema } from '../../config/ticketPolicy';
import { ASSIGNABLE_ROLES, isOverdue, SUPERVISING_ROLES, type TicketCommand } from '../lifecycle';
import { ClosureCodeSchema, OPEN_STATUSES, TicketStatusSchema, type Ticket, type TicketAssignee } from '../ticket';
import { withinScope, type TicketRepository } from '../ticketRepository';
import type { ChangeProblem, TicketWorkflow } from '../ticketWorkflow';
import { mayRevealConsumer, revealedConsumer } from '../consumerReveal';
import { decodeResolutionPhoto, ResolutionPhotoInputSchema } from '../photos/resolutionPhotoInput';
import type { ResolutionPhotoStore } from '../photos/resolutionPhotoStore';
import { ticketDetail, ticketSummary, type StaffNames } from './fieldTicketView';

/** What the field API works with. */
export interface FieldApiDeps {
  authentication: StaffAuthentication;
  repository: TicketRepository;
  workflow: TicketWorkflow;
  audit: AuditLog;
  backend: MeterBackend;
  /** Where the photos taken at resolving are kept. */
  photos: ResolutionPhotoStore;
  now: () => Date;
}

const ListQuerySchema = z.object({
  status: TicketStatusSchema.optional(),
  category: TicketCategorySchema.optional(),
  overdue: z.enum(['true', 'false']).optional(),
  /** Without a status, the open tickets unless `all` asks for the finished ones too. */
  view: z.enum(['open', 'all']).optional(),
  /** One locality (section) of the caller's area; the answer lists the localities to choose from. */
  section: z.string().trim().min(1).max(100).optional(),
  /** Soonest due first, or by locality (then soonest due) to work one place after another. */
  sort: z.enum(['due', 'locality']).default('due'),
  /** The soonest due first, this many at most: an SDO's division can hold thousands, and a phone polls it. */
  limit: z.coerce.number().int().min(1).max(500).default(100),
});
const Text = z.string().trim().min(1).max(2000);
/** kWh as read off the meter's display: a cumulative register, never negative, at most seven digits. */
const MeterReading = z.number().nonnegative().max(9_999_999.99);
const PhotoBodySchema = z.object({ photo: ResolutionPhotoInputSchema.optional() });
/** The newest audit entries of a ticket a supervisor is shown: a worked ticket has a few dozen. */
const AUDIT_TRAIL_LENGTH = 100;

/** Each action's body, read into a lifecycle command. */
const ACTIONS: Record<string, z.ZodType<TicketCommand>> = {
  accept: z.object({}).transform((): TicketCommand => ({ type: 'accept' })),
  status: z
    .discriminatedUnion('status', [
      z.object({ status: z.literal('on_the_way') }),
      z.object({ status: z.literal('in_progress') }),
      z.object({ status: z.literal('on_hold'), reason: Text }),
      z.object({ status: z.literal('resumed') }),
    ])
    .transform((body): TicketCommand => {
      if (body.status === 'on_hold') return { type: 'hold', reason: body.reason };
      if (body.status === 'resumed') return { type: 'resume' };
      return body.status === 'on_the_way' ? { type: 'on_the_way' } : { type: 'start' };
    }),
  notes: z.object({ text: Text }).transform((body): TicketCommand => ({ type: 'note', text: body.text })),
  // A photo comes in the same body, kept apart by keepPhoto before the command is applied.
  resolve: z
    .object({ closureCode: ClosureCodeSchema, note: Text, meterReading: MeterReading.optional() })
    .transform((body): TicketCommand => ({
      type: 'resolve',
      code: body.closureCode,
      note: body.note,
      ...(body.meterReading === undefined ? {} : { meterReading: body.meterReading }),
    })),
  'cannot-complete': z.object({ reason: Text }).transform((body): TicketCommand => ({ type: 'cannot_complete', reason: body.reason })),
  assign: z
    .object({ username: z.string().min(1).max(40), role: z.enum(ASSIGNABLE_ROLES) })
    .transform((body): TicketCommand => ({ type: 'assign', assignee: body })),
  close: z.object({}).transform((): TicketCommand => ({ type: 'close' })),
};

const byDue = (a: Ticket, b: Ticket): number => a.dueAt.localeCompare(b.dueAt);
/** How a list can be ordered; a ticket without an area (the backend could not say) goes last by locality. */
const ORDER: Record<'due' | 'locality', (a: Ticket, b: Ticket) => number> = {
  due: byDue,
  locality: (a, b) => (a.area?.section ?? '\uffff').localeCompare(b.area?.section ?? '\uffff') || byDue(a, b),
};

/** HTTP status for each refusal; another area's ticket is "not found" so its existence does not leak. */
const PROBLEM_STATUS: Record<ChangeProblem, number> = {
  not_found: 404,
  forbidden_role: 403,
  not_assignee: 403,
  wrong_status: 409,
  taken: 409,
  conflict: 409,
  reopen_window_passed: 409,
  not_due: 409,
  missing_text: 400,
};

/**
 * The field teams' REST API (docs/field-api-openapi.yaml): tickets of the caller's area, their
 * detail with masked consumer data, and every lifecycle action. Every call is audited.
 */
export function mountFieldApi(server: Server, deps: FieldApiDeps): void {
  const field = (handler: (req: Request, res: Response, identity: StaffIdentity) => Promise<void>) =>
    staffOnly(deps.authentication, FIELD_ROLES, handler);

  server.get('/api/field/tickets', field(async (req, res, identity) => {
    const query = ListQuerySchema.safeParse(Object.fromEntries(new URL(req.url ?? '', 'http://field').searchParams));
    if (!query.success) return void res.send(400, { error: 'bad_request', detail: z.prettifyError(query.error) });
    const now = deps.now();
    const { status, category, overdue, view, limit, section, sort } = query.data;
    const openOnly = status ? OPEN_STATUSES.includes(status) : view !== 'all';
    const matching = (await ticketsOf(identity, openOnly))
      .filter((ticket) => (status ? ticket.status === status : true))
      .filter((ticket) => (category ? ticket.category === category : true))
      .filter((ticket) => (overdue ? isOverdue(ticket, now) === (overdue === 'true') : true));
    const sections = [...new Set(matching.flatMap((ticket) => (ticket.area ? [ticket.area.section] : [])))].sort();
    const tickets = matching.filter((ticket) => (section ? ticket.area?.section === section : true)).sort(ORDER[sort]);
    await audit(identity, 'ticket.list', null, { count: tickets.length });
    const names = staffNames();
    res.send(200, { total: tickets.length, sections, tickets: tickets.slice(0, limit).map((ticket) => ticketSummary(ticket, now, names)) });
  }));

  server.get('/api/field/tickets/:number', field(async (req, res, identity) => {
    const ticket = await visibleTicket(identity, String(req.params.number));
    if (!ticket) return void res.send(404, { error: 'not_found' });
    // A backend that does not answer must not hide the ticket from the team that has to go.
    const [consumer, meter] = ticket.caNumber
      ? await Promise.allSettled([deps.backend.findConsumer(ticket.caNumber), deps.backend.getMeterStatus(ticket.caNumber)])
      : [];
    await audit(identity, 'ticket.view', ticket.number, {});
    const backendUnavailable = [consumer, meter].some((lookup) => lookup?.status === 'rejected');
    res.send(200, ticketDetail(ticket, deps.now(), valueOf(consumer), valueOf(meter), backendUnavailable, mayRevealConsumer(ticket, identity), staffNames()));
  }));

  // The consumer unmasked, for the one who accepted the ticket: each reveal is its own audited request.
  server.get('/api/field/tickets/:number/consumer', field(async (req, res, identity) => {
    const ticket = await visibleTicket(identity, String(req.params.number));
    if (!ticket) return void res.send(404, { error: 'not_found' });
    if (!mayRevealConsumer(ticket, identity)) {
      await audit(identity, 'consumer.reveal_refused', ticket.number, { status: ticket.status });
      return void res.send(403, { error: 'not_revealable' });
    }
    const consumer = ticket.caNumber ? await deps.backend.findConsumer(ticket.caNumber).catch(() => undefined) : null;
    if (consumer === undefined) return void res.send(503, { error: 'backend_unavailable' });
    if (!consumer) return void res.send(404, { error: 'no_consumer' });
    await audit(identity, 'consumer.reveal', ticket.number, { caNumber: consumer.caNumber });
    res.send(200, revealedConsumer(consumer, ticket));
  }));

  // Who did what to a ticket, reveals included, for the ones who answer for the area.
  server.get('/api/field/tickets/:number/audit', staffOnly(deps.authentication, SUPERVISING_ROLES, async (req, res, identity) => {
    const ticket = await visibleTicket(identity, String(req.params.number));
    if (!ticket) return void res.send(404, { error: 'not_found' });
    const names = staffNameTable();
    const entries = await deps.audit.recent(AUDIT_TRAIL_LENGTH, ticket.number);
    await audit(identity, 'ticket.audit_view', ticket.number, { count: entries.length });
    res.send(200, { entries: entries.map((entry) => ({ ...entry, actorName: names.get(entry.actor) ?? null })) });
  }));

  server.get('/api/field/tickets/:number/assignees', staffOnly(deps.authentication, SUPERVISING_ROLES, async (req, res, identity) => {
    const ticket = await visibleTicket(identity, String(req.params.number));
    if (!ticket) return void res.send(404, { error: 'not_found' });
    res.send(200, { assignees: assigneesFor(ticket).map(({ username, name, role }) => ({ username, name, role })) });
  }));

  for (const [action, schema] of Object.entries(ACTIONS)) {
    server.post(`/api/field/tickets/:number/${action}`, field(async (req, res, identity) => {
      const ticket = await visibleTicket(identity, String(req.params.number));
      if (!ticket) return void res.send(404, { error: 'not_found' });
      const body = schema.safeParse(req.body ?? {});
      if (!body.success) return void res.send(400, { error: 'bad_request', detail: z.prettifyError(body.error) });
      const command = body.data;
      // A ticket goes only to someone who can sign in and whose own area covers its section.
      if (command.type === 'assign' && !isAssignable(ticket, command.assignee)) {
        await audit(identity, 'ticket.assign_refused', ticket.number, { problem: 'not_assignable' });
        return void res.send(400, { error: 'not_assignable' });
      }
      const photo = command.type === 'resolve' ? await keepPhoto(ticket, req.body) : null;
      if (typeof photo === 'string') return void res.send(400, { error: photo });
      const applied: TicketCommand = photo && command.type === 'resolve' ? { ...command, photo: photo.id } : command;
      const outcome = await deps.workflow.change(ticket.number, applied, { kind: 'staff', username: identity.username, role: identity.role });
      if (!outcome.ok) {
        await audit(identity, `ticket.${command.type}_refused`, ticket.number, { problem: outcome.problem });
        return void res.send(PROBLEM_STATUS[outcome.problem], { error: outcome.problem });
      }
      res.send(200, { ticket: ticketSummary(outcome.ticket, deps.now(), staffNames()), consumerNotified: outcome.notice?.delivered ?? null });
    }));
  }

  // A resolution photo, to the field staff of the area. As JSON (base64) like every other answer: the
  // page fetches it with the session token in a header and shows it as a data: image.
  server.get('/api/field/tickets/:number/photos/:id', field(async (req, res, identity) => {
    const ticket = await visibleTicket(identity, String(req.params.number));
    const photo = ticket && (await deps.photos.get(ticket.number, String(req.params.id)));
    if (!ticket || !photo) return void res.send(404, { error: 'not_found' });
    await audit(identity, 'ticket.photo_view', ticket.number, {});
    res.send(200, { contentType: photo.contentType, data: photo.bytes.toString('base64') });
  }));

  /**
   * Keeps the photo sent with a resolve, before the change: its id goes into the resolution. A
   * resolve then refused leaves the photo to expire with the store's retention.
   */
  async function keepPhoto(ticket: Ticket, body: unknown): Promise<{ id: string } | null | 'bad_request' | 'photo_too_large' | 'photo_unreadable'> {
    const parsed = PhotoBodySchema.safeParse(body ?? {});
    if (!parsed.success) return 'bad_request';
    if (!parsed.data.photo) return null;
    const photo = decodeResolutionPhoto(parsed.data.photo);
    if (typeof photo === 'string') return photo;
    return { id: await deps.photos.put(ticket.number, photo) };
  }

  function staffNameTable(): Map<string, string> {
    return new Map(deps.authentication.members(STAFF_ROLES).map((member) => [member.username, member.name]));
  }

  /** People are shown by name, not username: "Ramesh Yadav", not "lineman7". */
  function staffNames(): StaffNames {
    const names = staffNameTable();
    return (username) => names.get(username) ?? username;
  }

  /** The linemen and JEs whose own area covers the ticket's section. */
  function assigneesFor(ticket: Ticket): StaffIdentity[] {
    return deps.authentication.members(ASSIGNABLE_ROLES).filter((member) => member.area !== undefined && withinScope(ticket.area, member.area));
  }

  function isAssignable(ticket: Ticket, assignee: TicketAssignee): boolean {
    return assigneesFor(ticket).some((member) => member.username === assignee.username && member.role === assignee.role);
  }

  /** A field user without an area sees nothing: an unscoped account must not see the whole state. */
  async function ticketsOf(identity: StaffIdentity, openOnly: boolean): Promise<Ticket[]> {
    if (!identity.area) return [];
    return openOnly ? deps.repository.findOpenByArea(identity.area) : deps.repository.findByArea(identity.area);
  }

  /** By the number as stored or as read out and printed (SP-2846-1937); null outside the user's area. */
  async function visibleTicket(identity: StaffIdentity, typed: string): Promise<Ticket | null> {
    const number = parseTicketNumber(typed) ?? typed;
    const ticket = await deps.repository.findByNumber(number);
    if (ticket && identity.area && withinScope(ticket.area, identity.area)) return ticket;
    if (ticket) await audit(identity, 'ticket.out_of_area', number, {});
    return null;
  }

  function audit(identity: StaffIdentity, action: string, subject: string | null, detail: Record<string, string | number>): Promise<void> {
    return deps.audit.record({ at: deps.now().toISOString(), actor: identity.username, role: identity.role, action, subject, detail });
  }
}

/** What a backend lookup found; null when it found nothing, failed or was not made. */
function valueOf<T>(lookup: PromiseSettledResult<T | null> | undefined): T | null {
  return lookup?.status === 'fulfilled' ? lookup.value : null;
}
