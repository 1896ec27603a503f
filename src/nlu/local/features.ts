import { canonicalSpelling, normalizeTokens } from '../normalize';
import { romanize } from './romanize';

/** Character n-gram lengths: short enough to survive typos ("recharj"), long enough to carry a stem. */
const CHAR_GRAM_MIN = 3;
const CHAR_GRAM_MAX = 5;

/**
 * The bag of features a message is classified by: canonical words, word bigrams (word order carries
 * meaning: "light nahi" vs "nahi light") and character n-grams inside each word, which catch spellings
 * the variant table does not know. Devanagari words are also read in Roman spelling, so evidence
 * learnt from "bijli nahi aayi" applies to "बिजली नहीं आई". Numbers become their shape: a CA number
 * says "identifier", not which one.
 */
export function featuresOf(text: string): string[] {
  const words = withoutOpening(withoutNumberLabels(normalizeTokens(text).map(numberShape)));
  const romanized = words.map((word) => canonicalSpelling(romanize(word)));
  const views = romanized.some((word, i) => word !== words[i]) ? [words, romanized] : [words];
  return views.flatMap(featuresOfView);
}

function featuresOfView(words: readonly string[]): string[] {
  const features: string[] = words.map((word) => `w:${word}`);
  const bounded = ['<s>', ...words, '</s>'];
  for (let i = 0; i + 1 < bounded.length; i += 1) features.push(`b:${bounded[i]} ${bounded[i + 1]}`);
  for (const word of words) {
    if (word.startsWith('#')) continue;
    const padded = `<${word}>`;
    for (let n = CHAR_GRAM_MIN; n <= CHAR_GRAM_MAX; n += 1) {
      for (let start = 0; start + n <= padded.length; start += 1) features.push(`c:${padded.slice(start, start + n)}`);
    }
  }
  return features;
}

/** Words that label a number the consumer gives ("my consumer number is …", "CA no", "उपभोक्ता संख्या है"). */
const NUMBER_LABEL: ReadonlySet<string> = new Set([
  'my', 'mera', 'meri', 'consumer', 'ca', 'c', 'a', 'account', 'number', 'no', 'num', 'is', 'hai', 'h', 'उपभोक्ता', 'संख्या',
  'नंबर', 'नम्बर', 'है', 'मेरा', 'मेरी', 'कंज्यूमर',
]);

/**
 * The words without the label before an identifier: "my consumer number is 101000002" says which
 * connection, not what the problem is, and its "number" pulls toward the mobile change.
 */
function withoutNumberLabels(words: readonly string[]): string[] {
  const kept = [...words];
  words.forEach((word, i) => {
    if (word !== '#identifier') return;
    for (let j = i - 1; j >= 0 && NUMBER_LABEL.has(words[j] ?? ''); j -= 1) kept[j] = '';
  });
  return kept.filter(Boolean);
}

/** Greetings and forms of address a message may open with. */
const OPENING: ReadonlySet<string> = new Set([
  'hello', 'hi', 'hii', 'helo', 'hallo', 'namaste', 'namaskar', 'pranam', 'dear', 'respected', 'sir', 'madam', 'mam', 'ji', 'good',
  'morning', 'evening', 'afternoon', 'bhaiya', 'bhai', 'नमस्ते', 'नमस्कार', 'प्रणाम', 'सर', 'जी', 'भैया', 'हेलो', 'हैलो',
]);
/** A message that is no more than a greeting keeps it: "hello sir" is a greeting. */
const MIN_WORDS_AFTER_OPENING = 3;

/** The words without a greeting at the start when a need follows it: "hello, my light is cut since morning". */
function withoutOpening(words: string[]): string[] {
  let start = 0;
  while (start < words.length && OPENING.has(words[start] ?? '')) start += 1;
  return words.length - start >= MIN_WORDS_AFTER_OPENING ? words.slice(start) : words;
}

function numberShape(token: string): string {
  if (!/^\d+$/.test(token)) return token;
  if (token.length <= 3) return '#short_number';
  if (token.length <= 8) return '#number';
  return token.length <= 12 ? '#identifier' : '#long_number';
}
