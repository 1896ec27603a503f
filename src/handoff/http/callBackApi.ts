import type { Request, Response, Server } from 'restify';
import { z } from 'zod';
import type { AuditLog } from '../../auth/auditLog';
import { CALL_CENTRE_ROLES, type StaffIdentity } from '../../auth/staff';
import type { StaffAuthentication } from '../../auth/staffAuthentication';
import { staffOnly } from '../../auth/staffRoutes';
import { maskMobile } from '../../domain/mask';
import { CallBackClosingSchema, CallOutcomeSchema, type CallBack, type CallBackProblem } from '../callBacks/callBack';
import type { CallBackDesk } from '../callBacks/callBackDesk';
import { actorOf } from './agentApi';

/** What the call-back API works with. */
export interface CallBackApiDeps {
  authentication: StaffAuthentication;
  callBacks: CallBackDesk;
  audit: AuditLog;
  now: () => Date;
}

const CallSchema = z.object({ outcome: CallOutcomeSchema, note: z.string().trim().max(1000).default('') });
const CloseSchema = z.object({ closing: CallBackClosingSchema });

const PROBLEM_STATUS: Record<CallBackProblem, number> = { not_found: 404, wrong_status: 409, taken: 409, not_taker: 403 };

type Handler = (req: Request, res: Response, identity: StaffIdentity) => Promise<void>;

/**
 * The call-back list of the agent console (docs/agent-api-openapi.yaml): every open call-back, the
 * most pressing first; an agent takes one (and only then sees the whole number, an audited reveal),
 * logs each call with what came of it, and closes it.
 */
export function mountCallBackApi(server: Server, deps: CallBackApiDeps): void {
  const agentSide = (handler: Handler) => staffOnly(deps.authentication, CALL_CENTRE_ROLES, handler);
  const audit = (identity: StaffIdentity, action: string, subject: string | null, detail: Record<string, string | number | boolean | null>) =>
    deps.audit.record({ at: deps.now().toISOString(), actor: identity.username, role: identity.role, action, subject, detail });

  server.get('/api/agent/call-backs', agentSide(async (_req, res, identity) => {
    const now = deps.now();
    const callBacks = (await deps.callBacks.open()).map((callBack) => callBackEntry(callBack, identity, now));
    const revealed = callBacks.filter((entry) => entry.phoneRevealed).length;
    await audit(identity, 'callback.list_viewed', null, { open: callBacks.length, revealed });
    res.send(200, { callBacks });
  }));

  server.post('/api/agent/call-backs/:callBackId/take', agentSide(async (req, res, identity) => {
    const id = String(req.params.callBackId);
    const outcome = await deps.callBacks.take(id, actorOf(identity));
    // Taking it shows the whole number to call: the reveal is what is audited.
    await audit(identity, 'callback.take', id, outcome.ok ? { outcome: 'taken', revealed: 'phone' } : { outcome: outcome.problem });
    if (!outcome.ok) return void res.send(PROBLEM_STATUS[outcome.problem], { error: outcome.problem });
    res.send(200, callBackEntry(outcome.callBack, identity, deps.now()));
  }));

  server.post('/api/agent/call-backs/:callBackId/calls', agentSide(async (req, res, identity) => {
    const id = String(req.params.callBackId);
    const body = CallSchema.safeParse(req.body ?? {});
    if (!body.success) return void res.send(400, { error: 'bad_request', detail: z.prettifyError(body.error) });
    const outcome = await deps.callBacks.logCall(id, actorOf(identity), body.data.outcome, body.data.note);
    // What the note says stays out of the audit log, as with every note.
    await audit(identity, 'callback.call', id, { outcome: outcome.ok ? body.data.outcome : outcome.problem });
    if (!outcome.ok) return void res.send(PROBLEM_STATUS[outcome.problem], { error: outcome.problem });
    res.send(201, callBackEntry(outcome.callBack, identity, deps.now()));
  }));

  server.post('/api/agent/call-backs/:callBackId/close', agentSide(async (req, res, identity) => {
    const id = String(req.params.callBackId);
    const body = CloseSchema.safeParse(req.body ?? {});
    if (!body.success) return void res.send(400, { error: 'bad_request', detail: z.prettifyError(body.error) });
    const outcome = await deps.callBacks.close(id, actorOf(identity), body.data.closing);
    await audit(identity, 'callback.close', id, { outcome: outcome.ok ? body.data.closing : outcome.problem });
    if (!outcome.ok) return void res.send(PROBLEM_STATUS[outcome.problem], { error: outcome.problem });
    res.send(200, callBackEntry(outcome.callBack, identity, deps.now()));
  }));
}

/** One call-back as the console shows it: the whole number only to the agent who has taken it. */
export function callBackEntry(callBack: CallBack, identity: StaffIdentity, now: Date) {
  const { request } = callBack;
  const phoneRevealed = callBack.status === 'taken' && callBack.takenBy === identity.username;
  return {
    id: callBack.id,
    status: callBack.status,
    priority: request.urgent ? 'urgent' : 'normal',
    language: request.language,
    channel: request.channel,
    caNumber: request.caNumber,
    phone: phoneRevealed ? request.phone : maskMobile(request.phone),
    phoneRevealed,
    phoneSource: request.phoneSource,
    reason: request.reason,
    requestedAt: request.requestedAt,
    dueAt: request.dueAt,
    due: Date.parse(request.dueAt) <= now.getTime(),
    takenBy: callBack.takenBy,
    attempts: callBack.attempts,
    closing: callBack.closing,
  };
}
