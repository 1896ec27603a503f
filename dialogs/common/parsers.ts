import { parseConsumerNumber } from '../../src/domain/consumerNumber';
import { toAsciiDigits } from '../../src/domain/digits';
import { parseMobileNumber } from '../../src/domain/mobileNumber';

/** What a question's parser made of an answer: a value, or the locale key (and values) of what was wrong. */
export type Parsed<T> = { ok: true; value: T } | { ok: false; problem: string; params?: Record<string, unknown> };

/** Lower case, digits in ASCII, without the punctuation people add ("haan.", "yes!"). */
export function simplify(text: string): string {
  return toAsciiDigits(text.normalize('NFC'))
    .toLowerCase()
    .replace(/[।॥.,!?'"]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

const YES = new Set(['yes', 'y', 'ya', 'yeah', 'yep', 'ok', 'okay', 'haan', 'han', 'ha', 'haa', 'hanji', 'haan ji', 'ji', 'ji haan', 'sahi', 'theek hai', 'thik hai', 'हाँ', 'हां', 'हा', 'जी', 'जी हाँ', 'जी हां', 'हाँ जी', 'ठीक है', '1']);
const NO = new Set(['no', 'n', 'nope', 'nahi', 'nahin', 'nhi', 'nai', 'na', 'mat', 'नहीं', 'नही', 'ना', 'जी नहीं', '2']);

/** Yes or no in English, romanized Hindi or Devanagari, or the button number ("1" yes, "2" no). */
export function parseYesNo(text: string): Parsed<boolean> {
  const answer = simplify(text);
  if (YES.has(answer)) return { ok: true, value: true };
  if (NO.has(answer)) return { ok: true, value: false };
  return { ok: false, problem: 'common.answerYesOrNo' };
}

/**
 * One of several options, by its number in the list or by its title in either language.
 * `titles` holds every title of each option (all languages), in list order.
 */
export function parseChoice<Id extends string>(text: string, options: { id: Id; titles: string[] }[]): Parsed<Id> {
  const answer = simplify(text);
  const number = /^\d{1,2}$/.test(answer) ? Number(answer) : NaN;
  const byNumber = options[number - 1];
  if (byNumber) return { ok: true, value: byNumber.id };
  const byTitle = options.find((option) => option.titles.some((title) => simplify(title) === answer));
  return byTitle ? { ok: true, value: byTitle.id } : { ok: false, problem: 'common.pickFromList' };
}

export function parseConsumerNumberAnswer(text: string): Parsed<string> {
  const parsed = parseConsumerNumber(text);
  if (parsed.ok) return { ok: true, value: parsed.value };
  return { ok: false, problem: parsed.problem === 'has_letters' ? 'consumer.hasLetters' : 'consumer.wrongLength' };
}

export function parseMobileAnswer(text: string): Parsed<string> {
  const mobile = parseMobileNumber(text);
  return mobile ? { ok: true, value: mobile } : { ok: false, problem: 'mobile.invalidNumber' };
}

/** A 6-digit OTP, spaces allowed ("123 456"). */
export function parseOtpAnswer(text: string): Parsed<string> {
  const digits = toAsciiDigits(text).replace(/\s/g, '');
  return /^\d{6}$/.test(digits) ? { ok: true, value: digits } : { ok: false, problem: 'mobile.otpFormat' };
}

/** A UPI UTR (12 digits) or an app transaction id (8-35 letters and digits with at least 6 digits). */
export function parsePaymentReferenceAnswer(text: string): Parsed<string> {
  const candidate = toAsciiDigits(text)
    .trim()
    .replace(/^(utr|ref(erence)?|txn|transaction)\s*(no\.?|number|id)?\s*[:.-]?\s*/i, '')
    .replace(/[\s-]/g, '')
    .toUpperCase();
  const digitCount = candidate.replace(/\D/g, '').length;
  if (/^[A-Z0-9]{8,35}$/.test(candidate) && digitCount >= 6) return { ok: true, value: candidate };
  return { ok: false, problem: 'recharge.referenceFormat' };
}
