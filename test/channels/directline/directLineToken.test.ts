import { DirectLineTokens } from '../../../src/channels/directline/directLineToken';

const SECRET = 'a-secret-long-enough-for-hmac-sha256-signing';
const subject = { user: 'dl_visitor', conv: 'conversation-1234' };

describe('Direct Line tokens', () => {
  let now = new Date('2026-11-28T06:00:00.000Z');
  const tokens = new DirectLineTokens(SECRET, () => now);
  beforeEach(() => {
    now = new Date('2026-11-28T06:00:00.000Z');
  });

  it('are JWTs (HS256) that carry the visitor, the conversation, the scope and the expiry', () => {
    const token = tokens.issue(subject, 'conversation', 1800);
    const [header, payload] = token.split('.').slice(0, 2).map((part) => JSON.parse(Buffer.from(part, 'base64url').toString('utf8')) as unknown);
    expect(header).toEqual({ alg: 'HS256', typ: 'JWT' });
    const iat = now.getTime() / 1000;
    expect(payload).toEqual({ user: 'dl_visitor', conv: 'conversation-1234', scope: 'conversation', iat, exp: iat + 1800, orig: iat, jti: expect.stringMatching(/^[\w-]{22}$/) });
    expect(tokens.check(token, 'conversation')).toEqual({ ok: true, claims: payload });
  });

  it('expire at their expiry time', () => {
    const token = tokens.issue(subject, 'conversation', 60);
    now = new Date(now.getTime() + 59_000);
    expect(tokens.check(token, 'conversation').ok).toBe(true);
    now = new Date(now.getTime() + 1_000);
    expect(tokens.check(token, 'conversation')).toEqual({ ok: false, problem: 'expired' });
  });

  it('are refused when signed with another secret or changed after signing', () => {
    const elsewhere = new DirectLineTokens('another-secret-long-enough-for-hmac-sha256', () => now).issue(subject, 'conversation', 60);
    expect(tokens.check(elsewhere, 'conversation')).toEqual({ ok: false, problem: 'forged' });
    const [header, , signature] = tokens.issue(subject, 'conversation', 60).split('.');
    const changed = Buffer.from(JSON.stringify({ user: 'dl_someone_else', conv: 'conversation-1234', scope: 'conversation', iat: 0, exp: 9e9 })).toString('base64url');
    expect(tokens.check(`${header}.${changed}.${signature}`, 'conversation')).toEqual({ ok: false, problem: 'forged' });
  });

  it('refuse the "none" algorithm and other shapes', () => {
    const [, payload] = tokens.issue(subject, 'conversation', 60).split('.');
    const none = Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url');
    expect(tokens.check(`${none}.${payload}.`, 'conversation')).toEqual({ ok: false, problem: 'malformed' });
    expect(tokens.check('not-a-token', 'conversation')).toEqual({ ok: false, problem: 'malformed' });
    expect(tokens.check('', 'stream')).toEqual({ ok: false, problem: 'malformed' });
  });

  it('carry the first issue time through a refresh, and a new id each', () => {
    const first = tokens.issue(subject, 'conversation', 1800);
    const firstClaims = (tokens.check(first, 'conversation') as { claims: { orig: number; jti: string } }).claims;
    now = new Date(now.getTime() + 3_600_000);
    const refreshed = tokens.check(tokens.issue(subject, 'conversation', 1800, firstClaims.orig), 'conversation');
    expect(refreshed).toMatchObject({ ok: true, claims: { orig: firstClaims.orig, iat: firstClaims.orig + 3600 } });
    expect((refreshed as { claims: { jti: string } }).claims.jti).not.toBe(firstClaims.jti);
    expect(tokens.age((refreshed as { claims: Parameters<typeof tokens.age>[0] }).claims)).toBe(3600);
  });

  it('keep their scope: a stream ticket is no conversation token, and the other way round', () => {
    const ticket = tokens.issue(subject, 'stream', 60);
    expect(tokens.check(ticket, 'conversation')).toEqual({ ok: false, problem: 'wrong-scope' });
    expect(tokens.check(tokens.issue(subject, 'conversation', 60), 'stream')).toEqual({ ok: false, problem: 'wrong-scope' });
  });
});
