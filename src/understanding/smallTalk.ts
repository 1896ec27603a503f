import { wordsOf } from './words';

/** Words that only acknowledge: "ok", "thik h", "👍", "achha", "hmm", "ok waiting", "samajh gaya". */
const ACKNOWLEDGING = new Set([
  'ok', 'okay', 'okk', 'okey', 'k', 'kk', 'hmm', 'hm', 'hmmm', 'achha', 'acha', 'accha', 'achchha', 'thik', 'theek', 'thk', 'tik',
  'h', 'hai', 'he', 'ji', 'sir', 'madam', 'ma', 'am', 'waiting', 'wait', 'karta', 'karti', 'karte', 'hun', 'hu', 'hoon', 'rukta',
  'intezar', 'intjar', 'samajh', 'samjh', 'gaya', 'gayi', 'gaye', 'understood', 'noted', 'fine', 'alright', 'right', 'got',
  'it', 'sure', 'will', 'do', 'i', 'we', 'main', 'mai', 'dekhta', 'dekhte', 'dekhti', 'let', 'me', 'see', 'check',
  'ओके', 'ठीक', 'है', 'हम्म', 'अच्छा', 'जी', 'समझ', 'गया', 'गई', 'इंतज़ार', 'इंतजार', 'करता', 'करती', 'हूँ', 'हूं', 'देखता',
  'thanks', 'thank', 'you', 'thanku', 'dhanyawad', 'dhanyavad', 'shukriya', 'धन्यवाद', 'शुक्रिया',
  '👍', '👌', '🙏', '🙂', '😊', '✅',
]);

/**
 * A message that only acknowledges what the bot said ("ok", "👍", "thik h", "ok waiting"): it asks
 * nothing and wants nothing, so it gets a short "all right" instead of "did not understand" and the
 * whole menu.
 */
export function isAcknowledgement(text: string): boolean {
  const words = wordsOf(text);
  return words.length > 0 && words.length <= 6 && words.every((word) => ACKNOWLEDGING.has(word)) && !/\?/.test(text);
}
