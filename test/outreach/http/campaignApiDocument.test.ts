import fs from 'node:fs';
import path from 'node:path';
import restify from 'restify';
import { MemoryAuditLog } from '../../../src/auth/memoryAuditLog';
import { SessionTokens } from '../../../src/auth/sessionTokens';
import { StaffAuthentication } from '../../../src/auth/staffAuthentication';
import { projectRoot } from '../../../src/projectRoot';
import { FUNNEL_STEPS } from '../../../src/outreach/campaignView';
import { mountCampaignApi } from '../../../src/outreach/http/campaignApi';
import { ManualJobQueue } from '../support/manualJobQueue';
import { outreachWorld } from '../support/outreachWorld';

const DOCUMENT = fs.readFileSync(path.join(projectRoot(), 'docs', 'ops-api-openapi.yaml'), 'utf8');

/** The `required: [...]` list of a schema under components/schemas. */
function requiredOf(schema: string): string[] {
  const start = DOCUMENT.indexOf(`\n    ${schema}:\n`);
  expect(start).toBeGreaterThan(0);
  const required = /\n {6}required: \[([^\]]*)\]/.exec(DOCUMENT.slice(start));
  return (required?.[1] ?? '').split(',').map((name) => name.trim()).filter(Boolean).sort();
}

describe('docs/ops-api-openapi.yaml, "campaigns"', () => {
  it('documents every route the campaign API mounts, under the campaigns tag', () => {
    const server = restify.createServer();
    const world = outreachWorld({ now: () => new Date(), jobs: new ManualJobQueue() });
    const audit = new MemoryAuditLog();
    const authentication = new StaffAuthentication([], new SessionTokens('x'.repeat(32), 60), audit);
    mountCampaignApi(server, { authentication, campaigns: world.outreach.campaigns, audit, now: () => new Date() });
    const mounted = Object.values(server.getDebugInfo().routes as unknown as Record<string, { method: string; path: string }>)
      .map((route) => ({ method: route.method.toLowerCase(), path: route.path.replace(/:id/, '{id}') }));
    expect(mounted).toHaveLength(7);
    for (const { method, path: routePath } of mounted) {
      const start = DOCUMENT.indexOf(`\n  ${routePath}:\n`);
      expect(start).toBeGreaterThan(0);
      const entry = DOCUMENT.slice(start + 1).split(/\n {2}\/|\ncomponents:/)[0]!;
      expect(entry).toMatch(new RegExp(`\\n {4}${method}:\\n {6}tags: \\[campaigns\\]`));
    }
  });

  it('names exactly the fields the API answers with', async () => {
    const world = outreachWorld({ now: () => new Date('2026-11-28T05:00:00.000Z'), jobs: new ManualJobQueue() });
    const campaign = await world.outreach.campaigns.create({ name: 'Fields', criteria: {}, language: 'hi' }, 'supervisor1');
    expect(requiredOf('Campaign')).toEqual(Object.keys(campaign).sort());
    expect(requiredOf('CampaignCounts')).toEqual(Object.keys(campaign.counts).sort());
    expect(requiredOf('FunnelRow')).toEqual(['key', ...FUNNEL_STEPS].sort());
  });
});
