import type { TurnContext } from 'botbuilder';
import {
  ComponentDialog,
  Dialog,
  WaterfallDialog,
  type DialogContext,
  type DialogTurnResult,
  type WaterfallStepContext,
} from 'botbuilder-dialogs';
import { BackendUnavailableError } from '../src/backend/meterBackend';
import { recognitionOf, setTurnLanguage } from '../src/bot/turnState';
import type { Language } from '../src/i18n/language';
import { parseConsumerNumber } from '../src/domain/consumerNumber';
import { confidenceBand } from '../src/nlu/confidenceBands';
import { keywordIntent } from '../src/nlu/keywords';
import type { IntentId } from '../src/nlu/intents';
import type { Entities, Recognition } from '../src/nlu/recognizer';
import { parseActionPayload, type CampaignAction } from '../src/outreach/campaign';
import type { CampaignContext } from '../src/outreach/campaignFollowUp';
import { isStopRequest } from '../src/outreach/stopRequest';
import type { ConversationStart } from '../src/bot/samparkBot';
import { AskDialog, type Answer } from './common/askDialog';
import { consumerDialogs } from './common/consumerDialog';
import { isClosing, parseConsent, parseYesNo } from './common/parsers';
import { translate, withButtons } from './common/replies';
import { DialogIds } from './dialogIds';
import { isJourney, journeyDialogs, type JourneyIntent } from './journeys';
import type { BackendDownOptions } from './journeys/backendDown';
import { switchLanguage } from './journeys/changeLanguage';
import { answerCallBackOffer, wasHandedOver } from './journeys/talkToAgent';
import type { JourneyOptions } from './journeys/journeyOptions';
import {
  didYouMeanDialog,
  didYouMeanQuestion,
  DID_YOU_MEAN,
  journeyRoute,
  menuDialog,
  menuQuestion,
  thresholdsOf,
  type DidYouMeanReply,
  type DidYouMeanRoute,
  type MenuIntro,
  type Route,
  type Understood,
} from './menuDialog';
import type { DialogServices } from './services';
import { answerAboutService, answerFollowUp } from './common/followUps';
import { clausesOf } from '../src/nlu/clauses';
import { dropsTheMatter } from '../src/understanding/courseChange';
import { distressOf } from '../src/understanding/feelings';
import { healthNeedOf } from '../src/nlu/urgency';
import { followUpOf } from '../src/understanding/followUp';
import { readHardMoment } from '../src/nlu/hardMoments';
import { isAcknowledgement } from '../src/understanding/smallTalk';
import { isQuestion } from '../src/understanding/words';

/**
 * What the bot hands the root dialog when a conversation has no dialog running; `route` is set when
 * the flow starts over on an answer (a menu pick that needs confirming, "neither").
 */
export type RootOptions = ConversationStart & { route?: Route };

/** What the flow keeps between its steps: the "did you mean" offer its answer refers to. */
interface FlowValues {
  offer?: DidYouMeanRoute;
  /** What the first message told (a bare CA number), for the journey the menu pick starts. */
  entities?: Entities;
}

/** Intents that work inside any dialog. */
const INTERRUPTIONS: readonly IntentId[] = ['cancel', 'help', 'change_language', 'talk_to_agent'];

/** Below this score a message inside a dialog is taken as an answer, not an interruption. */
const INTERRUPTION_MIN_SCORE = 0.6;

/**
 * Journeys a second clause may queue: those that answer or ask before they act. A clause read as a
 * fault, an outage or a fraud is too often the same problem in other words ("light cut hai, meter pe
 * minus") to open a second ticket on; a person or a language switch is acted on at once or not at all.
 */
const QUEUEABLE: readonly IntentId[] = [
  'check_balance', 'update_mobile', 'complaint_status', 'how_to_recharge', 'emergency_credit', 'billing_query', 'recharge_not_credited',
];

/** Two "did not understand" in a row: the bot says so and points to an agent. */
const FALLBACKS_BEFORE_AGENT = 2;

/**
 * The conversation's top: routes a message to its journey (or the menu), lets cancel, help, a
 * language switch and "talk to an agent" interrupt any dialog, and turns a backend outage in any
 * journey into an apology with a ticket offer.
 */
export class RootDialog extends ComponentDialog<RootOptions> {
  constructor(private readonly services: DialogServices) {
    super(DialogIds.root);
    const dialogs = [
      ...consumerDialogs(services),
      ...journeyDialogs(services),
      menuDialog(services),
      didYouMeanDialog(services),
      new AskDialog(DialogIds.askYesNo, services, parseYesNo),
      new AskDialog(DialogIds.askConsent, services, parseConsent),
      this.flow(),
    ];
    for (const dialog of dialogs) this.addDialog(dialog);
    this.initialDialogId = DialogIds.rootFlow;
  }

  protected override async onBeginDialog(innerDc: DialogContext, options?: RootOptions): Promise<DialogTurnResult> {
    await this.acknowledgeFeelings(innerDc.context);
    return this.guardBackend(innerDc, () => super.onBeginDialog(innerDc, options));
  }

  protected override async onContinueDialog(innerDc: DialogContext): Promise<DialogTurnResult> {
    // A tapped campaign button is a new request whatever was going on: it starts over from the flow.
    if (this.services.outreach && parseActionPayload(innerDc.context.activity.text ?? '')) {
      await innerDc.cancelAllDialogs();
      return innerDc.beginDialog(DialogIds.rootFlow, { recognition: null } satisfies RootOptions);
    }
    await this.acknowledgeFeelings(innerDc.context);
    const interrupted = await this.interrupt(innerDc);
    if (interrupted) return interrupted;
    return this.guardBackend(innerDc, () => super.onContinueDialog(innerDc));
  }

  /**
   * Route (start a journey, ask "did you mean", or show the menu), then run the journey the route
   * or the answer chose; any other answer starts the flow over on its route.
   */
  private flow(): WaterfallDialog<RootOptions> {
    return new WaterfallDialog<RootOptions>(DialogIds.rootFlow, [
      async (step) => {
        // Nobody took the agent request in time and the consumer was offered a call back: yes or no answers that.
        const callBack = step.options.callBackOffered ? parseYesNo(step.context.activity.text ?? '') : null;
        if (callBack?.ok) return answerCallBackOffer(this.services, step, callBack.value, 'no_agent_in_time');
        // A flow started over on a route has already dealt with its message.
        const campaign = step.options.route ? null : await this.campaignReply(step.context);
        if (campaign === 'stopped') return step.endDialog();
        const text = step.context.activity.text ?? '';
        const understood = step.options.route || campaign ? null : await this.understandOutsideJourney(step.context, text);
        if (understood === 'answered') return step.endDialog();
        const route = step.options.route ?? campaign ?? understood ?? this.routeOfStart(step.options, text);
        if (route !== 'nothingToCancel' && route !== 'closing' && route.to === 'journey' && !step.options.route) {
          await this.queueOtherNeeds(step.context, text, route.intent);
        }
        if (route === 'nothingToCancel' || route === 'closing') {
          (await this.services.memory.sessionOf(step.context)).fallbacksInARow = 0;
          const t = translate(this.services, step.context);
          const withdrawn = route === 'nothingToCancel' && (await this.withdrawAgentRequest(step.context));
          const key = route === 'closing' ? 'common.goodbye' : withdrawn ? 'agent.cancelled' : 'cancel.nothingToCancel';
          await step.context.sendActivity(t(key));
          return step.endDialog();
        }
        (step.values as FlowValues).entities = step.options.recognition?.entities;
        return this.follow(step, route);
      },
      async (step) => {
        const route = this.routeOfAnswer(step);
        if (!route) return step.endDialog();
        if (route.to !== 'journey') return step.replaceDialog(DialogIds.rootFlow, { recognition: null, route } satisfies RootOptions);
        // A typed answer to the menu may name more than one need, as a first message may (a flow started
        // over on a route has queued its message's needs already).
        if (!step.options.route) await this.queueOtherNeeds(step.context, step.context.activity.text ?? '', route.intent);
        const started = (step.values as FlowValues).entities ?? {};
        return step.beginDialog(route.intent, await this.journeyStart(step.context, { ...started, ...route.entities }));
      },
      async (step) => {
        // Queued for an agent: what the consumer writes next is the agent's, so the bot offers nothing.
        if (wasHandedOver(step.result)) return step.endDialog();
        const next = await this.nextNeed(step.context);
        if (next) return step.replaceDialog(DialogIds.rootFlow, { recognition: null, route: next } satisfies RootOptions);
        const t = translate(this.services, step.context);
        await step.context.sendActivity(withButtons(t('common.anythingElse'), [t('common.menu')]));
        return step.endDialog();
      },
    ]);
  }

  /**
   * Where the message that started the flow leads, by confidence band: a journey to start or to
   * confirm, the menu when nothing is understood well enough. Greeting and help show the menu and
   * cancel has nothing to stop whatever the score, since acting on a wrong guess of those costs nothing.
   */
  private routeOfStart({ recognition, startWith }: RootOptions, text: string): Route | 'nothingToCancel' | 'closing' {
    const entities = recognition?.entities ?? {};
    if (!startWith && isClosing(text)) return 'closing';
    const understood: Understood | null = startWith ? { intent: startWith, score: 1, ranked: [], entities } : recognition;
    if (!understood) return { to: 'menu', intro: 'notUnderstood' };
    const thresholds = thresholdsOf(this.services);
    const journey = journeyRoute(understood, thresholds);
    if (journey) return journey;
    if (understood.intent === 'none' || confidenceBand(understood.score, thresholds) === 'fallback') {
      return { to: 'menu', intro: 'notUnderstood' };
    }
    if (understood.intent === 'cancel') return 'nothingToCancel';
    return { to: 'menu', intro: understood.intent === 'help' ? 'help' : 'welcome' };
  }

  private async follow(step: WaterfallStepContext<RootOptions>, route: Route): Promise<DialogTurnResult> {
    switch (route.to) {
      case 'journey':
        return step.next({ answered: true, value: route } satisfies Answer<Route>);
      case 'didYouMean':
        (step.values as FlowValues).offer = route;
        return step.beginDialog(DID_YOU_MEAN, didYouMeanQuestion(route.candidates));
      case 'menu':
        return step.beginDialog(DialogIds.menu, menuQuestion(await this.menuIntroKey(step.context, route.intro), {
          discom: this.services.policy.discomName,
          helpline: this.services.policy.helplineNumber,
        }));
    }
  }

  /** The route an answer chose: the menu's pick, or what a "did you mean" answer means for its offer. */
  private routeOfAnswer(step: WaterfallStepContext<RootOptions>): Route | null {
    const offer = (step.values as FlowValues).offer;
    if (!offer) {
      const answer = step.result as Answer<Route>;
      return answer.answered ? answer.value : null;
    }
    const answer = step.result as Answer<DidYouMeanReply>;
    if (!answer.answered) return null;
    const reply = answer.value;
    if (reply.kind === 'neither') return { to: 'menu', intro: 'notUnderstood' };
    if (reply.kind === 'journey') return { to: 'journey', intent: reply.intent, entities: reply.entities ?? offer.entities };
    const picked = offer.candidates[reply.index];
    // "2" when only one journey was offered: ask the same question again.
    return picked ? { to: 'journey', intent: picked, entities: { ...offer.entities, ...reply.entities } } : offer;
  }

  /** The menu's first line; a "not understood" counts toward offering an agent, anything else starts the count over. */
  private async menuIntroKey(context: TurnContext, intro: MenuIntro): Promise<string> {
    const session = await this.services.memory.sessionOf(context);
    if (intro !== 'notUnderstood') {
      session.fallbacksInARow = 0;
      return intro === 'help' ? 'menu.help' : 'menu.welcome';
    }
    session.fallbacksInARow = (session.fallbacksInARow ?? 0) + 1;
    return session.fallbacksInARow >= FALLBACKS_BEFORE_AGENT ? 'menu.notUnderstoodAgain' : 'menu.notUnderstood';
  }

  /**
   * Inside a dialog: cancel, help, a language switch and an agent request work anywhere; a
   * confident new request ("recharge kaise kare" while asked for a CA number) or "menu" starts over
   * there instead of being taken as a wrong answer. In a free-text question only the reserved
   * keywords interrupt, since anything else is the answer.
   */
  private async interrupt(innerDc: DialogContext): Promise<DialogTurnResult | null> {
    const context = innerDc.context;
    const recognition = recognitionOf(context);
    if (!recognition || recognition.script === 'neutral') return null;
    const question = this.activeQuestion(innerDc);
    const text = context.activity.text ?? '';
    const changedCourse = await this.changeOfCourse(innerDc, text, recognition, question);
    if (changedCourse) return changedCourse;
    const intent = question?.takesFreeText ? keywordIntent(text) : recognition.intent;
    if (!intent || (!question?.takesFreeText && recognition.score < INTERRUPTION_MIN_SCORE)) return null;
    if (question && (await question.accepts(text, context))) return null;

    if (INTERRUPTIONS.includes(intent)) return this.handleInterruption(innerDc, intent, recognition);
    if (question?.takesFreeText) return null;
    const restart = this.restartRoute(intent, recognition);
    // "kal kiya tha" while the recharge journey asks for the reference is about that journey, not a new one.
    if (!restart || (restart.to === 'journey' && innerDc.stack.some((instance) => instance.id === restart.intent))) return null;
    await innerDc.cancelAllDialogs();
    return innerDc.beginDialog(DialogIds.rootFlow, { recognition, route: restart } satisfies RootOptions);
  }

  private async handleInterruption(innerDc: DialogContext, intent: IntentId, recognition: Recognition): Promise<DialogTurnResult> {
    const context = innerDc.context;
    const t = translate(this.services, context);
    switch (intent) {
      case 'cancel':
        await this.withdrawAgentRequest(context);
        await context.sendActivity(withButtons(t('cancel.done'), [t('common.menu')]));
        return innerDc.cancelAllDialogs();
      case 'help':
        await context.sendActivity(t('help.inDialog'));
        await innerDc.repromptDialog();
        return Dialog.EndOfTurn;
      case 'change_language':
        if (!recognition.entities.language) {
          // "English nahi aati" names no choice: ask, on top of the open question, never toggle.
          return innerDc.beginDialog('change_language', { entities: {} } satisfies JourneyOptions);
        }
        await switchLanguage(this.services, context, recognition.entities.language);
        {
          // "Can we talk in English please? Check account 101000001": the switch, then the request.
          const next = await this.requestBesides(context.activity.text ?? '', undefined);
          if (next) {
            await innerDc.cancelAllDialogs();
            return innerDc.beginDialog(DialogIds.rootFlow, { recognition, route: next } satisfies RootOptions);
          }
        }
        await innerDc.repromptDialog();
        return Dialog.EndOfTurn;
      default:
        await innerDc.cancelAllDialogs();
        return innerDc.beginDialog('talk_to_agent', await this.journeyStart(context, {}));
    }
  }

  /**
   * What a message means beside a new request, when no journey is running: an acknowledgement ("ok",
   * "👍", "thik h") gets a short "all right"; a question about the last answer ("kab tak?", "raat me
   * katega?", "PhonePe se ho jayega?") is answered from it; "kitne ka recharge karein" without a
   * balance told yet is the supply journey. Null: route the message by its intent.
   */
  private async understandOutsideJourney(context: TurnContext, text: string): Promise<Route | 'answered' | null> {
    // A scam, a danger or someone else's connection is answered as such, never as a follow-up.
    if (isClosing(text) || readHardMoment(text)) return null;
    if (isAcknowledgement(text)) {
      await context.sendActivity(translate(this.services, context)('smallTalk.acknowledged'));
      return 'answered';
    }
    const last = (await this.services.memory.sessionOf(context)).lastAnswer;
    if (last?.topic === 'service' && isQuestion(text) && !this.surelyAJourney(context)) {
      return answerAboutService(this.services, context, last.service).then(() => 'answered' as const);
    }
    const followUp = followUpOf(text);
    if (!followUp) return null;
    if (await answerFollowUp(this.services, context, followUp)) return 'answered';
    const entities = recognitionOf(context)?.entities ?? {};
    return followUp === 'how_much' ? { to: 'journey', intent: 'supply_not_restored', entities } : null;
  }

  /**
   * Inside a dialog, the consumer changes course: "chhodiye ye sab, mera balance dikhaiye" drops the
   * open question for the new request (or just drops it); a question about the bot's last answer
   * asked instead of answering a yes/no ("theek hai, kab tak aayegi?") is answered, and the offer left.
   */
  private async changeOfCourse(
    innerDc: DialogContext,
    text: string,
    recognition: Recognition,
    question: AskDialog<unknown> | null,
  ): Promise<DialogTurnResult | null> {
    const context = innerDc.context;
    if (dropsTheMatter(text)) {
      const dropped = innerDc.stack.map((instance) => instance.id).find((id) => isJourney(id));
      const next = await this.requestBesides(text, dropped);
      await innerDc.cancelAllDialogs();
      if (next) return innerDc.beginDialog(DialogIds.rootFlow, { recognition, route: next } satisfies RootOptions);
      await context.sendActivity(withButtons(translate(this.services, context)('cancel.done'), [translate(this.services, context)('common.menu')]));
      return Dialog.EndOfTurn;
    }
    const followUp = readHardMoment(text) ? null : followUpOf(text);
    if (!followUp) return null;
    // "101000002, kitna dalna hoga?" answers the CA question too, but asks what only the supply journey tells.
    const supplyAsked = followUp === 'how_much' && !innerDc.stack.some((instance) => instance.id === 'supply_not_restored');
    if (!supplyAsked && question && !question.takesFreeText && (await question.accepts(text, context))) return null;
    if (await answerFollowUp(this.services, context, followUp)) {
      await innerDc.cancelAllDialogs();
      return Dialog.EndOfTurn;
    }
    if (followUp !== 'how_much') return null;
    // "Kitna dalna hoga?" before any balance was told: the supply journey tells what is needed.
    await innerDc.cancelAllDialogs();
    return innerDc.beginDialog(DialogIds.rootFlow, {
      recognition,
      route: { to: 'journey', intent: 'supply_not_restored', entities: recognition.entities },
    } satisfies RootOptions);
  }

  /**
   * The new request in a message that drops the open one ("rehne dijiye, baad me karenge. abhi balance
   * bata dijiye"): the clause the recognizer is sure asks for another journey than the one dropped.
   */
  private async requestBesides(text: string, dropped: string | undefined): Promise<Route | null> {
    for (const clause of [text, ...clausesOf(text).reverse()]) {
      const route = await this.journeySurelyAskedIn(clause);
      if (route && route.intent !== dropped && route.intent !== 'change_language') return route;
    }
    return null;
  }

  /**
   * Other needs named in the same message ("mobile number badalna hai, aur last recharge kab hua tha?"):
   * each clause that the recognizer is sure asks for another journey is served after this one.
   */
  private async queueOtherNeeds(context: TurnContext, text: string, first: JourneyIntent): Promise<void> {
    const clauses = clausesOf(text);
    if (clauses.length < 2) return;
    const needs: { intent: IntentId; entities: Entities }[] = [];
    for (const clause of clauses) {
      const route = await this.journeySurelyAskedIn(clause);
      if (!route || route.intent === first || !QUEUEABLE.includes(route.intent)) continue;
      if (!needs.some((need) => need.intent === route.intent)) needs.push({ intent: route.intent, entities: route.entities });
    }
    if (needs.length > 0) (await this.services.memory.sessionOf(context)).pendingRequests = needs;
  }

  /** Whether the recognizer is sure enough of a journey to start it on this message. */
  private surelyAJourney(context: TurnContext): boolean {
    const recognition = recognitionOf(context);
    return recognition !== null && journeyRoute(recognition, thresholdsOf(this.services))?.to === 'journey';
  }

  /** The journey a piece of a message asks for, when the recognizer is sure enough to start it. */
  private async journeySurelyAskedIn(text: string): Promise<Extract<Route, { to: 'journey' }> | null> {
    const route = journeyRoute(await this.services.recognizer.recognize(text), thresholdsOf(this.services));
    return route?.to === 'journey' ? route : null;
  }

  /** The next need the consumer named earlier, with what the conversation knows, or null. */
  private async nextNeed(context: TurnContext): Promise<Route | null> {
    const session = await this.services.memory.sessionOf(context);
    const [next, ...rest] = session.pendingRequests ?? [];
    session.pendingRequests = rest;
    if (!next || !isJourney(next.intent)) return null;
    return { to: 'journey', intent: next.intent, entities: next.entities };
  }

  /**
   * The first reply to a message that shows a health need or distress says, in one line, that the bot
   * heard it (naming the baby, the oxygen machine, the exam), before the business; once per conversation.
   */
  private async acknowledgeFeelings(context: TurnContext): Promise<void> {
    const recognition = recognitionOf(context);
    const text = context.activity.text ?? '';
    if (!recognition) return;
    const session = await this.services.memory.sessionOf(context);
    if (session.feelingsAcknowledged) return;
    const need = recognition.urgent ? healthNeedOf(text) : null;
    const distress = need ? null : distressOf(text);
    const key = need ? `feelings.healthNeed.${need}` : distress ? `feelings.${distress}` : null;
    if (!key) return;
    session.feelingsAcknowledged = true;
    await context.sendActivity(translate(this.services, context)(key));
  }

  /**
   * A journey begins: the count of messages not understood starts over, and a journey picked after
   * the bot understood nothing twice (the menu then offers a person) says so to an agent request.
   */
  private async journeyStart(context: TurnContext, entities: JourneyOptions['entities']): Promise<JourneyOptions> {
    const session = await this.services.memory.sessionOf(context);
    const botCouldNotHelp = (session.fallbacksInARow ?? 0) >= FALLBACKS_BEFORE_AGENT;
    session.fallbacksInARow = 0;
    return { entities, ...(botCouldNotHelp ? { botCouldNotHelp } : {}) };
  }

  /** Where a message that is not an answer leads when it asks for something else: a journey the recognizer is sure of, or the menu. */
  private restartRoute(intent: IntentId, recognition: Recognition): Route | null {
    if (intent === 'greeting') return { to: 'menu', intro: 'help' };
    const route = journeyRoute(recognition, thresholdsOf(this.services));
    return route?.to === 'journey' ? route : null;
  }

  /**
   * A reply to a campaign message: a tapped button (its payload comes back as the message) leads to
   * the journey it asks for with the campaign's consumer; a stop, tapped or typed ("band karo") after
   * a campaign message, is confirmed and gives 'stopped'. Null for any other message (typed words
   * after a campaign message count as its reply), and for a typed stop in a conversation no campaign
   * wrote to (there it cancels, as ever).
   */
  private async campaignReply(context: TurnContext): Promise<Route | 'stopped' | null> {
    const outreach = this.services.outreach;
    if (!outreach) return null;
    const text = context.activity.text ?? '';
    const conversationId = context.activity.conversation.id;
    const payload = parseActionPayload(text);
    if (!payload) {
      if (isStopRequest(text) && (await outreach.typedStop(conversationId))) return this.confirmStopped(context);
      await outreach.typedReply(conversationId);
      return null;
    }
    const campaign = await outreach.tapped(conversationId, payload.campaignId, payload.action, payload.caNumber);
    if (campaign) await this.answerInCampaignLanguage(context, campaign.language);
    if (payload.action === 'stop') return this.confirmStopped(context);
    const consumer = campaign?.consumer ?? null;
    return { to: 'journey', intent: campaignJourney(payload.action, consumer), entities: consumer ? { caNumber: consumer.caNumber } : {} };
  }

  /**
   * A tap's text is the button's payload, no words of the consumer's: the reply (and what follows)
   * is in the language the consumer chose, else the campaign's, the language of the message tapped.
   */
  private async answerInCampaignLanguage(context: TurnContext, campaignLanguage: Language): Promise<void> {
    const language = (await this.services.memory.profileOf(context)).language ?? campaignLanguage;
    setTurnLanguage(context, language);
    (await this.services.memory.sessionOf(context)).lastLanguage = language;
  }

  private async confirmStopped(context: TurnContext): Promise<'stopped'> {
    await context.sendActivity(translate(this.services, context)('outreach:stopped', { discom: this.services.policy.discomName }));
    return 'stopped';
  }

  /** Takes the conversation out of the agent queue; true when it was waiting. */
  private async withdrawAgentRequest(context: TurnContext): Promise<boolean> {
    return this.services.handoff.cancel(context.activity.conversation.id);
  }

  private activeQuestion(innerDc: DialogContext): AskDialog<unknown> | null {
    const active = innerDc.activeDialog;
    const dialog = active ? innerDc.findDialog(active.id) : undefined;
    return dialog instanceof AskDialog ? (dialog as AskDialog<unknown>) : null;
  }

  /** The CA number this turn was about: typed now (the lookup that failed), else the one confirmed earlier. */
  private async caNumberOfTurn(context: TurnContext): Promise<string | null> {
    const typed = recognitionOf(context)?.entities.caNumber;
    if (typed) return typed;
    const answered = parseConsumerNumber(context.activity.text ?? '');
    if (answered.ok) return answered.value;
    return (await this.services.memory.sessionOf(context)).caNumber ?? null;
  }

  private async guardBackend(innerDc: DialogContext, run: () => Promise<DialogTurnResult>): Promise<DialogTurnResult> {
    try {
      return await run();
    } catch (thrown) {
      const error = backendOutageIn(thrown);
      if (!error) throw thrown;
      const journey = innerDc.stack.map((instance) => instance.id).find((id) => isJourney(id)) ?? 'unknown';
      this.services.logger.warn({ reason: error.reason, journey }, 'meter backend unavailable during a turn');
      const caNumber = await this.caNumberOfTurn(innerDc.context);
      await innerDc.cancelAllDialogs();
      return innerDc.beginDialog(DialogIds.backendDown, { journey, caNumber } satisfies BackendDownOptions);
    }
  }
}

/**
 * The journey a campaign button leads to. Recharge help for a consumer cut for a negative balance is
 * the supply journey (how much is needed to get the light back); otherwise how to recharge.
 */
function campaignJourney(action: Exclude<CampaignAction, 'stop'>, consumer: CampaignContext['consumer']): Extract<Route, { to: 'journey' }>['intent'] {
  if (action === 'update_mobile') return 'update_mobile';
  if (action === 'agent') return 'talk_to_agent';
  return consumer && consumer.balance <= 0 ? 'supply_not_restored' : 'how_to_recharge';
}

/** botbuilder wraps what a dialog throws in DialogContextError; the backend outage is inside. */
function backendOutageIn(thrown: unknown): BackendUnavailableError | null {
  let current: unknown = thrown;
  for (let depth = 0; depth < 5 && current; depth += 1) {
    if (current instanceof BackendUnavailableError) return current;
    current = (current as { error?: unknown }).error;
  }
  return null;
}
