import { normalizeTokens } from './normalize';

/** Who or what at home needs power for health; the reply names it, and the case is urgent. */
export type HealthNeed = 'ill' | 'infant' | 'pregnant' | 'elderly' | 'equipment';

/** Words that on their own say what health need there is at home, in any script. */
const NEED_WORDS: ReadonlyMap<string, HealthNeed> = new Map([
  ...needs('ill', [
    'bimar', 'bimaar', 'beemar', 'bemar', 'bimari', 'beemari', 'bimaari', 'sick', 'ill', 'illness', 'unwell', 'bedridden', 'ridden',
    'patient', 'patients', 'mareez', 'mariz', 'marij', 'mareej', 'mrij', 'rogi', 'bukhar', 'bukhaar', 'fever',
    'hospital', 'aspatal', 'asthma', 'saans', 'operation', 'surgery', 'viklang', 'divyang', 'disabled',
    'बीमार', 'बिमार', 'बीमारी', 'बिमारी', 'मरीज', 'रोगी', 'बुखार', 'अस्पताल', 'दमा', 'सांस', 'ऑपरेशन', 'विकलांग',
    'दिव्यांग',
  ]),
  ...needs('infant', ['infant', 'newborn', 'baby', 'babies', 'navjat', 'shishu', 'नवजात', 'शिशु']),
  ...needs('pregnant', ['pregnant', 'pregnent', 'pragnent', 'garbhvati', 'garbhwati', 'prasav', 'गर्भवती', 'प्रसव']),
  ...needs('elderly', [
    'buzurg', 'bujurg', 'bujurgh', 'buzurgh', 'elderly', 'budhe', 'budha', 'budhi', 'boodhe', 'boodha', 'boodhi',
    'vriddh', 'vridh', 'dadi', 'nani', 'dada', 'nana', 'grandmother', 'grandfather', 'grandma', 'grandpa',
    'बुजुर्ग', 'बूढे', 'बूढा', 'बूढी', 'बुढे', 'वृद्ध', 'दादी', 'नानी', 'दादा', 'नाना',
  ]),
  // Medical equipment that stops without supply.
  ...needs('equipment', [
    'oxygen', 'ventilator', 'nebulizer', 'nebuliser', 'nebulizar', 'dialysis', 'concentrator', 'cpap', 'bipap',
    'insulin', 'ऑक्सीजन', 'आक्सीजन', 'वेंटिलेटर', 'नेबुलाइजर', 'डायलिसिस', 'इंसुलिन',
  ]),
]);

function needs(need: HealthNeed, list: readonly string[]): [string, HealthNeed][] {
  return list.map((word) => [word, need]);
}

/**
 * The most pressing need among those named: a machine that stops without power comes before an
 * illness, an infant or the elderly ("my mother has asthma, her nebulizer runs on power").
 */
const PRECEDENCE: readonly HealthNeed[] = ['equipment', 'infant', 'pregnant', 'ill', 'elderly'];

/** "Old" and "small" are urgent only next to a person: "old meter" and "chhota sa kaam" are not. */
const OLD_WORDS: ReadonlySet<string> = new Set(['old', 'senior', 'aged']);
const PEOPLE_AFTER_OLD: ReadonlySet<string> = new Set([
  'mother', 'father', 'parents', 'man', 'woman', 'lady', 'people', 'age', 'person', 'couple', 'citizen',
  'citizens', 'grandmother', 'grandfather', 'mom', 'dad',
]);
const SMALL_WORDS: ReadonlySet<string> = new Set([
  'chhota', 'chota', 'chhote', 'chote', 'chhoti', 'choti', 'mahine', 'mahina', 'month', 'months', 'small',
  'little', 'छोटा', 'छोटे', 'छोटी', 'महीने', 'महीना',
]);
const CHILD_WORDS: ReadonlySet<string> = new Set([
  'bachha', 'baccha', 'bacha', 'bachcha', 'bachhe', 'bacche', 'bache', 'bachche', 'bachi', 'bachchi', 'bachhi',
  'child', 'children', 'kid', 'kids', 'बच्चा', 'बच्चे', 'बच्ची', 'बच्चों', 'बचा', 'बचे',
]);
const YEARS_WORDS: ReadonlySet<string> = new Set(['saal', 'sal', 'year', 'years', 'yr', 'yrs', 'varsh', 'साल', 'वर्ष']);
/** Age from which a mention like "80 saal ki maa" counts as elderly. */
const ELDERLY_AGE = 70;

/** The health need the message names (illness, an infant, the elderly, medical equipment), in any script, or null. */
export function healthNeedOf(text: string): HealthNeed | null {
  const tokens = normalizeTokens(text);
  const named = new Set<HealthNeed>();
  tokens.forEach((token, i) => {
    const need = NEED_WORDS.get(token);
    if (need) named.add(need);
    const next = tokens[i + 1] ?? '';
    if (OLD_WORDS.has(token) && PEOPLE_AFTER_OLD.has(next)) named.add('elderly');
    if (CHILD_WORDS.has(token) && tokens.slice(Math.max(0, i - 3), i).some((w) => SMALL_WORDS.has(w))) named.add('infant');
    if (/^\d{2,3}$/.test(token) && Number(token) >= ELDERLY_AGE && YEARS_WORDS.has(next)) named.add('elderly');
  });
  return PRECEDENCE.find((need) => named.has(need)) ?? null;
}

/** Whether the message mentions someone at home who needs power for their health. */
export function mentionsUrgency(text: string): boolean {
  return healthNeedOf(text) !== null;
}
