import type { AddressInfo } from 'node:net';
import restify from 'restify';
import { MemoryAuditLog } from '../../../src/auth/memoryAuditLog';
import { SessionTokens } from '../../../src/auth/sessionTokens';
import { StaffAuthentication } from '../../../src/auth/staffAuthentication';
import { loadStaffSettings } from '../../../src/auth/staffSettings';
import { SimulatedMeterBackend } from '../../../src/backend/simulator/simulatedMeterBackend';
import { DEFAULT_SLA_HOURS } from '../../../src/config/ticketPolicy';
import { silentLogger } from '../../../src/log/logger';
import { mountVisitListApi } from '../../../src/tickets/http/visitListApi';
import { MemoryTicketRepository } from '../../../src/tickets/memoryTicketRepository';
import { TicketService } from '../../../src/tickets/ticketService';
import { LOCAL_DEMO } from '../../support/localDemo';

const NOW = new Date('2026-11-28T06:00:00.000Z');
const kankarbagh1 = { circle: 'Patna', division: 'Patna East', subDivision: 'Kankarbagh', section: 'Kankarbagh-1' };
const kankarbagh2 = { ...kankarbagh1, section: 'Kankarbagh-2' };
const bihta = { circle: 'Patna', division: 'Danapur', subDivision: 'Bihta', section: 'Bihta-1' };

describe('campaign visit lists for the JE and SDO', () => {
  let server: restify.Server;
  let url: string;
  const repository = new MemoryTicketRepository();
  const audit = new MemoryAuditLog();
  let authentication: StaffAuthentication;

  beforeAll(async () => {
    const settings = loadStaffSettings({}, LOCAL_DEMO, silentLogger());
    authentication = new StaffAuthentication(settings.accounts, new SessionTokens(settings.sessionSecret, 600), audit);
    server = restify.createServer();
    mountVisitListApi(server, { authentication, repository, backend: new SimulatedMeterBackend({ now: () => NOW }), audit, now: () => NOW });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const tickets = new TicketService(repository, DEFAULT_SLA_HOURS, () => NOW);
    const visit = (caNumber: string, area: typeof kankarbagh1, campaign: string) =>
      tickets.open({
        category: 'sampark_visit',
        description: `Sampark campaign: visit ${caNumber}.`,
        problem: { key: 'campaign_visit_no_mobile', params: { campaign: 'Cut off in Patna' } },
        urgent: false,
        caNumber,
        area,
        urban: true,
        contact: { channel: 'outreach', conversationId: `campaign-${campaign}`, language: 'hi' },
      });
    await visit('101000001', kankarbagh1, 'c1');
    await visit('101000005', kankarbagh2, 'c1');
    await visit('101000002', bihta, 'c1');
    await visit('101000003', kankarbagh1, 'c2');
    // Not a visit: a consumer's own complaint stays off every list.
    await tickets.open({
      category: 'meter_defective',
      description: 'Display blank.',
      urgent: false,
      caNumber: '101000004',
      area: kankarbagh1,
      urban: true,
      contact: { channel: 'whatsapp', conversationId: 'c9', language: 'hi' },
    });
  });
  afterAll(() => server.close());

  async function as(username: string) {
    const signedIn = await authentication.signIn(username, `${username}-demo`, '127.0.0.1');
    if (!signedIn.ok) throw new Error(`demo account ${username} did not sign in`);
    return (path: string) => fetch(`${url}/api/field/visit-lists${path}`, { headers: { authorization: `Bearer ${signedIn.token}` } });
  }

  it("lists the campaigns with visits in the caller's area, with how many and how many are still open", async () => {
    const response = await (await as('je1'))('');
    expect(response.status).toBe(200);
    const { lists } = (await response.json()) as { lists: { campaign: string }[] };
    expect(lists.sort((a, b) => a.campaign.localeCompare(b.campaign))).toEqual([
      { campaign: 'c1', name: 'Cut off in Patna', total: 2, open: 2 },
      { campaign: 'c2', name: 'Cut off in Patna', total: 1, open: 1 },
    ]);
  });

  it('gives the JE a CSV with every door of his area and the map point, names and mobiles masked, and audits it', async () => {
    const response = await (await as('je1'))('/c1/visits.csv');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-disposition')).toBe('attachment; filename="sampark-visits-c1.csv"');
    const lines = (await response.text()).trimEnd().split('\r\n');
    expect(lines[0]).toBe('ticket,status,section,ca_number,address,latitude,longitude,map,name,mobile,due_at,assignee');
    // Ordered by locality; Bihta is another sub-division's.
    expect(lines).toHaveLength(3);
    expect(lines[1]).toMatch(
      /^SP-\d{4}-\d{4},open,Kankarbagh-1,101000001,"House 112, Sector 7, Kankarbagh Colony, Patna 800020",25\.5961,85\.1601,"https:\/\/www\.google\.com\/maps\/search\/\?api=1&query=25\.5961,85\.1601",R\*\*\*\*\* K\*\*\*\*,\*\*\*\*\*\*0001,2026-/,
    );
    expect(lines[2]).toContain(',Kankarbagh-2,101000005,');
    expect(lines.join('\n')).not.toContain('Ramesh');
    expect(lines.join('\n')).not.toContain('9876500001');
    expect(await audit.recent(1, 'c1')).toEqual([
      { at: NOW.toISOString(), actor: 'je1', role: 'je', action: 'campaign.visit_list_exported', subject: 'c1', detail: { count: 2 } },
    ]);
  });

  it('gives the SDO the division\'s list, nothing to a lineman or an agent, and 404 for a campaign without visits here', async () => {
    const sdo = await as('sdo1');
    expect((await (await sdo('/c1/visits.csv')).text()).trimEnd().split('\r\n')).toHaveLength(3);
    expect((await sdo('/nobody/visits.csv')).status).toBe(404);
    expect((await sdo('/..%2F/visits.csv')).status).toBeGreaterThanOrEqual(400);
    expect((await (await as('lineman1'))('/c1/visits.csv')).status).toBe(403);
    expect((await (await as('agent1'))('')).status).toBe(403);
  });
});
