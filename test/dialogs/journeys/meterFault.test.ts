import { TestConversation, type TranscriptLine } from '../../support/conversation';

const transcripts: Record<string, TranscriptLine[]> = {
  'a blank display becomes a meter defective ticket (romanized Hindi)': [
    ['user', 'meter ka display band hai'],
    ['user', '101000001'],
    ['bot', 'मीटर में क्या खराबी है?'],
    ['bot', '1. डिस्प्ले बंद है'],
    ['user', '1'],
    ['bot', /शिकायत संख्या: SP-\d{4}-\d{4} \(मीटर खराब\)/],
  ],
  'a burnt meter gets the safety line first and an urgent ticket when someone is ill (English)': [
    ['user', 'my meter is burnt and my father is a heart patient'],
    ['user', '101000001'],
    ['user', 'Burnt or sparking'],
    ['bot', 'do not touch the meter'],
    ['bot', /Complaint number: SP-\d{4}-\d{4} \(meter defective\)/],
    ['bot', 'marked it urgent'],
  ],
};

describe('meter fault', () => {
  it.each(Object.entries(transcripts))('%s', async (_name, lines) => {
    await (await TestConversation.start()).play(lines);
  });
});
