import { TestConversation, type TranscriptLine } from '../../support/conversation';

const transcripts: Record<string, TranscriptLine[]> = {
  'a planned shutdown is told with its times (romanized Hindi)': [
    ['user', 'pure mohalle ki light gayi hai, kab tak aayegi'],
    ['user', '101000013'],
    ['bot', 'निर्धारित शटडाउन'],
  ],
  'an unplanned area outage is recorded for the section (English)': [
    ['user', 'the whole area is dark, transformer problem'],
    ['user', '101000001'],
    ['bot', 'recording this power cut'],
    ['bot', /Complaint number: SP-\d{4}-\d{4} \(area power cut\)/],
  ],
};

describe('power outage', () => {
  it.each(Object.entries(transcripts))('%s', async (_name, lines) => {
    await (await TestConversation.start()).play(lines);
  });
});
