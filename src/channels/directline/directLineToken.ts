import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';

/**
 * What a token lets its holder do: `conversation` tokens call the REST API; a `stream` ticket only
 * opens the WebSocket of its conversation, so a leaked stream URL cannot post.
 */
export type TokenScope = 'conversation' | 'stream';

/** The claims Sampark signs. Web Chat reads `user` to know which side of the transcript is the visitor. */
export interface TokenClaims {
  user: string;
  conv: string;
  scope: TokenScope;
  iat: number;
  exp: number;
}

/** Why a token was refused. */
export type TokenProblem = 'malformed' | 'forged' | 'expired' | 'wrong-scope';

/** The verdict on a token: its claims, or why it was refused. */
export type TokenCheck = { ok: true; claims: TokenClaims } | { ok: false; problem: TokenProblem };

const HEADER = base64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }));

const ClaimsSchema = z.object({
  user: z.string().min(1).max(128),
  conv: z.string().min(1).max(128),
  scope: z.enum(['conversation', 'stream']),
  iat: z.number().int(),
  exp: z.number().int(),
});

/** Signs and checks Direct Line tokens: JWTs with HMAC-SHA256, so Web Chat can read the `user` claim. */
export class DirectLineTokens {
  private readonly key: Buffer;

  constructor(
    secret: string,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.key = Buffer.from(secret, 'utf8');
  }

  /** A token for `conv` and `user`, valid for `ttlSeconds` from now. */
  issue(subject: { user: string; conv: string }, scope: TokenScope, ttlSeconds: number): string {
    const iat = Math.floor(this.now().getTime() / 1000);
    const claims: TokenClaims = { user: subject.user, conv: subject.conv, scope, iat, exp: iat + ttlSeconds };
    const unsigned = `${HEADER}.${base64url(JSON.stringify(claims))}`;
    return `${unsigned}.${this.sign(unsigned)}`;
  }

  /** The claims of a genuine, unexpired token of the given scope. */
  check(token: string, scope: TokenScope): TokenCheck {
    const parts = token.split('.');
    if (parts.length !== 3 || parts[0] !== HEADER) return { ok: false, problem: 'malformed' };
    const [header, payload, signature] = parts as [string, string, string];
    const expected = Buffer.from(this.sign(`${header}.${payload}`));
    const given = Buffer.from(signature);
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { ok: false, problem: 'forged' };
    const claims = ClaimsSchema.safeParse(parseJson(Buffer.from(payload, 'base64url').toString('utf8')));
    if (!claims.success) return { ok: false, problem: 'malformed' };
    if (claims.data.scope !== scope) return { ok: false, problem: 'wrong-scope' };
    if (claims.data.exp <= this.now().getTime() / 1000) return { ok: false, problem: 'expired' };
    return { ok: true, claims: claims.data };
  }

  /** Seconds until the token's expiry, never negative. */
  secondsLeft(claims: TokenClaims): number {
    return Math.max(0, claims.exp - Math.floor(this.now().getTime() / 1000));
  }

  private sign(unsigned: string): string {
    return createHmac('sha256', this.key).update(unsigned).digest('base64url');
  }
}

/** A new conversation id: unguessable, URL-safe. */
export function newConversationId(): string {
  return randomBytes(16).toString('base64url');
}

/**
 * A new visitor id. The "dl_" prefix is Direct Line's mark of an id the service put in the token
 * itself; Web Chat and its client refuse to let a page choose such an id.
 */
export function newVisitorId(): string {
  return `dl_${randomBytes(12).toString('base64url')}`;
}

function base64url(text: string): string {
  return Buffer.from(text, 'utf8').toString('base64url');
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}
