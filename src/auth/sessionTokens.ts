import { createHmac, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import { AreaScopeSchema, StaffRoleSchema, type StaffIdentity } from './staff';

const HEADER = Buffer.from(JSON.stringify({ alg: 'HS256', typ: 'JWT' })).toString('base64url');

const ClaimsSchema = z.object({
  sub: z.string(),
  name: z.string(),
  role: StaffRoleSchema,
  area: AreaScopeSchema.optional(),
  iat: z.number().int(),
  exp: z.number().int(),
});

/** Signed, expiring session tokens for staff (JWT, HMAC-SHA256): any instance can check them. */
export class SessionTokens {
  private readonly key: Buffer;

  constructor(
    secret: string,
    private readonly ttlSeconds: number,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.key = Buffer.from(secret, 'utf8');
  }

  /** A token for this identity and when it expires. */
  issue(identity: StaffIdentity): { token: string; expiresAt: string } {
    const iat = Math.floor(this.now().getTime() / 1000);
    const exp = iat + this.ttlSeconds;
    const claims = { sub: identity.username, name: identity.name, role: identity.role, ...(identity.area ? { area: identity.area } : {}), iat, exp };
    const unsigned = `${HEADER}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}`;
    return { token: `${unsigned}.${this.sign(unsigned)}`, expiresAt: new Date(exp * 1000).toISOString() };
  }

  /** The identity of a genuine, unexpired token; null otherwise. */
  verify(token: string): StaffIdentity | null {
    const [header, payload, signature] = token.split('.');
    if (header !== HEADER || !payload || !signature) return null;
    const expected = Buffer.from(this.sign(`${header}.${payload}`));
    const given = Buffer.from(signature);
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
    let decoded: unknown;
    try {
      decoded = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
    } catch {
      return null;
    }
    const claims = ClaimsSchema.safeParse(decoded);
    if (!claims.success || claims.data.exp <= this.now().getTime() / 1000) return null;
    const { sub, name, role, area } = claims.data;
    return { username: sub, name, role, ...(area ? { area } : {}) };
  }

  private sign(unsigned: string): string {
    return createHmac('sha256', this.key).update(unsigned).digest('base64url');
  }
}
