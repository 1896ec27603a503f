import { hashPassword } from '../../src/auth/passwordHash';
import type { StaffAccount } from '../../src/auth/staff';
import { startWebChatServer, type RunningWebChat } from '../channels/directline/webChatServer';

describe('the staff consoles on a running Sampark', () => {
  let running: RunningWebChat;

  beforeAll(async () => {
    const staff: StaffAccount[] = [
      { username: 'agent1', name: 'Agent One', role: 'agent', passwordHash: await hashPassword('agent1-pass') },
      {
        username: 'lineman1',
        name: 'Lineman One',
        role: 'lineman',
        passwordHash: await hashPassword('lineman1-pass'),
        area: { circle: 'Patna', division: 'Patna East', subDivision: 'Kankarbagh', section: 'Kankarbagh-1' },
      },
    ];
    running = await startWebChatServer({ staff });
  });

  afterAll(() => running.close());

  async function signIn(username: string, password: string): Promise<string> {
    const response = await fetch(`${running.url}/api/staff/sign-in`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ username, password }),
    });
    expect(response.status).toBe(200);
    return ((await response.json()) as { token: string }).token;
  }

  it.each([
    ['agent1', 'agent1-pass', '/api/agent/queue', 200],
    ['agent1', 'agent1-pass', '/api/field/tickets', 403],
    ['lineman1', 'lineman1-pass', '/api/field/tickets', 200],
    ['lineman1', 'lineman1-pass', '/api/agent/queue', 403],
  ])('%s reaches %s only in their role', async (username, password, route, status) => {
    const token = await signIn(username, password);
    expect((await fetch(`${running.url}${route}`, { headers: { Authorization: `Bearer ${token}` } })).status).toBe(status);
  });

  it('refuses the APIs without a session', async () => {
    expect((await fetch(`${running.url}/api/agent/queue`)).status).toBe(401);
    expect((await fetch(`${running.url}/api/field/tickets`)).status).toBe(401);
  });
});
