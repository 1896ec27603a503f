import { TestConversation, type TranscriptLine } from '../../support/conversation';

const transcripts: Record<string, TranscriptLine[]> = {
  'the scammer still pressing for a payment after the warning hears the warning again, then the dues (Devanagari)': [
    ['user', 'सर एक SMS आया कि आपका बिजली आज रात काट दिया जाएगा, इस नंबर पर कॉल करें। हम कॉल किए तो बोला AnyDesk डाउनलोड करो'],
    ['bot', 'यह धोखाधड़ी (फ्रॉड) है'],
    ['user', 'हम ऐप डाल दिए हैं अभी, उ लोग बोल रहा है 10 रुपया का पेमेंट करो। का करें??'],
    ['bot', 'उन्हें कुछ भी भुगतान न करें'],
    ['user', 'हमारा CA 101000001 है, सच में कुछ बकाया है क्या?'],
    ['bot', /बैलेंस ₹842\.50 है, यानी कुछ भी बकाया नहीं है/],
  ],
  'men at the door asking cash for a new meter are named a scam, told in Bhojpuri (Devanagari)': [
    ['user', 'बाबू दू गो आदमी आइल बा, कहत बा कि स्मार्ट मीटर बदले के बा, 1500 रुपया नगद द'],
    ['bot', 'नकद'],
  ],
  'a screen-sharing app is named a fraud, with 1930 and uninstall, and recorded only on a clear yes (English)': [
    ['user', 'Someone called from the electricity department and asked me to install AnyDesk for meter KYC. I installed it.'],
    ['bot', 'This is a fraud'],
    ['bot', 'uninstall it now'],
    ['bot', /call 1930 .* cybercrime\.gov\.in/],
    ['bot', 'Shall I record this as a fraud report'],
    ['user', 'Now Rs 9,850 is debited from my account. Please help.'],
    ['bot', 'call 1930'],
    ['bot', 'Shall I record this as a fraud report'],
    ['user', 'Please register my complaint.'],
    ['bot', /Complaint number: SP-\d{4}-\d{4} \(fraud report\)/],
  ],
  'a "cut tonight, call this number" SMS is a fraud, and the CA shows nothing is due; no ticket unasked (romanized Hindi)': [
    ['user', "ek msg aaya hai 'aaj raat 9.30 baje aapka bijli kat diya jayega, turant 9XXXXXX321 pe call kare' kya ye sahi hai"],
    ['bot', 'यह धोखाधड़ी (फ्रॉड) है'],
    ['bot', '1930'],
    ['bot', 'क्या मैं इसे SBPDCL की सतर्कता टीम के लिए धोखाधड़ी की सूचना के रूप में दर्ज कर दूँ?'],
    ['user', 'hamara koi bakaya to nahi hai na? CA 101000001'],
    ['bot', /बैलेंस ₹842\.50 है, यानी कुछ भी बकाया नहीं है/],
    ['bot', 'क्या मैं इसे'],
    ['user', 'nahi'],
    ['bot', 'मैंने इसे दर्ज नहीं किया है'],
  ],
  '"ok" to the offer acknowledges, it does not file a report (Devanagari)': [
    ['user', 'व्हाट्सएप पर बिजली बिल का लिंक आया है, भर दूँ क्या?'],
    ['bot', 'यह धोखाधड़ी (फ्रॉड) है'],
    ['bot', '1930'],
    ['bot', 'क्या मैं इसे'],
    ['user', 'ठीक है'],
    ['bot', 'कृपया हाँ या नहीं लिखें'],
  ],
  "the discom's own Sampark Abhiyan team is genuine, not a fraud, and no ticket is opened (romanized Hindi)": [
    ['user', 'hamare mohalla me Sampark Abhiyan ka camp laga hai bijli vibhag ka. ye sahi hai ki fraud hai?'],
    ['bot', /हाँ, SBPDCL के अपने लोग आते हैं: सम्पर्क अभियान .* पहचान पत्र .* कभी नकद .* 1912 पर उनकी पुष्टि करें/],
    ['bot', 'क्या मैं और कोई मदद'],
  ],
  'a meter team asking cash or a personal PhonePe is not the discom: do not pay, verify on 1912 (Devanagari)': [
    ['user', 'मीटर बदलने वाले आए थे, बोले नया मीटर लगाने का 1500 नकद दीजिए या इस नंबर पर फोनपे कीजिए। दें क्या?'],
    ['bot', /कभी नकद या किसी निजी नंबर या UPI पर पैसे नहीं लेतीं.*भुगतान न करें.*1912/],
    ['bot', 'क्या मैं इसे'],
    ['user', 'हाँ शिकायत दर्ज कर लीजिए, उपभोक्ता संख्या 101000004'],
    ['bot', 'मैंने उपभोक्ता संख्या 101000004 देखी'],
    ['bot', /शिकायत संख्या: SP-\d{4}-\d{4} \(धोखाधड़ी की सूचना\)/],
  ],
};

describe('fraud report', () => {
  it.each(Object.entries(transcripts))('%s', async (_name, lines) => {
    await (await TestConversation.start()).play(lines);
  });
});
