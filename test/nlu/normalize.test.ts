import { canonicalSpelling, normalizeText, normalizeTokens } from '../../src/nlu/normalize';

describe('normalizeText', () => {
  it.each([
    // Case, punctuation and danda become word breaks.
    ['Light NHI aayi!!', 'bijli nahi aaya'],
    ['recharge kiya, light nahi aayi।', 'recharge kiya bijli nahi aaya'],
    ['नहीं आई॥', 'नहीं आई'],
    ['  balance?? kitna   hai...  ', 'balance kitna hai'],
    // Devanagari digits become ASCII; digits glued to words come apart.
    ['बिजली ५०० रुपये', 'बिजली 500 रुपये'],
    ['500rs kat gaya', '500 rupees kat gaya'],
    ['₹500', 'rupees 500'],
    // Emphasis collapses, real double letters survive.
    ['nahiii', 'nahi'],
    ['plzzz help', 'please help'],
    ['aaaaya', 'aaya'],
    ['good', 'good'],
    ['baat', 'baat'],
    // Romanized spelling variants reach one canonical form.
    ['nhi nai nahin', 'nahi nahi nahi'],
    ['aya aayi ayi', 'aaya aaya aaya'],
    ['kb tk', 'kab tak'],
    ['blance', 'balance'],
    ['richarge ho gya', 'recharge ho gaya'],
    ['current gaya', 'bijli gaya'],
    ['lite nhi h', 'bijli nahi hai'],
    // Devanagari spelling that differs only in nukta, chandrabindu or invisible joiners.
    ['ज़्यादा', 'ज्यादा'],
    ['नहीँ', 'नहीं'],
    ['क्\u200Dष', 'क्ष'],
  ])('%s -> %s', (input, expected) => {
    expect(normalizeText(input)).toBe(expected);
  });
});

describe('normalizeTokens', () => {
  it('returns no tokens for punctuation and emoji only', () => {
    expect(normalizeTokens('🙏 ... !!')).toEqual([]);
  });

  it('keeps mixed scripts as separate tokens', () => {
    expect(normalizeTokens('मेरा recharge नहीं हुआ')).toEqual(['मेरा', 'recharge', 'नहीं', 'हुआ']);
  });
});

describe('canonicalSpelling', () => {
  it.each([
    ['plz', 'please'],
    ['rs', 'rupees'],
    ['mobail', 'mobile'],
    ['unknownword', 'unknownword'],
  ])('%s -> %s', (token, expected) => {
    expect(canonicalSpelling(token)).toBe(expected);
  });
});
