import { toAsciiDigits } from '../domain/digits';

/**
 * A message as words: lower case, ASCII digits, the punctuation people add dropped, emoji kept as
 * words of their own ("ok 👍" is two words). Devanagari matras are kept, so whole-word matching works
 * in both scripts.
 */
export function wordsOf(text: string): string[] {
  return toAsciiDigits(text.normalize('NFC'))
    .toLowerCase()
    .replace(/[।॥.,!?'"():;\-–—/]/g, ' ')
    .replace(/(\p{Extended_Pictographic})/gu, ' $1 ')
    .split(/\s+/)
    .filter(Boolean);
}

/** Whether `words` holds `phrase` (one or more words) as whole words, in order. */
export function hasPhrase(words: readonly string[], phrase: string): boolean {
  const wanted = phrase.split(' ');
  for (let start = 0; start + wanted.length <= words.length; start += 1) {
    if (wanted.every((word, offset) => words[start + offset] === word)) return true;
  }
  return false;
}

export function hasAnyPhrase(words: readonly string[], phrases: readonly string[]): boolean {
  return phrases.some((phrase) => hasPhrase(words, phrase));
}

/** A question by its mark or its first words, in the three scripts. */
const QUESTION_WORDS = new Set([
  'kab', 'kb', 'kitna', 'kitne', 'kitni', 'kya', 'kyu', 'kyun', 'kyon', 'kaise', 'kaisa', 'kahan', 'kaha', 'kaun', 'kon',
  'when', 'how', 'what', 'why', 'where', 'which', 'who', 'will', 'can', 'could', 'should', 'is', 'are', 'does', 'do',
  'कब', 'कितना', 'कितने', 'कितनी', 'क्या', 'क्यों', 'कैसे', 'कहाँ', 'कहां', 'कौन',
]);

export function isQuestion(text: string): boolean {
  if (/[?？]/.test(text)) return true;
  return wordsOf(text).some((word) => QUESTION_WORDS.has(word) && !['do', 'is', 'are', 'will', 'can'].includes(word));
}
