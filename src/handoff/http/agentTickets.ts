import type { Server } from 'restify';
import { z } from 'zod';
import type { AuditLog } from '../../auth/auditLog';
import { CALL_CENTRE_ROLES, type StaffIdentity } from '../../auth/staff';
import type { StaffAuthentication } from '../../auth/staffAuthentication';
import { staffOnly } from '../../auth/staffRoutes';
import { BackendUnavailableError, type Consumer, type MeterBackend } from '../../backend/meterBackend';
import { TicketCategorySchema } from '../../config/ticketPolicy';
import { parseConsumerNumber } from '../../domain/consumerNumber';
import type { Translator } from '../../i18n/translator';
import type { Logger } from '../../log/logger';
import type { ConsumerNotifier } from '../../notify/consumerNotifier';
import { ticketOpenedNotice } from '../../tickets/ticketNotices';
import type { TicketService } from '../../tickets/ticketService';
import type { HandoffService } from '../handoffService';
import { actorOf } from './agentApi';

/** What raising a ticket from the agent console works with. */
export interface AgentTicketDeps {
  authentication: StaffAuthentication;
  handoff: HandoffService;
  tickets: TicketService;
  backend: MeterBackend;
  notifier: ConsumerNotifier;
  translator: Translator;
  audit: AuditLog;
  logger: Logger;
  now: () => Date;
}

const RaiseTicketSchema = z.object({
  category: TicketCategorySchema,
  /** For the field team: what the agent learnt on the call. */
  description: z.string().trim().min(1).max(1000),
  urgent: z.boolean().default(false),
  /** The connection it is about, when the bot did not know it or it is another one. */
  caNumber: z.string().max(40).optional(),
  /** The console names each form it sends, so a retried request opens one ticket. */
  requestId: z.uuid(),
});

/**
 * POST /api/agent/conversations/:id/tickets: the agent holding a conversation raises a field ticket
 * for the consumer, with the same rules as the dialogs (one open ticket per problem, SLA, area from
 * the backend); the consumer is told its number in their language on their channel, and the
 * conversation's notes keep it for the next agent.
 */
export function mountAgentTickets(server: Server, deps: AgentTicketDeps): void {
  const audit = (identity: StaffIdentity, subject: string, detail: Record<string, string | boolean>) =>
    deps.audit.record({ at: deps.now().toISOString(), actor: identity.username, role: identity.role, action: 'ticket.raised_by_agent', subject, detail });

  server.post('/api/agent/conversations/:id/tickets', staffOnly(deps.authentication, CALL_CENTRE_ROLES, async (req, res, identity) => {
    const id = String(req.params.id);
    const body = RaiseTicketSchema.safeParse(req.body ?? {});
    if (!body.success) return void res.send(400, { error: 'bad_request', detail: z.prettifyError(body.error) });
    const record = await deps.handoff.current(id);
    if (!record) return void res.send(404, { error: 'not_found' });
    if (record.status !== 'assigned') return void res.send(409, { error: 'wrong_status' });
    if (record.assignee !== identity.username && identity.role !== 'supervisor') return void res.send(403, { error: 'not_assignee' });

    const typed = body.data.caNumber === undefined ? null : parseConsumerNumber(body.data.caNumber);
    if (typed && !typed.ok) return void res.send(400, { error: 'bad_ca_number', detail: typed.problem });
    const caNumber = typed?.value ?? record.request.caNumber;
    const consumer = caNumber ? await lookUp(deps, caNumber) : null;
    if (consumer === 'unknown') return void res.send(404, { error: 'unknown_consumer' });

    const contact = { channel: record.request.channel, conversationId: id, language: record.request.language };
    const { ticket, joined } = await deps.tickets.open({
      category: body.data.category,
      description: `Raised by a 1912 agent: ${body.data.description}`,
      urgent: body.data.urgent || record.request.urgent === true,
      caNumber,
      // A backend that does not answer leaves the area for the ticket automation to fill in later.
      area: consumer?.area ?? null,
      urban: consumer?.urban ?? null,
      contact,
      requestId: `agent:${body.data.requestId}`,
    });
    const notice = ticketOpenedNotice(ticket, joined, deps.translator.forLanguage(contact.language), contact.language);
    const told = await deps.notifier.notify(contact, notice);
    await deps.handoff.note(id, actorOf(identity), `${joined ? 'Joined' : 'Raised'} ticket ${notice.params.number} (${ticket.category}).`);
    await audit(identity, id, { ticket: ticket.number, category: ticket.category, joined, told: told.delivered });
    res.send(joined ? 200 : 201, { number: ticket.number, joined, status: ticket.status, dueAt: ticket.dueAt, told: told.delivered });
  }));
}

/** The consumer record; null when the backend cannot say now, 'unknown' when it says there is none. */
async function lookUp(deps: AgentTicketDeps, caNumber: string): Promise<Consumer | null | 'unknown'> {
  try {
    return (await deps.backend.findConsumer(caNumber)) ?? 'unknown';
  } catch (error) {
    if (!(error instanceof BackendUnavailableError)) throw error;
    deps.logger.warn({ ca: caNumber }, 'meter backend unavailable: agent ticket opened without its area');
    return null;
  }
}
