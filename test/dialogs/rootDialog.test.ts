import { ActivityTypes } from 'botbuilder';
import { TestConversation, type TranscriptLine } from '../support/conversation';

const transcripts: Record<string, TranscriptLine[]> = {
  'a greeting gets the menu, and a number picks from it (Hindi)': [
    ['user', 'नमस्ते'],
    ['bot', 'मैं संपर्क हूँ'],
    ['bot', '3. बैलेंस और मीटर स्थिति'],
    ['user', '3'],
    ['bot', 'उपभोक्ता संख्या'],
    ['user', '101000001'],
    ['bot', '₹842.50'],
  ],
  'free words at the menu are understood too (romanized Hindi)': [
    ['user', 'menu'],
    ['user', 'mera balance batao'],
    ['bot', 'उपभोक्ता संख्या'],
  ],
  'cancel in the middle of a journey (English)': [
    ['user', 'check my balance'],
    ['bot', 'consumer number'],
    ['user', 'cancel'],
    ['bot', 'I have stopped'],
    ['user', '101000001'],
    ['bot', 'did not understand'],
  ],
  'cancel in the middle of a journey (Hindi)': [
    ['user', 'मेरा बैलेंस कितना है'],
    ['user', 'रद्द करो'],
    ['bot', 'मैंने रोक दिया है'],
  ],
  'help inside a question explains and asks the question again (romanized Hindi)': [
    ['user', 'balance kitna hai'],
    ['user', 'madad chahiye'],
    ['bot', 'नीचे दिए प्रश्न का उत्तर'],
    ['bot', 'उपभोक्ता संख्या'],
  ],
  'letters in a CA number are explained (English)': [
    ['user', 'check my balance'],
    ['user', '10100A001'],
    ['bot', 'only digits, no letters'],
    ['user', '101000001'],
    ['bot', 'Balance: ₹842.50'],
  ],
  'an unknown CA number is asked again, then the bot gives up politely (Hindi)': [
    ['user', 'मेरा बैलेंस कितना है'],
    ['user', '999999991'],
    ['bot', 'उपभोक्ता संख्या 999999991 नहीं मिली'],
    ['user', '999999992'],
    ['bot', '999999992 नहीं मिली'],
    ['user', '999999993'],
    ['bot', '999999993 अब भी नहीं मिली'],
  ],
  'a backend timeout: try later, and a ticket when the consumer wants one (English)': [
    ['user', 'check my balance'],
    ['user', '101000099'],
    ['bot', 'meter system is not answering'],
    ['bot', '[Yes | No]'],
    ['user', 'yes'],
    ['bot', /Complaint number: SP-\d{4}-\d{4} \(call back\)/],
  ],
  'a backend outage files the call-back under the number just typed, not an earlier one (English)': [
    ['user', 'show the balance for 101000001'],
    ['bot', 'Balance: ₹842.50'],
    ['user', 'show the balance for 101000099'],
    ['bot', 'meter system is not answering'],
    ['user', 'yes'],
    ['bot', 'call back'],
    ['user', 'what is the status of complaint for 101000099'],
    ['bot', /Complaint SP-\d{4}-\d{4} \(call back\): open/],
  ],
  'a new request while a question is open starts that request (romanized Hindi)': [
    ['user', 'balance kitna hai'],
    ['bot', 'उपभोक्ता संख्या'],
    ['user', 'recharge kaise kare'],
    ['bot', 'बिहार बिजली स्मार्ट मीटर ऐप'],
  ],
  '"menu" while a question is open shows the menu (Hindi)': [
    ['user', 'मेरा बैलेंस कितना है'],
    ['user', 'menu'],
    ['bot', '1. रिचार्ज नहीं जुड़ा'],
  ],
  'a CA number sent first is used by the journey picked from the menu (Hindi)': [
    ['user', '101000001'],
    ['bot', '3. बैलेंस और मीटर स्थिति'],
    ['user', '3'],
    ['bot', 'बैलेंस: ₹842.50'],
  ],
  'thanks after a journey gets a goodbye, not "not understood" (romanized Hindi)': [
    ['user', 'balance 101000001'],
    ['bot', 'मेनू'],
    ['user', 'dhanyavad'],
    ['bot', 'कभी भी लिखें'],
  ],
  'a plain "no" to "anything else?" closes politely (English)': [
    ['user', 'show the balance for 101000001'],
    ['bot', 'Anything else'],
    ['user', 'no'],
    ['bot', 'Write to me any time'],
  ],
  '"I do not know English" inside a question asks which language instead of switching (romanized Hindi)': [
    ['user', 'balance kitna hai'],
    ['bot', 'उपभोक्ता संख्या'],
    ['user', 'mujhe english nahi aati'],
    ['bot', 'कौन-सी भाषा'],
    ['user', 'हिंदी'],
    ['bot', 'हिंदी में बात करूँगा'],
    ['bot', 'उपभोक्ता संख्या'],
    ['user', '101000001'],
    ['bot', 'बैलेंस: ₹842.50'],
  ],
  'a backend timeout in Hindi, no ticket wanted': [
    ['user', 'मेरा बैलेंस कितना है'],
    ['user', '101000099'],
    ['bot', 'मीटर सिस्टम जवाब नहीं दे रहा'],
    ['user', 'नहीं'],
    ['bot', 'कुछ मिनट बाद फिर कोशिश करें'],
  ],
  'a CA number given once is not asked again (English)': [
    ['user', 'show the balance for 101000009'],
    ['bot', 'Balance'],
    ['user', 'why is so much deducted, explain deductions'],
    ['bot', 'Consumer number 101000009'],
    ['bot', 'Deductions this month'],
  ],
  'not understanding twice points to an agent (English)': [
    ['user', 'what is the cricket score today'],
    ['bot', 'did not understand'],
    ['user', 'tell me a joke about cricket'],
    ['bot', 'still did not understand'],
  ],
};

describe('the conversation root', () => {
  it.each(Object.entries(transcripts))('%s', async (_name, lines) => {
    await (await TestConversation.start()).play(lines);
  });

  it('greets in English on an English channel, and a button title picks from the menu', async () => {
    await (await TestConversation.start({}, 'en-US')).play([
      ['user', 'hello'],
      ['bot', 'I am Sampark'],
      ['bot', '[Recharge not credited | Supply not restored'],
      ['user', 'Balance and meter status'],
      ['bot', 'consumer number'],
    ]);
  });

  it('greets a one-word "hello" in Hindi on a Hindi channel', async () => {
    await (await TestConversation.start({}, 'hi-IN')).play([
      ['user', 'hello'],
      ['bot', 'मैं संपर्क हूँ'],
    ]);
  });

  it('welcomes a consumer who opens the chat, in the channel language', async () => {
    const conversation = await TestConversation.start({}, 'en-US');
    const replies = await conversation.say({
      type: ActivityTypes.ConversationUpdate,
      membersAdded: [{ id: 'user1', name: 'User' }],
    });
    expect(replies.join('\n')).toContain('I am Sampark');
  });

  it('answers a photo or location with what it can read', async () => {
    const conversation = await TestConversation.start();
    const replies = await conversation.say({
      type: ActivityTypes.Message,
      attachments: [{ contentType: 'image/jpeg', contentUrl: 'https://example.test/meter.jpg' }],
    });
    expect(replies.join('\n')).toContain('केवल लिखे हुए संदेश');
  });
});
