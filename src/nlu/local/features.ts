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
  const words = normalizeTokens(text).map(numberShape);
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

function numberShape(token: string): string {
  if (!/^\d+$/.test(token)) return token;
  if (token.length <= 3) return '#short_number';
  if (token.length <= 8) return '#number';
  return token.length <= 12 ? '#identifier' : '#long_number';
}
