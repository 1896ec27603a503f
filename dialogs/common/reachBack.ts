import { TurnContext } from 'botbuilder';
import { conversationKey } from '../../src/conversations/conversationReferenceStore';
import type { DialogServices } from '../services';

/**
 * Keeps how to reach this conversation again, for what will be said in it later without the
 * consumer asking: ticket updates, an agent's replies.
 */
export async function rememberHowToReach(services: DialogServices, context: TurnContext): Promise<void> {
  await services.conversations.recordInbound(
    conversationKey(context.activity.channelId, context.activity.conversation.id),
    TurnContext.getConversationReference(context.activity),
    services.now(),
  );
}
