import { writeSpokenDigits } from '../domain/spokenDigits';
import { rememberingRecent } from './recentResults';
import { toAsciiDigits } from '../domain/digits';

/**
 * Canonical spelling and the common ways consumers type it. Only words that carry meaning for the
 * intents, so the list stays short enough to review by eye; character n-grams cover the long tail.
 */
const SPELLING_VARIANTS: Readonly<Record<string, readonly string[]>> = {
  // Hindi function words: the same word, typed by ear.
  nahi: ['nhi', 'nai', 'nahin', 'nahii', 'nhin', 'nahee', 'nehi', 'nahe', 'nhai', 'nahhi'],
  aaya: ['aya', 'aayi', 'ayi', 'aai', 'aayaa', 'ayaa', 'aaye', 'aye', 'aaii', 'aayee'],
  aayega: ['ayega', 'aaega', 'ayegi', 'aayegi', 'aaegi', 'aiyega'],
  gaya: ['gya', 'gayi', 'gai', 'gyi', 'gaye', 'gye', 'gyaa', 'gayaa'],
  kiya: ['kia', 'kiye', 'kie', 'kiyaa'],
  hai: ['h', 'hain', 'hy', 'hae', 'hei'],
  kya: ['kyaa'],
  kyon: ['kyu', 'kyun', 'kyo', 'kiyu', 'q'],
  kab: ['kb'],
  tak: ['tk'],
  kaise: ['kese', 'kaese', 'kaisey', 'kayse', 'kaisay', 'kase', 'kaisa', 'kesa'],
  kitna: ['kitana', 'ktna', 'kitni', 'kitne', 'kitnaa'],
  mera: ['mra', 'meraa', 'mere', 'meri', 'mero', 'hamara', 'hamra', 'humara', 'hmara'],
  karo: ['kro', 'kariye', 'kijiye', 'kijie', 'kariyee', 'karen', 'kare', 'kre', 'krdo', 'kardo', 'kardijiye'],
  hua: ['hwa', 'huaa', 'hue', 'hui', 'huwa'],
  raha: ['rha', 'rahi', 'rhi', 'rahe', 'rhe', 'rhaa'],
  chahiye: ['chahie', 'chaiye', 'chahiyee', 'cahiye', 'chahiya', 'chaahiye', 'chahiey'],
  batao: ['btao', 'bataye', 'bataiye', 'bataie', 'batayen', 'bataen', 'batana', 'btaye', 'btaiye'],
  abhi: ['abi', 'abhee', 'abhie'],
  paisa: ['paise', 'pesa', 'paisaa', 'paysa', 'pese', 'pasa', 'paissa'],
  zyada: ['jyada', 'jada', 'zada', 'jyda', 'zyda', 'jiyada', 'jaada', 'ziyada', 'jayada'],
  theek: ['thik', 'thk', 'thick', 'thek'],
  baat: ['bat', 'baatt'],
  madad: ['madat', 'maddad', 'madadd'],
  insaan: ['insan', 'insana'],
  chalu: ['chaloo', 'chaalu', 'chaalo', 'calu'],
  band: ['bnd', 'bandh'],
  kat: ['kaat', 'katt', 'kata', 'kaata'],
  katauti: ['katoti', 'katuti', 'kattauti', 'katouti'],
  shikayat: ['sikayat', 'shikayt', 'shikayath', 'sikayt', 'shikait'],
  namaste: ['namaskar', 'namastey', 'namste', 'namasty', 'namastay', 'namskar', 'namashkar'],
  // Domain nouns: loanwords with no settled Roman spelling. "light", "current" and "bijli" all mean supply.
  bijli: ['light', 'lite', 'lyt', 'lait', 'current', 'karent', 'carent', 'karant', 'bijali', 'bijlee', 'bijly', 'bjli', 'bijle'],
  recharge: ['richarge', 'recharj', 'richarj', 'rechage', 'recharg', 'rechrge', 'rechar', 'rcharge', 'richaarj', 'recharged', 'rechard', 'reacharge'],
  balance: ['blance', 'balence', 'balanc', 'blnc', 'belance', 'balace', 'bailence', 'balans', 'bailens', 'bal'],
  meter: ['metre', 'miter', 'mitar', 'meeter', 'mitter'],
  complaint: ['complain', 'complen', 'complant', 'complane', 'compalint', 'complent', 'complaine', 'complaints'],
  mobile: ['mobail', 'moblie', 'mob', 'mobil', 'mobaile', 'mobille'],
  number: ['nmbr', 'numbr', 'nambar', 'nmber', 'numbar'],
  transformer: ['tranformer', 'transformar', 'tarnsformer', 'trasformer', 'transfarmer', 'tansformer', 'transfarmar'],
  rupees: ['rs', 'rupay', 'rupaye', 'rupya', 'rupiya', 'rupee', 'rupe', 'rupaiya', 'rupaya', 'inr', 'rupye'],
  please: ['plz', 'pls', 'plzz', 'plese', 'pleas', 'plij', 'pliz', 'plzzz', 'plss', 'pleez'],
  hello: ['helo', 'hallo', 'hlo', 'hellow', 'hloo'],
  english: ['eng', 'englis', 'inglish', 'engish', 'englsh'],
  hindi: ['hindee', 'hndi', 'hinid'],
};

const CANONICAL_BY_VARIANT: ReadonlyMap<string, string> = new Map(
  Object.entries(SPELLING_VARIANTS).flatMap(([canonical, variants]) =>
    variants.map((variant): [string, string] => [variant, canonical]),
  ),
);

/** The canonical spelling of one lower-case token, or the token itself when it has no known variant. */
export function canonicalSpelling(token: string): string {
  return CANONICAL_BY_VARIANT.get(token) ?? token;
}

/**
 * Lower-case tokens in canonical spelling: the one view of a message that the classifier, script
 * detection and urgency share, so "nahiii", "nhi" and "nahin" all count as one word.
 */
export const normalizeTokens: (text: string) => readonly string[] = rememberingRecent(tokensOf);

function tokensOf(text: string): readonly string[] {
  const cleaned = toAsciiDigits(writeSpokenDigits(text.normalize('NFC')))
    // Invisible joiners and the nukta change nothing a reader sees: ज़्यादा and ज्यादा are one word.
    .replace(/[\u200B-\u200D\uFEFF\u093C]/g, '')
    // Chandrabindu and anusvara are used interchangeably in typed Hindi (नहीं / नहीँ).
    .replace(/\u0901/g, '\u0902')
    .replace(/₹/g, ' rupees ')
    .toLowerCase()
    // Danda, emoji and every other punctuation mark separate words and say nothing about intent.
    .replace(/[^\p{L}\p{M}\p{N}]+/gu, ' ')
    // "500rs" is two words.
    .replace(/(\p{N})(?=[\p{L}\p{M}])|([\p{L}\p{M}])(?=\p{N})/gu, '$1$2 ')
    // Emphasis ("nahiii", "plzzz") repeats a letter three or more times; two can be real ("aa", "ee").
    .replace(/(\p{L})\1{2,}/gu, '$1')
    // A repeated vowel sign is never real spelling in Devanagari.
    .replace(/(\p{M})\1+/gu, '$1');
  return cleaned
    .split(' ')
    .filter((token) => token.length > 0)
    .map(canonicalSpelling);
}

/** The message as one normalised string of canonical tokens separated by single spaces. */
export function normalizeText(text: string): string {
  return normalizeTokens(text).join(' ');
}
