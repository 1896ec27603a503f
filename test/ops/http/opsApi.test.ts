import type { AddressInfo } from 'node:net';
import restify from 'restify';
import { MemoryAuditLog } from '../../../src/auth/memoryAuditLog';
import { hashPassword } from '../../../src/auth/passwordHash';
import { SessionTokens } from '../../../src/auth/sessionTokens';
import { StaffAuthentication } from '../../../src/auth/staffAuthentication';
import { loadStaffSettings } from '../../../src/auth/staffSettings';
import { silentLogger } from '../../../src/log/logger';
import { Metrics } from '../../../src/metrics/metrics';
import { mountOpsApi } from '../../../src/ops/http/opsApi';
import { MemoryFiguresStore } from '../../../src/ops/memoryFiguresStore';
import { OperationsFigures } from '../../../src/ops/operationsFigures';
import { LOCAL_DEMO } from '../../support/localDemo';

/** 11:30 IST on 28 November 2026. */
const NOW = new Date('2026-11-28T06:00:00.000Z');
const at = (date: string) => new Date(`${date}T06:00:00.000Z`);

describe('ops API: the daily figures', () => {
  let server: restify.Server;
  let url: string;
  const audit = new MemoryAuditLog();
  const store = new MemoryFiguresStore();
  let authentication: StaffAuthentication;

  beforeAll(async () => {
    const settings = loadStaffSettings({}, LOCAL_DEMO, silentLogger());
    const fieldSupervisor = { username: 'fs1', name: 'Field Supervisor', role: 'field_supervisor' as const, passwordHash: await hashPassword('fs1-demo') };
    authentication = new StaffAuthentication([...settings.accounts, fieldSupervisor], new SessionTokens(settings.sessionSecret, 600), audit);
    const operations = new OperationsFigures({ store, metrics: new Metrics(), logger: silentLogger(), now: () => NOW });
    server = restify.createServer();
    mountOpsApi(server, { authentication, operations, audit, now: () => NOW });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

    for (const id of ['a', 'b', 'c', 'd']) await store.recordMessage({ channel: 'whatsapp', conversationId: id }, 'check_balance', at('2026-11-27'));
    await store.recordEscalation({ channel: 'whatsapp', conversationId: 'a' }, 'agent', at('2026-11-27'));
    await store.recordMessage({ channel: 'whatsapp', conversationId: 'e' }, 'meter_fault', at('2026-11-28'));
    await store.recordEscalation({ channel: 'whatsapp', conversationId: 'e' }, 'ticket', at('2026-11-28'));
    await store.recordTicket({ outcome: 'opened', division: '=cmd|" /C calc"!A0', category: 'meter_defective' }, at('2026-11-28'));
    await store.recordTicket({ outcome: 'opened', division: 'Patna East', category: 'meter_defective' }, at('2026-11-27'));
    await store.recordTicket({ outcome: 'resolved_within_sla', division: 'Patna East', category: 'meter_defective' }, at('2026-11-28'));
    await store.recordTicket({ outcome: 'resolved_late', division: null, category: 'area_outage' }, at('2026-11-20'));
  });
  afterAll(() => server.close());

  async function as(username: string) {
    const signedIn = await authentication.signIn(username, `${username}-demo`, '127.0.0.1');
    if (!signedIn.ok) throw new Error(`${username} did not sign in`);
    return (path: string) => fetch(`${url}${path}`, { headers: { authorization: `Bearer ${signedIn.token}` } });
  }

  it('answers each day of the span, the tickets by division and category, and the top intents', async () => {
    const response = await (await as('supervisor1'))('/api/ops/daily?from=2026-11-27&to=2026-11-28');
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      days: [
        { date: '2026-11-27', conversations: 4, containedByBot: 3, containedShare: 0.75, handedToAgents: 1, ticketsOpened: 1, ticketsResolvedWithinSla: 0 },
        { date: '2026-11-28', conversations: 1, containedByBot: 0, containedShare: 0, handedToAgents: 0, ticketsOpened: 1, ticketsResolvedWithinSla: 1 },
      ],
      ticketsByDivision: [
        { division: '=cmd|" /C calc"!A0', category: 'meter_defective', opened: 1, resolvedWithinSla: 0, resolvedLate: 0 },
        { division: 'Patna East', category: 'meter_defective', opened: 1, resolvedWithinSla: 1, resolvedLate: 0 },
      ],
      topIntents: [{ intent: 'check_balance', count: 4 }, { intent: 'meter_fault', count: 1 }],
    });
  });

  it('answers the last seven IST days without dates, a day without conversations with no share', async () => {
    const body = (await (await (await as('fs1'))('/api/ops/daily')).json()) as { days: { date: string; containedShare: number | null }[] };
    expect(body.days.map((day) => day.date)).toEqual(['2026-11-22', '2026-11-23', '2026-11-24', '2026-11-25', '2026-11-26', '2026-11-27', '2026-11-28']);
    expect(body.days[0]?.containedShare).toBeNull();
  });

  it.each([
    ['a date that is not one', '?from=2026-02-30&to=2026-03-01'],
    ['a date in another format', '?from=28-11-2026'],
    ['from after to', '?from=2026-11-28&to=2026-11-27'],
    ['more than a quarter', '?from=2026-01-01&to=2026-11-28'],
  ])('refuses %s with 400', async (_name, query) => {
    const response = await (await as('supervisor1'))(`/api/ops/daily${query}`);
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: 'bad_request' });
  });

  it('is for supervisors only, and audits every read', async () => {
    expect((await fetch(`${url}/api/ops/daily`)).status).toBe(401);
    expect((await (await as('agent1'))('/api/ops/daily')).status).toBe(403);
    expect((await (await as('lineman1'))('/api/ops/daily.csv?table=days')).status).toBe(403);
    await (await as('supervisor1'))('/api/ops/daily?from=2026-11-20&to=2026-11-28');
    expect(await audit.recent(1)).toEqual([
      expect.objectContaining({ actor: 'supervisor1', role: 'supervisor', action: 'ops.daily_viewed', detail: { from: '2026-11-20', to: '2026-11-28' } }),
    ]);
  });

  it('exports each table as CSV with a header row, cells escaped and formulas neutralised', async () => {
    const get = await as('supervisor1');
    const tickets = await get('/api/ops/daily.csv?table=tickets&from=2026-11-20&to=2026-11-28');
    expect(tickets.status).toBe(200);
    expect(tickets.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(tickets.headers.get('content-disposition')).toBe('attachment; filename="sampark-tickets-2026-11-20-2026-11-28.csv"');
    expect(await tickets.text()).toBe(
      'division,category,opened,resolvedWithinSla,resolvedLate\r\n' +
        '"\'=cmd|"" /C calc""!A0",meter_defective,1,0,0\r\n' +
        'Patna East,meter_defective,1,1,0\r\n' +
        ',area_outage,0,0,1\r\n',
    );
    expect(await (await get('/api/ops/daily.csv?table=days&from=2026-11-27&to=2026-11-28')).text()).toBe(
      'date,conversations,containedByBot,containedShare,handedToAgents,ticketsOpened,ticketsResolvedWithinSla\r\n' +
        '2026-11-27,4,3,0.75,1,1,0\r\n' +
        '2026-11-28,1,0,0,0,1,1\r\n',
    );
    expect(await (await get('/api/ops/daily.csv?table=intents&from=2026-11-28&to=2026-11-28')).text()).toBe('intent,count\r\nmeter_fault,1\r\n');
    expect(await audit.recent(1)).toEqual([
      expect.objectContaining({ action: 'ops.daily_exported', detail: { table: 'intents', from: '2026-11-28', to: '2026-11-28' } }),
    ]);
  });

  it('refuses an unknown table', async () => {
    const response = await (await as('supervisor1'))('/api/ops/daily.csv?table=consumers');
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: 'bad_request' });
  });
});
