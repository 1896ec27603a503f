import { readYesNo, yesNoToActOn } from '../../src/understanding/yesNo';

describe('reading a reply to a yes/no question', () => {
  it.each([
    ['haan', true],
    ['haan ji kar dijiye', true],
    ['sure, go ahead please', true],
    ['ji', true],
    ['हाँ जी कर दीजिए', true],
    ['yes please register. within how many days will they come?', true],
    ['nahi chahiye', false],
    ['no thanks', false],
    ['नहीं', false],
  ])('"%s" is a %s the bot may act on', (text, value) => {
    expect(yesNoToActOn(text)).toBe(value);
  });

  it.each([
    'theek hai main 200 daal dunga, kab tak aayegi',
    'nahi, kisi insaan se baat karwao',
    'haan par pehle balance batao?',
    'ok but when will it come',
    'recharge kar diya',
  ])('"%s" is not a plain answer: an offer is not taken on it', (text) => {
    expect(yesNoToActOn(text)).toBeNull();
  });

  it('keeps what followed the yes for the reader', () => {
    expect(readYesNo('theek hai, kab tak aayegi')).toEqual({ kind: 'answer_and_more', value: true, rest: 'kab tak aayegi' });
  });
});
