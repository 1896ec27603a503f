import { TestConversation, type TranscriptLine } from '../../support/conversation';

const transcripts: Record<string, TranscriptLine[]> = {
  'a blank display named in the message becomes a meter defective ticket (romanized Hindi)': [
    ['user', 'meter ka display band hai'],
    ['user', '101000001'],
    ['bot', /शिकायत संख्या: SP-\d{4}-\d{4} \(मीटर खराब\)/],
  ],
  'an unnamed fault is asked about, by number or in words (Hindi)': [
    ['user', 'मीटर खराब है'],
    ['user', '101000001'],
    ['bot', 'मीटर में क्या खराबी है?'],
    ['bot', '1. डिस्प्ले बंद है'],
    ['user', 'ajeeb awaaz aa rahi hai'],
    ['bot', 'कोई एक विकल्प चुनें'],
    ['user', 'screen pe kuch nahi dikh raha'],
    ['bot', /शिकायत संख्या: SP-\d{4}-\d{4} \(मीटर खराब\)/],
  ],
  'a burning meter gets the safety line before anything is asked, and an urgent ticket (English)': [
    ['user', 'my meter is burning and there is smoke'],
    ['bot', 'Keep away from the meter and keep children away. Do not touch the meter'],
    ['bot', 'consumer number'],
    ['user', '101000001'],
    ['bot', /Complaint number: SP-\d{4}-\d{4} \(meter defective\)/],
    ['bot', 'because it is a danger to people'],
  ],
  'a health need said once stays with the conversation: every ticket it opens is urgent (English)': [
    ['user', 'meter display is blank and my father is a heart patient'],
    ['user', '101000001'],
    ['bot', 'because of the health need you mentioned'],
    ['user', 'the meter is running fast, I want a meter test'],
    ['bot', /Complaint number: SP-\d{4}-\d{4} \(meter test\)/],
    ['bot', 'because of the health need you mentioned'],
  ],
};

describe('meter fault', () => {
  it.each(Object.entries(transcripts))('%s', async (_name, lines) => {
    await (await TestConversation.start()).play(lines);
  });
});
