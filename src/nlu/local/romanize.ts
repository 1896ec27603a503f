/**
 * Devanagari to the Roman spelling Bihar consumers would type ("बिजली" → "bijli", "नहीं" → "nahin"),
 * so that a word learnt in one script counts as evidence in the other. It is deliberately rough:
 * it only has to land near the Hinglish spelling, where the variant table and character n-grams
 * take over.
 */

const CONSONANTS: Readonly<Record<string, string>> = {
  क: 'k', ख: 'kh', ग: 'g', घ: 'gh', ङ: 'n', च: 'ch', छ: 'chh', ज: 'j', झ: 'jh', ञ: 'n',
  ट: 't', ठ: 'th', ड: 'd', ढ: 'dh', ण: 'n', त: 't', थ: 'th', द: 'd', ध: 'dh', न: 'n',
  प: 'p', फ: 'f', ब: 'b', भ: 'bh', म: 'm', य: 'y', र: 'r', ल: 'l', व: 'v', श: 'sh',
  ष: 'sh', स: 's', ह: 'h',
};

/** Vowel signs. The long ā is typed "a" inside words ("paisa", "kitna"), so it maps to one letter. */
const VOWEL_SIGNS: Readonly<Record<string, string>> = {
  'ा': 'a', 'ि': 'i', 'ी': 'i', 'ु': 'u', 'ू': 'u', 'ृ': 'ri', 'े': 'e', 'ै': 'ai', 'ो': 'o', 'ौ': 'au',
  'ॅ': 'e', 'ॉ': 'o',
};

/** Independent vowels; only a word-initial ā is typed "aa" ("aaj", "aaya"), elsewhere "a" ("hua"). */
const VOWELS: Readonly<Record<string, string>> = {
  अ: 'a', आ: 'aa', इ: 'i', ई: 'i', उ: 'u', ऊ: 'u', ऋ: 'ri', ए: 'e', ऐ: 'ai', ओ: 'o', औ: 'au', ऑ: 'o',
};

const VIRAMA = '्';
const ANUSVARA = 'ं';
const VISARGA = 'ः';
const LABIALS = new Set(['प', 'फ', 'ब', 'भ', 'म']);

interface Syllable {
  consonant: string;
  /** The written vowel, or null for the inherent schwa, or '' after a virama. */
  vowel: string | null;
  nasal: string;
}

/** A Devanagari word in rough Hinglish spelling; other words come back unchanged. */
export function romanize(word: string): string {
  if (!/[\u0900-\u097F]/.test(word)) return word;
  const syllables = toSyllables(word);
  deleteSchwas(syllables);
  return syllables.map((s) => s.consonant + (s.vowel ?? 'a') + s.nasal).join('');
}

function toSyllables(word: string): Syllable[] {
  const syllables: Syllable[] = [];
  const chars = [...word];
  chars.forEach((char, i) => {
    const last = syllables[syllables.length - 1];
    if (char in CONSONANTS) {
      syllables.push({ consonant: CONSONANTS[char] ?? '', vowel: null, nasal: '' });
    } else if (char in VOWELS) {
      const vowel = VOWELS[char] ?? '';
      syllables.push({ consonant: '', vowel: i > 0 && vowel === 'aa' ? 'a' : vowel, nasal: '' });
    } else if (last && char in VOWEL_SIGNS) {
      last.vowel = VOWEL_SIGNS[char] ?? '';
    } else if (last && char === VIRAMA) {
      last.vowel = '';
    } else if (last && char === ANUSVARA) {
      // Anusvara sounds as "m" before p/b/m ("नंबर" → "nambar"), "n" elsewhere.
      last.nasal = LABIALS.has(chars[i + 1] ?? '') ? 'm' : 'n';
    } else if (last && char === VISARGA) {
      last.nasal = 'h';
    } else if (/[a-z0-9]/.test(char)) {
      syllables.push({ consonant: char, vowel: '', nasal: '' });
    }
  });
  return syllables;
}

/**
 * Hindi drops the inherent "a" at the end of a word, and inside it when the syllables on both sides
 * are sounded ("बिजली" is "bijli", not "bijali"); right to left, so each decision sees the next one.
 */
function deleteSchwas(syllables: Syllable[]): void {
  for (let i = syllables.length - 1; i >= 1; i -= 1) {
    const syllable = syllables[i] as Syllable;
    if (syllable.vowel !== null || syllable.nasal !== '') continue;
    const next = syllables[i + 1];
    const previous = syllables[i - 1] as Syllable;
    const isLast = next === undefined;
    const nextHasVowel = next !== undefined && next.consonant !== '' && next.vowel !== '';
    const previousHasVowel = previous.vowel !== '';
    if (isLast || (nextHasVowel && previousHasVowel)) syllable.vowel = '';
  }
}
