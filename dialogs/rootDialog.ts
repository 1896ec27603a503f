import type { TurnContext } from 'botbuilder';
import {
  ComponentDialog,
  Dialog,
  WaterfallDialog,
  type DialogContext,
  type DialogTurnResult,
} from 'botbuilder-dialogs';
import { BackendUnavailableError } from '../src/backend/meterBackend';
import { languageOf, recognitionOf } from '../src/bot/turnState';
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
import { menuDialog, menuQuestion, type MenuPick } from './menuDialog';
import type { DialogServices } from './services';

/** What the bot hands the root dialog when a conversation has no dialog running. */
export type RootOptions = ConversationStart;

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

  private flow(): WaterfallDialog<RootOptions> {
    return new WaterfallDialog<RootOptions>(DialogIds.rootFlow, [
      async (step) => {
        const recognition = step.options.recognition;
        const intent = step.options.startWith ?? recognition?.intent ?? 'none';
        const session = await this.services.memory.sessionOf(step.context);
        session.fallbacksInARow = intent === 'none' ? (session.fallbacksInARow ?? 0) + 1 : 0;
        if (isJourney(intent)) {
          return step.next({ answered: true, value: { intent, entities: recognition?.entities ?? {} } } satisfies Answer<MenuPick>);
        }
        if (intent === 'cancel') {
          await step.context.sendActivity(translate(this.services, step.context)('cancel.nothingToCancel'));
          return step.endDialog();
        }
        return step.beginDialog(DialogIds.menu, menuQuestion(this.menuIntroKey(intent, session.fallbacksInARow), {
          discom: this.services.policy.discomName,
          helpline: this.services.policy.helplineNumber,
        }));
      },
      async (step) => {
        const answer = step.result as Answer<MenuPick>;
        if (!answer.answered) return step.endDialog();
        return step.beginDialog(answer.value.intent, { entities: answer.value.entities } satisfies JourneyOptions);
      },
      async (step) => {
        const t = translate(this.services, step.context);
        await step.context.sendActivity(withButtons(t('common.anythingElse'), [t('common.menu')]));
        return step.endDialog();
      },
    ]);
  }

  private menuIntroKey(intent: IntentId, fallbacksInARow: number): string {
    if (intent === 'none') return fallbacksInARow >= FALLBACKS_BEFORE_AGENT ? 'menu.notUnderstoodAgain' : 'menu.notUnderstood';
    return intent === 'help' ? 'menu.help' : 'menu.welcome';
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
