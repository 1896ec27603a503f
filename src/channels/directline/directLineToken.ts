import { systemClock, type Clock } from '../../domain/clock';
import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { openToken, signToken } from '../../auth/signedToken';

/**
 * What a token lets its holder do: `conversation` tokens call the REST API; a `stream` ticket only
 * opens the WebSocket of its conversation, once, so a leaked stream URL cannot post nor listen in.
 */
export type TokenScope = 'conversation' | 'stream';

/** The claims Sampark signs. Web Chat reads `user` to know which side of the transcript is the visitor. */
export interface TokenClaims {
  user: string;
  conv: string;
  scope: TokenScope;
  iat: number;
  exp: number;
  /** When the conversation's first token was issued: refreshes keep it, so a conversation's tokens have an end. */
  orig: number;
  /** Unique per token: what makes a stream ticket single use. */
  jti: string;
}

/** Why a token was refused. */
export type TokenProblem = 'malformed' | 'forged' | 'expired' | 'wrong-scope';

/** The verdict on a token: its claims, or why it was refused. */
export type TokenCheck = { ok: true; claims: TokenClaims } | { ok: false; problem: TokenProblem };

/** Tokens issued before `orig` and `jti` existed read as first tokens without an id (a ticket without one is refused). */
const ClaimsSchema = z
  .object({
    user: z.string().min(1).max(128),
    conv: z.string().min(1).max(128),
    scope: z.enum(['conversation', 'stream']),
    iat: z.number().int(),
    exp: z.number().int(),
    orig: z.number().int().optional(),
    jti: z.string().max(64).default(''),
  })
  .transform((claims): TokenClaims => ({ ...claims, orig: claims.orig ?? claims.iat }));

/** Signs and checks Direct Line tokens: JWTs with HMAC-SHA256, so Web Chat can read the `user` claim. */
export class DirectLineTokens {
  private readonly key: Buffer;

  constructor(
    secret: string,
    private readonly now: Clock = systemClock,
  ) {
    this.key = Buffer.from(secret, 'utf8');
  }

  /**
   * A token for `conv` and `user`, valid for `ttlSeconds` from now; `orig` is the first issue time of
   * a token it refreshes (now for a first token).
   */
  issue(subject: { user: string; conv: string }, scope: TokenScope, ttlSeconds: number, orig?: number): string {
    const iat = Math.floor(this.now().getTime() / 1000);
    const claims: TokenClaims = {
      user: subject.user,
      conv: subject.conv,
      scope,
      iat,
      exp: iat + ttlSeconds,
      orig: orig ?? iat,
      jti: randomBytes(16).toString('base64url'),
    };
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

  /** Seconds since the conversation's first token was issued. */
  age(claims: TokenClaims): number {
    return Math.floor(this.now().getTime() / 1000) - claims.orig;
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

