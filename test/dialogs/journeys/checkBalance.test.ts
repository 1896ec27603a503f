import { TestConversation, type TranscriptLine } from '../../support/conversation';

const transcripts: Record<string, TranscriptLine[]> = {
  'balance, last recharge and daily use (Hindi)': [
    ['user', 'मेरा बैलेंस कितना है'],
    ['bot', 'उपभोक्ता संख्या'],
    ['user', '१०१०००००१'],
    ['bot', 'बैलेंस: ₹842.50'],
    ['bot', 'पिछला रिचार्ज: ₹1,000.00'],
  ],
  'a CA number in the first message is not asked for (English)': [
    ['user', 'check balance for 101000001'],
    ['bot', 'Balance: ₹842.50'],
  ],
  'a negative balance says what is needed (romanized Hindi)': [
    ['user', 'balance kitna hai'],
    ['user', '101000002'],
    ['bot', 'बैलेंस: -₹236.40'],
    ['bot', '₹236.40 से अधिक का रिचार्ज'],
  ],
};

describe('check balance', () => {
  it.each(Object.entries(transcripts))('%s', async (_name, lines) => {
    await (await TestConversation.start()).play(lines);
  });
});
