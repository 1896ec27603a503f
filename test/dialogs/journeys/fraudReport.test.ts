import { TestConversation, type TranscriptLine } from '../../support/conversation';

const transcripts: Record<string, TranscriptLine[]> = {
  'a suspicious call is warned about and recorded (English)': [
    ['user', 'someone called and asked me to pay my bill through a link'],
    ['bot', 'never asks for your card number, UPI PIN, OTP or Aadhaar'],
    ['bot', 'tell me what happened'],
    ['user', 'a man said he was from the electricity office and sent a link on WhatsApp'],
    ['bot', /Complaint number: SP-\d{4}-\d{4} \(fraud report\)/],
  ],
  'a suspicious call is warned about in Hindi': [
    ['user', 'किसी ने फोन करके लिंक से बिल भरने को कहा'],
    ['bot', 'UPI PIN'],
  ],
};

describe('fraud report', () => {
  it.each(Object.entries(transcripts))('%s', async (_name, lines) => {
    await (await TestConversation.start()).play(lines);
  });
});
