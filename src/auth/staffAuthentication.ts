import { systemClock, type Clock } from '../domain/clock';
import { MemoryRateLimiter } from '../limits/memoryRateLimiter';
import type { RateLimiter } from '../limits/rateLimiter';
import { verifyPassword } from './passwordHash';
import type { AuditLog } from './auditLog';
import { MemorySessionRevocations } from './memorySessionRevocations';
import type { SessionRevocations } from './sessionRevocations';
import type { SessionTokens, StaffSession } from './sessionTokens';
import { admitSignIn, DEFAULT_SIGN_IN_RULES, signInSucceeded, type SignInRules } from './signInLimits';
import { displayNameOf, type StaffAccount, type StaffIdentity, type StaffRole } from './staff';

/** The outcome of a sign-in: a session, or why not (the same answer for an unknown name and a wrong password). */
export type SignIn =
  | { ok: true; identity: StaffIdentity; token: string; expiresAt: string; expiresInSeconds: number }
  | { ok: false; problem: 'wrong_credentials' }
  | { ok: false; problem: 'locked'; retryAfterSeconds: number };

/** The outcome of checking a request's bearer token against the roles an endpoint allows. */
export type Authorization =
  | { ok: true; identity: StaffIdentity }
  | { ok: false; status: 401 | 403; problem: 'no_session' | 'forbidden' };

/** A hash to verify against for unknown usernames, so a miss takes as long as a wrong password. */
const DECOY_HASH = 'scrypt$16384$8$5$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA';

/** What StaffAuthentication shares with other instances; the embedded defaults count in this process. */
export interface StaffAuthenticationOptions {
  /** Counts sign-in attempts; the Redis one in production, so the limits hold across instances. */
  limiter?: RateLimiter;
  signInRules?: SignInRules;
  /** Sessions signed out before their time; the Redis one in production, so sign-out holds everywhere. */
  revocations?: SessionRevocations;
  now?: Clock;
}

/** Signs staff in and checks their sessions; every sign-in attempt is audited, a flood of refused ones once. */
export class StaffAuthentication {
  private readonly accounts: Map<string, StaffAccount>;
  private readonly limiter: RateLimiter;
  private readonly signInRules: SignInRules;
  private readonly revocations: SessionRevocations;
  private readonly now: Clock;

  constructor(
    accounts: readonly StaffAccount[],
    private readonly tokens: SessionTokens,
    private readonly audit: AuditLog,
    options: StaffAuthenticationOptions = {},
  ) {
    this.accounts = new Map(accounts.map((account) => [account.username, account]));
    this.now = options.now ?? systemClock;
    this.limiter = options.limiter ?? new MemoryRateLimiter(this.now);
    this.signInRules = options.signInRules ?? DEFAULT_SIGN_IN_RULES;
    this.revocations = options.revocations ?? new MemorySessionRevocations(this.now);
  }

  /** `source` is who is asking (see requestSource): the attempts counted against the account come from it. */
  async signIn(username: string, password: string, source: string): Promise<SignIn> {
    const name = username.trim().toLowerCase();
    const account = this.accounts.get(name);
    // A name that is no account is not recorded: people type their mobile number, or the password, there.
    const actor = account?.username ?? 'unknown';
    const admission = await admitSignIn(this.limiter, this.signInRules, name, source);
    if (!admission.admitted) {
      if (admission.firstRefusal) {
        await this.record(actor, account?.role ?? 'unknown', 'sign_in_refused', { reason: 'locked', retryAfterSeconds: admission.retryAfterSeconds });
      }
      return { ok: false, problem: 'locked', retryAfterSeconds: admission.retryAfterSeconds };
    }
    const matches = await verifyPassword(password, account?.passwordHash ?? DECOY_HASH);
    if (!account || !matches) {
      await this.record(actor, account?.role ?? 'unknown', 'sign_in_failed', {});
      return { ok: false, problem: 'wrong_credentials' };
    }
    await signInSucceeded(this.limiter, name, source);
    const identity = identityOf(account);
    await this.record(account.username, account.role, 'sign_in', {});
    return { ok: true, identity, ...this.tokens.issue(identity) };
  }

  /** Accounts in one of `roles`, as identities (no hashes): whom a conversation can be handed to. */
  members(roles: readonly StaffRole[]): StaffIdentity[] {
    return [...this.accounts.values()]
      .filter((account) => roles.includes(account.role))
      .map(identityOf);
  }

  /** The name consumers are told for this account (see displayNameOf); null for no such account. */
  displayName(username: string): string | null {
    const account = this.accounts.get(username);
    return account ? displayNameOf(account) : null;
  }

  /**
   * Checks an `Authorization: Bearer …` header against the roles allowed. The role and area are the
   * account's as configured now, not as signed into the token: a lineman moved to another section,
   * or no longer in the field, loses the old one at once rather than at the end of the shift. A
   * signed-in member of staff calling what their role may not (`endpoint`) is audited: a console
   * never does that, so somebody is trying.
   */
  async authorize(header: string | undefined, allowed: readonly StaffRole[], endpoint: string): Promise<Authorization> {
    const session = await this.session(header);
    const account = session ? this.accounts.get(session.identity.username) : undefined;
    if (!account) return { ok: false, status: 401, problem: 'no_session' };
    if (!allowed.includes(account.role)) {
      await this.record(account.username, account.role, 'access_refused', { endpoint });
      return { ok: false, status: 403, problem: 'forbidden' };
    }
    return { ok: true, identity: identityOf(account) };
  }

  /** Ends the header's session on every instance; false when there was no live session to end. */
  async signOut(header: string | undefined): Promise<boolean> {
    const session = await this.session(header);
    if (!session) return false;
    await this.revocations.revoke(session.tokenId, session.expiresAt);
    const account = this.accounts.get(session.identity.username);
    await this.record(session.identity.username, account?.role ?? session.identity.role, 'sign_out', {});
    return true;
  }

  /** The header's token when it is genuine, unexpired and not signed out. */
  private async session(header: string | undefined): Promise<StaffSession | null> {
    const token = /^Bearer (\S+)$/.exec(header ?? '')?.[1];
    const session = token ? this.tokens.verify(token) : null;
    if (!session || (await this.revocations.isRevoked(session.tokenId))) return null;
    return session;
  }

  private record(actor: string, role: string, action: string, detail: Record<string, string | number>): Promise<void> {
    return this.audit.record({ at: this.now().toISOString(), actor, role, action, subject: null, detail });
  }
}

/** An account as the rest of Sampark sees it: no password hash. */
function identityOf({ username, name, role, area }: StaffAccount): StaffIdentity {
  return { username, name, role, ...(area ? { area } : {}) };
}
