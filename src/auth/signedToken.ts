import { createHmac, timingSafeEqual } from 'node:crypto';

/** JWTs Sampark signs itself (HS256): web chat tokens and staff sessions, checked by any instance. */

const HEADER = Buffer.from(JSON.stringify({ alg: 'HS256', typ: 'JWT' })).toString('base64url');

/** A token over `claims`, signed with `key`. */
export function signToken(key: Buffer, claims: object): string {
  const unsigned = `${HEADER}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}`;
  return `${unsigned}.${signature(key, unsigned)}`;
}

/** The claims of a token signed with `key`, still unchecked against any schema; or why it is no token of ours. */
export function openToken(key: Buffer, token: string): { ok: true; claims: unknown } | { ok: false; problem: 'malformed' | 'forged' } {
  const parts = token.split('.');
  if (parts.length !== 3 || parts[0] !== HEADER) return { ok: false, problem: 'malformed' };
  const [header, payload, given] = parts as [string, string, string];
  const expected = Buffer.from(signature(key, `${header}.${payload}`));
  const received = Buffer.from(given);
  if (received.length !== expected.length || !timingSafeEqual(received, expected)) return { ok: false, problem: 'forged' };
  try {
    return { ok: true, claims: JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as unknown };
  } catch {
    return { ok: false, problem: 'malformed' };
  }
}

function signature(key: Buffer, unsigned: string): string {
  return createHmac('sha256', key).update(unsigned).digest('base64url');
}
