import type { Server } from 'restify';
import type { Sampark } from '../app';
import type { StaffAuthentication } from '../auth/staffAuthentication';
import { mountStaffRoutes, type StaffRouteOptions } from '../auth/staffRoutes';
import { mountAgentApi } from '../handoff/http/agentApi';
import { mountAgentTickets } from '../handoff/http/agentTickets';
import { mountCallBackApi } from '../handoff/http/callBackApi';
import { mountConsumerSearch } from '../handoff/http/consumerSearch';
import { mountDeskApi } from '../ops/http/deskApi';
import { mountOpsApi } from '../ops/http/opsApi';
import { mountFieldApi } from '../tickets/http/fieldApi';
import { mountVisitListApi } from '../tickets/http/visitListApi';
import { mountCampaignApi } from '../outreach/http/campaignApi';
import { BreachAlerts } from '../alerts/breachAlerts';
import { SUPERVISING_ROLES } from '../tickets/lifecycle';
import { mountFieldAlertsApi } from '../alerts/http/fieldAlertsApi';
import { mountStaffPage } from './staffPages';

/** What a shutdown must end before the server can close: the agent consoles' live streams. */
export interface StaffConsoles {
  close(): void;
}

/**
 * Everything staff use, in one place for `npm start` and the tests: sign-in, the field teams' API,
 * the call centre's API, and the consoles that sit on them.
 */
export function mountStaffConsoles(
  server: Server,
  sampark: Sampark,
  authentication: StaffAuthentication,
  options: StaffRouteOptions = { trustedProxy: false },
): StaffConsoles {
  const now = sampark.services.now;
  mountStaffRoutes(server, authentication, options);
  mountFieldApi(server, {
    authentication,
    repository: sampark.ticketRepository,
    workflow: sampark.ticketWorkflow,
    audit: sampark.audit,
    backend: sampark.services.backend,
    photos: sampark.resolutionPhotos,
    now,
  });
  mountVisitListApi(server, {
    authentication,
    repository: sampark.ticketRepository,
    backend: sampark.services.backend,
    audit: sampark.audit,
    now,
  });
  // The accounts are known here, so this is where breaches learn whom to alert.
  sampark.ticketAutomation.alertSupervisors(new BreachAlerts(sampark.staffAlerts, () => authentication.members(SUPERVISING_ROLES)));
  mountFieldAlertsApi(server, { authentication, alerts: sampark.staffAlerts, audit: sampark.audit, now });
  mountStaffPage(server, { name: 'field', namespace: 'fieldPage', translator: sampark.translator });
  const agentApi = mountAgentApi(server, {
    authentication,
    handoff: sampark.handoff,
    notifier: sampark.notifier,
    audit: sampark.audit,
    backend: sampark.services.backend,
    tickets: sampark.ticketRepository,
    translator: sampark.translator,
    events: sampark.agentEvents,
    presence: sampark.presence,
    archive: sampark.handoffArchive,
    helplineNumber: sampark.services.policy.helplineNumber,
    autoAssignment: { lock: sampark.turnLock, maxOpenPerAgent: sampark.services.policy.agentMaxOpenConversations, logger: sampark.services.logger },
    now,
  });
  mountAgentTickets(server, {
    authentication,
    handoff: sampark.handoff,
    tickets: sampark.services.tickets,
    backend: sampark.services.backend,
    notifier: sampark.notifier,
    translator: sampark.translator,
    audit: sampark.audit,
    logger: sampark.services.logger,
    now,
  });
  mountCallBackApi(server, { authentication, callBacks: sampark.callBacks, audit: sampark.audit, now });
  mountConsumerSearch(server, {
    authentication,
    archive: sampark.handoffArchive,
    tickets: sampark.ticketRepository,
    callBacks: sampark.callBacks,
    backend: sampark.services.backend,
    audit: sampark.audit,
    now,
  });
  mountStaffPage(server, { name: 'agent', namespace: 'agentConsole', translator: sampark.translator });
  mountOpsApi(server, { authentication, operations: sampark.operations, audit: sampark.audit, now });
  mountDeskApi(server, {
    authentication,
    handoff: sampark.handoff,
    presence: sampark.presence,
    callBacks: sampark.callBacks,
    tickets: sampark.ticketRepository,
    audit: sampark.audit,
    now,
  });
  mountCampaignApi(server, { authentication, campaigns: sampark.outreach.campaigns, audit: sampark.audit, now });
  mountStaffPage(server, { name: 'ops', namespace: 'opsPage', translator: sampark.translator });
  return { close: () => agentApi.closeStreams() };
}
