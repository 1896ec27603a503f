import type { Language } from '../i18n/language';
import type { Script } from '../nlu/recognizer';

/** English messages this short ("ok", "recharge") do not switch a Hindi conversation to English. */
const WORDS_TO_SWITCH_TO_ENGLISH = 3;

export interface LanguageClues {
  chosen: Language | undefined;
  script: Script | null;
  wordCount: number;
  lastLanguage: Language | undefined;
  channelLanguage: Language | null;
}

/**
 * The language of the reply: the consumer's choice when they made one; otherwise the language they
 * write (Devanagari or romanized Hindi: Hindi); otherwise what the conversation or channel used.
 * Hindi is the default: most consumers of the Bihar discoms write it.
 */
export function replyLanguage(clues: LanguageClues): Language {
  if (clues.chosen) return clues.chosen;
  const previous = clues.lastLanguage ?? clues.channelLanguage ?? 'hi';
  switch (clues.script) {
    case 'devanagari':
    case 'romanized_hindi':
      return 'hi';
    case 'english':
      return clues.lastLanguage === 'hi' && clues.wordCount < WORDS_TO_SWITCH_TO_ENGLISH ? 'hi' : 'en';
    default:
      return previous;
  }
}
