import { hasAnyPhrase, wordsOf } from './words';

/** "Leave all this", said before asking for something else: the consumer drops the open question. */
const DISMISSALS = [
  'chhodiye', 'chodiye', 'chhodo', 'chodo', 'chhod do', 'chod do', 'rehne do', 'rahne do', 'rehne dijiye', 'rahne dijiye',
  'jane do', 'jaane do', 'jane dijiye', 'leave it', 'leave this', 'forget it', 'forget about', 'never mind', 'nevermind',
  'not now', 'skip', 'baad me karenge', 'baad mein karenge', 'baad me karunga', 'baad me karungi', 'later',
  'छोड़िए', 'छोड़िये', 'छोड़ो', 'छोड़ दो', 'रहने दो', 'रहने दीजिए', 'जाने दो', 'जाने दीजिए', 'बाद में करेंगे', 'बाद में करूंगा',
];

/** Whether the message drops what was going on ("chhodiye ye sab", "leave it"), whatever it asks next. */
export function dropsTheMatter(text: string): boolean {
  return hasAnyPhrase(wordsOf(text), DISMISSALS);
}
