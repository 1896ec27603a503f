import type { Server } from 'restify';
import type { AuditLog } from '../../auth/auditLog';
import type { StaffAuthentication } from '../../auth/staffAuthentication';
import { staffOnly } from '../../auth/staffRoutes';
import type { AgentPresence } from '../../handoff/agentPresence';
import type { CallBackDesk } from '../../handoff/callBacks/callBackDesk';
import type { HandoffService } from '../../handoff/handoffService';
import type { TicketRepository } from '../../tickets/ticketRepository';
import { deskNow } from '../deskNow';
import { OPS_ROLES } from './opsApi';

export interface DeskApiDeps {
  authentication: StaffAuthentication;
  handoff: HandoffService;
  presence: AgentPresence;
  callBacks: CallBackDesk;
  tickets: TicketRepository;
  audit: AuditLog;
  now: () => Date;
}

/**
 * GET /api/ops/desk (docs/ops-api-openapi.yaml, "desk"): the desk as it stands, for supervisors;
 * audited. Tickets count once placed in an area (the locate job places one the backend could not
 * place at once), as every field list does.
 */
export function mountDeskApi(server: Server, deps: DeskApiDeps): void {
  server.get('/api/ops/desk', staffOnly(deps.authentication, OPS_ROLES, async (_req, res, identity) => {
    const [queued, side, online, callBacks, openTickets] = await Promise.all([
      deps.handoff.queue(),
      deps.handoff.withAgentSide(),
      deps.presence.online(),
      deps.callBacks.open(),
      deps.tickets.findOpenByArea({}),
    ]);
    const now = deps.now();
    const assigned = side.filter((record) => record.status === 'assigned');
    await deps.audit.record({ at: now.toISOString(), actor: identity.username, role: identity.role, action: 'ops.desk_viewed', subject: null, detail: {} });
    res.send(200, deskNow({ queued, assigned, online, callBacks, openTickets, now }));
  }));
}
