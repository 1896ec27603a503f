import { TestConversation, type TranscriptLine } from '../../support/conversation';

const transcripts: Record<string, TranscriptLine[]> = {
  'a new connection is told where and with what documents, not a menu (Devanagari)': [
    ['user', 'नया घर बनाए हैं, नया बिजली कनेक्शन लेना है, कहाँ आवेदन करें और क्या कागज लगेगा?'],
    ['bot', /SBPDCL की वेबसाइट या सुविधा ऐप पर, या अपने सेक्शन ऑफिस में.*पहचान पत्र/],
    ['bot', 'क्या मैं और कोई मदद'],
  ],
  'a name transfer after a death gets a kind line first, then the documents (romanized Hindi)': [
    ['user', 'pranam. pitaji ka pichle mahina dehant ho gaya. bijli connection unke naam pe hai. ab mere naam pe karwana hai'],
    ['bot', 'आपके परिवार के दुःख में हम शामिल हैं।'],
    ['bot', /मृत्यु प्रमाण पत्र.*सेक्शन ऑफिस|सेक्शन ऑफिस.*मृत्यु प्रमाण पत्र/],
  ],
  'a load change is told where it is applied for (English)': [
    ['user', 'I want to increase my load from 1 kW to 3 kW for an AC. Online or office?'],
    ['bot', /load change .* SBPDCL website or the Suvidha app, or at your section office/],
  ],
  '"CA number kahan likha hota hai" is answered: the bill, receipts, SMS and the app (romanized Hindi)': [
    ['user', 'CA number kahan likha hota hai? bill nahi hai'],
    ['bot', /बिजली बिल पर, हर रिचार्ज की रसीद पर.*SMS.*ऐप/],
  ],
  'where the CA number is, in English, names the meter number as a different one': [
    ['user', 'I am new in this house on rent. Where is CA number written?'],
    ['bot', 'The number on the meter itself is the meter number, a different one'],
  ],
};

describe('office services and the CA number', () => {
  it.each(Object.entries(transcripts))('%s', async (_name, lines) => {
    await (await TestConversation.start()).play(lines);
  });
});
