import { ActivityTypes, TurnContext, type BotAdapter, type ConversationReference } from 'botbuilder';

/**
 * A turn context for a message the bot starts itself (an agent's reply, a ticket update) in a
 * conversation it knows by reference: what every adapter's continueConversation runs its logic in.
 */
export function continuationContext(
  adapter: BotAdapter,
  reference: Partial<ConversationReference>,
  at: Date,
): TurnContext {
  const activity = TurnContext.applyConversationReference(
    { type: ActivityTypes.Event, name: 'continueConversation', timestamp: at },
    reference,
    true,
  );
  return new TurnContext(adapter, activity);
}
