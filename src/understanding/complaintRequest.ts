import { hasAnyPhrase, wordsOf } from './words';

/** The consumer asks for a complaint or a visit in so many words: no need to ask "shall I register one?". */
const ASKS = [
  'lineman', 'line man', 'linemen', 'mistri', 'mistry', 'electrician', 'bhejiye', 'bhej dijiye', 'bhej do', 'send someone',
  'send lineman', 'send a lineman', 'send the lineman', 'complaint', 'complain', 'complaint kar', 'complain kar', 'shikayat',
  'sikayat', 'shikayat darj', 'ticket', 'register a complaint', 'raise a complaint', 'लाइनमैन', 'मिस्त्री', 'भेजिए', 'भेज दीजिए',
  'शिकायत', 'कंप्लेंट', 'कम्प्लेन',
];

/** Whether the message itself asks for a complaint to be registered or someone to be sent. */
export function asksForComplaint(text: string): boolean {
  return hasAnyPhrase(wordsOf(text), ASKS);
}
