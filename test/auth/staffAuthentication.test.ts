import { MemoryAuditLog } from '../../src/auth/memoryAuditLog';
import { hashPassword, verifyPassword } from '../../src/auth/passwordHash';
import { MemorySessionRevocations } from '../../src/auth/memorySessionRevocations';
import { SessionTokens } from '../../src/auth/sessionTokens';
import type { StaffAccount } from '../../src/auth/staff';
import { DEFAULT_SIGN_IN_RULES } from '../../src/auth/signInLimits';
import { StaffAuthentication } from '../../src/auth/staffAuthentication';

const SECRET = 'a-test-secret-that-is-long-enough-1234';
/** Where the sign-ins come from, when the test is not about sources. */
const SOURCE = '192.0.2.10';
/** What the authorized request asked for, as the audit names it. */
const ENDPOINT = 'GET /api/field/tickets';

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
    expect(tokens.verify(token)).toMatchObject({ identity, expiresAt: Date.parse(expiresAt) / 1000 });
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

const STILL = new Date('2026-11-28T06:00:00Z');

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
  // A clock that stands still: a lockout's "retry after" is then exact however long scrypt takes on a busy machine.
  const make = (audit = new MemoryAuditLog(), signInRules = DEFAULT_SIGN_IN_RULES) =>
    new StaffAuthentication(accounts, new SessionTokens(SECRET, 3600), audit, { signInRules, now: () => STILL });
  const tight = (perAccountAndSource: number, perAccount = 50) => ({
    perAccountAndSource: { limit: perAccountAndSource, windowSeconds: 60 },
    perAccount: { limit: perAccount, windowSeconds: 60 },
  });

  it('signs in with the right password and audits it', async () => {
    const audit = new MemoryAuditLog();
    const outcome = await make(audit).signIn('Agent1 ', 'agent1-pass', SOURCE);
    expect(outcome).toMatchObject({ ok: true, identity: { username: 'agent1', role: 'agent' } });
    expect((await audit.recent(1))[0]).toMatchObject({ actor: 'agent1', action: 'sign_in' });
  });

  it('gives the same answer for an unknown name and a wrong password', async () => {
    const authentication = make();
    expect(await authentication.signIn('agent1', 'wrong', SOURCE)).toEqual({ ok: false, problem: 'wrong_credentials' });
    expect(await authentication.signIn('nobody', 'wrong', SOURCE)).toEqual({ ok: false, problem: 'wrong_credentials' });
  });

  it('audits a failed sign-in under an unknown name without what was typed: it may be a mobile number or the password', async () => {
    const audit = new MemoryAuditLog();
    const authentication = make(audit, tight(2));
    for (let attempt = 0; attempt < 3; attempt += 1) await authentication.signIn('9876543210', 'lineman1-pass', SOURCE);
    await authentication.signIn('agent1', 'wrong', SOURCE);
    const entries = await audit.recent(10);
    expect(entries.map((entry) => [entry.actor, entry.action])).toEqual([
      ['agent1', 'sign_in_failed'],
      ['unknown', 'sign_in_refused'],
      ['unknown', 'sign_in_failed'],
      ['unknown', 'sign_in_failed'],
    ]);
    expect(JSON.stringify(entries)).not.toContain('9876543210');
  });

  it('locks an account for a source after repeated attempts, even for the right password, and says for how long', async () => {
    const authentication = make(new MemoryAuditLog(), tight(3));
    for (let attempt = 0; attempt < 3; attempt += 1) await authentication.signIn('agent1', 'guess', SOURCE);
    expect(await authentication.signIn('agent1', 'agent1-pass', SOURCE)).toEqual({ ok: false, problem: 'locked', retryAfterSeconds: 60 });
  });

  it('does not lock the account out for the lineman elsewhere when one source guesses', async () => {
    const authentication = make(new MemoryAuditLog(), tight(3, 10));
    for (let attempt = 0; attempt < 20; attempt += 1) await authentication.signIn('lineman1', 'guess', '203.0.113.9');
    expect(await authentication.signIn('lineman1', 'lineman1-pass', '198.51.100.4')).toMatchObject({ ok: true });
  });

  it('locks the account everywhere when guesses come from many sources, past the looser per-account limit', async () => {
    const authentication = make(new MemoryAuditLog(), tight(3, 6));
    for (let source = 0; source < 6; source += 1) await authentication.signIn('lineman1', 'guess', `203.0.113.${source}`);
    expect(await authentication.signIn('lineman1', 'lineman1-pass', '198.51.100.4')).toMatchObject({ ok: false, problem: 'locked' });
  });

  it('does not count a right password: a supervisor signing in from many tabs is not guessing', async () => {
    const authentication = make(new MemoryAuditLog(), tight(3, 3));
    for (let tab = 0; tab < 10; tab += 1) expect(await authentication.signIn('agent1', 'agent1-pass', SOURCE)).toMatchObject({ ok: true });
    await authentication.signIn('agent1', 'guess', SOURCE);
    expect(await authentication.signIn('agent1', 'agent1-pass', SOURCE)).toMatchObject({ ok: true });
  });

  it('audits a lockout once per window, not every refused attempt', async () => {
    let now = new Date('2026-11-28T06:00:00Z');
    const audit = new MemoryAuditLog();
    const authentication = new StaffAuthentication(accounts, new SessionTokens(SECRET, 3600), audit, { signInRules: tight(2), now: () => now });
    for (let attempt = 0; attempt < 50; attempt += 1) await authentication.signIn('agent1', 'guess', SOURCE);
    now = new Date('2026-11-28T06:01:00Z');
    for (let attempt = 0; attempt < 50; attempt += 1) await authentication.signIn('agent1', 'guess', SOURCE);
    const actions = (await audit.recent(1000)).map((entry) => entry.action).reverse();
    expect(actions).toEqual(['sign_in_failed', 'sign_in_failed', 'sign_in_refused', 'sign_in_failed', 'sign_in_failed', 'sign_in_refused']);
  });

  it('authorizes by role: 401 without a session, 403 for the wrong role', async () => {
    const authentication = make();
    const signedIn = await authentication.signIn('lineman1', 'lineman1-pass', SOURCE);
    if (!signedIn.ok) throw new Error('sign-in failed');
    const bearer = `Bearer ${signedIn.token}`;
    expect(await authentication.authorize(bearer, ['lineman', 'je'], ENDPOINT)).toMatchObject({
      ok: true,
      identity: { username: 'lineman1', area: { section: 'Kankarbagh-1' } },
    });
    expect(await authentication.authorize(bearer, ['agent'], ENDPOINT)).toEqual({ ok: false, status: 403, problem: 'forbidden' });
    expect(await authentication.authorize(undefined, ['agent'], ENDPOINT)).toEqual({ ok: false, status: 401, problem: 'no_session' });
    expect(await authentication.authorize('Bearer junk', ['agent'], ENDPOINT)).toEqual({ ok: false, status: 401, problem: 'no_session' });
  });

  it('audits a signed-in member of staff calling what their role may not, naming the endpoint', async () => {
    const audit = new MemoryAuditLog();
    const authentication = make(audit);
    const signedIn = await authentication.signIn('lineman1', 'lineman1-pass', SOURCE);
    if (!signedIn.ok) throw new Error('sign-in failed');
    await authentication.authorize(`Bearer ${signedIn.token}`, ['supervisor'], 'GET /api/agent/overview');
    expect((await audit.recent(1))[0]).toMatchObject({ actor: 'lineman1', role: 'lineman', action: 'access_refused', detail: { endpoint: 'GET /api/agent/overview' } });
  });

  it('ends a session on sign-out for every instance sharing the revocations, and audits it', async () => {
    const audit = new MemoryAuditLog();
    const revocations = new MemorySessionRevocations(() => new Date());
    const tokens = new SessionTokens(SECRET, 3600);
    const here = new StaffAuthentication(accounts, tokens, audit, { revocations });
    const elsewhere = new StaffAuthentication(accounts, tokens, audit, { revocations });
    const first = await here.signIn('agent1', 'agent1-pass', SOURCE);
    const second = await here.signIn('agent1', 'agent1-pass', SOURCE);
    if (!first.ok || !second.ok) throw new Error('sign-in failed');
    expect(await here.signOut(`Bearer ${first.token}`)).toBe(true);
    expect(await elsewhere.authorize(`Bearer ${first.token}`, ['agent'], ENDPOINT)).toMatchObject({ ok: false, status: 401 });
    expect(await here.signOut(`Bearer ${first.token}`)).toBe(false);
    // Only that session: the agent's other tab goes on.
    expect(await elsewhere.authorize(`Bearer ${second.token}`, ['agent'], ENDPOINT)).toMatchObject({ ok: true });
    expect((await audit.recent(1))[0]).toMatchObject({ actor: 'agent1', action: 'sign_out' });
  });

  it('refuses the session of an account that was removed', async () => {
    const signedIn = await make().signIn('agent1', 'agent1-pass', SOURCE);
    if (!signedIn.ok) throw new Error('sign-in failed');
    const withoutAgent = new StaffAuthentication(accounts.slice(1), new SessionTokens(SECRET, 3600), new MemoryAuditLog());
    expect(await withoutAgent.authorize(`Bearer ${signedIn.token}`, ['agent'], ENDPOINT)).toMatchObject({ ok: false, status: 401 });
  });

  it('authorizes a session by the account as configured now: a lineman moved to another section sees that one', async () => {
    const signedIn = await make().signIn('lineman1', 'lineman1-pass', SOURCE);
    if (!signedIn.ok) throw new Error('sign-in failed');
    const bearer = `Bearer ${signedIn.token}`;
    const moved = accounts.map((account) => (account.username === 'lineman1' ? { ...account, area: { section: 'Kankarbagh-2' } } : account));
    expect(await new StaffAuthentication(moved, new SessionTokens(SECRET, 3600), new MemoryAuditLog()).authorize(bearer, ['lineman'], ENDPOINT)).toMatchObject({
      ok: true,
      identity: { area: { section: 'Kankarbagh-2' } },
    });
    const nowAnAgent = accounts.map((account) => (account.username === 'lineman1' ? { ...account, role: 'agent' as const, area: undefined } : account));
    expect(await new StaffAuthentication(nowAnAgent, new SessionTokens(SECRET, 3600), new MemoryAuditLog()).authorize(bearer, ['lineman'], ENDPOINT)).toEqual({
      ok: false,
      status: 403,
      problem: 'forbidden',
    });
  });
});
