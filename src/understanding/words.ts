import { toAsciiDigits } from '../domain/digits';

/** The last message read: every reader of a turn asks for the same text's words. */
let lastText: string | null = null;
let lastWords: readonly string[] = [];

/**
 * A message as words: lower case, ASCII digits, the punctuation people add dropped, emoji kept as
 * words of their own ("ok 👍" is two words). Devanagari matras are kept, so whole-word matching works
 * in both scripts.
 */
export function wordsOf(text: string): readonly string[] {
  if (text === lastText) return lastWords;
  lastWords = toAsciiDigits(text.normalize('NFC'))
    .toLowerCase()
    .replace(/[।॥.,!?'"():;\-–—/]/g, ' ')
    .replace(/(\p{Extended_Pictographic})/gu, ' $1 ')
    .split(/\s+/)
    .filter(Boolean);
  lastText = text;
  return lastWords;
}

/** A list of phrases as matched: its one-word phrases in a set, the longer ones split once. */
interface CompiledPhrases {
  single: ReadonlySet<string>;
  multi: readonly (readonly string[])[];
}

/** Each module's phrase lists are constants: compiled on first use, not split again on every message. */
const compiled = new WeakMap<readonly string[], CompiledPhrases>();

/** Whether `words` holds any of the phrases (one or more words each) as whole words, in order. */
export function hasAnyPhrase(words: readonly string[], phrases: readonly string[]): boolean {
  let list = compiled.get(phrases);
  if (!list) {
    const split = phrases.map((phrase) => phrase.split(' '));
    list = { single: new Set(split.filter((run) => run.length === 1).map((run) => run[0]!)), multi: split.filter((run) => run.length > 1) };
    compiled.set(phrases, list);
  }
  const { single, multi } = list;
  return words.some((word) => single.has(word)) || multi.some((run) => holdsRun(words, run));
}

function holdsRun(words: readonly string[], run: readonly string[]): boolean {
  for (let start = 0; start + run.length <= words.length; start += 1) {
    if (run.every((word, offset) => words[start + offset] === word)) return true;
  }
  return false;
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
