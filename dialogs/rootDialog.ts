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
import { languageOf, recognitionOf } from '../src/bot/turnState';
import { confidenceBand } from '../src/nlu/confidenceBands';
import type { IntentId } from '../src/nlu/intents';
import type { ConversationStart } from '../src/bot/samparkBot';
import { AskDialog, type Answer } from './common/askDialog';
import { consumerDialogs } from './common/consumerDialog';
import { parseYesNo } from './common/parsers';
import { translate, withButtons } from './common/replies';
import { DialogIds } from './dialogIds';
import { isJourney, journeyDialogs } from './journeys';
import type { BackendDownOptions } from './journeys/backendDown';
import { switchLanguage } from './journeys/changeLanguage';
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

/**
 * What the bot hands the root dialog when a conversation has no dialog running; `route` is set when
 * the flow starts over on an answer (a menu pick that needs confirming, "neither").
 */
export type RootOptions = ConversationStart & { route?: Route };

/** What the flow keeps between its steps: the "did you mean" offer its answer refers to. */
interface FlowValues {
  offer?: DidYouMeanRoute;
}

/** Intents that work inside any dialog. */
const INTERRUPTIONS: readonly IntentId[] = ['cancel', 'help', 'change_language', 'talk_to_agent'];

/** Below this score a message inside a dialog is taken as an answer, not an interruption. */
const INTERRUPTION_MIN_SCORE = 0.6;

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
      this.flow(),
    ];
    for (const dialog of dialogs) this.addDialog(dialog);
    this.initialDialogId = DialogIds.rootFlow;
  }

  protected override async onBeginDialog(innerDc: DialogContext, options?: RootOptions): Promise<DialogTurnResult> {
    return this.guardBackend(innerDc, () => super.onBeginDialog(innerDc, options));
  }

  protected override async onContinueDialog(innerDc: DialogContext): Promise<DialogTurnResult> {
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
        const route = step.options.route ?? this.routeOfStart(step.options);
        if (route === 'nothingToCancel') {
          (await this.services.memory.sessionOf(step.context)).fallbacksInARow = 0;
          await step.context.sendActivity(translate(this.services, step.context)('cancel.nothingToCancel'));
          return step.endDialog();
        }
        return this.follow(step, route);
      },
      async (step) => {
        const route = this.routeOfAnswer(step);
        if (!route) return step.endDialog();
        if (route.to !== 'journey') return step.replaceDialog(DialogIds.rootFlow, { recognition: null, route } satisfies RootOptions);
        (await this.services.memory.sessionOf(step.context)).fallbacksInARow = 0;
        return step.beginDialog(route.intent, { entities: route.entities } satisfies JourneyOptions);
      },
      async (step) => {
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
  private routeOfStart({ recognition, startWith }: RootOptions): Route | 'nothingToCancel' {
    const entities = recognition?.entities ?? {};
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
    return picked ? { to: 'journey', intent: picked, entities: offer.entities } : offer;
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

  /** Handles cancel, help, a language switch or an agent request typed inside a dialog. */
  private async interrupt(innerDc: DialogContext): Promise<DialogTurnResult | null> {
    const context = innerDc.context;
    const recognition = recognitionOf(context);
    if (!recognition || recognition.script === 'neutral' || recognition.score < INTERRUPTION_MIN_SCORE) return null;
    if (!INTERRUPTIONS.includes(recognition.intent)) return null;
    if (await this.activeQuestionAccepts(innerDc, context)) return null;

    const t = translate(this.services, context);
    switch (recognition.intent) {
      case 'cancel':
        await context.sendActivity(withButtons(t('cancel.done'), [t('common.menu')]));
        return innerDc.cancelAllDialogs();
      case 'help':
        await context.sendActivity(t('help.inDialog'));
        await innerDc.repromptDialog();
        return Dialog.EndOfTurn;
      case 'change_language':
        await switchLanguage(this.services, context, recognition.entities.language ?? (languageOf(context) === 'hi' ? 'en' : 'hi'));
        await innerDc.repromptDialog();
        return Dialog.EndOfTurn;
      default:
        await innerDc.cancelAllDialogs();
        return innerDc.beginDialog('talk_to_agent');
    }
  }

  private async activeQuestionAccepts(innerDc: DialogContext, context: TurnContext): Promise<boolean> {
    const active = innerDc.activeDialog;
    const dialog = active ? innerDc.findDialog(active.id) : undefined;
    return dialog instanceof AskDialog && (await dialog.accepts(context.activity.text ?? '', context));
  }

  private async guardBackend(innerDc: DialogContext, run: () => Promise<DialogTurnResult>): Promise<DialogTurnResult> {
    try {
      return await run();
    } catch (thrown) {
      const error = backendOutageIn(thrown);
      if (!error) throw thrown;
      const journey = innerDc.stack.map((instance) => instance.id).find((id) => isJourney(id)) ?? 'unknown';
      this.services.logger.warn({ reason: error.reason, journey }, 'meter backend unavailable during a turn');
      await innerDc.cancelAllDialogs();
      return innerDc.beginDialog(DialogIds.backendDown, { journey } satisfies BackendDownOptions);
    }
  }
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
