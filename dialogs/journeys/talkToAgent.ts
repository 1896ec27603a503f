import type { TurnContext } from 'botbuilder';
import { WaterfallDialog, type DialogTurnResult, type WaterfallStepContext } from 'botbuilder-dialogs';
import { BackendUnavailableError } from '../../src/backend/meterBackend';
import { languageOf, recognitionOf } from '../../src/bot/turnState';
import { verifiedMobileOf } from '../../src/conversations/verifiedSender';
import { istDate } from '../../src/domain/indianTime';
import { maskMobile } from '../../src/domain/mask';
import { AgentHours } from '../../src/handoff/agentHours';
import type { CallBackReason, PhoneSource } from '../../src/handoff/callBacks/callBack';
import { handoffInitiation, sendHandoffEvent } from '../../src/handoff/handoffEvents';
import type { HandoffRequest } from '../../src/handoff/handoffQueue';
import { expectedWaitMinutes } from '../../src/handoff/queueWait';
import { AskDialog, type Answer } from '../common/askDialog';
import { parseMobileAnswer } from '../common/parsers';
import { rememberHowToReach } from '../common/reachBack';
import { translate } from '../common/replies';
import { DialogIds } from '../dialogIds';
import type { DialogServices } from '../services';
import { yesNoQuestion, type JourneyOptions } from './journeyOptions';

const ID = 'talk_to_agent';
const OFFER_CALL_BACK = 'talk_to_agent.callBack';
const CALL_BACK_NUMBER = 'talk_to_agent.callBackNumber';
const ASK_CALL_BACK_NUMBER = 'talk_to_agent.askCallBackNumber';

/** What the journey ends with once the agent side has the conversation: the bot asks nothing more. */
export const HANDED_OVER = { handedOver: true } as const;

/** Whether a dialog's result says the conversation went to the agent side. */
export function wasHandedOver(result: unknown): boolean {
  return (result as Partial<typeof HANDED_OVER> | undefined)?.handedOver === true;
}

/** A number to call and where it came from. */
interface PhoneToCall {
  phone: string;
  source: PhoneSource;
}

/** What the call-back number dialog keeps between its steps. */
interface CallBackValues {
  /** The number Sampark already knows (WhatsApp's, or the registered one), offered first. */
  known: PhoneToCall | null;
  chosen?: PhoneToCall;
}

/**
 * "Insaan se baat karao": within agent hours, queues the conversation for a 1912 agent (with the bot
 * conversation so far, for the agent and as the handoff.initiate event's transcript) and tells the
 * consumer their place and wait; outside them, says when agents are in and offers a call back, which
 * goes on the agents' call-back list with a number the consumer confirmed.
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
        if (answer.answered) return answerCallBackOffer(services, step, answer.value, 'outside_agent_hours');
        return step.endDialog();
      },
    ]),
    new WaterfallDialog<{ reason: CallBackReason }>(CALL_BACK_NUMBER, [
      // The number to call is confirmed in the chat: the one Sampark knows if there is one, else typed.
      async (step) => {
        const known = await numberOnRecord(services, step.context);
        (step.values as CallBackValues).known = known;
        if (!known) return step.next();
        const t = translate(services, step.context);
        return step.beginDialog(
          DialogIds.askYesNo,
          yesNoQuestion('agent.callBack.confirmNumber', { mobile: maskMobile(known.phone), source: t(`agent.callBack.source.${known.source}`) }),
        );
      },
      async (step) => {
        const values = step.values as CallBackValues;
        const confirmed = step.result as Answer<boolean> | undefined;
        if (values.known && confirmed?.answered && confirmed.value) {
          values.chosen = values.known;
          return step.next();
        }
        if (confirmed && !confirmed.answered) return declined(services, step);
        return step.beginDialog(ASK_CALL_BACK_NUMBER, { key: 'agent.callBack.askNumber' });
      },
      async (step) => {
        const values = step.values as CallBackValues;
        const typed = step.result as Answer<string> | undefined;
        const chosen = values.chosen ?? (typed?.answered ? { phone: typed.value, source: 'typed' as const } : null);
        if (!chosen) return declined(services, step);
        await registerCallBack(services, step.context, chosen, step.options.reason);
        return step.endDialog();
      },
    ]),
    new AskDialog(ASK_CALL_BACK_NUMBER, services, parseMobileAnswer),
  ];
}

/** A yes to a call back goes on to confirm the number to call; a no points to the helpline. */
export async function answerCallBackOffer(services: DialogServices, step: WaterfallStepContext, yes: boolean, reason: CallBackReason): Promise<DialogTurnResult> {
  if (!yes) return declined(services, step);
  return step.replaceDialog(CALL_BACK_NUMBER, { reason });
}

async function declined(services: DialogServices, step: WaterfallStepContext): Promise<DialogTurnResult> {
  await step.context.sendActivity(translate(services, step.context)('agent.callBackDeclined', { helpline: services.policy.helplineNumber }));
  return step.endDialog();
}

/**
 * The number Sampark can offer to call: the one a WhatsApp message came from (the channel vouches
 * for it), else the mobile registered with the connection the consumer named; none when the backend
 * does not answer, and the consumer types one.
 */
async function numberOnRecord(services: DialogServices, context: TurnContext): Promise<PhoneToCall | null> {
  const whatsApp = verifiedMobileOf(context);
  if (whatsApp) return { phone: whatsApp, source: 'whatsapp' };
  const caNumber = (await services.memory.sessionOf(context)).caNumber;
  if (!caNumber) return null;
  try {
    const mobile = (await services.backend.findConsumer(caNumber))?.mobile ?? null;
    return mobile ? { phone: mobile, source: 'registered' } : null;
  } catch (error) {
    if (error instanceof BackendUnavailableError) return null;
    throw error;
  }
}

/** Puts the call on the agents' list, due when they are next in, and tells the consumer on which number and when. */
async function registerCallBack(services: DialogServices, context: TurnContext, to: PhoneToCall, reason: CallBackReason): Promise<void> {
  const session = await services.memory.sessionOf(context);
  const hours = AgentHours.parse(services.policy.agentHours);
  const now = services.now();
  const urgent = session.urgent === true;
  const { callBack, alreadyWaiting } = await services.callBacks.request({
    conversationId: context.activity.conversation.id,
    channel: context.activity.channelId,
    language: languageOf(context),
    caNumber: session.caNumber ?? null,
    phone: to.phone,
    phoneSource: to.source,
    reason,
    urgent,
    requestedAt: now.toISOString(),
    dueAt: hours.nextOpenAt(now).toISOString(),
  });
  await rememberHowToReach(services, context);
  const t = translate(services, context);
  const dueAt = new Date(callBack.request.dueAt);
  const when =
    dueAt <= now
      ? t('agent.callBack.when.soon')
      : t(istDate(dueAt) === istDate(now) ? 'agent.callBack.when.today' : 'agent.callBack.when.tomorrow', { time: hours.opensAt });
  const told = t(alreadyWaiting ? 'agent.callBack.alreadyWaiting' : 'agent.callBack.registered', {
    id: callBack.id,
    mobile: maskMobile(callBack.request.phone),
    when,
  });
  await context.sendActivity(callBack.request.urgent ? `${told} ${t('agent.callBack.urgent')}` : told);
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
