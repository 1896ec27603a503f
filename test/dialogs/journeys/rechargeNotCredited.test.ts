import { TestConversation, type TranscriptLine } from '../../support/conversation';

const transcripts: Record<string, TranscriptLine[]> = {
  'a pending payment is explained with the time to expect it (romanized Hindi)': [
    ['user', 'recharge kiya paisa kat gaya lekin balance me nahi aaya'],
    ['bot', 'उपभोक्ता संख्या'],
    ['user', '101000003'],
    ['bot', 'उपभोक्ता संख्या 101000003'],
    ['bot', 'रेफ़रेंस नंबर भेजें'],
    ['user', '412300000003'],
    ['bot', '₹500.00'],
    ['bot', 'मीटर में जोड़ा जा रहा है'],
    ['bot', 'दोबारा भुगतान न करें'],
  ],
  'a credited payment is confirmed with the new balance (English)': [
    ['user', 'I paid 1000 rupees but my balance is not updated'],
    ['bot', 'consumer number'],
    ['user', '101000004'],
    ['bot', 'payment reference'],
    ['user', 'UTR 412300000004'],
    ['bot', /payment of ₹1,000.00 .* was credited to your meter/],
    ['bot', 'Anything else'],
  ],
  'a payment the backend cannot find becomes a payment ticket (English)': [
    ['user', 'money deducted but recharge not credited'],
    ['user', '101000005'],
    ['bot', 'payment reference'],
    ['user', '412399999999'],
    ['bot', 'could not find a payment with reference 412399999999'],
    ['bot', /Complaint number: SP-\d{4}-\d{4} \(payment not credited\)/],
  ],
  'a payment stuck past the threshold becomes a ticket (Hindi)': [
    ['user', 'मैंने रिचार्ज किया पर पैसा नहीं जुड़ा'],
    ['user', '101000012'],
    ['user', '412300000012'],
    ['bot', 'अब तक नहीं जुड़ा'],
    ['bot', /शिकायत संख्या: SP-\d{4}-\d{4} \(भुगतान नहीं जुड़ा\)/],
  ],
  'a reference in the wrong shape is asked again (Hindi)': [
    ['user', 'मैंने रिचार्ज किया पर पैसा नहीं जुड़ा'],
    ['user', '101000003'],
    ['user', 'kal kiya tha'],
    ['bot', 'रेफ़रेंस नंबर नहीं लगता'],
    ['user', '412300000003'],
    ['bot', 'मीटर में जोड़ा जा रहा है'],
  ],
};

describe('recharge not credited', () => {
  it.each(Object.entries(transcripts))('%s', async (_name, lines) => {
    await (await TestConversation.start()).play(lines);
  });
});
