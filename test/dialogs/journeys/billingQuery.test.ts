import { TestConversation, type TranscriptLine } from '../../support/conversation';

const transcripts: Record<string, TranscriptLine[]> = {
  'the fixed charge of the 1st is explained and a meter test booked (romanized Hindi)': [
    ['user', '1 tarikh ko fixed charge ek saath kat gaya, kyu?'],
    ['user', '101000010'],
    ['bot', 'स्थायी शुल्क'],
    ['bot', 'मीटर जाँच बुक कर सकता हूँ'],
    ['user', 'haan'],
    ['bot', /शिकायत संख्या: SP-\d{4}-\d{4} \(मीटर जाँच\)/],
  ],
  'arrears instalments are explained and no test is wanted (English)': [
    ['user', 'why are arrears deducted from my recharge'],
    ['user', '101000009'],
    ['bot', /old dues \(arrears\) of ₹4,350.00 .* instalments of ₹435.00/],
    ['user', 'no'],
    ['bot', 'Okay.'],
  ],
};

describe('billing query', () => {
  it.each(Object.entries(transcripts))('%s', async (_name, lines) => {
    await (await TestConversation.start()).play(lines);
  });
});
