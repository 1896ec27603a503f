import type { Request, Response, Server } from 'restify';
import { z } from 'zod';
import type { AuditLog } from '../../auth/auditLog';
import { CALL_CENTRE_ROLES, type StaffIdentity } from '../../auth/staff';
import type { StaffAuthentication } from '../../auth/staffAuthentication';
import { staffOnly } from '../../auth/staffRoutes';
import type { ConsumerContact, ConsumerNotifier } from '../../notify/consumerNotifier';
import { ResolveReasonSchema, type HandoffRecord, type TransitionProblem } from '../handoffRecord';
import type { HandoffService } from '../handoffService';

/** What the agent API works with. */
export interface AgentApiDeps {
  authentication: StaffAuthentication;
  handoff: HandoffService;
  notifier: ConsumerNotifier;
  audit: AuditLog;
  now: () => Date;
}

const ReplySchema = z.object({ text: z.string().trim().min(1).max(2000) });
const ResolveSchema = z.object({ reason: ResolveReasonSchema });

/** HTTP status for each refusal. */
const PROBLEM_STATUS: Record<TransitionProblem, number> = {
  not_found: 404,
  wrong_status: 409,
  taken: 409,
  not_assignee: 403,
};

/**
 * The 1912 call centre's REST API: the queue, claiming, the conversation with its transcript,
 * replying and resolving. Agents and supervisors only; an agent acts only on their own
 * conversations; every action is audited (ids and outcomes only, never what the consumer wrote).
 */
export function mountAgentApi(server: Server, deps: AgentApiDeps): void {
  const agentSide = (handler: (req: Request, res: Response, identity: StaffIdentity) => Promise<void>) =>
    staffOnly(deps.authentication, CALL_CENTRE_ROLES, handler);
  const audit = (identity: StaffIdentity, action: string, subject: string | null, detail: Record<string, string | number | boolean | null> = {}) =>
    deps.audit.record({ at: deps.now().toISOString(), actor: identity.username, role: identity.role, action, subject, detail });

  server.get('/api/agent/queue', agentSide(async (_req, res, identity) => {
    const now = deps.now().getTime();
    const queue = (await deps.handoff.queue()).map((record, index) => ({
      conversationId: record.request.conversationId,
      position: index + 1,
      channel: record.request.channel,
      language: record.request.language,
      lastIntent: record.request.lastIntent,
      reason: record.request.reason,
      requestedAt: record.request.requestedAt,
      waitSeconds: Math.max(0, Math.round((now - Date.parse(record.request.requestedAt)) / 1000)),
    }));
    await audit(identity, 'handoff.queue_viewed', null, { waiting: queue.length });
    res.send(200, { queue });
  }));

  server.post('/api/agent/conversations/:id/claim', agentSide(async (req, res, identity) => {
    const id = String(req.params.id);
    const outcome = await deps.handoff.claim(id, identity.username);
    await audit(identity, 'handoff.claim', id, { outcome: outcome.ok ? 'claimed' : outcome.problem });
    if (!outcome.ok) return void res.send(PROBLEM_STATUS[outcome.problem], { error: outcome.problem });
    res.send(200, conversationView(outcome.record));
  }));

  server.get('/api/agent/conversations/:id', agentSide(async (req, res, identity) => {
    const id = String(req.params.id);
    const record = await deps.handoff.current(id);
    const refusal = !record ? 'not_found' : ownedByAnother(record, identity) ? 'not_assignee' : null;
    await audit(identity, 'handoff.conversation_viewed', id, { outcome: refusal ?? 'shown' });
    if (!record || refusal) return void res.send(PROBLEM_STATUS[refusal ?? 'not_found'], { error: refusal });
    res.send(200, conversationView(record));
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
}

/** A supervisor sees every conversation; an agent only queued ones and their own. */
function ownedByAnother(record: HandoffRecord, identity: StaffIdentity): boolean {
  return identity.role !== 'supervisor' && record.assignee !== null && record.assignee !== identity.username;
}

function contactOf(record: HandoffRecord): ConsumerContact {
  return { channel: record.request.channel, conversationId: record.request.conversationId, language: record.request.language };
}

function conversationView(record: HandoffRecord) {
  return {
    conversationId: record.request.conversationId,
    status: record.status,
    assignee: record.assignee,
    channel: record.request.channel,
    language: record.request.language,
    caNumber: record.request.caNumber,
    lastIntent: record.request.lastIntent,
    reason: record.request.reason,
    requestedAt: record.request.requestedAt,
    transcript: record.transcript,
  };
}
