import type { AddressInfo } from 'node:net';
import restify from 'restify';
import { breachAlert } from '../../../src/alerts/breachAlerts';
import { mountFieldAlertsApi } from '../../../src/alerts/http/fieldAlertsApi';
import { MemoryStaffAlerts } from '../../../src/alerts/memoryStaffAlerts';
import { MemoryAuditLog } from '../../../src/auth/memoryAuditLog';
import { SessionTokens } from '../../../src/auth/sessionTokens';
import { StaffAuthentication } from '../../../src/auth/staffAuthentication';
import { loadStaffSettings } from '../../../src/auth/staffSettings';
import { silentLogger } from '../../../src/log/logger';
import type { Ticket } from '../../../src/tickets/ticket';
import { LOCAL_DEMO } from '../../support/localDemo';

const NOW = new Date('2026-11-28T10:00:05.000Z');

const ticket: Ticket = {
  number: 'SP00000018',
  category: 'area_outage',
  priority: 'urgent',
  status: 'open',
  caNumber: '101000001',
  area: { circle: 'Patna', division: 'Patna East', subDivision: 'Kankarbagh', section: 'Kankarbagh-1' },
  description: 'Whole lane dark.',
  contact: { channel: 'test', conversationId: 'c1', language: 'hi' },
  createdAt: '2026-11-28T06:00:00.000Z',
  dueAt: '2026-11-28T10:00:00.000Z',
  laterReports: [],
};

describe('field alerts API', () => {
  let server: restify.Server;
  let url: string;
  const alerts = new MemoryStaffAlerts();
  const audit = new MemoryAuditLog();
  let authentication: StaffAuthentication;

  beforeAll(async () => {
    const settings = loadStaffSettings({}, LOCAL_DEMO, silentLogger());
    authentication = new StaffAuthentication(settings.accounts, new SessionTokens(settings.sessionSecret, 600), audit);
    server = restify.createServer();
    server.use(restify.plugins.bodyParser({ mapParams: false }));
    mountFieldAlertsApi(server, { authentication, alerts, audit, now: () => NOW });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    await alerts.deliver(['je1', 'sdo1'], breachAlert(ticket, NOW));
    await alerts.deliver(['je1'], breachAlert({ ...ticket, number: 'SP00000026' }, new Date(NOW.getTime() + 60_000)));
  });
  afterAll(() => server.close());

  async function as(username: string) {
    const signedIn = await authentication.signIn(username, `${username}-demo`, '127.0.0.1');
    if (!signedIn.ok) throw new Error(`demo account ${username} did not sign in`);
    const headers = { authorization: `Bearer ${signedIn.token}`, 'content-type': 'application/json' };
    return {
      inbox: () => fetch(`${url}/api/field/alerts`, { headers }),
      read: (body: unknown) => fetch(`${url}/api/field/alerts/read`, { method: 'POST', headers, body: JSON.stringify(body) }),
    };
  }

  it("shows each supervisor their own inbox, newest first, with the unread count", async () => {
    const je = await (await as('je1')).inbox();
    expect(je.status).toBe(200);
    const body = (await je.json()) as { alerts: Array<{ ticket: { number: string }; read: boolean }>; unread: number };
    expect(body.unread).toBe(2);
    expect(body.alerts.map((alert) => alert.ticket.number)).toEqual(['SP00000026', 'SP00000018']);
    expect(await (await (await as('sdo1')).inbox()).json()).toMatchObject({ unread: 1, alerts: [{ ticket: { number: 'SP00000018' } }] });
  });

  it('marks alerts read in the caller\'s inbox only, and audits it', async () => {
    const je = await as('je1');
    const marked = await je.read({ ids: [breachAlert(ticket, NOW).id] });
    expect(marked.status).toBe(200);
    expect(await marked.json()).toEqual({ unread: 1 });
    expect((await alerts.inbox('sdo1', 10)).unread).toBe(1);
    expect((await audit.recent(5)).map((entry) => [entry.actor, entry.action])).toContainEqual(['je1', 'alerts.read']);
    expect((await je.read({ ids: [] })).status).toBe(400);
    expect((await je.read({})).status).toBe(400);
  });

  it('turns away a lineman, call-centre staff and requests without a session', async () => {
    expect((await (await as('lineman1')).inbox()).status).toBe(403);
    expect((await (await as('agent1')).inbox()).status).toBe(403);
    expect((await fetch(`${url}/api/field/alerts`)).status).toBe(401);
  });
});
