import { normalizeTokens } from './normalize';

/** Words that on their own mean someone at home is ill, very young, very old or on medical equipment. */
const URGENT_WORDS: ReadonlySet<string> = new Set([
  // Illness.
  'bimar', 'bimaar', 'beemar', 'bemar', 'bimari', 'beemari', 'bimaari', 'sick', 'ill', 'illness', 'unwell',
  'patient', 'patients', 'mareez', 'mariz', 'marij', 'mareej', 'mrij', 'rogi', 'bukhar', 'bukhaar', 'fever',
  'hospital', 'aspatal', 'asthma', 'saans', 'operation', 'surgery', 'viklang', 'divyang', 'disabled',
  'बीमार', 'बिमार', 'बीमारी', 'बिमारी', 'मरीज', 'रोगी', 'बुखार', 'अस्पताल', 'दमा', 'सांस', 'ऑपरेशन', 'विकलांग',
  'दिव्यांग',
  // Infants and pregnancy.
  'infant', 'newborn', 'baby', 'babies', 'navjat', 'shishu', 'pregnant', 'pregnent', 'pragnent', 'garbhvati',
  'garbhwati', 'prasav', 'नवजात', 'शिशु', 'गर्भवती', 'प्रसव',
  // The elderly.
  'buzurg', 'bujurg', 'bujurgh', 'buzurgh', 'elderly', 'budhe', 'budha', 'budhi', 'boodhe', 'boodha', 'boodhi',
  'vriddh', 'vridh', 'dadi', 'nani', 'dada', 'nana', 'grandmother', 'grandfather', 'grandma', 'grandpa',
  'बुजुर्ग', 'बूढे', 'बूढा', 'बूढी', 'बुढे', 'वृद्ध', 'दादी', 'नानी', 'दादा', 'नाना',
  // Medical equipment that stops without supply.
  'oxygen', 'ventilator', 'nebulizer', 'nebuliser', 'nebulizar', 'dialysis', 'concentrator', 'cpap', 'bipap',
  'insulin', 'ऑक्सीजन', 'आक्सीजन', 'वेंटिलेटर', 'नेबुलाइजर', 'डायलिसिस', 'इंसुलिन',
]);

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

/** Whether the message mentions illness, an infant, the elderly or medical equipment, in any script. */
export function mentionsUrgency(text: string): boolean {
  const tokens = normalizeTokens(text);
  return tokens.some((token, i) => {
    if (URGENT_WORDS.has(token)) return true;
    const next = tokens[i + 1] ?? '';
    if (OLD_WORDS.has(token) && PEOPLE_AFTER_OLD.has(next)) return true;
    if (CHILD_WORDS.has(token) && tokens.slice(Math.max(0, i - 3), i).some((w) => SMALL_WORDS.has(w))) return true;
    return /^\d{2,3}$/.test(token) && Number(token) >= ELDERLY_AGE && YEARS_WORDS.has(next);
  });
}
