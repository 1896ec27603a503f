import { randomUUID } from 'node:crypto';
import { systemClock, type Clock } from '../domain/clock';
import { z } from 'zod';
import { openToken, signToken } from './signedToken';
import { AreaScopeSchema, StaffRoleSchema, type StaffIdentity } from './staff';

const ClaimsSchema = z.object({
  sub: z.string(),
  name: z.string(),
  role: StaffRoleSchema,
  area: AreaScopeSchema.optional(),
  iat: z.number().int(),
  exp: z.number().int(),
  /** The token's own id, what sign-out revokes. */
  jti: z.string().min(1),
});

/** A genuine, unexpired session token: whose it is, its id, and when it expires (seconds since the epoch). */
export interface StaffSession {
  identity: StaffIdentity;
  tokenId: string;
  expiresAt: number;
}

/** Signed, expiring session tokens for staff (JWT, HMAC-SHA256): any instance can check them. */
export class SessionTokens {
  private readonly key: Buffer;

  constructor(
    secret: string,
    private readonly ttlSeconds: number,
    private readonly now: Clock = systemClock,
  ) {
    this.key = Buffer.from(secret, 'utf8');
  }

  /**
   * A token for this identity, when it expires, and in how many seconds: a page times the session by
   * its own clock from the latter, since a phone's clock may be hours off the server's.
   */
  issue(identity: StaffIdentity): { token: string; expiresAt: string; expiresInSeconds: number } {
    const iat = Math.floor(this.now().getTime() / 1000);
    const exp = iat + this.ttlSeconds;
    const claims = { sub: identity.username, name: identity.name, role: identity.role, ...(identity.area ? { area: identity.area } : {}), iat, exp, jti: randomUUID() };
    return { token: signToken(this.key, claims), expiresAt: new Date(exp * 1000).toISOString(), expiresInSeconds: this.ttlSeconds };
  }

  /** The session of a genuine, unexpired token; null otherwise. Whether it was revoked is not its business. */
  verify(token: string): StaffSession | null {
    const opened = openToken(this.key, token);
    if (!opened.ok) return null;
    const claims = ClaimsSchema.safeParse(opened.claims);
    if (!claims.success || claims.data.exp <= this.now().getTime() / 1000) return null;
    const { sub, name, role, area, jti, exp } = claims.data;
    return { identity: { username: sub, name, role, ...(area ? { area } : {}) }, tokenId: jti, expiresAt: exp };
  }
}
