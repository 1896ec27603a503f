import type { RateLimiter, RateRule } from '../limits/rateLimiter';

/**
 * How many sign-in attempts are counted before the password is looked at (configuration:
 * STAFF_SIGN_IN_LIMIT_PER_SOURCE, STAFF_SIGN_IN_LIMIT_PER_ACCOUNT). The tight per-source limit stops
 * guessing from one place; the loose per-account one stops guessing spread over many places, and is
 * high enough that one stranger cannot lock a lineman out everywhere.
 */
export interface SignInRules {
  perAccountAndSource: RateRule;
  perAccount: RateRule;
}

export const DEFAULT_SIGN_IN_RULES: SignInRules = {
  perAccountAndSource: { limit: 5, windowSeconds: 15 * 60 },
  perAccount: { limit: 50, windowSeconds: 15 * 60 },
};

/** Whether an attempt may go on to the password; when not, whether it is the first refusal of its window. */
export type SignInAdmission = { admitted: true } | { admitted: false; retryAfterSeconds: number; firstRefusal: boolean };

const accountAndSourceKey = (username: string, source: string) => `sign-in:account-source:${username}:${source}`;
const accountKey = (username: string) => `sign-in:account:${username}`;

/**
 * Counts one sign-in attempt atomically and on every instance at once, before the
 * password is verified: simultaneous guesses cannot all slip through while the first ones are still
 * being checked. A right password gives its attempt back (signInSucceeded), so only wrong ones add up. An attempt refused per source is not counted for the account, so the source that
 * hammers uses up its own allowance, not the account's.
 */
export async function admitSignIn(limiter: RateLimiter, rules: SignInRules, username: string, source: string): Promise<SignInAdmission> {
  const fromSource = await limiter.consume(accountAndSourceKey(username, source), rules.perAccountAndSource);
  const decision = fromSource.allowed ? await limiter.consume(accountKey(username), rules.perAccount) : fromSource;
  if (decision.allowed) return { admitted: true };
  const scope = fromSource.allowed ? username : `${username}:${source}`;
  // One audit entry per closed window, not one per refused attempt: a flood of refusals is one fact.
  const first = await limiter.consume(`sign-in:refusal-noted:${scope}`, { limit: 1, windowSeconds: decision.retryAfterSeconds });
  return { admitted: false, retryAfterSeconds: decision.retryAfterSeconds, firstRefusal: first.allowed };
}

/**
 * An admitted attempt had the right password: it is no guess, so it does not count. Staff sign in
 * once per browser tab, and a supervisor with the ops and field pages open is not guessing.
 */
export async function signInSucceeded(limiter: RateLimiter, username: string, source: string): Promise<void> {
  await limiter.refund(accountAndSourceKey(username, source));
  await limiter.refund(accountKey(username));
}
