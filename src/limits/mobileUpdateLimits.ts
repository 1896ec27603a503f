import type { RateDecision, RateLimiter, RateRule } from './rateLimiter';

/** The two limits on changing a registered mobile (configuration: MOBILE_UPDATE_LIMIT_PER_CA, OTP_LIMIT_PER_MOBILE). */
export interface MobileUpdateRules {
  perCa: RateRule;
  otpsPerMobile: RateRule;
}

/** Why a change may not start now, and for how long. */
export type MobileUpdateRefusal =
  | { limited: 'connection'; retryAfterSeconds: number }
  | { limited: 'number'; mobile: string; retryAfterSeconds: number };

/**
 * Counts one attempt to change this connection's mobile and one OTP to each number it would send to,
 * whichever conversation or instance asks. The CA's count comes first: a stranger guessing proofs for
 * one connection is stopped there, and an SMS flood at one number is stopped at that number.
 */
export async function admitMobileUpdate(
  limiter: RateLimiter,
  rules: MobileUpdateRules,
  caNumber: string,
  otpTo: readonly string[],
): Promise<MobileUpdateRefusal | null> {
  const connection: RateDecision = await limiter.consume(`mobile-update:ca:${caNumber}`, rules.perCa);
  if (!connection.allowed) return { limited: 'connection', retryAfterSeconds: connection.retryAfterSeconds };
  for (const mobile of otpTo) {
    const number = await limiter.consume(`otp:to:${mobile}`, rules.otpsPerMobile);
    if (!number.allowed) return { limited: 'number', mobile, retryAfterSeconds: number.retryAfterSeconds };
  }
  return null;
}
