import { normalizeTokens } from './normalize';
import type { Script } from './recognizer';

/**
 * Romanized Hindi words (canonical spelling) that do not double as common English words, so one of
 * them is real evidence: "to", "me", "main", "hi", "the" and "do" are left out on purpose, and so is
 * "bijli", the canonical spelling that English "light" and "current" normalise to.
 */
const HINDI_WORDS: ReadonlySet<string> = new Set([
  'hai', 'nahi', 'kya', 'mera', 'kab', 'kaise', 'karo', 'kar', 'karna', 'karne', 'aaya', 'aayega', 'gaya',
  'kiya', 'paisa', 'kitna', 'hua', 'raha', 'chahiye', 'batao', 'ho', 'hoga', 'tha', 'thi', 'abhi',
  'bhi', 'se', 'ka', 'ki', 'ke', 'ko', 'aur', 'par', 'pe', 'ye', 'yeh', 'wo', 'woh', 'kuch', 'koi', 'sab',
  'kyon', 'kahan', 'kaun', 'hum', 'ham', 'apna', 'aap', 'tum', 'ji', 'bhai', 'bhaiya', 'din', 'raat', 'ghar',
  'wala', 'wali', 'lekin', 'magar', 'jab', 'bahut', 'bahot', 'zyada', 'accha', 'acha', 'theek', 'jaldi',
  'diya', 'liya', 'de', 'diye', 'baat', 'insaan', 'bolo', 'pata', 'haan', 'dobara', 'phir', 'fir',
  'wapas', 'kal', 'aaj', 'subah', 'tarikh', 'band', 'chalu', 'kat', 'katauti', 'bakaya', 'shikayat', 'madad',
  'namaste', 'dhanyavad', 'shukriya', 'mein', 'gaon', 'mohalla', 'hota', 'hoti', 'sakta', 'sakte', 'jata',
  'jaye', 'lagta', 'dekho', 'dijiye', 'bataiye', 'samajh', 'ruko', 'chhodo', 'rehne', 'sahayata',
]);

/** English function words: their presence decides between English and Hinglish that borrows English. */
const ENGLISH_WORDS: ReadonlySet<string> = new Set([
  'the', 'is', 'are', 'was', 'were', 'my', 'i', 'not', 'what', 'when', 'how', 'why', 'where', 'to', 'me',
  'it', 'this', 'that', 'and', 'but', 'have', 'has', 'had', 'did', 'does', 'can', 'will', 'of', 'for',
  'in', 'on', 'with', 'you', 'your', 'want', 'need', 'after', 'still', 'yet', 'am', 'be', 'been', 'there',
  'a', 'an', 'from', 'please', 'no', 'yes', 'we', 'our', 'its', 'since', 'even', 'should',
]);

const DEVANAGARI_LETTER = /[\u0900-\u097F]/;
const LATIN_LETTER = /[a-z]/;

/**
 * How a message is written. Devanagari wins when at least half the words are Devanagari; Latin
 * text is romanized Hindi when Hindi words are at least half as many as English function words,
 * because Hinglish borrows English freely ("recharge kiya but light nahi aayi").
 */
export function detectScript(text: string): Script {
  const tokens = normalizeTokens(text);
  const devanagari = tokens.filter((t) => DEVANAGARI_LETTER.test(t)).length;
  const latin = tokens.filter((t) => LATIN_LETTER.test(t));
  if (devanagari === 0 && latin.length === 0) return 'neutral';
  if (devanagari >= latin.length) return 'devanagari';
  const hindi = latin.filter((t) => HINDI_WORDS.has(t)).length;
  const english = latin.filter((t) => ENGLISH_WORDS.has(t)).length;
  return hindi > 0 && hindi * 2 >= english ? 'romanized_hindi' : 'english';
}
