import type { Server } from 'restify';
import { z } from 'zod';
import type { AuditLog } from '../../auth/auditLog';
import type { StaffAuthentication } from '../../auth/staffAuthentication';
import { staffOnly } from '../../auth/staffRoutes';
import { SUPERVISING_ROLES } from '../../tickets/lifecycle';
import type { StaffAlerts } from '../staffAlerts';

export interface FieldAlertsApiDeps {
  authentication: StaffAuthentication;
  alerts: StaffAlerts;
  audit: AuditLog;
  now: () => Date;
}

/** How many alerts the inbox answers with: a phone screen's worth of a shift. */
const SHOWN = 50;

const MarkReadSchema = z.object({ ids: z.array(z.string().min(1).max(200)).min(1).max(SHOWN) });

/**
 * The supervising field roles' alert inbox (docs/field-api-openapi.yaml): GET /api/field/alerts lists
 * the caller's own alerts, newest first, with the unread count; POST /api/field/alerts/read marks some
 * read. Each inbox is its owner's: nobody reads or marks another's.
 */
export function mountFieldAlertsApi(server: Server, deps: FieldAlertsApiDeps): void {
  server.get('/api/field/alerts', staffOnly(deps.authentication, SUPERVISING_ROLES, async (_req, res, identity) => {
    res.send(200, await deps.alerts.inbox(identity.username, SHOWN));
  }));

  server.post('/api/field/alerts/read', staffOnly(deps.authentication, SUPERVISING_ROLES, async (req, res, identity) => {
    const body = MarkReadSchema.safeParse(req.body ?? {});
    if (!body.success) return void res.send(400, { error: 'bad_request', detail: z.prettifyError(body.error) });
    const unread = await deps.alerts.markRead(identity.username, body.data.ids);
    await deps.audit.record({
      at: deps.now().toISOString(),
      actor: identity.username,
      role: identity.role,
      action: 'alerts.read',
      subject: null,
      detail: { count: body.data.ids.length },
    });
    res.send(200, { unread });
  }));
}
