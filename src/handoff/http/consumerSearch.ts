import type { Request, Server } from 'restify';
import { z } from 'zod';
import type { AuditLog } from '../../auth/auditLog';
import { CALL_CENTRE_ROLES, type StaffIdentity } from '../../auth/staff';
import type { StaffAuthentication } from '../../auth/staffAuthentication';
import { staffOnly } from '../../auth/staffRoutes';
import { BackendUnavailableError, type MeterBackend } from '../../backend/meterBackend';
import { parseConsumerNumber } from '../../domain/consumerNumber';
import { maskMobile } from '../../domain/mask';
import { parseMobileNumber } from '../../domain/mobileNumber';
import { parseTicketNumber } from '../../domain/ticketNumber';
import type { TicketRepository } from '../../tickets/ticketRepository';
import type { CallBackDesk } from '../callBacks/callBackDesk';
import type { HandoffArchive } from '../history/handoffArchive';
import { maskedConsumer, ticketLine } from './conversationView';
import { earlierConversations } from './pastConversations';

/** What searching a consumer's history works with. */
export interface ConsumerSearchDeps {
  authentication: StaffAuthentication;
  archive: HandoffArchive;
  tickets: TicketRepository;
  callBacks: CallBackDesk;
  backend: MeterBackend;
  audit: AuditLog;
  now: () => Date;
}

const SearchSchema = z.object({ q: z.string().trim().min(1).max(40) });
/** A mobile shared by a whole family can hold several connections; more than this is not one consumer. */
const MAX_CONNECTIONS = 5;
const TICKETS_SHOWN = 10;

/** What the search text was read as. */
type SearchKind = 'ticket' | 'mobile' | 'ca' | 'none';

/**
 * Search and history for the agent console (docs/agent-api-openapi.yaml): a CA number, a mobile
 * or a ticket number finds the connections it names, and for each its tickets, open call-backs and
 * earlier chats with agents; a finished chat is read in full by its archive id. Names, addresses and
 * mobiles stay masked; every search and every chat read is audited (what was searched for, by its
 * kind, never the mobile itself).
 */
export function mountConsumerSearch(server: Server, deps: ConsumerSearchDeps): void {
  const agentSide = (handler: Parameters<typeof staffOnly>[2]) => staffOnly(deps.authentication, CALL_CENTRE_ROLES, handler);
  const audit = (identity: StaffIdentity, action: string, subject: string | null, detail: Record<string, string | number | boolean>) =>
    deps.audit.record({ at: deps.now().toISOString(), actor: identity.username, role: identity.role, action, subject, detail });

  server.get('/api/agent/search', agentSide(async (req, res, identity) => {
    const query = SearchSchema.safeParse(queryOf(req));
    if (!query.success) return void res.send(400, { error: 'bad_request', detail: z.prettifyError(query.error) });
    const { kind, caNumbers, backendUnavailable } = await connectionsNamedBy(deps, query.data.q);
    const connections = await Promise.all(caNumbers.slice(0, MAX_CONNECTIONS).map((caNumber) => connection(deps, caNumber)));
    await audit(identity, 'handoff.search', caNumbers[0] ?? null, { kind, connections: connections.length });
    res.send(200, { kind, connections, backendUnavailable });
  }));

  server.get('/api/agent/history/:archiveId', agentSide(async (req, res, identity) => {
    const archiveId = String(req.params.archiveId);
    const record = await deps.archive.get(archiveId);
    await audit(identity, 'handoff.history_viewed', archiveId, { outcome: record ? 'shown' : 'not_found' });
    if (!record) return void res.send(404, { error: 'not_found' });
    res.send(200, {
      archiveId,
      conversationId: record.request.conversationId,
      channel: record.request.channel,
      language: record.request.language,
      caNumber: record.request.caNumber,
      status: record.status,
      resolution: record.resolution,
      assignee: record.assignee,
      requestedAt: record.request.requestedAt,
      endedAt: record.updatedAt,
      history: record.request.history ?? [],
      transcript: record.transcript,
      notes: record.notes ?? [],
    });
  }));
}

/**
 * The CA numbers the text names: a ticket's connection, the connections registered on a mobile, or
 * the CA number itself. Ten digits from 6 may be a mobile or a CA number: a mobile when connections
 * are registered on it, else a CA number.
 */
async function connectionsNamedBy(deps: ConsumerSearchDeps, text: string): Promise<{ kind: SearchKind; caNumbers: string[]; backendUnavailable: boolean }> {
  const ticketNumber = parseTicketNumber(text);
  if (ticketNumber) {
    const ticket = await deps.tickets.findByNumber(ticketNumber);
    return { kind: 'ticket', caNumbers: ticket?.caNumber ? [ticket.caNumber] : [], backendUnavailable: false };
  }
  const mobile = parseMobileNumber(text);
  const ca = parseConsumerNumber(text);
  const caNumbers = ca.ok ? [ca.value] : [];
  if (!mobile) return { kind: ca.ok ? 'ca' : 'none', caNumbers, backendUnavailable: false };
  try {
    const onMobile = (await deps.backend.findConnectionsByMobile(mobile)).map((consumer) => consumer.caNumber);
    // Connections registered on it make it a mobile; none, and it is read as the CA number it also is.
    if (onMobile.length > 0) return { kind: 'mobile', caNumbers: onMobile, backendUnavailable: false };
    return { kind: ca.ok ? 'ca' : 'mobile', caNumbers, backendUnavailable: false };
  } catch (error) {
    if (!(error instanceof BackendUnavailableError)) throw error;
    return { kind: 'mobile', caNumbers, backendUnavailable: true };
  }
}

/** One connection's history: who (masked), its tickets, the call-backs open for it and its earlier chats. */
async function connection(deps: ConsumerSearchDeps, caNumber: string) {
  const [consumer, tickets, callBacks, conversations] = await Promise.all([
    deps.backend.findConsumer(caNumber).catch(() => null),
    deps.tickets.findByConsumer(caNumber),
    deps.callBacks.open(),
    earlierConversations(deps.archive, caNumber),
  ]);
  return {
    caNumber,
    consumer: consumer ? maskedConsumer(consumer) : null,
    tickets: tickets.slice(0, TICKETS_SHOWN).map(ticketLine),
    callBacks: callBacks
      .filter((callBack) => callBack.request.caNumber === caNumber)
      .map((callBack) => ({ id: callBack.id, status: callBack.status, phone: maskMobile(callBack.request.phone), dueAt: callBack.request.dueAt, takenBy: callBack.takenBy })),
    conversations,
  };
}

function queryOf(req: Request): Record<string, string> {
  return Object.fromEntries(new URL(req.url ?? '', 'http://agent').searchParams);
}
