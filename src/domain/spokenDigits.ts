/**
 * Digits said one by one, as voice typing writes them ("one zero one zero …", "एक शून्य एक …",
 * "ek shunya ek …"), in the three scripts consumers use.
 */
const DIGIT_WORDS: ReadonlyMap<string, string> = new Map([
  ...digitWords('0', ['zero', 'oh', 'shunya', 'shoonya', 'sunya', 'jiro', 'शून्य', 'सुन्ना', 'जीरो', 'ज़ीरो']),
  ...digitWords('1', ['one', 'ek', 'एक']),
  ...digitWords('2', ['two', 'do', 'दो']),
  ...digitWords('3', ['three', 'teen', 'tin', 'तीन']),
  ...digitWords('4', ['four', 'char', 'chaar', 'चार']),
  ...digitWords('5', ['five', 'paanch', 'panch', 'पांच', 'पाँच']),
  ...digitWords('6', ['six', 'chhe', 'chhah', 'che', 'chheh', 'छह', 'छः', 'छे']),
  ...digitWords('7', ['seven', 'saat', 'sat', 'सात']),
  ...digitWords('8', ['eight', 'aath', 'ath', 'आठ']),
  ...digitWords('9', ['nine', 'nau', 'nou', 'नौ']),
]);

function digitWords(digit: string, words: readonly string[]): [string, string][] {
  return words.map((word) => [word, digit]);
}

/**
 * Runs this long or longer are a number said digit by digit; shorter ones are words ("ek do din",
 * "do char log"). Nine is the shortest CA number; a mobile number has ten.
 */
const MIN_SPOKEN_RUN = 6;

/** The text with every run of spoken digits written as one number; everything else as it was. */
export function writeSpokenDigits(text: string): string {
  const parts = text.split(/(\s+)/);
  const words = parts.map((part) => DIGIT_WORDS.get(part.toLowerCase().replace(/[.,;:!?।]+$/u, '')));
  const out: string[] = [];
  for (let i = 0; i < parts.length; ) {
    if (words[i] === undefined) {
      out.push(parts[i] ?? '');
      i += 1;
      continue;
    }
    // A run: digit words separated only by whitespace.
    let end = i;
    let digits = '';
    while (end < parts.length && (words[end] !== undefined || (/^\s+$/.test(parts[end] ?? '') && words[end + 1] !== undefined))) {
      digits += words[end] ?? '';
      end += 1;
    }
    out.push(digits.length >= MIN_SPOKEN_RUN ? digits : parts.slice(i, end).join(''));
    i = end;
  }
  return out.join('');
}
