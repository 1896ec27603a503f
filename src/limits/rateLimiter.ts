/**
 * How often something may happen for one key (a CA number, a destination mobile, a staff account):
 * at most `limit` counted events in a window of `windowSeconds` that opens with the first of them.
 * Every instance sharing the store sees the same counts, so a limit holds across conversations and
 * instances, not per conversation.
 */
export interface RateRule {
  limit: number;
  windowSeconds: number;
}

/** What `consume` decided. */
export interface RateDecision {
  allowed: boolean;
  /** Seconds until the window closes and the key may act again; 0 when allowed. */
  retryAfterSeconds: number;
}

/** The rate-limiter port: one store for every limit, each caller naming its keys ("mobile-otp:to:98…"). */
export interface RateLimiter {
  /**
   * Counts one event for `key` under `rule` when the window has room, atomically across instances.
   * A refused event is not counted, so hammering a closed window does not keep it closed longer.
   */
  consume(key: string, rule: RateRule): Promise<RateDecision>;
  /**
   * Gives back one event counted in the key's open window, when what was counted turned out not to
   * be abuse (a sign-in whose password was right): counting first keeps simultaneous requests from
   * slipping through, giving back keeps the honest ones from using up the allowance.
   */
  refund(key: string): Promise<void>;
}
