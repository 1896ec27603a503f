import { followUpOf } from '../../src/understanding/followUp';

describe('questions about the last answer', () => {
  it.each([
    ['kab tak aayegi?', 'when'],
    ['How much time it will take?', 'when'],
    ['कब ले आ जाई?', 'when'],
    ['agar nahi aayi to kya karein', 'if_not'],
    ['what if it does not come', 'if_not'],
    ['raat me to nahi katega na?', 'cut_tonight'],
    ['रात में लाइन त ना कटी न?', 'cut_tonight'],
    ['PhonePe se ho jayega?', 'payment_channel'],
    ['kitne ka recharge karein ki light aa jaye', 'how_much'],
    ['आज रात फिर से कट तो नहीं जाएगा?', 'cut_tonight'],
    ['त का फेर से रिचार्ज करे के पड़ी?', 'pay_again'],
    ['ठीक है कितना देर लगेगा', 'when'],
    ['कितना recharge करूँ की light आ जाए?', 'how_much'],
  ])('"%s" asks %s', (text, kind) => {
    expect(followUpOf(text)).toBe(kind);
  });

  it.each([
    'raat se light band hai',
    'Google Pay se recharge kiya tha',
    'meter ka display band hai',
    'भैया घर में बच्चा है और कल रात से बिजली कटी है, कुछ कीजिए',
  ])('"%s" is a statement, not a follow-up', (text) => {
    expect(followUpOf(text)).toBeNull();
  });
});
