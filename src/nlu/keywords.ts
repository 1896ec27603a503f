import type { IntentId } from './intents';
import { normalizeText } from './normalize';

type KeywordIntent = Extract<IntentId, 'greeting' | 'cancel' | 'help' | 'change_language'>;

/**
 * Whole messages that mean one thing in any dialog, in all three scripts. A one- or two-word message
 * gives a statistical model too little evidence, and these must never miss: "stop" has to stop.
 * Bare "band"/"बंद" is left out on purpose: it also answers "is your supply on?".
 */
const KEYWORDS: Readonly<Record<KeywordIntent, readonly string[]>> = {
  cancel: [
    'stop', 'cancel', 'cancle', 'cencel', 'cancel karo', 'cancel kar do', 'band karo', 'band kar do', 'ruko', 'rukiye',
    'ruk jao', 'bas', 'bas karo', 'rehne do', 'chhodo', 'chodo', 'exit', 'quit', 'abort', 'never mind', 'nevermind',
    'forget it', 'रुको', 'रुकिए', 'बंद करो', 'बंद कर दो', 'रद्द', 'रद्द करो', 'रहने दो', 'छोड़ो', 'बस', 'बस करो', 'कैंसल',
    'कैंसिल', 'स्टॉप',
  ],
  help: [
    'help', 'help me', 'help please', 'please help', 'madad', 'madad karo', 'madad chahiye', 'sahayata', 'sahayta', 'मदद', 'मदद करो',
    'मदद चाहिए', 'सहायता', 'हेल्प',
  ],
  greeting: [
    'hi', 'hii', 'hello', 'hey', 'namaste', 'pranam', 'pranaam', 'menu', 'main menu', 'start', 'good morning',
    'good evening', 'hi sir', 'hello sir', 'namaste sir', 'namaste ji', 'नमस्ते', 'नमस्कार', 'प्रणाम', 'हेलो', 'हैलो',
    'हाय', 'मेनू', 'राम राम', 'नमस्ते जी', 'नमस्ते सर',
  ],
  change_language: [
    'english', 'hindi', 'angrezi', 'angreji', 'english please', 'hindi please', 'in english', 'in hindi', 'english me',
    'hindi me', 'english mein', 'hindi mein', 'हिंदी', 'हिन्दी', 'अंग्रेजी', 'इंग्लिश', 'हिंदी में', 'हिन्दी में',
    'अंग्रेजी में', 'इंग्लिश में',
  ],
};

const INTENT_BY_KEYWORD: ReadonlyMap<string, KeywordIntent> = new Map(
  (Object.entries(KEYWORDS) as [KeywordIntent, readonly string[]][]).flatMap(([intent, keywords]) =>
    keywords.map((keyword): [string, KeywordIntent] => [normalizeText(keyword), intent]),
  ),
);

/** The intent when the whole message is one of the reserved keywords, after normalisation ("STOP!!", "plz help"). */
export function keywordIntent(text: string): KeywordIntent | undefined {
  return INTENT_BY_KEYWORD.get(normalizeText(text));
}
