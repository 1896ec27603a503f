import { hasAnyPhrase, isQuestion, wordsOf } from './words';

const YES = new Set([
  'yes', 'y', 'ya', 'yeah', 'yep', 'yup', 'ok', 'okay', 'okk', 'sure', 'haan', 'han', 'ha', 'haa', 'haanji', 'hanji', 'hnji',
  'sahi', 'theek', 'thik', 'thk', 'bilkul', 'zaroor', 'jarur', 'zarur', 'jaroor', 'हाँ', 'हां', 'हा', 'ठीक', 'सही', 'बिल्कुल',
  'ज़रूर', 'जरूर', '1', '👍', '👌',
]);
const NO = new Set(['no', 'n', 'nope', 'nahi', 'nahin', 'nhi', 'nai', 'na', 'mat', 'नहीं', 'नही', 'ना', 'मत', '2', '👎']);

/**
 * Words that, around a yes or a no, add politeness or repeat the consent, and nothing else: "haan ji
 * kar dijiye", "sure, go ahead please", "theek hai", "nahi chahiye", "no thanks".
 */
const CONSENT_FILLERS = new Set([
  'ji', 'जी', 'please', 'plz', 'pls', 'sir', 'madam', 'mam', 'maam', 'bhaiya', 'bhai', 'सर', 'भैया',
  'hai', 'h', 'he', 'है', 'kar', 'kr', 'karo', 'kro', 'kariye', 'kijiye', 'kijie', 'dijiye', 'dijie', 'dijiyega', 'do',
  'de', 'dein', 'den', 'krdo', 'kardo', 'kardijiye', 'krdijiye', 'karwa', 'karwaiye', 'karwa', 'dena', 'go', 'ahead', 'it',
  'that', 'fine', 'good', 'great', 'book', 'register', 'raise', 'chaliye', 'chalo', 'ho', 'jaye', 'jayega', 'gaya',
  'कर', 'करो', 'करें', 'करिए', 'कीजिए', 'दीजिए', 'दिजिए', 'दो', 'दें', 'दीजिये', 'कीजिये', 'हो', 'जाए', 'जायेगा',
  'chahiye', 'chaiye', 'chahie', 'चाहिए', 'thanks', 'thank', 'you', 'thanku', 'dhanyavad', 'धन्यवाद', 'shukriya',
  'abhi', 'अभी', 'also', 'bhi', 'भी', 'sahi', 'yes', 'haan', 'han', 'ok', 'okay', 'theek', 'thik', 'हाँ', 'हां', 'ठीक',
]);

export type YesNoReading =
  /** Only a yes or a no, with politeness around it. */
  | { kind: 'answer'; value: boolean }
  /** A yes or a no followed by something else: a question, a new request, a condition. */
  | { kind: 'answer_and_more'; value: boolean; rest: string }
  | { kind: 'not_an_answer' };

/**
 * Reads a reply to a yes/no question. The first word says which way it leans, but a sentence that
 * goes on to ask or want something else ("theek hai main 200 daal dunga, kab tak aayegi", "nahi,
 * kisi insaan se baat karwao") is not a plain answer: an offer that opens a ticket or changes
 * anything is taken only on a plain yes.
 */
export function readYesNo(text: string): YesNoReading {
  const words = wordsOf(text).filter((word) => word !== 'ji' && word !== 'जी');
  const first = words[0] ?? (wordsOf(text).length > 0 ? 'haan' : '');
  const value = YES.has(first) ? true : NO.has(first) ? false : null;
  if (value === null) return { kind: 'not_an_answer' };
  const rest = words.slice(1).filter((word) => !CONSENT_FILLERS.has(word) && !(value ? YES : NO).has(word));
  return rest.length === 0 ? { kind: 'answer', value } : { kind: 'answer_and_more', value, rest: rest.join(' ') };
}

/**
 * What, after a yes or a no, turns the reply into something else: the consumer will act themselves
 * ("main 200 daal dunga"), wants a person ("kisi insaan se baat karwao"), puts it off ("baad me"),
 * or drops the matter ("chhodiye").
 */
const SOMETHING_ELSE = [
  'main', 'mai', 'mein', 'hum', 'i', "i'll", 'मैं', 'हम', 'khud', 'खुद', 'myself',
  'dunga', 'dungi', 'karunga', 'karungi', 'karenge', 'lunga', 'lungi', 'denge', 'दूंगा', 'दूँगा', 'करूंगा', 'करूँगा', 'करेंगे',
  'insaan', 'insan', 'agent', 'human', 'person', 'officer', 'इंसान', 'एजेंट', 'व्यक्ति', 'baat', 'बात',
  'baad', 'badme', 'later', 'बाद', 'kal', 'tomorrow', 'कल',
  'chhodiye', 'chodiye', 'chhodo', 'chodo', 'rehne', 'rahne', 'leave', 'forget', 'छोड़िए', 'छोड़ो', 'रहने',
  'but', 'lekin', 'par', 'pr', 'magar', 'लेकिन', 'पर', 'मगर',
];

/** Words that say in so many words "do it": register, book, kar dijiye. */
const EXPLICIT_CONSENT = [
  'register', 'book', 'raise', 'go ahead', 'please do', 'do it', 'kar dijiye', 'kar dijie', 'kar do', 'kar dena', 'kariye',
  'darj', 'darz', 'दर्ज', 'कर दीजिए', 'कर दो', 'कीजिए', 'बुक',
];

/**
 * A yes or a no the bot may act on: a plain one, or one followed only by words that do not change it
 * ("haan ji jaldi kijiye", "no, not now"). Not when the rest asks something or wants something else.
 */
export function yesNoToActOn(text: string): boolean | null {
  const reading = readYesNo(text);
  if (reading.kind === 'answer') return reading.value;
  if (reading.kind === 'not_an_answer') return null;
  // "Yes please register. Within how many days they will come?": a yes that names the act, then a
  // question the confirmation itself answers (the ticket says when).
  if (reading.value && hasAnyPhrase(wordsOf(text), EXPLICIT_CONSENT)) return true;
  if (isQuestion(reading.rest) || hasAnyPhrase(wordsOf(reading.rest), SOMETHING_ELSE)) return null;
  return reading.value;
}
