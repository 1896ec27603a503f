import type { RateDecision, RateLimiter, RateRule } from './rateLimiter';

/**
 * Counts one look-up of a CA number by a conversation, when it is a CA this conversation has not
 * looked up in the window: a consumer checking their own connection again and again is not counted,
 * a stranger walking through CA numbers to read balances is (configuration:
 * CONSUMER_LOOKUP_LIMIT_PER_CONVERSATION).
 */
export async function admitLookup(limiter: RateLimiter, rule: RateRule, conversationId: string, caNumber: string): Promise<RateDecision> {
  const seenKey = `lookup:seen:${conversationId}:${caNumber}`;
  const firstTime = await limiter.consume(seenKey, { limit: 1, windowSeconds: rule.windowSeconds });
  if (!firstTime.allowed) return { allowed: true, retryAfterSeconds: 0 };
  const decision = await limiter.consume(`lookup:conversation:${conversationId}`, rule);
  // A refused CA was not looked up, so it must count when the conversation may look again.
  if (!decision.allowed) await limiter.refund(seenKey);
  return decision;
}
