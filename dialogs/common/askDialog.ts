import { ActivityTypes, type TurnContext } from 'botbuilder';
import { Dialog, type DialogContext, type DialogInstance, type DialogTurnResult } from 'botbuilder-dialogs';
import type { DialogServices } from '../services';
import type { Parsed } from './parsers';
import { translate, withButtons } from './replies';

/** A question kept as locale keys, so a re-ask after a language switch comes in the new language. */
export interface Question {
  key: string;
  params?: Record<string, unknown>;
  /** Locale keys of options shown as a numbered list and as buttons; "2" picks the second. */
  choiceKeys?: string[];
  /** Locale keys of button titles. */
  buttonKeys?: string[];
  /** Button titles that are data, not words (CA numbers, for example). */
  buttonTitles?: string[];
}

/** What the waterfall gets back: the parsed answer, or nothing when the consumer could not give one. */
export type Answer<T> = { answered: true; value: T } | { answered: false };

export type AnswerParser<T> = (text: string, context: TurnContext) => Parsed<T> | Promise<Parsed<T>>;

export interface AskSettings {
  /** Wrong answers before the dialog gives up; 3 by default. */
  maxFailures?: number;
  /** Any text is an answer, so interruptions (cancel, help) win over it. */
  freeText?: boolean;
  /** The question's text on a re-ask, when the problem message already said what the question's text says. */
  reaskKey?: string;
  /** Told once per answer that did not fit (never when `accepts` only tries one on). */
  onWrongAnswer?: (context: TurnContext) => Promise<void>;
}

interface AskState {
  question: Question;
  failures: number;
}

/**
 * Asks one question and reads the answer with our own parser: botbuilder's culture recognizers know
 * no Hindi. A wrong answer gets a message that says what was wrong; after `maxFailures` the dialog
 * gives up politely instead of looping.
 */
export class AskDialog<T> extends Dialog<Question> {
  constructor(
    dialogId: string,
    private readonly services: DialogServices,
    private readonly parse: AnswerParser<T>,
    private readonly settings: AskSettings = {},
  ) {
    super(dialogId);
  }

  override async beginDialog(dc: DialogContext, question?: Question): Promise<DialogTurnResult> {
    if (!question) throw new Error(`${this.id} needs a question`);
    const state: AskState = { question, failures: 0 };
    dc.activeDialog!.state = state;
    await this.ask(dc.context, question);
    return Dialog.EndOfTurn;
  }

  override async continueDialog(dc: DialogContext): Promise<DialogTurnResult> {
    const activity = dc.context.activity;
    if (activity.type !== ActivityTypes.Message) return Dialog.EndOfTurn;
    const state = dc.activeDialog!.state as AskState;
    const parsed: Parsed<T> = activity.text
      ? await this.parse(activity.text, dc.context)
      : { ok: false, problem: 'common.textOnly' };
    if (parsed.ok) return dc.endDialog({ answered: true, value: parsed.value } satisfies Answer<T>);

    state.failures += 1;
    await this.settings.onWrongAnswer?.(dc.context);
    const t = translate(this.services, dc.context);
    if (state.failures >= (this.settings.maxFailures ?? 3)) {
      await dc.context.sendActivity(t('common.tooManyTries'));
      return dc.endDialog({ answered: false } satisfies Answer<T>);
    }
    await dc.context.sendActivity(t(parsed.problem, parsed.params ?? {}));
    await this.ask(dc.context, this.settings.reaskKey ? { ...state.question, key: this.settings.reaskKey } : state.question);
    return Dialog.EndOfTurn;
  }

  /** A dialog begun on top of this question (a language choice) has ended: ask again and keep waiting. */
  override async resumeDialog(dc: DialogContext): Promise<DialogTurnResult> {
    await this.repromptDialog(dc.context, dc.activeDialog!);
    return Dialog.EndOfTurn;
  }

  override async repromptDialog(context: TurnContext, instance: DialogInstance): Promise<void> {
    await this.ask(context, (instance.state as AskState).question);
  }

  /**
   * Whether this text answers the question, so an interruption check does not steal it ("nahi" is an
   * answer, not a cancel). A free-text question accepts anything, so there interruptions win.
   */
  async accepts(text: string, context: TurnContext): Promise<boolean> {
    if (this.settings.freeText) return false;
    return (await this.parse(text, context)).ok;
  }

  /** Any text is an answer here; only reserved keywords ("stop", "help") should interrupt it. */
  get takesFreeText(): boolean {
    return this.settings.freeText === true;
  }

  private async ask(context: TurnContext, question: Question): Promise<void> {
    const t = translate(this.services, context);
    const choices = (question.choiceKeys ?? []).map((key) => t(key));
    const list = choices.map((title, index) => `${index + 1}. ${title}`);
    const text = [t(question.key, question.params ?? {}), ...list].join('\n');
    const titles = [...choices, ...(question.buttonTitles ?? []), ...(question.buttonKeys ?? []).map((key) => t(key))];
    await context.sendActivity(titles.length > 0 ? withButtons(text, titles) : text);
  }
}
