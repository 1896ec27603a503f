import type { Request, Response, Server } from 'restify';
import { z } from 'zod';
import type { AuditLog } from '../../auth/auditLog';
import { CALL_CENTRE_ROLES, type StaffIdentity } from '../../auth/staff';
import type { StaffAuthentication } from '../../auth/staffAuthentication';
import { staffOnly } from '../../auth/staffRoutes';
import type { MeterBackend } from '../../backend/meterBackend';
import { LANGUAGES } from '../../i18n/language';
import type { Translator } from '../../i18n/translator';
import type { ConsumerContact, ConsumerNotifier } from '../../notify/consumerNotifier';
import type { TicketRepository } from '../../tickets/ticketRepository';
import type { AgentEventBus } from '../agentEventBus';
import type { AgentPresence } from '../agentPresence';
import type { Logger } from '../../log/logger';
import type { TurnLock } from '../../turns/turnLock';
import { AGENT_EVENT_TYPES } from '../agentEvents';
import { tellAgentJoined } from '../agentJoined';
import { AutoAssignment } from '../autoAssignment';
import type { HandoffArchive } from '../history/handoffArchive';
import { ResolveReasonSchema, type AgentActor, type HandoffRecord, type TransitionProblem } from '../handoffRecord';
import type { HandoffService } from '../handoffService';
import { AgentEventStreams, STREAM_HEARTBEAT_MS } from './agentEventStream';
import { cannedReplies, type CannedFor } from './cannedReplies';
import { botContext, conversationView, overviewEntry, queueEntry } from './conversationView';
import { earlierConversations } from './pastConversations';

/** What the agent API works with. */
export interface AgentApiDeps {
  authentication: StaffAuthentication;
  handoff: HandoffService;
  notifier: ConsumerNotifier;
  audit: AuditLog;
  backend: MeterBackend;
  tickets: TicketRepository;
  translator: Translator;
  events: AgentEventBus;
  presence: AgentPresence;
  /** Finished chats: the consumer's earlier ones are shown with the current one. */
  archive: HandoffArchive;
  /** HELPLINE_NUMBER: agents are introduced to consumers as being from it. */
  helplineNumber: string;
  now: () => Date;
  /** How often the live stream writes a heartbeat; tests shorten it. */
  streamHeartbeatMs?: number;
  /** Waiting chats given to online agents by themselves (AGENT_MAX_OPEN_CONVERSATIONS above 0); absent: Take only. */
  autoAssignment?: { lock: TurnLock; maxOpenPerAgent: number; logger: Logger };
}

/** The agent API's handle: ends its live streams at shutdown. */
export interface AgentApi {
  closeStreams(): void;
}

const Text = z.string().trim().min(1).max(2000);
const ReplySchema = z.object({ text: Text });
const NoteSchema = z.object({ text: Text });
const ResolveSchema = z.object({ reason: ResolveReasonSchema });
/** A colleague's username, or null for back to the queue. */
const TransferSchema = z.object({ to: z.string().trim().toLowerCase().min(1).max(40).nullable() });
const StatusSchema = z.object({ away: z.boolean() });
/** What can free an agent or bring a new request: each sends the assignment round again. */
const ASSIGNMENT_TRIGGERS: ReadonlySet<(typeof AGENT_EVENT_TYPES)[number]> = new Set([
  'queue.added',
  'conversation.transferred',
  'conversation.resolved',
  'conversation.cancelled',
  'conversation.expired',
]);
/** Events come in bursts (resolved, then another queued): one round for the burst. */
const ROUND_DELAY_MS = 50;
const CannedQuerySchema = z.object({ language: z.enum(LANGUAGES), conversation: z.string().min(1).max(200).optional() });

/** HTTP status for each refusal. */
const PROBLEM_STATUS: Record<TransitionProblem, number> = {
  not_found: 404,
  wrong_status: 409,
  taken: 409,
  not_assignee: 403,
};

type Handler = (req: Request, res: Response, identity: StaffIdentity) => Promise<void>;

/**
 * The 1912 call centre's REST API (docs/agent-api-openapi.yaml): the queue, claiming, the
 * conversation with its transcript and the bot's context, replying, private notes, canned replies,
 * transfer, resolving, the supervisor's overview and the live event stream. Agents and supervisors
 * only; an agent acts only on queued conversations and their own; every action is audited (ids and
 * outcomes only, never what anybody wrote).
 */
export function mountAgentApi(server: Server, deps: AgentApiDeps): AgentApi {
  const agentSide = (handler: Handler) => staffOnly(deps.authentication, CALL_CENTRE_ROLES, handler);
  const supervisorOnly = (handler: Handler) => staffOnly(deps.authentication, ['supervisor'], handler);
  const audit = (identity: StaffIdentity, action: string, subject: string | null, detail: Record<string, string | number | boolean | null> = {}) =>
    deps.audit.record({ at: deps.now().toISOString(), actor: identity.username, role: identity.role, action, subject, detail });
  const streams = new AgentEventStreams({
    events: deps.events,
    presence: deps.presence,
    heartbeatMs: deps.streamHeartbeatMs ?? STREAM_HEARTBEAT_MS,
  });

  const assigning = startAutoAssignment();

  server.post('/api/agent/status', agentSide(async (req, res, identity) => {
    const body = StatusSchema.safeParse(req.body ?? {});
    if (!body.success) return void res.send(400, { error: 'bad_request', detail: z.prettifyError(body.error) });
    await deps.presence.setAway(identity.username, body.data.away);
    await audit(identity, 'agent.status', null, { away: body.data.away });
    // Back from a break: the waiting may be theirs now.
    assigning.soon();
    res.send(200, { away: body.data.away });
  }));

  server.get('/api/agent/queue', agentSide(async (_req, res, identity) => {
    const now = deps.now();
    const queue = (await deps.handoff.queue()).map((record, index) => queueEntry(record, index + 1, now));
    await audit(identity, 'handoff.queue_viewed', null, { waiting: queue.length });
    res.send(200, { queue });
  }));

  server.get('/api/agent/events', agentSide(async (req, res, identity) => {
    await audit(identity, 'handoff.stream_opened', null);
    const header = req.header('authorization');
    const endpoint = `${req.method} ${req.getRoute().path}`;
    // A console opening is an agent coming online: the waiting may be theirs now.
    setTimeout(assigning.soon, ROUND_DELAY_MS);
    await streams.serve(res, identity, async () => (await deps.authentication.authorize(header, CALL_CENTRE_ROLES, endpoint)).ok);
  }));

  server.get('/api/agent/canned', agentSide(async (req, res, identity) => {
    const query = CannedQuerySchema.safeParse(queryOf(req));
    if (!query.success) return void res.send(400, { error: 'bad_request', detail: z.prettifyError(query.error) });
    const { language, conversation } = query.data;
    if (!conversation) return void res.send(200, { language, replies: cannedReplies(deps.translator, language) });
    // Filled for one conversation: only its agent (or a supervisor) greets the consumer by name.
    const record = await deps.handoff.current(conversation);
    const refusal = !record ? 'not_found' : record.status !== 'assigned' || ownedByAnother(record, identity) ? 'not_assignee' : null;
    if (!record || refusal) return void res.send(PROBLEM_STATUS[refusal ?? 'not_found'], { error: refusal });
    const consumer = await consumerToGreet(record);
    await audit(identity, 'handoff.name_revealed', conversation, { outcome: consumer.name ? 'filled' : 'unknown' });
    res.send(200, { language, replies: cannedReplies(deps.translator, language, consumer) });
  }));

  server.get('/api/agent/agents', agentSide(async (_req, res) => {
    res.send(200, { agents: await colleagues(await deps.handoff.withAgentSide()) });
  }));

  server.get('/api/agent/overview', supervisorOnly(async (_req, res, identity) => {
    const now = deps.now();
    const records = await deps.handoff.withAgentSide();
    const conversations = records.map((record) => overviewEntry(record, now));
    const byStatus = { queued: 0, assigned: 0 };
    for (const conversation of conversations) if (conversation.status === 'queued' || conversation.status === 'assigned') byStatus[conversation.status] += 1;
    await audit(identity, 'handoff.overview_viewed', null, { conversations: conversations.length });
    res.send(200, { byStatus, conversations, agents: await colleagues(records) });
  }));

  server.get('/api/agent/conversations', agentSide(async (_req, res, identity) => {
    const now = deps.now();
    const mine = (await deps.handoff.withAgentSide()).filter((record) => record.status === 'assigned' && record.assignee === identity.username);
    res.send(200, { conversations: mine.map((record) => overviewEntry(record, now)) });
  }));

  server.post('/api/agent/conversations/:id/claim', agentSide(async (req, res, identity) => {
    const id = String(req.params.id);
    const outcome = await deps.handoff.claim(id, identity.username);
    if (!outcome.ok) {
      await audit(identity, 'handoff.claim', id, { outcome: outcome.problem });
      return void res.send(PROBLEM_STATUS[outcome.problem], { error: outcome.problem });
    }
    // A second click on Take is not a second arrival.
    const told = outcome.changed ? await welcome(outcome.record, identity.username) : null;
    await audit(identity, 'handoff.claim', id, { outcome: 'claimed', told });
    res.send(200, await fullView(outcome.record));
  }));

  server.get('/api/agent/conversations/:id', agentSide(async (req, res, identity) => {
    const id = String(req.params.id);
    const record = await deps.handoff.current(id);
    const refusal = !record ? 'not_found' : ownedByAnother(record, identity) ? 'not_assignee' : null;
    await audit(identity, 'handoff.conversation_viewed', id, { outcome: refusal ?? 'shown' });
    if (!record || refusal) return void res.send(PROBLEM_STATUS[refusal ?? 'not_found'], { error: refusal });
    res.send(200, await fullView(record));
  }));

  server.post('/api/agent/conversations/:id/replies', agentSide(async (req, res, identity) => {
    const id = String(req.params.id);
    const body = ReplySchema.safeParse(req.body ?? {});
    if (!body.success) return void res.send(400, { error: 'bad_request', detail: z.prettifyError(body.error) });
    const outcome = await deps.handoff.agentReplied(id, identity.username, body.data.text);
    if (!outcome.ok) {
      await audit(identity, 'handoff.reply', id, { outcome: outcome.problem });
      return void res.send(PROBLEM_STATUS[outcome.problem], { error: outcome.problem });
    }
    const delivery = await deps.notifier.notify(contactOf(outcome.record), { key: 'agent.reply', params: { text: body.data.text } });
    await audit(identity, 'handoff.reply', id, { outcome: delivery.delivered ? 'delivered' : delivery.reason });
    res.send(delivery.delivered ? 200 : 502, { delivered: delivery.delivered, ...(delivery.delivered ? {} : { reason: delivery.reason }) });
  }));

  server.post('/api/agent/conversations/:id/notes', agentSide(async (req, res, identity) => {
    const id = String(req.params.id);
    const body = NoteSchema.safeParse(req.body ?? {});
    if (!body.success) return void res.send(400, { error: 'bad_request', detail: z.prettifyError(body.error) });
    const outcome = await deps.handoff.note(id, actorOf(identity), body.data.text);
    await audit(identity, 'handoff.note', id, { outcome: outcome.ok ? 'noted' : outcome.problem });
    if (!outcome.ok) return void res.send(PROBLEM_STATUS[outcome.problem], { error: outcome.problem });
    res.send(201, { notes: outcome.record.notes ?? [] });
  }));

  server.post('/api/agent/conversations/:id/transfer', agentSide(async (req, res, identity) => {
    const id = String(req.params.id);
    const body = TransferSchema.safeParse(req.body ?? {});
    if (!body.success) return void res.send(400, { error: 'bad_request', detail: z.prettifyError(body.error) });
    const to = body.data.to;
    if (to !== null && !deps.authentication.members(CALL_CENTRE_ROLES).some((member) => member.username === to)) {
      await audit(identity, 'handoff.transfer', id, { outcome: 'unknown_agent', to });
      return void res.send(400, { error: 'unknown_agent' });
    }
    const outcome = await deps.handoff.transfer(id, actorOf(identity), to);
    if (!outcome.ok) {
      await audit(identity, 'handoff.transfer', id, { outcome: outcome.problem, to });
      return void res.send(PROBLEM_STATUS[outcome.problem], { error: outcome.problem });
    }
    const told = outcome.changed && to !== null ? await welcome(outcome.record, to) : null;
    await audit(identity, 'handoff.transfer', id, { outcome: 'transferred', to, told });
    res.send(200, { status: outcome.record.status, assignee: outcome.record.assignee });
  }));

  server.post('/api/agent/conversations/:id/resolve', agentSide(async (req, res, identity) => {
    const id = String(req.params.id);
    const body = ResolveSchema.safeParse(req.body ?? {});
    if (!body.success) return void res.send(400, { error: 'bad_request', detail: z.prettifyError(body.error) });
    const outcome = await deps.handoff.resolve(id, identity.username, body.data.reason);
    if (!outcome.ok) {
      await audit(identity, 'handoff.resolve', id, { outcome: outcome.problem, reason: body.data.reason });
      return void res.send(PROBLEM_STATUS[outcome.problem], { error: outcome.problem });
    }
    // The dialog stack is reset at the consumer's next message (HandoffGate); this tells them now.
    const delivery = await deps.notifier.notify(contactOf(outcome.record), { key: 'agent.resolved' });
    await audit(identity, 'handoff.resolve', id, { outcome: 'resolved', reason: body.data.reason, told: delivery.delivered });
    res.send(200, { status: outcome.record.status, told: delivery.delivered });
  }));

  /** The consumer's own name and CA number, as the backend has them: the agent greets them by name. */
  async function consumerToGreet(record: HandoffRecord): Promise<CannedFor> {
    const { caNumber } = await botContext(record, deps.backend, deps.tickets);
    const consumer = caNumber ? await deps.backend.findConsumer(caNumber).catch(() => null) : null;
    return { name: consumer?.name ?? null, caNumber };
  }

  /** Tells the consumer who has their conversation now; true when it reached them. */
  async function welcome(record: HandoffRecord, username: string): Promise<boolean> {
    const name = deps.authentication.displayName(username) ?? username;
    return (await tellAgentJoined({ notifier: deps.notifier, helplineNumber: deps.helplineNumber }, record, name)).delivered;
  }

  /** The conversation with the bot's context and the consumer's earlier chats with agents. */
  async function fullView(record: HandoffRecord) {
    const context = await botContext(record, deps.backend, deps.tickets);
    return { ...conversationView(record, context), previous: await earlierConversations(deps.archive, context.caNumber, record) };
  }

  /**
   * Rounds of automatic assignment on this instance: after every change that can free an agent or
   * bring a request (heard from every instance), when a console opens or an agent is back, and at
   * each stream heartbeat in case an event was lost. The rounds themselves run one at a time
   * across instances (AutoAssignment's lock).
   */
  function startAutoAssignment(): { soon(): void; stop(): void } {
    const settings = deps.autoAssignment;
    if (!settings || settings.maxOpenPerAgent <= 0) return { soon: () => undefined, stop: () => undefined };
    const assignment = new AutoAssignment({
      handoff: deps.handoff,
      presence: deps.presence,
      lock: settings.lock,
      maxOpenPerAgent: settings.maxOpenPerAgent,
      assigned: async (record, agent) => void (await welcome(record, agent)),
      logger: settings.logger,
    });
    let timer: NodeJS.Timeout | null = null;
    let stopped = false;
    const soon = () => {
      if (timer || stopped) return;
      timer = setTimeout(() => {
        timer = null;
        assignment.assignWaiting().catch((error: unknown) => settings.logger.warn({ err: error }, 'automatic assignment round failed'));
      }, ROUND_DELAY_MS);
    };
    const unsubscribe = deps.events.subscribe((event) => {
      if (ASSIGNMENT_TRIGGERS.has(event.type)) soon();
    });
    const sweep = setInterval(soon, deps.streamHeartbeatMs ?? STREAM_HEARTBEAT_MS);
    return {
      soon,
      stop: () => {
        stopped = true;
        clearInterval(sweep);
        if (timer) clearTimeout(timer);
        void unsubscribe.then((stop) => stop());
      },
    };
  }

  /** Every call-centre account, whether its console is open, and how many of `sideRecords` it holds. */
  async function colleagues(sideRecords: HandoffRecord[]) {
    const online = await deps.presence.online();
    const present = new Map(online.map((agent) => [agent.username, agent]));
    return deps.authentication.members(CALL_CENTRE_ROLES).map((member) => ({
      username: member.username,
      name: member.name,
      role: member.role,
      online: present.has(member.username),
      consoles: present.get(member.username)?.consoles ?? 0,
      away: present.get(member.username)?.away ?? false,
      lastSeenAt: present.get(member.username)?.lastSeenAt ?? null,
      holding: sideRecords.filter((record) => record.status === 'assigned' && record.assignee === member.username).length,
    }));
  }

  return {
    closeStreams: () => {
      assigning.stop();
      streams.closeAll();
    },
  };
}

/** A supervisor sees every conversation; an agent only queued ones and their own. */
function ownedByAnother(record: HandoffRecord, identity: StaffIdentity): boolean {
  return identity.role !== 'supervisor' && record.assignee !== null && record.assignee !== identity.username;
}

/** The acting member of staff as the handoff record names them. */
export function actorOf(identity: StaffIdentity): AgentActor {
  return { username: identity.username, supervising: identity.role === 'supervisor' };
}

function contactOf(record: HandoffRecord): ConsumerContact {
  return { channel: record.request.channel, conversationId: record.request.conversationId, language: record.request.language };
}

function queryOf(req: Request): Record<string, string> {
  return Object.fromEntries(new URL(req.url ?? '', 'http://agent').searchParams);
}
