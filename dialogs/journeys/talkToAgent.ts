import { WaterfallDialog } from 'botbuilder-dialogs';
import { languageOf, recognitionOf } from '../../src/bot/turnState';
import { rememberHowToReach } from '../common/reachBack';
import { translate } from '../common/replies';
import type { DialogServices } from '../services';

const ID = 'talk_to_agent';

/** "Insaan se baat karao": queues the conversation for a 1912 agent and tells the consumer their place. */
export function talkToAgentDialogs(services: DialogServices) {
  return [
    new WaterfallDialog(ID, [
      async (step) => {
        const context = step.context;
        const session = await services.memory.sessionOf(context);
        const placement = await services.handoff.enqueue({
          conversationId: context.activity.conversation.id,
          channel: context.activity.channelId,
          language: languageOf(context),
          reason: 'consumer_asked',
          caNumber: session.caNumber ?? null,
          lastIntent: recognitionOf(context)?.intent ?? null,
          requestedAt: services.now().toISOString(),
        });
        await rememberHowToReach(services, context);
        const t = translate(services, context);
        const key = placement.alreadyQueued ? 'agent.alreadyQueued' : 'agent.queued';
        await context.sendActivity(t(key, { position: placement.position, helpline: services.policy.helplineNumber }));
        return step.endDialog();
      },
    ]),
  ];
}
