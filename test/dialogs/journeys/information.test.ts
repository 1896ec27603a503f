import { TestConversation, type TranscriptLine } from '../../support/conversation';

const transcripts: Record<string, TranscriptLine[]> = {
  'how to recharge (romanized Hindi)': [
    ['user', 'recharge kaise kare'],
    ['bot', 'बिहार बिजली स्मार्ट मीटर ऐप'],
    ['bot', 'न्यूनतम रिचार्ज ₹100.00'],
  ],
  'how to recharge (English)': [
    ['user', 'how do I recharge my smart meter'],
    ['bot', 'The minimum recharge is ₹100.00'],
  ],
  'emergency credit (romanized Hindi)': [
    ['user', 'kala button dabane se kya hota hai'],
    ['bot', 'पुश बटन'],
    ['bot', '₹50.00'],
  ],
  'emergency credit (English)': [
    ['user', 'how does emergency credit work'],
    ['bot', 'emergency credit of ₹50.00'],
  ],
};

describe('information journeys', () => {
  it.each(Object.entries(transcripts))('%s', async (_name, lines) => {
    await (await TestConversation.start()).play(lines);
  });
});
