import { journeyTitleKey, MENU_ITEMS } from '../../dialogs/menuDialog';
import type { Language } from '../i18n/language';
import type { Translator } from '../i18n/translator';
import type { WebChatGreeting } from '../channels/directline/webChatPage';

/**
 * The bot's welcome and menu as the web chat page shows them before Web Chat has loaded: the same
 * locale keys the root dialog greets with, so the first screen and the first message read alike.
 */
export function webChatGreeting(translator: Translator, discomName: string): WebChatGreeting {
  return {
    text: (language: Language) => translator.forLanguage(language)('menu.welcome', { discom: discomName }),
    choices: (language: Language) => MENU_ITEMS.map((intent) => translator.forLanguage(language)(journeyTitleKey(intent))),
  };
}
