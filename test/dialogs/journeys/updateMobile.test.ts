import { TEST_OTP, TestConversation, type TranscriptLine } from '../../support/conversation';

const transcripts: Record<string, TranscriptLine[]> = {
  'a consumer with no mobile registers one with the OTP (English)': [
    ['user', 'I want to update my mobile number'],
    ['user', '101000008'],
    ['bot', 'No mobile number is registered'],
    ['bot', 'new 10-digit mobile number'],
    ['user', '+91 91234 56789'],
    ['bot', 'sent an OTP to ******6789'],
    ['user', TEST_OTP],
    ['bot', 'Your registered mobile number is now ******6789'],
  ],
  'three wrong OTPs stop the change (romanized Hindi)': [
    ['user', 'mobile number badalna hai'],
    ['user', '101000001'],
    ['bot', 'पंजीकृत मोबाइल नंबर ******0001 है'],
    ['user', '9123456780'],
    ['bot', 'OTP भेजा है'],
    ['user', '111111'],
    ['bot', '2 प्रयास बाकी'],
    ['user', '222222'],
    ['bot', '1 प्रयास बाकी'],
    ['user', '333333'],
    ['bot', 'बहुत बार गलत OTP'],
  ],
  'a wrong number is asked again and the same number changes nothing (Hindi)': [
    ['user', 'मोबाइल नंबर बदलना है'],
    ['user', '101000001'],
    ['user', '12345'],
    ['bot', 'सही मोबाइल नंबर नहीं है'],
    ['user', '9876500001'],
    ['bot', 'पहले से इस कनेक्शन पर पंजीकृत है'],
  ],
};

describe('update mobile', () => {
  it.each(Object.entries(transcripts))('%s', async (_name, lines) => {
    await (await TestConversation.start()).play(lines);
  });

  it('changes the registered mobile only after the OTP is confirmed', async () => {
    const conversation = await TestConversation.start();
    await conversation.play([
      ['user', 'change my mobile number'],
      ['user', '101000008'],
      ['user', '9123456789'],
      ['bot', 'OTP'],
    ]);
    const backend = conversation.sampark.services.backend;
    expect((await backend.findConsumer('101000008'))?.mobile).toBeNull();
    await conversation.play([['user', TEST_OTP], ['bot', 'now ******6789']]);
    expect((await backend.findConsumer('101000008'))?.mobile).toBe('9123456789');
  });
});
