import type { TurnContext } from 'botbuilder';
import type { Translator } from '../i18n/translator';
import { languageOf } from './turnState';

/**
 * What the consumer hears when a turn fails (Redis away, an unforeseen error): an apology in their
 * language and a request to send again. Their message is not lost: the turn left no state behind,
 * so sending it again continues where the conversation was.
 */
export async function apologize(context: TurnContext, translator: Translator): Promise<void> {
  await context.sendActivity(translator.forLanguage(languageOf(context))('common.error'));
}
