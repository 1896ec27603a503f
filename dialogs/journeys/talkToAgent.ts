import type { TurnContext } from 'botbuilder';
import { WaterfallDialog } from 'botbuilder-dialogs';
import { languageOf, recognitionOf } from '../../src/bot/turnState';
import { AgentHours } from '../../src/handoff/agentHours';
import { handoffInitiation, sendHandoffEvent } from '../../src/handoff/handoffEvents';
import type { HandoffRequest } from '../../src/handoff/handoffQueue';
import { expectedWaitMinutes } from '../../src/handoff/queueWait';
import type { Answer } from '../common/askDialog';
import { escalate } from '../common/escalation';
import { rememberHowToReach } from '../common/reachBack';
import { translate } from '../common/replies';
import { DialogIds } from '../dialogIds';
import type { DialogServices } from '../services';
import { yesNoQuestion, type JourneyOptions } from './journeyOptions';

const ID = 'talk_to_agent';
const OFFER_CALL_BACK = 'talk_to_agent.callBack';

/** What the journey ends with once the agent side has the conversation: the bot asks nothing more. */
export const HANDED_OVER = { handedOver: true } as const;

/** Whether a dialog's result says the conversation went to the agent side. */
export function wasHandedOver(result: unknown): boolean {
  return (result as Partial<typeof HANDED_OVER> | undefined)?.handedOver === true;
}

/** Why the consumer gets a call back instead of a chat with an agent. */
type CallBackReason = 'outside_agent_hours' | 'no_agent_in_time';

/**
 * "Insaan se baat karao": within agent hours, queues the conversation for a 1912 agent (with the bot
 * conversation so far, for the agent and as the handoff.initiate event's transcript) and tells the
 * consumer their place and wait; outside them, says when agents are in and offers a call-back ticket.
 */
export function talkToAgentDialogs(services: DialogServices) {
  const hours = AgentHours.parse(services.policy.agentHours);
  return [
    new WaterfallDialog(ID, [
      async (step) => {
        if (!hours.isOpen(services.now())) return step.replaceDialog(OFFER_CALL_BACK);
        const options = step.options as Partial<JourneyOptions>;
        await queueForAgent(services, step.context, options.botCouldNotHelp ? 'bot_could_not_help' : 'consumer_asked');
        return step.endDialog(HANDED_OVER);
      },
    ]),
    new WaterfallDialog(OFFER_CALL_BACK, [
      async (step) =>
        step.beginDialog(
          DialogIds.askYesNo,
          yesNoQuestion('agent.closedNow', { opens: hours.opensAt, closes: hours.closesAt, helpline: services.policy.helplineNumber }),
        ),
      async (step) => {
        const answer = step.result as Answer<boolean>;
        if (answer.answered) await answerCallBackOffer(services, step.context, answer.value, 'outside_agent_hours');
        return step.endDialog();
      },
    ]),
  ];
}

/** A yes to a call back opens a call-back ticket (its number and due time are told); a no points to the helpline. */
export async function answerCallBackOffer(services: DialogServices, context: TurnContext, yes: boolean, reason: CallBackReason): Promise<void> {
  if (!yes) {
    await context.sendActivity(translate(services, context)('agent.callBackDeclined', { helpline: services.policy.helplineNumber }));
    return;
  }
  const session = await services.memory.sessionOf(context);
  await escalate(services, context, {
    category: 'callback',
    consumer: null,
    caNumber: session.caNumber ?? null,
    description:
      reason === 'outside_agent_hours'
        ? `The consumer asked for a helpline agent outside agent hours (${services.policy.agentHours} IST); call them back.`
        : `The consumer waited ${services.policy.agentMaxWaitMinutes} minutes for a helpline agent and nobody was free; call them back.`,
  });
}

async function queueForAgent(services: DialogServices, context: TurnContext, reason: HandoffRequest['reason']): Promise<void> {
  const session = await services.memory.sessionOf(context);
  const history = session.history ?? [];
  const request: HandoffRequest = {
    conversationId: context.activity.conversation.id,
    channel: context.activity.channelId,
    language: languageOf(context),
    reason,
    caNumber: session.caNumber ?? null,
    lastIntent: recognitionOf(context)?.intent ?? null,
    requestedAt: services.now().toISOString(),
    ...(session.urgent ? { urgent: true } : {}),
    history,
  };
  const placement = await services.handoff.enqueue(request);
  await rememberHowToReach(services, context);
  if (!placement.alreadyQueued) {
    await sendHandoffEvent(
      context,
      handoffInitiation(
        context,
        {
          reason: request.reason,
          language: request.language,
          caNumber: request.caNumber,
          lastIntent: request.lastIntent,
          urgent: request.urgent === true,
          position: placement.position,
        },
        history,
      ),
      services.logger,
    );
  }
  const t = translate(services, context);
  const key = placement.alreadyQueued ? 'agent.alreadyQueued' : 'agent.queued';
  await context.sendActivity(
    t(key, {
      position: placement.position,
      minutes: expectedWaitMinutes(placement.position, services.policy.agentAverageHandlingMinutes),
      helpline: services.policy.helplineNumber,
    }),
  );
}
