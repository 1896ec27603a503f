import { hasAnyPhrase, wordsOf } from './words';

/** The number or SIM registered now, as consumers name it. */
const OLD_NUMBER = [
  'sim', 'सिम', 'purana', 'purane', 'purani', 'old', 'पुराना', 'पुराने', 'पुरानी', 'registered', 'रजिस्टर्ड', 'पंजीकृत',
];

/** What happened to it: lost, stolen, closed, not with the consumer any more. */
const GONE = [
  'kho', 'khoya', 'kho gaya', 'gum', 'gum ho gaya', 'lost', 'stolen', 'chori', 'band', 'bandh', 'closed', 'deactivated',
  'not working', 'not having', 'no longer', 'not with me', 'nahi hai', 'nhi hai', 'hi nahi', 'खो', 'खोया', 'खो गया', 'गुम',
  'चोरी', 'बंद', 'नहीं है', 'ही नहीं', 'हि नहीं',
];

/**
 * Whether the consumer says the number registered on the connection is gone ("purana sim kho gaya",
 * "पुराना वाला तो बंद है", "I am not having my old number"): its OTP cannot prove the change, so the
 * mobile change goes straight to the second proof instead of asking for that phone.
 */
export function saysRegisteredNumberGone(text: string): boolean {
  const words = wordsOf(text);
  return hasAnyPhrase(words, OLD_NUMBER) && hasAnyPhrase(words, GONE);
}
