import { romanize } from '../../../src/nlu/local/romanize';

describe('romanize', () => {
  it.each([
    // The inherent "a" is dropped at the end of a word and between voiced syllables.
    ['बिजली', 'bijli'],
    ['कितना', 'kitna'],
    ['बदलना', 'badalna'],
    ['मदद', 'madad'],
    ['समझ', 'samajh'],
    ['कट', 'kat'],
    // Long ā is "aa" only at the start of a word.
    ['आया', 'aaya'],
    ['पैसा', 'paisa'],
    ['हुआ', 'hua'],
    // Anusvara is "m" before labials, "n" elsewhere.
    ['नंबर', 'nambar'],
    ['नहीं', 'nahin'],
    ['बंद', 'band'],
    // Conjuncts and loanwords land near their Hinglish spelling.
    ['रिचार्ज', 'richarj'],
    ['मोबाइल', 'mobail'],
    ['लाइट', 'lait'],
    ['शिकायत', 'shikayat'],
    ['ट्रांसफार्मर', 'transfarmar'],
  ])('%s -> %s', (word, expected) => {
    expect(romanize(word)).toBe(expected);
  });

  it('leaves Latin words alone', () => {
    expect(romanize('recharge')).toBe('recharge');
  });
});
