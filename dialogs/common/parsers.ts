import { parseConsumerNumber } from '../../src/domain/consumerNumber';
import { toAsciiDigits } from '../../src/domain/digits';
import { parseMobileNumber } from '../../src/domain/mobileNumber';
import { extractEntities } from '../../src/nlu/entities';
import { asksForMeterTest } from '../../src/understanding/dispute';
import { saysRegisteredNumberGone } from '../../src/understanding/lostNumber';
import { isAcknowledgement } from '../../src/understanding/smallTalk';
import { yesNoToActOn } from '../../src/understanding/yesNo';

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

/**
 * Yes or no in English, romanized Hindi or Devanagari, or the button number ("1" yes, "2" no), read
 * by the understanding step: "haan ji kar dijiye" and "sure, go ahead please" are yes; a sentence
 * that only starts like one ("theek hai main 200 daal dunga, kab tak aayegi", "nahi, kisi insaan se
 * baat karwao") is not an answer, so the offer is not taken and the rest is heard as what it is.
 */
export function parseYesNo(text: string): Parsed<boolean> {
  const value = yesNoToActOn(text);
  return value === null ? { ok: false, problem: 'common.answerYesOrNo' } : { ok: true, value };
}

/** "Is the registered phone with you?": yes or no, and "that SIM is lost / closed" is a no. */
export function parseRegisteredPhoneAtHand(text: string): Parsed<boolean> {
  return saysRegisteredNumberGone(text) ? { ok: true, value: false } : parseYesNo(text);
}

/**
 * The answer to an offer that opens a ticket or changes something: a clear yes or no. A bare
 * acknowledgement ("ok", "👍", "thik h") of the explanation before the offer is not consent: the
 * offer is not taken.
 */
export function parseConsent(text: string): Parsed<boolean> {
  if (isAcknowledgement(text) && !hasClearYes(text)) return { ok: true, value: false };
  return parseYesNo(text);
}

/** The answer to "shall I book a meter test?": a consent, or the test asked for in other words ("haan, jaanch karwani hai, koi aakar dekhe"). */
export function parseMeterTestConsent(text: string): Parsed<boolean> {
  return asksForMeterTest(text) ? { ok: true, value: true } : parseConsent(text);
}

const CLEAR_YES = new Set(['yes', 'haan', 'han', 'haanji', 'hanji', 'हाँ', 'हां', 'ha', 'haa', 'sure', 'bilkul', 'zaroor', 'jarur', 'बिल्कुल', 'ज़रूर', 'जरूर', '1']);

function hasClearYes(text: string): boolean {
  return simplify(text).split(' ').some((word) => CLEAR_YES.has(word));
}

const CLOSING = new Set(['thanks', 'thank you', 'thanku', 'thank u', 'thanks a lot', 'ok thanks', 'ok thank you', 'bye', 'ok bye', 'dhanyavad', 'dhanyawad', 'shukriya', 'bas itna hi', 'nahi bas', 'no thanks', 'nothing else', 'kuch nahi', 'धन्यवाद', 'शुक्रिया', 'बस इतना ही', 'और कुछ नहीं', 'कुछ नहीं']);

/** "Thank you", "bas itna hi", a plain "no": the consumer is done, not misunderstood. */
export function isClosing(text: string): boolean {
  const answer = simplify(text);
  if (CLOSING.has(answer)) return true;
  const yesNo = parseYesNo(text);
  return yesNo.ok && !yesNo.value && answer.split(' ').length <= 2;
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

/** A CA number alone, or inside a sentence ("mera CA no 101000001 hai"). */
export function parseConsumerNumberAnswer(text: string): Parsed<string> {
  const parsed = parseConsumerNumber(text);
  if (parsed.ok) return { ok: true, value: parsed.value };
  const inSentence = extractEntities(text).caNumber;
  if (inSentence) return { ok: true, value: inSentence };
  return { ok: false, problem: parsed.problem === 'has_letters' ? 'consumer.hasLetters' : 'consumer.wrongLength' };
}

/** A mobile number alone, or inside a sentence ("mera naya number 9876500099 hai"). */
export function parseMobileAnswer(text: string): Parsed<string> {
  const mobile = parseMobileNumber(text) ?? extractEntities(text).mobile ?? onlyMobileIn(text);
  return mobile ? { ok: true, value: mobile } : { ok: false, problem: 'mobile.invalidNumber' };
}

/** Asked for a mobile, a sentence holding exactly one 10-digit mobile-shaped number means that number. */
function onlyMobileIn(text: string): string | null {
  const found = toAsciiDigits(text).match(/(?<!\d)[6-9]\d{9}(?!\d)/g) ?? [];
  return found.length === 1 ? found[0]! : null;
}

/** A 6-digit OTP, spaces allowed ("123 456"), alone or in a sentence ("OTP 123456 hai"). */
export function parseOtpAnswer(text: string): Parsed<string> {
  const ascii = toAsciiDigits(text);
  const alone = ascii.replace(/\s/g, '');
  if (/^\d{6}$/.test(alone)) return { ok: true, value: alone };
  const inSentence = ascii.match(/(?<!\d)\d{6}(?!\d)/g) ?? [];
  return inSentence.length === 1 ? { ok: true, value: inSentence[0]! } : { ok: false, problem: 'mobile.otpFormat' };
}

/** A reference-shaped word: 8-35 letters and digits, at least 6 of them digits. Case is kept: app ids may need it. */
const REFERENCE_SHAPE = /^[A-Za-z0-9]{8,35}$/;

/**
 * A UPI UTR (12 digits) or an app transaction id, alone or in a sentence ("412300000003 hai",
 * "UTR नंबर 4123 0000 0003"). Read the same way as in a first message.
 */
export function parsePaymentReferenceAnswer(text: string): Parsed<string> {
  const extracted = extractEntities(text).paymentReference;
  if (extracted) return { ok: true, value: extracted };
  const ascii = toAsciiDigits(text);
  const grouped = ascii.replace(/(\d)[ -](?=\d)/g, '$1');
  const word = grouped
    .split(/\s+/)
    .find((token) => REFERENCE_SHAPE.test(token) && token.replace(/\D/g, '').length >= 6);
  return word ? { ok: true, value: word } : { ok: false, problem: 'recharge.referenceFormat' };
}

const DONT_KNOW = new Set([
  'pata nahi', 'pata nhi', 'nahi pata', 'nhi pata', 'maloom nahi', 'malum nahi', 'nahi maloom', 'yaad nahi', 'yad nahi',
  'dont know', 'don t know', 'do not know', 'not known', 'no idea', 'not sure', 'i dont know', 'i don t know',
  'पता नहीं', 'नहीं पता', 'मालूम नहीं', 'नहीं मालूम', 'याद नहीं', 'पता नही', 'नही पता',
]);

/** "pata nahi", "don't know", "याद नहीं": the consumer cannot give what was asked. */
export function isDontKnow(text: string): boolean {
  return DONT_KNOW.has(simplify(text).replace(/\s*(hai|है|h|ji|जी)$/u, ''));
}

/** A serial as on a meter's sticker: letters and digits, at least 3 of them digits. */
const METER_SERIAL = /^(?=(?:[A-Z]*\d){3})[A-Z0-9]{4,20}$/;

/**
 * The meter number on the sticker, alone ("LT22N 0811390", case aside) or in a sentence ("meter no
 * LT22N0811390 hai"); null when the consumer says they do not know it.
 */
export function parseMeterNumberAnswer(text: string): Parsed<string | null> {
  if (isDontKnow(text)) return { ok: true, value: null };
  // Words without a digit are the sentence around the serial ("meter no … hai"); the groups with
  // digits are the serial, however the consumer spaced it ("LT22N 0811390").
  const groups = toAsciiDigits(text.normalize('NFC')).toUpperCase().split(/[^A-Z0-9]+/).filter((word) => /\d/.test(word));
  const serial = groups.join('');
  return METER_SERIAL.test(serial) ? { ok: true, value: serial } : { ok: false, problem: 'mobile.meterNumberFormat' };
}

/** A rupee amount: "500", "₹500", "500rs", "५०० रुपये", "1,000"; null when the consumer does not know it. */
export function parseRupeeAnswer(text: string): Parsed<number | null> {
  if (isDontKnow(text)) return { ok: true, value: null };
  const plain = simplify(text).replace(/,(?=\d{2,3}\b)/g, '');
  const amount = /^\d{1,6}(?:\.\d{1,2})?$/.test(plain) ? Number(plain) : extractEntities(text).amount;
  return amount !== undefined && amount > 0 && amount <= 1_000_000
    ? { ok: true, value: amount }
    : { ok: false, problem: 'mobile.amountFormat' };
}
