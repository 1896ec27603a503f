import type { RateLimiter, RateRule } from './rateLimiter';

/**
 * How many different CA numbers may be looked up (configuration: CONSUMER_LOOKUP_LIMIT_PER_CONVERSATION,
 * CONSUMER_LOOKUP_LIMIT_PER_SOURCE). Per conversation stops one chat walking through CA numbers; per
 * source stops a stranger who opens a new chat each time the first limit is reached.
 */
export interface LookupRules {
  perConversation: RateRule;
  perSource: RateRule;
}

/** Who asks for a look-up: the conversation, and the client address it came from when the channel knows one. */
export interface LookupAsker {
  conversationId: string;
  /** The web chat client's address (see requestSource); null where the channel has none (WhatsApp: the sender is the conversation). */
  source: string | null;
}

/** What `admitLookup` decided; a refusal says which limit was reached. */
export type LookupDecision = { allowed: true } | { allowed: false; limited: 'conversation' | 'source'; retryAfterSeconds: number };

/**
 * Counts one look-up of a CA number, when it is a CA this conversation (and this source) has not
 * looked up in the window: a consumer checking their own connection again and again, in one chat or
 * in a new one, is not counted; a stranger walking through CA numbers to read balances is. A refused
 * look-up gives back what it counted, so it counts when the asker may look again.
 */
export async function admitLookup(limiter: RateLimiter, rules: LookupRules, asker: LookupAsker, caNumber: string): Promise<LookupDecision> {
  const taken: string[] = [];
  const refuse = async (limited: 'conversation' | 'source', retryAfterSeconds: number): Promise<LookupDecision> => {
    for (const key of taken) await limiter.refund(key);
    return { allowed: false, limited, retryAfterSeconds };
  };

  const seenInConversation = `lookup:seen:${asker.conversationId}:${caNumber}`;
  const firstInConversation = await limiter.consume(seenInConversation, { limit: 1, windowSeconds: rules.perConversation.windowSeconds });
  // Already looked up here: counted (for the source too) when it was first.
  if (!firstInConversation.allowed) return { allowed: true };
  taken.push(seenInConversation);
  const conversation = await limiter.consume(`lookup:conversation:${asker.conversationId}`, rules.perConversation);
  if (!conversation.allowed) return refuse('conversation', conversation.retryAfterSeconds);
  taken.push(`lookup:conversation:${asker.conversationId}`);

  if (asker.source === null) return { allowed: true };
  const seenFromSource = `lookup:source-seen:${asker.source}:${caNumber}`;
  const firstFromSource = await limiter.consume(seenFromSource, { limit: 1, windowSeconds: rules.perSource.windowSeconds });
  if (!firstFromSource.allowed) return { allowed: true };
  taken.push(seenFromSource);
  const source = await limiter.consume(`lookup:source:${asker.source}`, rules.perSource);
  if (!source.allowed) return refuse('source', source.retryAfterSeconds);
  return { allowed: true };
}
