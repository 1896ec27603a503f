import type { Request, Response, Server } from 'restify';
import { z } from 'zod';
import type { AuditLog } from '../../auth/auditLog';
import type { StaffIdentity, StaffRole } from '../../auth/staff';
import type { StaffAuthentication } from '../../auth/staffAuthentication';
import { staffOnly } from '../../auth/staffRoutes';
import { LANGUAGES } from '../../i18n/language';
import { toCsv } from '../../ops/http/csv';
import { CampaignCriteriaSchema, CampaignRecordSchema, type CampaignCommand } from '../campaign';
import type { CampaignService, CommandProblem } from '../campaignService';
import { FUNNEL_STEPS } from '../campaignView';

/** Who runs campaigns: the call centre's and the field teams' supervisors. */
export const CAMPAIGN_ROLES: readonly StaffRole[] = ['supervisor', 'field_supervisor'];

export interface CampaignApiDeps {
  authentication: StaffAuthentication;
  campaigns: CampaignService;
  audit: AuditLog;
  now: () => Date;
}

const NewCampaignSchema = z.object({
  name: CampaignRecordSchema.shape.name,
  criteria: CampaignCriteriaSchema.strict(),
  language: z.enum(LANGUAGES).default('hi'),
});

const FunnelQuerySchema = z.object({
  by: z.enum(['division', 'day']),
  format: z.enum(['json', 'csv']).default('json'),
});

const PROBLEM_STATUS: Record<CommandProblem, number> = { not_found: 404, wrong_status: 409 };

/**
 * Outreach campaigns for supervisors (docs/ops-api-openapi.yaml, "campaigns"): create one from
 * targeting criteria, start, pause and stop it, and read its funnel as JSON or CSV. Every action is
 * audited with ids and outcomes only.
 */
export function mountCampaignApi(server: Server, deps: CampaignApiDeps): void {
  const supervisors = (handler: (req: Request, res: Response, identity: StaffIdentity) => Promise<void>) =>
    staffOnly(deps.authentication, CAMPAIGN_ROLES, handler);
  const audit = (identity: StaffIdentity, action: string, subject: string | null, detail: Record<string, string | number | boolean | null> = {}) =>
    deps.audit.record({ at: deps.now().toISOString(), actor: identity.username, role: identity.role, action, subject, detail });

  server.post('/api/ops/campaigns', supervisors(async (req, res, identity) => {
    const body = NewCampaignSchema.safeParse(req.body ?? {});
    if (!body.success) return void res.send(400, { error: 'bad_request', detail: z.prettifyError(body.error) });
    const campaign = await deps.campaigns.create(body.data, identity.username);
    await audit(identity, 'campaign.created', campaign.id, { language: campaign.language });
    res.send(201, campaign);
  }));

  server.get('/api/ops/campaigns', supervisors(async (_req, res, identity) => {
    const campaigns = await deps.campaigns.list();
    await audit(identity, 'campaign.list_viewed', null, { campaigns: campaigns.length });
    res.send(200, { campaigns });
  }));

  server.get('/api/ops/campaigns/:id', supervisors(async (req, res, identity) => {
    const id = String(req.params.id);
    const campaign = await deps.campaigns.find(id);
    await audit(identity, 'campaign.viewed', id, { outcome: campaign ? 'shown' : 'not_found' });
    if (!campaign) return void res.send(404, { error: 'not_found' });
    res.send(200, campaign);
  }));

  for (const command of ['start', 'pause', 'stop'] as const satisfies readonly CampaignCommand[]) {
    server.post(`/api/ops/campaigns/:id/${command}`, supervisors(async (req, res, identity) => {
      const id = String(req.params.id);
      const outcome = await deps.campaigns.command(id, command);
      await audit(identity, `campaign.${command}`, id, { outcome: outcome.ok ? outcome.campaign.status : outcome.problem });
      if (!outcome.ok) return void res.send(PROBLEM_STATUS[outcome.problem], { error: outcome.problem });
      res.send(200, outcome.campaign);
    }));
  }

  server.get('/api/ops/campaigns/:id/funnel', supervisors(async (req, res, identity) => {
    const id = String(req.params.id);
    const query = FunnelQuerySchema.safeParse(Object.fromEntries(new URL(req.url ?? '', 'http://ops').searchParams));
    if (!query.success) return void res.send(400, { error: 'bad_request', detail: z.prettifyError(query.error) });
    const { by, format } = query.data;
    const rows = await deps.campaigns.funnel(id, by);
    await audit(identity, format === 'csv' ? 'campaign.funnel_exported' : 'campaign.funnel_viewed', id, { by, outcome: rows ? 'shown' : 'not_found' });
    if (!rows) return void res.send(404, { error: 'not_found' });
    if (format === 'json') return void res.send(200, { rows });
    res.writeHead(200, {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="sampark-campaign-${id}-by-${by}.csv"`,
      'Cache-Control': 'no-store',
    });
    res.end(toCsv(['key', ...FUNNEL_STEPS], rows.map((row) => [row.key, ...FUNNEL_STEPS.map((step) => row[step])])));
  }));
}
