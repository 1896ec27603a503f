import { systemClock, type Clock } from '../../domain/clock';
import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { openToken, signToken } from '../../auth/signedToken';

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
    private readonly now: Clock = systemClock,
  ) {
    this.key = Buffer.from(secret, 'utf8');
  }

  /** A token for `conv` and `user`, valid for `ttlSeconds` from now. */
  issue(subject: { user: string; conv: string }, scope: TokenScope, ttlSeconds: number): string {
    const iat = Math.floor(this.now().getTime() / 1000);
    const claims: TokenClaims = { user: subject.user, conv: subject.conv, scope, iat, exp: iat + ttlSeconds };
    return signToken(this.key, claims);
  }

  /** The claims of a genuine, unexpired token of the given scope. */
  check(token: string, scope: TokenScope): TokenCheck {
    const opened = openToken(this.key, token);
    if (!opened.ok) return opened;
    const claims = ClaimsSchema.safeParse(opened.claims);
    if (!claims.success) return { ok: false, problem: 'malformed' };
    if (claims.data.scope !== scope) return { ok: false, problem: 'wrong-scope' };
    if (claims.data.exp <= this.now().getTime() / 1000) return { ok: false, problem: 'expired' };
    return { ok: true, claims: claims.data };
  }

  /** Seconds until the token's expiry, never negative. */
  secondsLeft(claims: TokenClaims): number {
    return Math.max(0, claims.exp - Math.floor(this.now().getTime() / 1000));
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

