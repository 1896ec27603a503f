import type { AddressInfo } from 'node:net';
import restify from 'restify';
import { MemoryAuditLog } from '../../src/auth/memoryAuditLog';
import { SessionTokens } from '../../src/auth/sessionTokens';
import { StaffAuthentication } from '../../src/auth/staffAuthentication';
import { mountStaffRoutes } from '../../src/auth/staffRoutes';
import { loadStaffSettings } from '../../src/auth/staffSettings';
import { silentLogger } from '../../src/log/logger';
import { LOCAL_DEMO } from '../support/localDemo';

describe('staff sign-in over HTTP', () => {
  let server: restify.Server;
  let url: string;
  beforeAll(async () => {
    const settings = loadStaffSettings({}, LOCAL_DEMO, silentLogger());
    server = restify.createServer();
    server.use(restify.plugins.bodyParser({ mapParams: false }));
    mountStaffRoutes(server, new StaffAuthentication(settings.accounts, new SessionTokens(settings.sessionSecret, 600), new MemoryAuditLog()), { trustedProxy: false });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => server.close());

  const signIn = (body: unknown) =>
    fetch(`${url}/api/staff/sign-in`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

  it('signs a demo agent in and answers who they are', async () => {
    const response = await signIn({ username: 'agent1', password: 'agent1-demo' });
    expect(response.status).toBe(200);
    const session = (await response.json()) as { token: string; role: string };
    expect(session.role).toBe('agent');
    const me = await fetch(`${url}/api/staff/me`, { headers: { authorization: `Bearer ${session.token}` } });
    expect(await me.json()).toMatchObject({ username: 'agent1', name: 'Anita Kumari', role: 'agent' });
  });

  it('signs out: the token is refused afterwards, and signing out again is 401', async () => {
    const session = (await (await signIn({ username: 'lineman1', password: 'lineman1-demo' })).json()) as { token: string };
    const authorization = `Bearer ${session.token}`;
    expect((await fetch(`${url}/api/staff/sign-out`, { method: 'POST', headers: { authorization } })).status).toBe(204);
    expect((await fetch(`${url}/api/staff/me`, { headers: { authorization } })).status).toBe(401);
    expect((await fetch(`${url}/api/staff/sign-out`, { method: 'POST', headers: { authorization } })).status).toBe(401);
  });

  it('answers a locked sign-in with 429 and when to come back', async () => {
    for (let attempt = 0; attempt < 5; attempt += 1) await signIn({ username: 'je1', password: 'guess' });
    const locked = await signIn({ username: 'je1', password: 'je1-demo' });
    expect(locked.status).toBe(429);
    expect(Number(locked.headers.get('retry-after'))).toBeGreaterThan(0);
  });

  it('refuses a wrong password with 401 and a malformed request with 400', async () => {
    expect((await signIn({ username: 'agent1', password: 'nope' })).status).toBe(401);
    expect((await signIn({ username: 'agent1' })).status).toBe(400);
    expect((await fetch(`${url}/api/staff/me`)).status).toBe(401);
  });
});
