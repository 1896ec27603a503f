import { TestConversation, type TranscriptLine } from '../../support/conversation';

const transcripts: Record<string, TranscriptLine[]> = {
  'the fixed charge of the 1st is explained and a meter test booked for a consumer who doubts the meter (romanized Hindi)': [
    ['user', '1 tarikh ko fixed charge ek saath kat gaya, kyu? meter bhi tez chal raha hai'],
    ['user', '101000010'],
    ['bot', 'स्थायी शुल्क'],
    ['bot', 'मीटर जाँच बुक कर सकता हूँ'],
    ['user', 'haan'],
    ['bot', /शिकायत संख्या: SP-\d{4}-\d{4} \(मीटर जाँच\)/],
  ],
  'arrears instalments are explained, with no meter test offered to a consumer who does not doubt the meter (English)': [
    ['user', 'why are arrears deducted from my recharge'],
    ['user', '101000009'],
    ['bot', /old dues \(arrears\) of ₹4,350.00 .* instalments of ₹435.00/],
    ['bot', 'Anything else I can help with?'],
  ],
  'an "ok" or a 👍 after the explanation is not taken as booking the meter test (romanized Hindi)': [
    ['user', 'roz kitna kat raha hai? lagta hai jyada kat raha'],
    ['user', '101000001'],
    ['bot', 'मीटर जाँच बुक कर सकता हूँ'],
    ['user', '👍'],
    ['bot', 'ठीक है।'],
  ],
};

describe('billing query', () => {
  it.each(Object.entries(transcripts))('%s', async (_name, lines) => {
    await (await TestConversation.start()).play(lines);
  });
});
