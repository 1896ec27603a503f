import { writeSpokenDigits } from '../domain/spokenDigits';
import { parseConsumerNumber } from '../domain/consumerNumber';
import { toAsciiDigits } from '../domain/digits';
import { parseMobileNumber } from '../domain/mobileNumber';
import { parseTicketNumber } from '../domain/ticketNumber';
import { normalizeTokens } from './normalize';
import type { Entities } from './recognizer';

/** "SP" and eight digits, grouped any way; parseTicketNumber checks the check digit. */
const TICKET = /(?<![a-z])s\s*p[\s-]*\d{4}[\s-]*\d{4}(?!\d)/giu;

/**
 * A whole reference word, optional filler ("no", "id", "hai", ":"), then the id itself. The word must
 * end where a letter stops, or "reference" would be read as "ref" followed by the id "erence".
 */
const REFERENCE_AFTER_WORD =
  /(?<![a-z])(?:utr|txn|trxn|transaction|trans|ref|reference|order\s*id|यूटीआर|ट्रांजेक्शन|ट्रांजैक्शन|रेफरेंस)(?![a-z])(?:[\s:#.=-]+(?:id|no|number|num|nmbr|nambar|नंबर|संख्या|आईडी|ka|का|hai|है|is))*[\s:#.=-]*([a-z0-9_]+(?:[ -]\d+)*)/giu;

const AMOUNT_NUMBER = String.raw`((?:\d{1,3}(?:,\d{2,3})+|\d{1,6})(?:\.\d{1,2})?)`;
const RUPEE_WORD_AFTER = String.raw`(?:rs\.?(?![a-z])|rupees?|rupaye|rupaya|rupay|rupiya|rupya|rupye|rupaiya|inr|रुपये|रुपए|रुपया|रुपैया|रूपये|रूपए|रुपय|रु\.?|रू\.?|₹|/-)`;
const AMOUNT_BEFORE_UNIT = new RegExp(String.raw`(?<![\d.,])${AMOUNT_NUMBER}\s*${RUPEE_WORD_AFTER}`, 'giu');
const AMOUNT_AFTER_UNIT = new RegExp(
  String.raw`(?:₹|(?<![a-z])rs\.?|(?<![a-z])inr|(?<![a-z])rupees?)\s*${AMOUNT_NUMBER}(?![\d])`,
  'giu',
);
/** "500 ka recharge": the most common way an amount is typed without a unit. */
const AMOUNT_OF_RECHARGE = /(?<![\d.,])(\d{2,6})\s*(?:ka|का|ke|के|ki|की)\s*(?:recharge|richarge|recharj|रिचार्ज|रीचार्ज)/giu;

/** Digits with single spaces or dashes inside, as people group long numbers ("98765 43210"). */
const DIGIT_RUN = /(?:\+\s?)?\d(?:[ -]?\d)*/g;
/** People group long numbers in fours or fives; a longer group is a number of its own. */
const MAX_DIGIT_GROUP = 5;

const MOBILE_WORDS: ReadonlySet<string> = new Set([
  'mobile', 'phone', 'fone', 'whatsapp', 'sim', 'otp', 'मोबाइल', 'मोबाईल', 'फोन', 'सिम', 'व्हाट्सएप',
]);
/** "number" alone means a mobile number, unless a CA word qualifies it ("CA number", "consumer no"). */
const NUMBER_WORDS: ReadonlySet<string> = new Set(['number', 'no', 'naya', 'new', 'नंबर', 'नम्बर', 'नया', 'संख्या']);
const CA_WORDS: ReadonlySet<string> = new Set([
  'ca', 'consumer', 'account', 'acc', 'acct', 'उपभोक्ता', 'खाता', 'कंज्यूमर', 'सीए',
]);

const LANGUAGE_WORDS: ReadonlyMap<string, 'en' | 'hi'> = new Map([
  ['english', 'en'], ['angrezi', 'en'], ['angreji', 'en'], ['angrezee', 'en'], ['अंग्रेजी', 'en'], ['इंग्लिश', 'en'],
  ['hindi', 'hi'], ['हिंदी', 'hi'], ['हिन्दी', 'hi'],
]);
/** Hindi puts the negation after the word ("english nahi aata"), English before it ("don't know English"). */
const HINDI_NEGATIONS: ReadonlySet<string> = new Set(['nahi', 'नहीं', 'नही', 'na']);
const ENGLISH_NEGATIONS: ReadonlySet<string> = new Set(['not', 'dont', 'don', 'no', 'cant', 'cannot']);
const REQUEST_WORDS: ReadonlySet<string> = new Set([
  'me', 'mein', 'mai', 'में', 'मे', 'in', 'please', 'bolo', 'baat', 'reply', 'language', 'bhasha', 'भाषा', 'karo',
]);

/** Values a consumer typed, read from free text; a field is absent when the message does not hold it. */
export function extractEntities(text: string): Entities {
  const entities: Entities = {};
  // Each reader blanks out what it used, so no digit is read as two things.
  let rest = toAsciiDigits(writeSpokenDigits(text.normalize('NFC')));

  rest = consume(rest, TICKET, (match) => {
    const ticket = parseTicketNumber(match[0]);
    if (ticket) entities.ticketNumber ??= ticket;
    return true;
  });
  rest = consume(rest, REFERENCE_AFTER_WORD, (match) => {
    const reference = (match[1] ?? '').replace(/[ -]/g, '');
    if (!isPaymentReference(reference)) return false;
    // Kept as typed: app transaction ids can be case-sensitive.
    entities.paymentReference ??= reference;
    return true;
  });
  for (const pattern of [AMOUNT_BEFORE_UNIT, AMOUNT_AFTER_UNIT, AMOUNT_OF_RECHARGE]) {
    rest = consume(rest, pattern, (match) => {
      entities.amount ??= Number((match[1] ?? '').replace(/,/g, ''));
      return true;
    });
  }
  for (const run of rest.matchAll(DIGIT_RUN)) {
    readNumber(run[0], contextBefore(rest, run.index), entities);
  }

  const language = askedLanguage(normalizeTokens(text));
  if (language) entities.language = language;
  return entities;
}

/** Blanks out every accepted match with as many spaces, so later indices still point at the same text. */
function consume(text: string, pattern: RegExp, accept: (match: RegExpMatchArray) => boolean): string {
  let rest = text;
  for (const match of text.matchAll(pattern)) {
    if (!accept(match)) continue;
    const start = match.index ?? 0;
    rest = rest.slice(0, start) + ' '.repeat(match[0].length) + rest.slice(start + match[0].length);
  }
  return rest;
}

function isPaymentReference(candidate: string): boolean {
  return candidate.length >= 6 && candidate.length <= 35 && /\d/.test(candidate);
}

/** The words before a number, nearest first: the nearest identifying word says what the number is. */
function contextBefore(text: string, index: number | undefined): string[] {
  return [...normalizeTokens(text.slice(0, index ?? 0))].reverse();
}

function readNumber(run: string, wordsBefore: string[], entities: Entities): void {
  if (run.startsWith('+')) {
    const mobile = parseMobileNumber(run);
    if (mobile) entities.mobile ??= mobile;
    return;
  }
  const groups = run.split(/[ -]/);
  if (groups.length > 1 && groups.some((group) => group.length > MAX_DIGIT_GROUP)) {
    // Two numbers next to each other ("500 123456789"), not one number typed in groups.
    for (const group of groups) readNumber(group, wordsBefore, entities);
    return;
  }
  const digits = groups.join('');
  const saysWhat = whatTheWordsSay(wordsBefore);
  const saysMobile = saysWhat === 'mobile';
  const saysCa = saysWhat === 'ca';

  const mobile = parseMobileNumber(digits);
  if (mobile && ((digits.length === 11 && digits.startsWith('0')) || (digits.length === 10 && saysMobile))) {
    entities.mobile ??= mobile;
    return;
  }
  if (digits.length === 12 && !saysCa) {
    // A bare 12-digit number is a UPI UTR far more often than a CA number (SBPDCL's have 9 digits).
    entities.paymentReference ??= digits;
    return;
  }
  const ca = parseConsumerNumber(digits);
  if (ca.ok) entities.caNumber ??= ca.value;
}

/** The nearest identifying word before a number decides what it is. */
function whatTheWordsSay(wordsBefore: readonly string[]): 'mobile' | 'ca' | undefined {
  for (const [i, word] of wordsBefore.entries()) {
    if (CA_WORDS.has(word)) return 'ca';
    if (MOBILE_WORDS.has(word)) return 'mobile';
    if (NUMBER_WORDS.has(word)) {
      const qualifier = wordsBefore.slice(i + 1).find((w) => !NUMBER_WORDS.has(w));
      return qualifier !== undefined && CA_WORDS.has(qualifier) ? 'ca' : 'mobile';
    }
  }
  return undefined;
}

/**
 * The language a message asks for. A mention next to a negation ("english nahi aati", "don't know
 * English") is not a request; one next to a request word ("hindi me", "in English") beats a bare one.
 */
function askedLanguage(tokens: readonly string[]): 'en' | 'hi' | undefined {
  let chosen: 'en' | 'hi' | undefined;
  let chosenIsRequest = false;
  tokens.forEach((token, i) => {
    const language = LANGUAGE_WORDS.get(token);
    if (!language) return;
    const after = tokens.slice(i + 1, i + 3);
    const before = tokens.slice(Math.max(0, i - 3), i);
    if (after.some((w) => HINDI_NEGATIONS.has(w)) || before.some((w) => ENGLISH_NEGATIONS.has(w))) return;
    const isRequest = [...before.slice(-1), ...after].some((w) => REQUEST_WORDS.has(w));
    if (isRequest || !chosenIsRequest) {
      chosen = language;
      chosenIsRequest = isRequest;
    }
  });
  return chosen;
}
