import type { TurnContext } from 'botbuilder';
import { WaterfallDialog } from 'botbuilder-dialogs';
import { setTurnLanguage } from '../../src/bot/turnState';
import type { Language } from '../../src/i18n/language';
import { AskDialog, type Answer } from '../common/askDialog';
import { parseChoice } from '../common/parsers';
import { translate } from '../common/replies';
import type { DialogServices } from '../services';
import type { JourneyOptions } from './journeyOptions';

const ID = 'change_language';
const ASK_LANGUAGE = `${ID}.ask`;

/** Remembers the consumer's language for good and answers the rest of this turn in it. */
export async function switchLanguage(services: DialogServices, context: TurnContext, language: Language): Promise<void> {
  const profile = await services.memory.profileOf(context);
  profile.language = language;
  setTurnLanguage(context, language);
  await context.sendActivity(translate(services, context)('language.changed'));
}

/** "English please", "हिंदी में": switch and remember. */
export function changeLanguageDialogs(services: DialogServices) {
  const ask = new AskDialog<Language>(ASK_LANGUAGE, services, (text) =>
    parseChoice(text, [
      { id: 'hi', titles: ['हिंदी', 'हिन्दी', 'hindi', 'Hindi'] },
      { id: 'en', titles: ['English', 'english', 'angrezi', 'अंग्रेज़ी', 'अंग्रेजी'] },
    ]),
  );
  const flow = new WaterfallDialog<JourneyOptions>(ID, [
    async (step) => {
      const asked = step.options.entities.language;
      if (asked) return step.next({ answered: true, value: asked } satisfies Answer<Language>);
      return step.beginDialog(ASK_LANGUAGE, { key: 'language.ask', choiceKeys: ['language.hindi', 'language.english'] });
    },
    async (step) => {
      const answer = step.result as Answer<Language>;
      if (answer.answered) await switchLanguage(services, step.context, answer.value);
      return step.endDialog();
    },
  ]);
  return [ask, flow];
}
