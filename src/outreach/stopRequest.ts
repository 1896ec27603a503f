import { normalizeText } from '../nlu/normalize';

/**
 * Whole messages that ask for no more campaign messages, in all three scripts, besides the stop
 * button's own words. Narrower than the bot's cancel keywords on purpose: "ruko" (wait) or "bas"
 * (enough) after a campaign message must not end a consumer's campaign messages for good.
 */
const STOP_REQUESTS: readonly string[] = [
  'stop', 'stop messages', 'stop message', 'unsubscribe', 'band karo', 'band kar do', 'band kro', 'message band karo',
  'msg band karo', 'बंद करो', 'बंद कर दो', 'संदेश बंद करें', 'संदेश बंद करो', 'मैसेज बंद करो', 'स्टॉप',
];

const NORMALIZED: ReadonlySet<string> = new Set(STOP_REQUESTS.map(normalizeText));

/** Whether the whole message asks to stop campaign messages ("STOP", "band karo", "बंद करो"). */
export function isStopRequest(text: string): boolean {
  return NORMALIZED.has(normalizeText(text));
}
