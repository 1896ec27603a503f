import { hashPassword } from '../../../src/auth/passwordHash';
import { startWebChatServer, type RunningWebChat } from '../../channels/directline/webChatServer';

/** The composition `npm start` uses, WhatsApp off: campaign messages go to the log, and the funnel still moves. */
describe('campaigns on the staff consoles, embedded defaults', () => {
  let running: RunningWebChat;
  let token: string;

  beforeAll(async () => {
    running = await startWebChatServer({
      staff: [{ username: 'supervisor1', name: 'Supervisor', role: 'supervisor', passwordHash: await hashPassword('supervisor1-demo') }],
    });
    await running.sampark.jobs.start();
    const signedIn = await fetch(`${running.url}/api/staff/sign-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'supervisor1', password: 'supervisor1-demo' }),
    });
    token = ((await signedIn.json()) as { token: string }).token;
  });
  afterAll(() => running.close());

  const call = (method: string, path: string, body?: unknown) =>
    fetch(`${running.url}${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });

  it('creates and starts a campaign; its targets and visit tickets (and logged sends, inside the window) show in the funnel', async () => {
    const created = (await (await call('POST', '/api/ops/campaigns', { name: 'Danapur', criteria: { division: 'Danapur', supplyCutHours: 72 } })).json()) as { id: string };
    expect((await call('POST', `/api/ops/campaigns/${created.id}/start`)).status).toBe(200);
    type Counts = { targeted: number; sent: number; visitNeeded: number };
    let counts: Counts = { targeted: 0, sent: 0, visitNeeded: 0 };
    const deadline = Date.now() + 15_000;
    // Outside 09:00-20:00 IST nothing is sent: then the targets and the visit list are what moves.
    while (counts.targeted === 0 || (counts.sent === 0 && counts.visitNeeded === 0)) {
      if (Date.now() > deadline) throw new Error('the funnel did not move');
      await new Promise((resolve) => setTimeout(resolve, 50));
      counts = ((await (await call('GET', `/api/ops/campaigns/${created.id}`)).json()) as { counts: Counts }).counts;
    }
    const funnel = (await (await call('GET', `/api/ops/campaigns/${created.id}/funnel?by=division`)).json()) as { rows: Array<{ key: string }> };
    expect(funnel.rows.map((row) => row.key)).toEqual(['Danapur']);
    const visits = (await running.sampark.ticketRepository.findByArea({ division: 'Danapur' })).filter((t) => t.category === 'sampark_visit');
    expect(visits.length).toBeGreaterThan(0);
  });
});
