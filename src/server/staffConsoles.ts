import type { Server } from 'restify';
import type { Sampark } from '../app';
import type { StaffAuthentication } from '../auth/staffAuthentication';
import { mountStaffRoutes } from '../auth/staffRoutes';
import { mountAgentApi } from '../handoff/http/agentApi';
import { mountOpsApi } from '../ops/http/opsApi';
import { mountFieldApi } from '../tickets/http/fieldApi';

/**
 * Everything staff use, in one place for `npm start` and the tests: sign-in, the field teams' API,
 * the call centre's API, and the consoles that sit on them.
 */
export function mountStaffConsoles(server: Server, sampark: Sampark, authentication: StaffAuthentication): void {
  const now = sampark.services.now;
  mountStaffRoutes(server, authentication);
  mountFieldApi(server, {
    authentication,
    repository: sampark.ticketRepository,
    workflow: sampark.ticketWorkflow,
    audit: sampark.audit,
    backend: sampark.services.backend,
    now,
  });
  mountAgentApi(server, {
    authentication,
    handoff: sampark.handoff,
    notifier: sampark.notifier,
    audit: sampark.audit,
    backend: sampark.services.backend,
    tickets: sampark.ticketRepository,
    translator: sampark.translator,
    events: sampark.agentEvents,
    presence: sampark.presence,
    now,
  });
  mountOpsApi(server, { authentication, operations: sampark.operations, audit: sampark.audit, now });
}
