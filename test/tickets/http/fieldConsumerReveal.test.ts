import type { AddressInfo } from 'node:net';
import restify from 'restify';
import { MemoryAuditLog } from '../../../src/auth/memoryAuditLog';
import { SessionTokens } from '../../../src/auth/sessionTokens';
import { StaffAuthentication } from '../../../src/auth/staffAuthentication';
import { loadStaffSettings } from '../../../src/auth/staffSettings';
import { SimulatedMeterBackend } from '../../../src/backend/simulator/simulatedMeterBackend';
import { DEFAULT_SLA_HOURS, DEFAULT_TICKET_LIFECYCLE_POLICY } from '../../../src/config/ticketPolicy';
import { silentLogger } from '../../../src/log/logger';
import { mountFieldApi } from '../../../src/tickets/http/fieldApi';
import { MemoryResolutionPhotoStore } from '../../../src/tickets/photos/memoryResolutionPhotoStore';
import { MemoryTicketRepository } from '../../../src/tickets/memoryTicketRepository';
import { TicketService, type TicketRequest } from '../../../src/tickets/ticketService';
import { TicketWorkflow } from '../../../src/tickets/ticketWorkflow';
import { RecordingNotifier } from '../recordingNotifier';
import { LOCAL_DEMO } from '../../support/localDemo';

const NOW = new Date('2026-11-28T06:00:00.000Z');
const kankarbagh1 = { circle: 'Patna', division: 'Patna East', subDivision: 'Kankarbagh', section: 'Kankarbagh-1' };

/**
 * Who sees a consumer unmasked (DOMAIN.md): the one who accepted the ticket, while the work is on,
 * each reveal audited and shown to the area's supervisors; nobody else, and nobody before or after.
 */
describe('field API: revealing the consumer to the one who goes', () => {
  let server: restify.Server;
  let url: string;
  const repository = new MemoryTicketRepository();
  const audit = new MemoryAuditLog();
  const photos = new MemoryResolutionPhotoStore(() => NOW);
  const tickets = new TicketService(repository, DEFAULT_SLA_HOURS, () => NOW);
  let authentication: StaffAuthentication;
  let opened = 0;

  beforeAll(async () => {
    const settings = loadStaffSettings({}, LOCAL_DEMO, silentLogger());
    authentication = new StaffAuthentication(settings.accounts, new SessionTokens(settings.sessionSecret, 600), audit);
    const workflow = new TicketWorkflow({
      repository,
      audit,
      notifier: new RecordingNotifier(),
      policy: DEFAULT_TICKET_LIFECYCLE_POLICY,
      slaHours: DEFAULT_SLA_HOURS,
      now: () => NOW,
    });
    server = restify.createServer();
    server.use(restify.plugins.bodyParser({ mapParams: false }));
    mountFieldApi(server, { authentication, repository, workflow, audit, backend: new SimulatedMeterBackend({ now: () => NOW }), photos, now: () => NOW });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => server.close());

  async function open(overrides: Partial<TicketRequest> = {}): Promise<string> {
    const request: TicketRequest = {
      category: 'meter_defective',
      description: 'Display blank.',
      urgent: false,
      caNumber: '101000001',
      area: kankarbagh1,
      urban: true,
      contact: { channel: 'whatsapp', conversationId: `reveal-${(opened += 1)}`, language: 'hi' },
      ...overrides,
    };
    return (await tickets.open(request)).ticket.number;
  }

  async function as(username: string) {
    const signedIn = await authentication.signIn(username, `${username}-demo`, '127.0.0.1');
    if (!signedIn.ok) throw new Error(`demo account ${username} did not sign in`);
    const headers = { authorization: `Bearer ${signedIn.token}`, 'content-type': 'application/json' };
    return {
      get: (path: string) => fetch(`${url}/api/field/tickets${path}`, { headers }),
      post: (path: string, body: unknown = {}) => fetch(`${url}/api/field/tickets${path}`, { method: 'POST', headers, body: JSON.stringify(body) }),
    };
  }

  it('keeps the consumer masked for the lineman until he accepts, then shows name, address, mobile and a map link', async () => {
    const number = await open();
    const lineman = await as('lineman1');
    const before = (await (await lineman.get(`/${number}`)).json()) as { consumer: { name: string; revealable: boolean } };
    expect(before.consumer).toMatchObject({ name: 'R***** K****', revealable: false });
    const refused = await lineman.get(`/${number}/consumer`);
    expect(refused.status).toBe(403);
    expect(await refused.json()).toEqual({ error: 'not_revealable' });

    expect((await lineman.post(`/${number}/accept`)).status).toBe(200);
    const after = (await (await lineman.get(`/${number}`)).json()) as { consumer: { name: string; revealable: boolean } };
    // The detail itself stays masked: the names come only with the audited reveal.
    expect(after.consumer).toMatchObject({ name: 'R***** K****', revealable: true });
    const revealed = await lineman.get(`/${number}/consumer`);
    expect(revealed.status).toBe(200);
    expect(await revealed.json()).toEqual({
      name: 'Ramesh Kumar',
      address: 'House 112, Sector 7, Kankarbagh Colony, Patna 800020',
      mobile: '9876500001',
      location: { latitude: 25.5961, longitude: 85.1601 },
      mapUrl: 'https://www.google.com/maps/search/?api=1&query=25.5961,85.1601',
    });
  });

  it('audits every reveal and refusal with who, which ticket and when, and shows the trail to the area\'s JE and SDO only', async () => {
    const number = await open({ category: 'meter_test' });
    const lineman = await as('lineman1');
    await lineman.get(`/${number}/consumer`);
    await lineman.post(`/${number}/accept`);
    await lineman.get(`/${number}/consumer`);
    const entries = (await audit.recent(20, number)).filter((entry) => entry.action.startsWith('consumer.'));
    expect(entries.map(({ actor, role, action, subject, at }) => ({ actor, role, action, subject, at }))).toEqual([
      { actor: 'lineman1', role: 'lineman', action: 'consumer.reveal', subject: number, at: NOW.toISOString() },
      { actor: 'lineman1', role: 'lineman', action: 'consumer.reveal_refused', subject: number, at: NOW.toISOString() },
    ]);
    // The audit never holds what was revealed.
    expect(JSON.stringify(await audit.recent(100))).not.toContain('Ramesh');

    for (const supervisor of ['je1', 'sdo1']) {
      const trail = await (await as(supervisor)).get(`/${number}/audit`);
      expect(trail.status).toBe(200);
      const body = (await trail.json()) as { entries: { actor: string; actorName: string | null; action: string }[] };
      expect(body.entries).toEqual(expect.arrayContaining([expect.objectContaining({ actor: 'lineman1', actorName: expect.any(String), action: 'consumer.reveal' })]));
    }
    expect((await lineman.get(`/${number}/audit`)).status).toBe(403);
  });

  it('refuses a supervisor who did not accept the ticket, another lineman\'s ticket, and a finished one', async () => {
    const number = await open({ category: 'relay_not_reconnecting' });
    const lineman = await as('lineman1');
    await lineman.post(`/${number}/accept`);
    expect((await (await as('je1')).get(`/${number}/consumer`)).status).toBe(403);
    expect((await (await as('sdo1')).get(`/${number}/consumer`)).status).toBe(403);
    expect((await (await as('agent1')).get(`/${number}/consumer`)).status).toBe(403);

    await lineman.post(`/${number}/status`, { status: 'in_progress' });
    expect((await lineman.get(`/${number}/consumer`)).status).toBe(200);
    await lineman.post(`/${number}/resolve`, { closureCode: 'relay_reconnected', note: 'Reconnected.' });
    expect((await lineman.get(`/${number}/consumer`)).status).toBe(403);
  });

  it('lets a JE who accepted a ticket himself see the consumer, and answers 404 outside the caller\'s area', async () => {
    const number = await open({ category: 'meter_not_communicating' });
    const je = await as('je1');
    await je.post(`/${number}/accept`);
    expect((await je.get(`/${number}/consumer`)).status).toBe(200);
    const elsewhere = await open({ category: 'other', area: { ...kankarbagh1, section: 'Kankarbagh-2' } });
    expect((await (await as('lineman1')).get(`/${elsewhere}/consumer`)).status).toBe(404);
  });

  it('gives no map link when neither the backend nor the consumer gave a location, and the consumer\'s shared site when only that exists', async () => {
    const lineman = await as('lineman1');
    const unsurveyed = await open({ caNumber: '101000005', category: 'payment_not_credited' });
    await lineman.post(`/${unsurveyed}/accept`);
    expect(await (await lineman.get(`/${unsurveyed}/consumer`)).json()).toMatchObject({ location: null, mapUrl: null });

    const shared = await open({ caNumber: '101000005', category: 'meter_test', site: { latitude: 25.42, longitude: 84.85, name: 'Temple gate' } });
    await lineman.post(`/${shared}/accept`);
    expect(await (await lineman.get(`/${shared}/consumer`)).json()).toMatchObject({
      location: { latitude: 25.42, longitude: 84.85 },
      mapUrl: 'https://www.google.com/maps/search/?api=1&query=25.42,84.85',
    });
  });
});
