import type { AddressInfo } from 'node:net';
import restify from 'restify';
import { MemoryAuditLog } from '../../../src/auth/memoryAuditLog';
import { hashPassword } from '../../../src/auth/passwordHash';
import { SessionTokens } from '../../../src/auth/sessionTokens';
import { StaffAuthentication } from '../../../src/auth/staffAuthentication';
import { loadStaffSettings } from '../../../src/auth/staffSettings';
import { silentLogger } from '../../../src/log/logger';
import { mountCampaignApi } from '../../../src/outreach/http/campaignApi';
import { outreachWorld, type OutreachWorld } from '../support/outreachWorld';
import { LOCAL_DEMO } from '../../support/localDemo';

/** 11:30 IST on 28 November 2026, moving with real time so batches a second apart can run. */
const START = new Date('2026-11-28T06:00:00.000Z');

interface CampaignBody {
  id: string;
  status: string;
  counts: { targeted: number; sent: number; visitNeeded: number; [outcome: string]: number };
  [field: string]: unknown;
}

describe('campaign API', () => {
  let server: restify.Server;
  let url: string;
  let world: OutreachWorld;
  const audit = new MemoryAuditLog();
  let authentication: StaffAuthentication;

  beforeAll(async () => {
    const t0 = Date.now();
    const now = () => new Date(START.getTime() + (Date.now() - t0));
    world = outreachWorld({ now, settings: { messagesPerSecond: 200 } });
    await world.jobs.start();
    const settings = loadStaffSettings({}, LOCAL_DEMO, silentLogger());
    const fieldSupervisor = { username: 'fs1', name: 'Field Supervisor', role: 'field_supervisor' as const, passwordHash: await hashPassword('fs1-demo') };
    authentication = new StaffAuthentication([...settings.accounts, fieldSupervisor], new SessionTokens(settings.sessionSecret, 600), audit);
    server = restify.createServer();
    server.use(restify.plugins.jsonBodyParser({ mapParams: false }));
    mountCampaignApi(server, { authentication, campaigns: world.outreach.campaigns, audit, now });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.close();
    await world.jobs.close();
  });

  async function as(username: string) {
    const signedIn = await authentication.signIn(username, `${username}-demo`, '127.0.0.1');
    if (!signedIn.ok) throw new Error(`${username} did not sign in`);
    return (method: string, path: string, body?: unknown) =>
      fetch(`${url}${path}`, {
        method,
        headers: { authorization: `Bearer ${signedIn.token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
  }

  async function until(check: () => Promise<boolean>, what: string): Promise<void> {
    const deadline = Date.now() + 15_000;
    while (!(await check())) {
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  it('creates a draft, starts it, and the funnel by division moves as messages go', async () => {
    const call = await as('supervisor1');
    const created = await call('POST', '/api/ops/campaigns', { name: 'Patna East cut 2 days', criteria: { supplyCutHours: 48, division: 'Patna East' } });
    expect(created.status).toBe(201);
    const draft = (await created.json()) as CampaignBody;
    expect(draft).toEqual({
      id: expect.any(String),
      name: 'Patna East cut 2 days',
      criteria: { supplyCutHours: 48, division: 'Patna East' },
      language: 'hi',
      status: 'draft',
      createdAt: expect.any(String),
      createdBy: 'supervisor1',
      startedAt: null,
      finishedAt: null,
      counts: { targeted: 0, sent: 0, delivered: 0, read: 0, failed: 0, replied: 0, resolved: 0, optedOut: 0, visitNeeded: 0, visited: 0 },
    });

    const started = await call('POST', `/api/ops/campaigns/${draft.id}/start`);
    expect(started.status).toBe(200);
    expect(await started.json()).toMatchObject({ status: 'running', startedAt: expect.any(String) });

    let campaign = draft;
    await until(async () => {
      campaign = (await (await call('GET', `/api/ops/campaigns/${draft.id}`)).json()) as CampaignBody;
      return campaign.status === 'completed';
    }, 'the campaign to complete');
    const { targeted, sent, visitNeeded } = campaign.counts;
    expect(targeted).toBeGreaterThan(10);
    expect(sent + visitNeeded).toBe(targeted);
    expect(world.channel.taken).toHaveLength(sent);
    expect(campaign.finishedAt).toEqual(expect.any(String));

    const funnel = (await (await call('GET', `/api/ops/campaigns/${draft.id}/funnel?by=division`)).json()) as { rows: unknown[] };
    expect(funnel.rows).toEqual([{ key: 'Patna East', targeted, sent, delivered: 0, read: 0, replied: 0, resolved: 0 }]);

    const csv = await call('GET', `/api/ops/campaigns/${draft.id}/funnel?by=day&format=csv`);
    expect(csv.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(await csv.text()).toBe(`key,targeted,sent,delivered,read,replied,resolved\r\n2026-11-28,${targeted},${sent},0,0,0,0\r\n`);
  });

  it('lists campaigns newest first and answers 404 for one it does not know', async () => {
    const call = await as('fs1');
    const second = (await (await call('POST', '/api/ops/campaigns', { name: 'Visit list Darbhanga', criteria: { noMobile: true, division: 'Darbhanga Urban' }, language: 'en' })).json()) as CampaignBody;
    const list = (await (await call('GET', '/api/ops/campaigns')).json()) as { campaigns: CampaignBody[] };
    expect(list.campaigns[0]).toMatchObject({ id: second.id, language: 'en', createdBy: 'fs1' });
    expect(list.campaigns.length).toBeGreaterThanOrEqual(2);
    expect((await call('GET', '/api/ops/campaigns/no-such-campaign')).status).toBe(404);
    expect((await call('POST', '/api/ops/campaigns/no-such-campaign/start')).status).toBe(404);
    expect((await call('GET', '/api/ops/campaigns/no-such-campaign/funnel?by=day')).status).toBe(404);
  });

  it('answers 409 wrong_status for a command the status does not allow', async () => {
    const call = await as('supervisor1');
    const { id } = (await (await call('POST', '/api/ops/campaigns', { name: 'Paused before sending', criteria: { section: 'Nowhere' } })).json()) as CampaignBody;
    const pause = await call('POST', `/api/ops/campaigns/${id}/pause`);
    expect(pause.status).toBe(409);
    expect(await pause.json()).toEqual({ error: 'wrong_status' });
    expect((await call('POST', `/api/ops/campaigns/${id}/stop`)).status).toBe(200);
    expect((await call('POST', `/api/ops/campaigns/${id}/start`)).status).toBe(409);
    expect((await call('GET', `/api/ops/campaigns/${id}`)).status).toBe(200);
  });

  it.each([
    ['no name', { criteria: {} }],
    ['an unknown criterion', { name: 'x', criteria: { circle: 'Patna' } }],
    ['a language it does not speak', { name: 'x', criteria: {}, language: 'bho' }],
    ['a negative number of hours', { name: 'x', criteria: { supplyCutHours: -1 } }],
  ])('refuses a campaign with %s', async (_name, body) => {
    const response = await (await as('supervisor1'))('POST', '/api/ops/campaigns', body);
    expect(response.status).toBe(400);
  });

  it('refuses a funnel without a grouping it knows', async () => {
    const call = await as('supervisor1');
    const { id } = (await (await call('POST', '/api/ops/campaigns', { name: 'Funnel query', criteria: {} })).json()) as CampaignBody;
    expect((await call('GET', `/api/ops/campaigns/${id}/funnel?by=circle`)).status).toBe(400);
  });

  it('lets supervisors only, and audits every action', async () => {
    expect((await (await as('agent1'))('GET', '/api/ops/campaigns')).status).toBe(403);
    expect((await (await as('lineman1'))('POST', '/api/ops/campaigns', { name: 'x', criteria: {} })).status).toBe(403);
    expect((await fetch(`${url}/api/ops/campaigns`)).status).toBe(401);
    const actions = (await audit.recent(200)).map((entry) => entry.action);
    expect(actions).toEqual(expect.arrayContaining(['campaign.created', 'campaign.start', 'campaign.viewed', 'campaign.funnel_viewed', 'campaign.funnel_exported', 'campaign.list_viewed']));
  });
});
