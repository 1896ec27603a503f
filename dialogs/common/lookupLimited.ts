import type { TurnContext } from 'botbuilder';
import { requestSourceOf } from '../../src/conversations/requestSourceOfTurn';
import { admitLookup, type LookupAsker, type LookupDecision } from '../../src/limits/consumerLookupLimits';
import { maskSource } from '../../src/limits/requestSource';
import type { DialogServices } from '../services';
import { translate } from './replies';

/**
 * Whether this turn may read `caNumber`'s connection (balance, meter status), counted per
 * conversation and, on web chat, per client address (see admitLookup). When not, the consumer has
 * been told and the operator has a log line: the caller just stops.
 */
export async function lookupAdmitted(services: DialogServices, context: TurnContext, caNumber: string): Promise<boolean> {
  const asker: LookupAsker = { conversationId: context.activity.conversation.id, source: requestSourceOf(context) };
  const decision = await admitLookup(services.limiter, services.policy.lookupLimits, asker, caNumber);
  if (decision.allowed) return true;
  await tellLookupLimited(services, context, asker, decision);
  return false;
}

/**
 * Tells a consumer whose look-up a limit refused when they may look again and that the helpline can
 * help now, and tells the operator which conversation, or which network (masked), is reading so many.
 */
async function tellLookupLimited(
  services: DialogServices,
  context: TurnContext,
  asker: LookupAsker,
  refusal: Extract<LookupDecision, { allowed: false }>,
): Promise<void> {
  const { retryAfterSeconds } = refusal;
  const hours = Math.ceil(retryAfterSeconds / 3600);
  const helpline = services.policy.helplineNumber;
  const t = translate(services, context);
  if (refusal.limited === 'source') {
    services.logger.warn(
      { source: maskSource(asker.source ?? ''), conversation: asker.conversationId, retryAfterSeconds },
      'consumer look-ups limited for a source',
    );
    // i18next picks "in about an hour" or "after N hours" from the count.
    await context.sendActivity(t('limits.lookupsSource', { count: hours, helpline }));
    return;
  }
  services.logger.warn({ conversation: asker.conversationId, retryAfterSeconds }, 'consumer look-ups limited for a conversation');
  await context.sendActivity(t('limits.lookups', { hours, helpline }));
}
