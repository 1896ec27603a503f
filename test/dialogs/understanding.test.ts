import { TestConversation, type TranscriptLine } from '../support/conversation';

/**
 * Messages read in the context of the conversation (issue 14): what was said before is not asked
 * again, offers are taken only on a plain yes, follow-ups are answered from the last answer, and the
 * consumer may change course or name two needs at once.
 */
const transcripts: Record<string, TranscriptLine[]> = {
  'a payment reference given with the CA number is not asked for again (English)': [
    ['user', 'I have done recharge of Rs. 500 through Google Pay but it is not reflecting. Kindly revert.'],
    ['bot', 'consumer number'],
    ['user', 'My CA No. is 101000003 and UTR No. 412300000003'],
    ['bot', 'is being credited to your meter'],
    ['user', 'How much time it will take? Should I pay again?'],
    ['bot', /should show on your meter by .*Please do not pay again/],
  ],
  'a follow-up after a reconnect is answered from it, and "still no light" becomes a relay ticket (romanized Hindi)': [
    ['user', 'balance hai phir bhi light nahi hai 101000006'],
    ['bot', 'दोबारा कनेक्शन का आदेश भेज दिया है'],
    ['user', 'ok'],
    ['bot', 'ठीक है। कुछ और चाहिए तो कभी भी लिखिए।'],
    ['user', 'agar nahi aayi to kya karein?'],
    ['bot', 'लाइनमैन के लिए शिकायत दर्ज करूँगा'],
    ['user', 'abhi bhi light nahi aayi, lineman bhejiye'],
    ['bot', 'आदेश से आपकी बिजली चालू नहीं हुई'],
    ['bot', /शिकायत संख्या: SP-\d{4}-\d{4} \(बिजली दोबारा चालू नहीं हुई\)/],
  ],
  'a sentence that only starts like a yes does not book the offered meter test (Devanagari)': [
    ['user', 'मेरा मीटर बहुत तेज़ चल रहा है, 101000001'],
    ['bot', 'मीटर जाँच बुक कर सकता हूँ'],
    ['user', 'ठीक है पर पहले बताइए रात में तो नहीं कटेगा?'],
    ['bot', 'फ्रेंडली आवर्स'],
  ],
  'a consumer who says they paid is never told to pay before the payment is found (romanized Hindi)': [
    ['user', '500 ka recharge kiya par light nahi aayi, meter minus me hai. CA 101000002'],
    ['bot', 'दोबारा भुगतान न करें'],
    ['bot', 'रेफ़रेंस नंबर भेजें'],
  ],
  'changing course inside the mobile change: the balance instead (English)': [
    ['user', 'I want to update my mobile number'],
    ['user', '101000001'],
    ['bot', 'new 10-digit mobile number'],
    ['user', 'Leave it, I will do it later. Just tell me the balance.'],
    ['bot', 'Balance: ₹842.50'],
  ],
  'two needs in one message are served one after the other (Devanagari)': [
    ['user', 'मेरा बैलेंस भी बताइए, और रिचार्ज कैसे करें यह भी बताइए। उपभोक्ता संख्या 101000001'],
    ['bot', 'बैलेंस: ₹842.50'],
    ['bot', 'आप रिचार्ज कर सकते हैं'],
  ],
  'medical equipment at home is named first, and the ticket is urgent (English)': [
    ['user', 'My father is on an oxygen concentrator and the meter is not communicating. CA 101000007'],
    ['bot', 'medical equipment at home (such as an oxygen machine) needs power'],
    ['bot', /Complaint number: SP-\d{4}-\d{4} \(meter not communicating\)/],
    ['bot', 'marked it urgent'],
  ],
  'a small baby at home is named first (romanized Hindi)': [
    ['user', 'bhaiya ghar me 2 mahine ka bachha hai aur 3 din se light nahi hai'],
    ['bot', 'घर में छोटा बच्चा है'],
  ],
  'an exam at stake is owned before the business (romanized Hindi)': [
    ['user', 'pura mohalla ka light 2 ghanta se gayab hai. kal beti ka board exam hai'],
    ['bot', 'परीक्षा सामने है'],
  ],
  'a question after an office service answer is answered from it, not with a CA number question (English)': [
    ['user', 'Respected Sir, I want to apply for new electricity connection for my new house. Kindly guide me the procedure and documents required.'],
    ['bot', 'Documents usually needed'],
    ['user', 'Can it be done online?'],
    ['bot', 'As I said, this is done at the office'],
  ],
  'a question after an office service answer is answered from it (romanized Hindi)': [
    ['user', 'naya connection lena hai dukan ke liye. kaise hoga'],
    ['bot', 'ज़रूरी दस्तावेज़'],
    ['user', 'kya kya kagaz lagega aur kitna din'],
    ['bot', 'जैसा मैंने बताया'],
  ],
  'a cut since last night is a report, not a question about night disconnection (Devanagari)': [
    ['user', 'भैया घर में दो महीने का बच्चा है और कल रात से बिजली कटी है, कुछ कीजिए'],
    ['bot', 'घर में छोटा बच्चा है'],
    ['bot', 'उपभोक्ता संख्या'],
    ['user', 'उपभोक्ता संख्या १०१०००००२'],
    ['bot', 'बैलेंस -₹236.40'],
  ],
  'how much to recharge, asked with the CA number, is the supply journey\'s answer (Devanagari)': [
    ['user', 'मेरे चाचा बोल रहे हैं मीटर बाईपास कर देंगे, अभी प्लास लेकर तार काटने जा रहे हैं क्योंकि बिजली कटी है'],
    ['bot', 'कृपया उन्हें रोकें'],
    ['user', 'ठीक है रोक दिए। बिजली इसलिए कटी है कि बैलेंस माइनस है, उपभोक्ता संख्या 101000002, कितना डालना होगा?'],
    ['bot', '₹236.40 से अधिक'],
  ],
  'a meter test asked for in other words, after the offer, is booked (Devanagari)': [
    ['user', 'हमारा मीटर बहुत तेज चल रहा है, हर महीने ज्यादा कट जाता है। 101000009'],
    ['bot', 'क्या बुक कर दूँ?'],
    ['user', 'बकाया समझ गए, लेकिन मीटर की जांच करवानी है, कोई आकर देखे'],
    ['bot', /शिकायत संख्या: SP-\d{4}-\d{4} \(मीटर जाँच\)/],
  ],
  'a meter test asked for by name is booked, no fault asked (romanized Hindi)': [
    ['user', 'meter ka jaanch karwa dijiye, CA 101000010'],
    ['bot', /शिकायत संख्या: SP-\d{4}-\d{4} \(मीटर जाँच\)/],
  ],
  'asking for the mobile number registered on a brother\'s connection is refused (English)': [
    ['user', 'Please give me the mobile number registered on CA 101000001. It is my brother’s connection.'],
    ['bot', 'I cannot share the name, mobile number or address'],
  ],
  'how to recharge, asked while a payment is on its way, is told not to pay again (Bhojpuri in Devanagari)': [
    ['user', 'फोनपे से 500 रुपया के रिचार्ज कइनी बाकिर मीटर में पइसा ना देखात बा, उपभोक्ता संख्या 101000003, UTR 412300000003'],
    ['bot', 'प्रक्रिया में है'],
    ['user', 'त का फेर से रिचार्ज करे के पड़ी?'],
    ['bot', 'कृपया दोबारा भुगतान न करें'],
    ['user', 'recharge kaise kare'],
    ['bot', 'कृपया दोबारा भुगतान न करें'],
  ],
  'a stuck payment with a minus balance is looked up, not answered with a recharge amount (mixed)': [
    ['user', '26 घंटे हो गए 300 rs का recharge अटका हुआ है, CA 101000012, utr 412300000012'],
    ['bot', 'मैं इसकी शिकायत दर्ज कर रहा हूँ'],
  ],
  'a language switch with a request in the same message serves the request too (English)': [
    ['user', 'namaste'],
    ['bot', 'मैं आपकी क्या मदद करूँ?'],
    ['user', 'Can we talk in English please? Check account 101000001'],
    ['bot', 'I will talk to you in English'],
    ['bot', 'Balance: ₹842.50'],
  ],
  'adding a mobile to a connection that never had one is the mobile journey (English)': [
    ['user', 'I want to add my mobile to my electricity connection. I never gave one.'],
    ['bot', 'consumer number'],
    ['user', '101000008'],
    ['bot', 'No mobile number is registered'],
  ],
  'a power cut at home is asked about before an area outage ticket is raised (romanized Hindi)': [
    ['user', 'light chali gayi hai 101000001'],
    ['bot', 'पूरे इलाके में'],
    ['user', 'nahi sirf hamare ghar me'],
    ['bot', 'शिकायत दर्ज कर दूँ'],
  ],
};

describe('conversations read in context', () => {
  it.each(Object.entries(transcripts))('%s', async (_name, lines) => {
    await (await TestConversation.start()).play(lines);
  });
});
