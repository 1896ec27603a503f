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
const kankarbagh2 = { ...kankarbagh1, section: 'Kankarbagh-2' };

function request(overrides: Partial<TicketRequest>): TicketRequest {
  return {
    category: 'meter_defective',
    description: 'Display blank.',
    urgent: false,
    caNumber: '101000001',
    area: kankarbagh1,
    urban: true,
    contact: { channel: 'whatsapp', conversationId: 'c1', language: 'hi' },
    ...overrides,
  };
}

describe('field API', () => {
  let server: restify.Server;
  let url: string;
  let clock: Date;
  const repository = new MemoryTicketRepository();
  const audit = new MemoryAuditLog();
  const photos = new MemoryResolutionPhotoStore(() => NOW);
  const notifier = new RecordingNotifier();
  const tickets = new TicketService(repository, DEFAULT_SLA_HOURS, () => NOW);
  let authentication: StaffAuthentication;
  let mine: string;
  let neighbours: string;

  beforeAll(async () => {
    clock = NOW;
    const settings = loadStaffSettings({}, LOCAL_DEMO, silentLogger());
    authentication = new StaffAuthentication(settings.accounts, new SessionTokens(settings.sessionSecret, 600), audit);
    const workflow = new TicketWorkflow({
      repository,
      audit,
      notifier,
      policy: DEFAULT_TICKET_LIFECYCLE_POLICY,
      slaHours: DEFAULT_SLA_HOURS,
      now: () => clock,
    });
    server = restify.createServer();
    server.use(restify.plugins.bodyParser({ mapParams: false }));
    mountFieldApi(server, { authentication, repository, workflow, audit, backend: new SimulatedMeterBackend({ now: () => NOW }), photos, now: () => clock });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    mine = (await tickets.open(request({}))).ticket.number;
    neighbours = (await tickets.open(request({ caNumber: '101000002', area: kankarbagh2, category: 'relay_not_reconnecting' }))).ticket.number;
  });
  afterAll(() => server.close());

  async function as(username: string) {
    const signedIn = await authentication.signIn(username, `${username}-demo`, '127.0.0.1');
    if (!signedIn.ok) throw new Error(`demo account ${username} did not sign in`);
    const headers = { authorization: `Bearer ${signedIn.token}`, 'content-type': 'application/json' };
    return {
      get: (path: string) => fetch(`${url}/api/field/tickets${path}`, { headers }),
      post: (path: string, body: unknown = {}) => fetch(`${url}/api/field/tickets${path}`, { method: 'POST', headers, body: JSON.stringify(body) }),
    };
  }
  const numbersIn = async (response: Response) => ((await response.json()) as { tickets: { number: string }[] }).tickets.map((t) => t.number);

  it('lists only the tickets of the caller\'s area: the section for a lineman, the sub-division for a JE', async () => {
    expect(await numbersIn(await (await as('lineman1')).get(''))).toEqual([mine]);
    expect((await numbersIn(await (await as('je1')).get(''))).sort()).toEqual([mine, neighbours].sort());
  });

  it('filters by status, category and overdue, and refuses an unknown filter value', async () => {
    const je = await as('je1');
    expect(await numbersIn(await je.get('?category=relay_not_reconnecting'))).toEqual([neighbours]);
    expect(await numbersIn(await je.get('?status=closed'))).toEqual([]);
    clock = new Date(NOW.getTime() + 5 * 3_600_000);
    expect(await numbersIn(await je.get('?overdue=true'))).toEqual([neighbours]);
    clock = NOW;
    expect((await je.get('?status=lost')).status).toBe(400);
  });

  it('sorts by locality and filters to one, listing the localities of the caller\'s tickets', async () => {
    const je = await as('je1');
    const byLocality = (await (await je.get('?view=all&sort=locality')).json()) as { sections: string[]; tickets: { number: string; area: { section: string } }[] };
    expect(byLocality.sections).toEqual(['Kankarbagh-1', 'Kankarbagh-2']);
    const sections = byLocality.tickets.map((ticket) => ticket.area.section);
    expect(sections).toEqual([...sections].sort());
    expect(await numbersIn(await je.get('?section=Kankarbagh-2'))).toEqual([neighbours]);
    expect((await je.get('?sort=nearest')).status).toBe(400);
  });

  it("answers 404 for another section's ticket, to read or to change, and audits the attempt", async () => {
    const lineman = await as('lineman1');
    const read = await lineman.get(`/${neighbours}`);
    expect(read.status).toBe(404);
    expect(await read.json()).toEqual({ error: 'not_found' });
    expect((await lineman.post(`/${neighbours}/accept`)).status).toBe(404);
    expect((await lineman.get('/SP00000000')).status).toBe(404);
    expect((await audit.recent(5, neighbours)).map((entry) => entry.action)).toContain('ticket.out_of_area');
  });

  it('shows the detail with the consumer masked and the meter status', async () => {
    const response = await (await as('lineman1')).get(`/${mine}`);
    expect(response.status).toBe(200);
    const detail = (await response.json()) as { consumer: { name: string; mobile: string }; meter: { communicating: boolean } };
    expect(detail.consumer).toMatchObject({ name: 'R***** K****', mobile: '******0001' });
    expect(typeof detail.meter.communicating).toBe('boolean');
    expect(JSON.stringify(detail)).not.toContain('Ramesh');
  });

  it('sends the soonest due up to the limit, with how many matched', async () => {
    const all = (await (await (await as('je1')).get('?view=all')).json()) as { total: number; tickets: { dueAt: string }[] };
    expect(all.total).toBeGreaterThan(1);
    const first = (await (await (await as('je1')).get('?view=all&limit=1')).json()) as typeof all;
    expect(first).toMatchObject({ total: all.total, tickets: [all.tickets[0]] });
    expect((await (await as('je1')).get('?limit=0')).status).toBe(400);
  });

  it('finds a ticket by its number as printed and read out (SP-2846-1937) too', async () => {
    const printed = `SP-${mine.slice(2, 6)}-${mine.slice(6)}`;
    expect((await (await as('lineman1')).get(`/${printed}`)).status).toBe(200);
  });

  it('works a ticket through accept, status, note and resolve, telling the consumer each status', async () => {
    const lineman = await as('lineman1');
    expect((await lineman.post(`/${mine}/accept`)).status).toBe(200);
    expect((await lineman.post(`/${mine}/status`, { status: 'on_the_way' })).status).toBe(200);
    expect((await lineman.post(`/${mine}/status`, { status: 'on_hold' })).status).toBe(400);
    expect((await lineman.post(`/${mine}/notes`, { text: 'Reached, meter burnt.' })).status).toBe(200);
    expect((await lineman.post(`/${mine}/resolve`, { closureCode: 'meter_replaced' })).status).toBe(400);
    const resolved = await lineman.post(`/${mine}/resolve`, { closureCode: 'meter_replaced', note: 'New meter fitted.' });
    expect(resolved.status).toBe(200);
    // Staff are shown by their names, the username kept for the audit.
    expect(await resolved.json()).toMatchObject({
      ticket: { status: 'resolved', assignee: { username: 'lineman1', name: 'Sunil Paswan', role: 'lineman' } },
      consumerNotified: true,
    });
    const detail = (await (await lineman.get(`/${mine}`)).json()) as { work: { notes: unknown[] } };
    expect(detail.work.notes).toEqual([expect.objectContaining({ by: 'lineman1', byName: 'Sunil Paswan', text: 'Reached, meter burnt.' })]);
    expect((await lineman.post(`/${mine}/close`)).status).toBe(403);
    expect((await (await as('je1')).post(`/${mine}/close`)).status).toBe(200);
    expect(notifier.sent.map((sent) => sent.notice.key)).toEqual([
      'ticketUpdate.accepted',
      'ticketUpdate.on_the_way',
      'ticketUpdate.resolved',
      'ticketUpdate.closed',
    ]);
    const actions = (await audit.recent(20, mine)).map((entry) => entry.action);
    expect(actions).toEqual(expect.arrayContaining(['ticket.accept', 'ticket.on_the_way', 'ticket.note', 'ticket.resolve', 'ticket.close', 'ticket.close_refused']));
  });

  it('lists the open tickets by default, and the finished ones too with view=all or their status', async () => {
    const je = await as('je1');
    expect(await numbersIn(await je.get(''))).toEqual([neighbours]);
    expect((await numbersIn(await je.get('?view=all'))).sort()).toEqual([mine, neighbours].sort());
    expect(await numbersIn(await je.get('?status=closed'))).toEqual([mine]);
    expect(await numbersIn(await je.get('?view=open&category=meter_defective'))).toEqual([]);
    expect((await je.get('?view=some')).status).toBe(400);
  });

  it("offers a supervisor the linemen and JEs whose area covers the ticket's section, and assigns only to them", async () => {
    const je = await as('je1');
    const offered = await je.get(`/${neighbours}/assignees`);
    expect(offered.status).toBe(200);
    expect(await offered.json()).toEqual({ assignees: [{ username: 'je1', name: 'Amit Ranjan', role: 'je' }] });
    expect(((await (await je.get(`/${mine}/assignees`)).json()) as { assignees: { username: string }[] }).assignees.map((a) => a.username)).toEqual([
      'lineman1',
      'je1',
    ]);
    expect((await (await as('lineman1')).get(`/${mine}/assignees`)).status).toBe(403);

    const sdo = await as('sdo1');
    expect(await (await sdo.post(`/${neighbours}/assign`, { username: 'lineman1', role: 'lineman' })).json()).toEqual({ error: 'not_assignable' });
    expect((await sdo.post(`/${neighbours}/assign`, { username: 'ghost', role: 'lineman' })).status).toBe(400);
    expect((await sdo.post(`/${neighbours}/assign`, { username: 'je1', role: 'lineman' })).status).toBe(400);
    const assigned = await sdo.post(`/${neighbours}/assign`, { username: 'je1', role: 'je' });
    expect(assigned.status).toBe(200);
    expect(await assigned.json()).toMatchObject({ ticket: { status: 'assigned', assignee: { username: 'je1', name: 'Amit Ranjan', role: 'je' } } });
    expect((await audit.recent(10, neighbours)).map((entry) => entry.action)).toEqual(expect.arrayContaining(['ticket.assign_refused', 'ticket.assign']));
  });

  it('keeps the meter reading and a photo given when resolving, the photo for the area\'s staff only', async () => {
    const ticket = (await tickets.open(request({ caNumber: '101000006', category: 'meter_test', description: 'Meter runs fast.' }))).ticket.number;
    const lineman = await as('lineman1');
    await lineman.post(`/${ticket}/accept`);
    const photo = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(2000, 9)]);
    const resolve = (extra: object) => lineman.post(`/${ticket}/resolve`, { closureCode: 'meter_tested_ok', note: 'Tested with the check meter.', ...extra });
    // Refused, and nothing changes: not a JPEG, a negative reading.
    expect(await (await resolve({ photo: { contentType: 'image/jpeg', data: Buffer.from('%PDF-1.7').toString('base64') } })).json()).toEqual({ error: 'photo_unreadable' });
    expect((await resolve({ meterReading: -4 })).status).toBe(400);
    expect((await repository.findByNumber(ticket))?.status).toBe('accepted');

    expect((await resolve({ meterReading: 4821.5, photo: { contentType: 'image/jpeg', data: photo.toString('base64') } })).status).toBe(200);
    const detail = (await (await lineman.get(`/${ticket}`)).json()) as { work: { resolution: { code: string; meterReading: number; photo: string } } };
    expect(detail.work.resolution).toMatchObject({ code: 'meter_tested_ok', meterReading: 4821.5, photo: expect.any(String) });
    const fetched = await lineman.get(`/${ticket}/photos/${detail.work.resolution.photo}`);
    expect(fetched.status).toBe(200);
    expect(await fetched.json()).toEqual({ contentType: 'image/jpeg', data: photo.toString('base64') });
    expect((await (await as('je1')).get(`/${ticket}/photos/${detail.work.resolution.photo}`)).status).toBe(200);
    expect((await lineman.get(`/${ticket}/photos/someone-elses`)).status).toBe(404);
    const resolved = (await audit.recent(20, ticket)).find((entry) => entry.action === 'ticket.resolve');
    expect(resolved?.detail).toEqual({ from: 'accepted', to: 'resolved', closureCode: 'meter_tested_ok', meterReading: 4821.5, photo: true });
  });

  it('turns away call-centre staff and requests without a session', async () => {
    expect((await (await as('agent1')).get('')).status).toBe(403);
    expect((await fetch(`${url}/api/field/tickets`)).status).toBe(401);
  });

  it('still shows the ticket when the backend does not answer, saying the consumer and meter are unavailable', async () => {
    // 101000099 is the simulator's consumer whose backend lookups time out.
    const stranded = (await tickets.open(request({ caNumber: '101000099', category: 'other', description: 'Pole sparking.' }))).ticket.number;
    const response = await (await as('lineman1')).get(`/${stranded}`);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ number: stranded, description: 'Pole sparking.', consumer: null, meter: null, backendUnavailable: true });
    expect(await (await (await as('lineman1')).get(`/${mine}`)).json()).toMatchObject({ backendUnavailable: false });
  });
});
