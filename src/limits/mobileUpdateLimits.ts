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
 *
 * `registeredSender` is the connection's registered mobile when the channel verified that the request
 * comes from it (WhatsApp from that number), else null. The holder of that number is counted apart,
 * for the connection and for OTPs to their own number: strangers who know only the CA number use up
 * the allowance of strangers, never the consumer's own.
 */
export async function admitMobileUpdate(
  limiter: RateLimiter,
  rules: MobileUpdateRules,
  caNumber: string,
  otpTo: readonly string[],
  registeredSender: string | null,
): Promise<MobileUpdateRefusal | null> {
  const ownKey = (key: string) => `${key}:registered-mobile`;
  const caKey = `mobile-update:ca:${caNumber}`;
  const connection: RateDecision = await limiter.consume(registeredSender ? ownKey(caKey) : caKey, rules.perCa);
  if (!connection.allowed) return { limited: 'connection', retryAfterSeconds: connection.retryAfterSeconds };
  for (const mobile of otpTo) {
    const otpKey = `otp:to:${mobile}`;
    const number = await limiter.consume(mobile === registeredSender ? ownKey(otpKey) : otpKey, rules.otpsPerMobile);
    if (!number.allowed) return { limited: 'number', mobile, retryAfterSeconds: number.retryAfterSeconds };
  }
  return null;
}
