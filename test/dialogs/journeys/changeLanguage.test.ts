import { TestConversation, type TranscriptLine } from '../../support/conversation';

const transcripts: Record<string, TranscriptLine[]> = {
  'a chosen language is kept even when the consumer writes the other one': [
    ['user', 'English please'],
    ['bot', 'I will talk to you in English'],
    ['user', 'मेरा बैलेंस कितना है'],
    ['bot', 'consumer number'],
  ],
  'switching to Hindi': [
    ['user', 'English please'],
    ['bot', 'in English'],
    ['user', 'हिंदी में बात करो'],
    ['bot', 'अब मैं आपसे हिंदी में बात करूँगा'],
    ['user', 'check balance'],
    ['bot', 'उपभोक्ता संख्या'],
  ],
  'switching language inside a question asks it again in the new language': [
    ['user', 'मेरा बैलेंस कितना है'],
    ['bot', 'उपभोक्ता संख्या'],
    ['user', 'english please'],
    ['bot', 'I will talk to you in English'],
    ['bot', 'consumer number'],
  ],
};

describe('change language', () => {
  it.each(Object.entries(transcripts))('%s', async (_name, lines) => {
    await (await TestConversation.start()).play(lines);
  });
});
