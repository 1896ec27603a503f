import { MemoryAuditLog } from '../../src/auth/memoryAuditLog';
import { hashPassword, verifyPassword } from '../../src/auth/passwordHash';
import { SessionTokens } from '../../src/auth/sessionTokens';
import { SignInThrottle } from '../../src/auth/signInThrottle';
import type { StaffAccount } from '../../src/auth/staff';
import { StaffAuthentication } from '../../src/auth/staffAuthentication';

const SECRET = 'a-test-secret-that-is-long-enough-1234';

describe('passwords', () => {
  it('verify only the password they were made from', async () => {
    const stored = await hashPassword('सही-पासवर्ड');
    expect(stored).toMatch(/^scrypt\$16384\$8\$5\$/);
    expect(await verifyPassword('सही-पासवर्ड', stored)).toBe(true);
    expect(await verifyPassword('galat', stored)).toBe(false);
    expect(await verifyPassword('सही-पासवर्ड', 'scrypt$broken')).toBe(false);
    expect(await hashPassword('same')).not.toBe(await hashPassword('same'));
  });
});

describe('session tokens', () => {
  const identity = { username: 'agent1', name: 'Anita Kumari', role: 'agent' as const };

  it('carry the identity until they expire', () => {
    let now = new Date('2026-11-28T06:00:00Z');
    const tokens = new SessionTokens(SECRET, 3600, () => now);
    const { token, expiresAt, expiresInSeconds } = tokens.issue(identity);
    expect(expiresAt).toBe('2026-11-28T07:00:00.000Z');
    // What a page with a skewed clock times the session by.
    expect(expiresInSeconds).toBe(3600);
    expect(tokens.verify(token)).toEqual(identity);
    now = new Date('2026-11-28T07:00:01Z');
    expect(tokens.verify(token)).toBeNull();
  });

  it('refuse a token signed with another secret or edited', () => {
    const { token } = new SessionTokens(SECRET, 3600).issue(identity);
    expect(new SessionTokens(`${SECRET}-other`, 3600).verify(token)).toBeNull();
    const [header, payload, signature] = token.split('.');
    const promoted = Buffer.from(
      JSON.stringify({ ...JSON.parse(Buffer.from(payload!, 'base64url').toString()), role: 'supervisor' }),
    ).toString('base64url');
    expect(new SessionTokens(SECRET, 3600).verify(`${header}.${promoted}.${signature}`)).toBeNull();
    expect(new SessionTokens(SECRET, 3600).verify('not-a-token')).toBeNull();
  });
});

describe('StaffAuthentication', () => {
  let accounts: StaffAccount[];
  beforeAll(async () => {
    accounts = [
      { username: 'agent1', name: 'Anita Kumari', role: 'agent', passwordHash: await hashPassword('agent1-pass') },
      {
        username: 'lineman1',
        name: 'Sunil Paswan',
        role: 'lineman',
        passwordHash: await hashPassword('lineman1-pass'),
        area: { section: 'Kankarbagh-1' },
      },
    ];
  });
  const make = (audit = new MemoryAuditLog(), throttle = new SignInThrottle()) =>
    new StaffAuthentication(accounts, new SessionTokens(SECRET, 3600), audit, throttle);

  it('signs in with the right password and audits it', async () => {
    const audit = new MemoryAuditLog();
    const outcome = await make(audit).signIn('Agent1 ', 'agent1-pass');
    expect(outcome).toMatchObject({ ok: true, identity: { username: 'agent1', role: 'agent' } });
    expect((await audit.recent(1))[0]).toMatchObject({ actor: 'agent1', action: 'sign_in' });
  });

  it('gives the same answer for an unknown name and a wrong password', async () => {
    const authentication = make();
    expect(await authentication.signIn('agent1', 'wrong')).toEqual({ ok: false, problem: 'wrong_credentials' });
    expect(await authentication.signIn('nobody', 'wrong')).toEqual({ ok: false, problem: 'wrong_credentials' });
  });

  it('audits a failed sign-in under an unknown name without what was typed: it may be a mobile number or the password', async () => {
    const audit = new MemoryAuditLog();
    const authentication = make(audit, new SignInThrottle(2, 60_000));
    for (let attempt = 0; attempt < 3; attempt += 1) await authentication.signIn('9876543210', 'lineman1-pass');
    await authentication.signIn('agent1', 'wrong');
    const entries = await audit.recent(10);
    expect(entries.map((entry) => [entry.actor, entry.action])).toEqual([
      ['agent1', 'sign_in_failed'],
      ['unknown', 'sign_in_refused'],
      ['unknown', 'sign_in_failed'],
      ['unknown', 'sign_in_failed'],
    ]);
    expect(JSON.stringify(entries)).not.toContain('9876543210');
  });

  it('locks an account after repeated wrong passwords, even for the right one', async () => {
    const authentication = make(new MemoryAuditLog(), new SignInThrottle(3, 60_000));
    for (let attempt = 0; attempt < 3; attempt += 1) await authentication.signIn('agent1', 'guess');
    expect(await authentication.signIn('agent1', 'agent1-pass')).toEqual({ ok: false, problem: 'locked' });
  });

  it('does not lock an account for wrong passwords spread over days: only failures close together count', () => {
    let clock = Date.parse('2026-11-28T06:00:00Z');
    const throttle = new SignInThrottle(3, 60_000, () => clock);
    throttle.failed('lineman1');
    clock += 24 * 3_600_000;
    throttle.failed('lineman1');
    clock += 24 * 3_600_000;
    throttle.failed('lineman1');
    expect(throttle.isLocked('lineman1')).toBe(false);
    throttle.failed('lineman1');
    throttle.failed('lineman1');
    throttle.failed('lineman1');
    expect(throttle.isLocked('lineman1')).toBe(true);
  });

  it('authorizes by role: 401 without a session, 403 for the wrong role', async () => {
    const authentication = make();
    const signedIn = await authentication.signIn('lineman1', 'lineman1-pass');
    if (!signedIn.ok) throw new Error('sign-in failed');
    const bearer = `Bearer ${signedIn.token}`;
    expect(authentication.authorize(bearer, ['lineman', 'je'])).toMatchObject({
      ok: true,
      identity: { username: 'lineman1', area: { section: 'Kankarbagh-1' } },
    });
    expect(authentication.authorize(bearer, ['agent'])).toEqual({ ok: false, status: 403, problem: 'forbidden' });
    expect(authentication.authorize(undefined, ['agent'])).toEqual({ ok: false, status: 401, problem: 'no_session' });
    expect(authentication.authorize('Bearer junk', ['agent'])).toEqual({ ok: false, status: 401, problem: 'no_session' });
  });

  it('refuses the session of an account that was removed', async () => {
    const signedIn = await make().signIn('agent1', 'agent1-pass');
    if (!signedIn.ok) throw new Error('sign-in failed');
    const withoutAgent = new StaffAuthentication(accounts.slice(1), new SessionTokens(SECRET, 3600), new MemoryAuditLog());
    expect(withoutAgent.authorize(`Bearer ${signedIn.token}`, ['agent'])).toMatchObject({ ok: false, status: 401 });
  });

  it('authorizes a session by the account as configured now: a lineman moved to another section sees that one', async () => {
    const signedIn = await make().signIn('lineman1', 'lineman1-pass');
    if (!signedIn.ok) throw new Error('sign-in failed');
    const bearer = `Bearer ${signedIn.token}`;
    const moved = accounts.map((account) => (account.username === 'lineman1' ? { ...account, area: { section: 'Kankarbagh-2' } } : account));
    expect(new StaffAuthentication(moved, new SessionTokens(SECRET, 3600), new MemoryAuditLog()).authorize(bearer, ['lineman'])).toMatchObject({
      ok: true,
      identity: { area: { section: 'Kankarbagh-2' } },
    });
    const nowAnAgent = accounts.map((account) => (account.username === 'lineman1' ? { ...account, role: 'agent' as const, area: undefined } : account));
    expect(new StaffAuthentication(nowAnAgent, new SessionTokens(SECRET, 3600), new MemoryAuditLog()).authorize(bearer, ['lineman'])).toEqual({
      ok: false,
      status: 403,
      problem: 'forbidden',
    });
  });
});
