import type { Language } from '../i18n/language';
import type { Script } from '../nlu/recognizer';

/** English messages this short ("ok", "recharge", "hello") do not switch a Hindi conversation to English. */
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
      return previous === 'hi' && clues.wordCount < WORDS_TO_SWITCH_TO_ENGLISH ? 'hi' : 'en';
    default:
      return previous;
  }
}

/** Labels people type before an identifier ("CA no 1010…", "UTR 4123…"): they say nothing about language. */
const IDENTIFIER_LABELS = new Set(['ca', 'no', 'utr', 'sp', 'ref', 'txn', 'otp', 'id']);

/** Words that show a language: letters only, identifier labels left out. */
export function languageWordCount(text: string): number {
  return text
    .toLowerCase()
    .split(/[\s.,:;!?]+/)
    .filter((word) => /\p{L}/u.test(word) && !/\d/.test(word) && !IDENTIFIER_LABELS.has(word)).length;
}
