import { ActionTypes, MessageFactory, type Activity, type CardAction, type TurnContext } from 'botbuilder';
import { languageOf } from '../../src/bot/turnState';
import type { Translate } from '../../src/i18n/translator';
import type { DialogServices } from '../services';

/** The translate function for this turn's language. */
export function translate(services: DialogServices, context: TurnContext): Translate {
  return services.translator.forLanguage(languageOf(context));
}

/** Button titles the consumer can tap; the same words typed work too (see parsers). */
export function withButtons(text: string, titles: string[]): Partial<Activity> {
  const actions: CardAction[] = titles.map((title) => ({ type: ActionTypes.ImBack, title, value: title }));
  return MessageFactory.suggestedActions(actions, text);
}

/** Sends a localized line. */
export async function say(
  services: DialogServices,
  context: TurnContext,
  key: string,
  params: Record<string, unknown> = {},
): Promise<void> {
  await context.sendActivity(translate(services, context)(key, params));
}
