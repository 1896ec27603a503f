import { hasAnyPhrase, isQuestion, wordsOf } from './words';

/**
 * Questions about the bot's last answer, which a good 1912 agent answers from it: how long, what if
 * it does not happen, will it be cut tonight, can I pay with this app, how much should I recharge,
 * should I pay again.
 */
export type FollowUp = 'when' | 'if_not' | 'cut_tonight' | 'payment_channel' | 'how_much' | 'pay_again';

const PATTERNS: Record<FollowUp, readonly string[]> = {
  if_not: [
    'agar nahi', 'agar nhi', 'agr nahi', 'nahi aayi to', 'nahi aaya to', 'nahi aya to', 'nhi aaya to', 'nhi aayi to', 'nahi hua to',
    'nhi hua to', 'nahi aayega to', 'what if', 'if not', 'if it does not', "if it doesn't", 'if it is not', 'if still',
    'otherwise', 'warna', 'varna', 'अगर नहीं', 'नहीं आई तो', 'नहीं आया तो', 'नहीं हुआ तो', 'वरना',
  ],
  when: [
    'kab tak', 'kb tk', 'kab tk', 'kb tak', 'kitna time', 'kitna samay', 'kitni der', 'kitne der', 'kitne time', 'kitne din',
    'kitna din', 'kab aayegi', 'kab ayegi', 'kab aayega', 'kab ayega', 'kab hoga', 'kab milega', 'kab aaega', 'how long',
    'how much time', 'by when', 'when will', 'what time', 'कब तक', 'कितना समय', 'कितनी देर', 'कितने दिन', 'कब आएगी',
    'कब आएगा', 'कब होगा', 'कब मिलेगा', 'कितना देर', 'kitna der', 'kitni der', 'kab le', 'kahiya', 'कब ले', 'कहिया', 'कब तक आई', 'kab tak aai',
  ],
  cut_tonight: [
    'raat', 'rat me', 'rat ko', 'tonight', 'night', 'sunday', 'ravivar', 'holiday', 'chutti', 'रात', 'रविवार', 'छुट्टी',
  ],
  payment_channel: [
    'phonepe', 'phone pe', 'phonpe', 'google pay', 'googlepay', 'gpay', 'g pay', 'paytm', 'bhim', 'upi se', 'upi', 'net banking',
    'netbanking', 'debit card', 'credit card', 'फोनपे', 'फ़ोनपे', 'फोन पे', 'गूगल पे', 'पेटीएम', 'यूपीआई',
  ],
  pay_again: [
    'ek baar aur', 'ek bar aur', 'dobara', 'dubara', 'dobaara', 'phir se', 'fir se', 'pay again', 'recharge again', 'payment again',
    'do the payment again', 'pay it again', 'दोबारा', 'दुबारा', 'फिर से', 'फेर से', 'fer se', 'pher se', 'एक बार और',
  ],
  how_much: [
    'kitne ka recharge', 'kitna recharge', 'kitne ka richarge', 'kitne ka karein', 'kitne ka karu', 'kitne ka karna', 'kitna dalna',
    'kitna daalna', 'kitna dalu', 'kitna karna', 'kitne ka karna', 'kitna dalna hoga', 'how much recharge', 'how much should i recharge',
    'how much to recharge', 'how much should i pay', 'how much to pay', 'how much do i need', 'how much is needed', 'कितने का रिचार्ज',
    'कितना रिचार्ज', 'कितना recharge', 'कितना डालना', 'कितना डालें', 'कितने का करें', 'कितना करना', 'केतना के रिचार्ज',
  ],
};

/** Words that make a "raat"/"night" mention a question about disconnection, not about a night outage. */
const WILL_CUT = [
  'katega', 'kategi', 'kaatega', 'kat jayega', 'kat jaegi', 'kat jayegi', 'cut hoga', 'cut ho jayega', 'will be cut', 'will cut',
  'be disconnected', 'disconnect hoga', 'band hoga', 'band ho jayega', 'कटेगा', 'कटेगी', 'कट जाएगा', 'कट जाएगी', 'बंद होगा',
  'kat to nahi', 'cut to nahi', 'कट तो नहीं', 'कट तो नहीं जाएगा', 'फिर से कट',
];
/** "Kal raat se bijli kati hai" reports a cut; only asked ("raat me kati to?") is it about disconnection. */
const CUT = ['kati', 'katto', 'katai', 'kat', 'cut', 'कटी', 'कटतो', 'कटाई', 'कट'];

/** A payment app named in a question ("PhonePe se ho jayega?"), not in a report ("Google Pay se kiya tha"). */
const CAN_I = ['sakte', 'sakta', 'sakti', 'skte', 'ho jayega', 'ho jaega', 'hoga', 'chalega', 'can i', 'can we', 'can', 'सकते', 'सकता', 'हो जाएगा', 'चलेगा'];

/** The follow-up this message asks, if any; questions only (a statement is not a follow-up). */
export function followUpOf(text: string): FollowUp | null {
  const words = wordsOf(text);
  if (hasAnyPhrase(words, PATTERNS.how_much)) return 'how_much';
  // "Raat me phir se kat to nahi jayega?" asks about a cut, whatever "phir se" would mean beside a payment.
  if (hasAnyPhrase(words, PATTERNS.cut_tonight) && hasAnyPhrase(words, WILL_CUT)) return 'cut_tonight';
  if (hasAnyPhrase(words, PATTERNS.pay_again) && isQuestion(text)) return 'pay_again';
  if (hasAnyPhrase(words, PATTERNS.if_not)) return 'if_not';
  if (hasAnyPhrase(words, PATTERNS.cut_tonight) && hasAnyPhrase(words, CUT) && isQuestion(text)) return 'cut_tonight';
  if (hasAnyPhrase(words, PATTERNS.payment_channel) && (isQuestion(text) || hasAnyPhrase(words, CAN_I))) return 'payment_channel';
  if (hasAnyPhrase(words, PATTERNS.when)) return 'when';
  return null;
}
