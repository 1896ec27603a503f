import { TestConversation, type TranscriptLine } from '../../support/conversation';

const transcripts: Record<string, TranscriptLine[]> = {
  'sparks and smoke from the meter: keep away, keep children away, do not touch, 1912, urgent ticket (romanized Hindi)': [
    ['user', 'meter se chingari nikal raha hai aur dhuan bhi aa raha hai jaldi kuch kijiye'],
    ['bot', /मीटर से दूर रहें और बच्चों को भी दूर रखें। मीटर, उसके बॉक्स या किसी तार को न छुएँ.*1912/],
    ['bot', 'उपभोक्ता संख्या'],
    ['user', '102000518'],
    ['bot', 'उपभोक्ता संख्या 102000518'],
    ['bot', /शिकायत संख्या: SP-\d{4}-\d{4} \(मीटर खराब\)/],
    ['bot', 'इससे लोगों को खतरा है, इसलिए मैंने इसे अति आवश्यक चिह्नित किया है।'],
  ],
  'a fallen live wire: keep everyone away, do not touch, 1912, urgent outage ticket (Devanagari)': [
    ['user', 'हमारे गली में बिजली का तार टूट के गिरा है, सड़क पर पड़ा है, बच्चे स्कूल से आने वाले हैं'],
    ['bot', /सबको, खासकर बच्चों को, तार से .* दूर रखें। तार को न छुएँ.*1912/],
    ['bot', 'उपभोक्ता संख्या'],
    ['user', '101000001'],
    ['bot', 'उपभोक्ता संख्या 101000001'],
    ['bot', /शिकायत संख्या: SP-\d{4}-\d{4} \(क्षेत्र में बिजली कटौती\)/],
    ['bot', 'इससे लोगों को खतरा है'],
  ],
  'a transformer on fire: keep away and do not throw water on it (English)': [
    ['user', 'Transformer near the school is sparking and there is fire from top. Boys want to throw water'],
    ['bot', /Keep everyone, especially children, away from the transformer\. Do not throw water on it.*1912/],
  ],
  'someone about to cut the meter wire with pliers is warned before the fault ticket (romanized Hindi)': [
    ['user', '3 din se light nahi hai meter kuch nahi dikha raha. papa bol rahe plas se meter ka tar kaat ke direct jod dete hain'],
    ['bot', /कृपया उन्हें रोकें: मीटर के तार न काटें, न बाईपास करें, न छुएँ.*1912/],
    ['bot', 'उपभोक्ता संख्या'],
  ],
  '"jaldi" and "aage" are not fire: no safety warning for a dark road (romanized Hindi)': [
    ['user', 'jaldi batao light kab aayegi, aage wale ghar me bhi nahi hai, pura road dark hai'],
    ['bot', /^(?![\s\S]*(दूर रहें|न छुएँ|खतरनाक))/],
  ],
};

describe('electrical danger', () => {
  it.each(Object.entries(transcripts))('%s', async (_name, lines) => {
    await (await TestConversation.start()).play(lines);
  });
});
