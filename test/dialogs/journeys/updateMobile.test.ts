import type { Ports } from '../../../src/app';
import { SimulatedMeterBackend, type MobileChangeNoticeEvent } from '../../../src/backend/simulator/simulatedMeterBackend';
import { MemoryRateLimiter } from '../../../src/limits/memoryRateLimiter';
import { TEST_NOW, TEST_OTP, TestConversation, type TranscriptLine } from '../../support/conversation';

/** What the number registered now receives; the new number receives TEST_OTP. */
const OLD_OTP = '482913';

/** 101000001 (Ramesh Kumar, mobile 9876500001): meter GS23A0104571, last recharge 1000. */
const RAMESH = { ca: '101000001', meter: 'GS23A0104571', lastRecharge: '1000' };
/** 101000008 (Kamla Devi, no mobile): meter LT22N0811390, last recharge 500. */
const KAMLA = { ca: '101000008', meter: 'LT22N0811390', lastRecharge: '500' };

let notices: MobileChangeNoticeEvent[];

function simulator(): SimulatedMeterBackend {
  return new SimulatedMeterBackend({
    now: () => TEST_NOW,
    otpGenerator: (to) => (to === 'registered_mobile' ? OLD_OTP : TEST_OTP),
    onMobileChangeNotice: (event) => notices.push(event),
  });
}

function start(overrides: Partial<Ports> = {}): Promise<TestConversation> {
  return TestConversation.start({ backend: simulator(), ...overrides });
}

beforeEach(() => {
  notices = [];
});

const transcripts: Record<string, TranscriptLine[]> = {
  'the registered phone is at hand: one OTP to it, one to the new number (English)': [
    ['user', 'I want to change my mobile number'],
    ['user', RAMESH.ca],
    ['bot', 'Your registered mobile number is ******0001'],
    ['bot', 'new 10-digit mobile number'],
    ['user', '9123456789'],
    ['bot', 'confirmed from the number registered now, ******0001. Is that phone with you now?'],
    ['user', 'yes'],
    ['bot', 'one OTP to the registered number ******0001 and another to the new number ******6789'],
    ['bot', 'type the 6-digit OTP that came on ******0001'],
    ['user', OLD_OTP],
    ['bot', 'OTP that came on the new number ******6789'],
    ['user', TEST_OTP],
    ['bot', 'Your registered mobile number is now ******6789'],
    ['bot', 'has also gone to the number registered before'],
  ],
  'the registered phone is at hand (Hindi)': [
    ['user', 'मोबाइल नंबर बदलना है'],
    ['user', RAMESH.ca],
    ['bot', 'पंजीकृत मोबाइल नंबर ******0001 है'],
    ['user', '9123456789'],
    ['bot', 'क्या वह फ़ोन अभी आपके पास है?'],
    ['user', 'हाँ'],
    ['bot', 'पंजीकृत नंबर ******0001 पर एक OTP और नए नंबर ******6789 पर दूसरा OTP भेजा है'],
    ['user', OLD_OTP],
    ['bot', 'नए नंबर ******6789 पर आया 6 अंकों का OTP लिखें'],
    ['user', TEST_OTP],
    ['bot', 'अब आपका पंजीकृत मोबाइल नंबर ******6789 है'],
    ['bot', 'पहले पंजीकृत नंबर पर भी भेज दी गई है'],
  ],
  'the old SIM is lost: the meter number and the last recharge instead (Hindi)': [
    ['user', 'mobile number badalna hai'],
    ['user', RAMESH.ca],
    ['user', '9123456789'],
    ['bot', 'क्या वह फ़ोन अभी आपके पास है?'],
    ['user', 'नहीं, सिम खो गया'],
    ['bot', 'मीटर संख्या और आपके पिछले रिचार्ज की राशि'],
    ['bot', 'स्टिकर पर छपी मीटर संख्या लिखें'],
    ['user', 'gs23a 0104571'],
    ['bot', 'पिछला रिचार्ज कितने रुपये का था?'],
    ['user', '1000 रुपये'],
    ['bot', 'मैंने ******6789 पर OTP भेजा है'],
    ['user', TEST_OTP],
    ['bot', 'अब आपका पंजीकृत मोबाइल नंबर ******6789 है'],
    ['bot', 'पहले पंजीकृत नंबर पर भी भेज दी गई है'],
  ],
  'the old SIM is lost, said first: the registered phone is not asked for (English)': [
    ['user', 'I lost my SIM, I want to update my mobile number'],
    ['user', `${RAMESH.ca}, new number 9123456789`],
    ['bot', 'the meter number and the amount of your last recharge'],
    ['bot', 'meter number printed on the sticker'],
    ['user', `meter no ${RAMESH.meter}`],
    ['bot', 'amount of your last recharge, in rupees?'],
    ['user', 'Rs 1,000'],
    ['bot', 'sent an OTP to ******6789'],
    ['user', TEST_OTP],
    ['bot', 'Your registered mobile number is now ******6789'],
  ],
  'the registered SIM closed, said instead of yes or no, is a no (romanized Hindi)': [
    ['user', 'mobile number badalna hai'],
    ['user', RAMESH.ca],
    ['user', '9123456789'],
    ['bot', 'क्या वह फ़ोन अभी आपके पास है?'],
    ['user', 'purana wala to band hai otp kaise aayega usme'],
    ['bot', 'मीटर संख्या और आपके पिछले रिचार्ज की राशि'],
    ['bot', 'स्टिकर पर छपी मीटर संख्या लिखें'],
  ],
  'no mobile registered yet: the second proof and the new number’s OTP (English)': [
    ['user', 'I want to update my mobile number'],
    ['user', KAMLA.ca],
    ['bot', 'No mobile number is registered'],
    ['bot', 'new 10-digit mobile number'],
    ['user', '+91 91234 56789'],
    ['bot', 'To make sure this is your connection'],
    ['bot', 'meter number printed on the sticker'],
    ['user', KAMLA.meter],
    ['user', KAMLA.lastRecharge],
    ['bot', 'sent an OTP to ******6789'],
    ['user', TEST_OTP],
    ['bot', 'Your registered mobile number is now ******6789'],
  ],
  'no mobile registered yet (Hindi)': [
    ['user', 'मोबाइल नंबर जोड़ना है'],
    ['user', KAMLA.ca],
    ['bot', 'कोई मोबाइल नंबर पंजीकृत नहीं है'],
    ['user', '9123456789'],
    ['bot', 'यह आपका ही कनेक्शन है'],
    ['user', KAMLA.meter],
    ['user', '₹५००'],
    ['bot', 'मैंने ******6789 पर OTP भेजा है'],
    ['user', TEST_OTP],
    ['bot', 'अब आपका पंजीकृत मोबाइल नंबर ******6789 है'],
  ],
  'a wrong meter number is refused without saying which part, and asked again (Hindi)': [
    ['user', 'मोबाइल नंबर बदलना है'],
    ['user', KAMLA.ca],
    ['user', '9123456789'],
    ['user', 'LT22N0811391'],
    ['user', KAMLA.lastRecharge],
    ['bot', 'मीटर संख्या या पिछले रिचार्ज की राशि हमारे रिकॉर्ड से मेल नहीं खाती'],
    ['bot', 'स्टिकर पर छपी मीटर संख्या लिखें'],
    ['user', KAMLA.meter],
    ['user', KAMLA.lastRecharge],
    ['bot', 'OTP भेजा है'],
  ],
  'a wrong last recharge is refused (English)': [
    ['user', 'change my mobile number'],
    ['user', KAMLA.ca],
    ['user', '9123456789'],
    ['user', KAMLA.meter],
    ['user', '300'],
    ['bot', 'does not match our records'],
    ['bot', 'meter number printed on the sticker'],
  ],
  'a wrong OTP for the registered number is asked again, the right new one kept (English)': [
    ['user', 'change my mobile number'],
    ['user', RAMESH.ca],
    ['user', '9123456789'],
    ['user', 'yes'],
    ['user', '111111'],
    ['user', TEST_OTP],
    ['bot', 'The OTP for ******0001 is not correct. 2 attempt(s) left'],
    ['user', OLD_OTP],
    ['bot', 'Your registered mobile number is now ******6789'],
  ],
  'three wrong OTPs stop the change (romanized Hindi)': [
    ['user', 'mobile number badalna hai'],
    ['user', KAMLA.ca],
    ['user', '9123456780'],
    ['user', KAMLA.meter],
    ['user', KAMLA.lastRecharge],
    ['bot', 'OTP भेजा है'],
    ['user', '111111'],
    ['bot', '2 प्रयास बाकी'],
    ['user', '222222'],
    ['bot', '1 प्रयास बाकी'],
    ['user', '333333'],
    ['bot', 'बहुत बार गलत OTP'],
  ],
  'a consumer who does not know the meter number is told where to go (Hindi)': [
    ['user', 'मोबाइल नंबर बदलना है'],
    ['user', KAMLA.ca],
    ['user', '9123456789'],
    ['user', 'पता नहीं'],
    ['bot', 'सेक्शन कार्यालय में भी नंबर बदलवा सकते हैं'],
    ['bot', 'पहचान पत्र'],
  ],
  'a consumer who does not remember the last recharge is told where to go (English)': [
    ['user', 'change my mobile number'],
    ['user', KAMLA.ca],
    ['user', '9123456789'],
    ['user', KAMLA.meter],
    ["user", "don't know"],
    ['bot', 'at your section office'],
  ],
  'a wrong number is asked again and the same number changes nothing (Hindi)': [
    ['user', 'मोबाइल नंबर बदलना है'],
    ['user', RAMESH.ca],
    ['user', '12345'],
    ['bot', 'सही मोबाइल नंबर नहीं है'],
    ['user', '9876500001'],
    ['bot', 'पहले से इस कनेक्शन पर पंजीकृत है'],
  ],
};

/** Lines that take a consumer with a registered mobile to each question of the journey. */
const upTo: Record<string, TranscriptLine[]> = {
  'the CA number': [['user', 'mobile number badalna hai']],
  'the new number': [['user', 'mobile number badalna hai'], ['user', RAMESH.ca]],
  'whether the old phone is at hand': [['user', 'mobile number badalna hai'], ['user', RAMESH.ca], ['user', '9123456789']],
  'the meter number': [['user', 'mobile number badalna hai'], ['user', RAMESH.ca], ['user', '9123456789'], ['user', 'nahi']],
  'the last recharge': [
    ['user', 'mobile number badalna hai'], ['user', RAMESH.ca], ['user', '9123456789'], ['user', 'nahi'], ['user', RAMESH.meter],
  ],
  'the registered number’s OTP': [['user', 'mobile number badalna hai'], ['user', RAMESH.ca], ['user', '9123456789'], ['user', 'haan']],
  'the new number’s OTP': [
    ['user', 'mobile number badalna hai'], ['user', RAMESH.ca], ['user', '9123456789'], ['user', 'haan'], ['user', OLD_OTP],
  ],
};

describe('update mobile', () => {
  it.each(Object.entries(transcripts))('%s', async (_name, lines) => {
    await (await start()).play(lines);
  });

  it.each(Object.entries(upTo))('"cancel" at %s stops and changes nothing', async (_step, lines) => {
    const conversation = await start();
    await conversation.play([...lines, ['user', 'cancel'], ['bot', 'मैंने रोक दिया है']]);
    // The journey is over: an OTP typed now is not taken as an answer to it.
    expect((await conversation.say(TEST_OTP)).join('\n')).not.toContain('******6789');
    expect((await conversation.sampark.services.backend.findConsumer(RAMESH.ca))?.mobile).toBe('9876500001');
  });

  it('changes the registered mobile only after every proof is confirmed, and tells the old number', async () => {
    const conversation = await start();
    const backend = conversation.sampark.services.backend;
    await conversation.play([
      ['user', 'change my mobile number'],
      ['user', RAMESH.ca],
      ['user', '9123456789'],
      ['user', 'yes'],
      ['user', OLD_OTP],
      ['bot', 'new number ******6789'],
    ]);
    expect((await backend.findConsumer(RAMESH.ca))?.mobile).toBe('9876500001');
    expect(notices).toEqual([]);
    await conversation.play([['user', TEST_OTP], ['bot', 'now ******6789']]);
    expect((await backend.findConsumer(RAMESH.ca))?.mobile).toBe('9123456789');
    expect(notices).toEqual([{ caNumber: RAMESH.ca, maskedMobile: '******0001' }]);
  });

  describe('a stranger who knows only the CA number', () => {
    const attacker = '9123456789';
    /** What every conversation of the test shares, as instances behind a load balancer share Redis and the backend. */
    let shared: Pick<Ports, 'backend' | 'limiter'>;
    /** A fresh conversation (a new chat, a new instance) over the shared backend and limits. */
    const anotherConversation = () => TestConversation.start(shared);

    beforeEach(() => {
      shared = { backend: simulator(), limiter: new MemoryRateLimiter(() => TEST_NOW) };
    });

    it('cannot complete the change with the OTP of their own number, so WhatsApp never offers them the connection', async () => {
      // Claims to hold the registered phone, but only receives the OTP sent to their own number.
      await (await anotherConversation()).play([
        ['user', 'change my mobile number'],
        ['user', RAMESH.ca],
        ['user', attacker],
        ['user', 'yes'],
        ['user', TEST_OTP],
        ['user', TEST_OTP],
        ['bot', 'The OTP for ******0001 is not correct. 2 attempt(s) left'],
        ['user', TEST_OTP],
        ['bot', '1 attempt(s) left'],
        ['user', TEST_OTP],
        ['bot', 'Too many wrong OTPs'],
      ]);
      // Then claims the SIM is lost, guessing the proof from new chats until the connection's attempts run out.
      for (let attempt = 0; attempt < 4; attempt += 1) {
        await (await anotherConversation()).play([
          ['user', 'change my mobile number'],
          ['user', RAMESH.ca],
          ['user', attacker],
          ['user', 'no'],
          ['user', `GS23A010457${attempt}`],
          ['user', '500'],
          ['bot', 'does not match our records'],
        ]);
      }
      await (await anotherConversation()).play([
        ['user', 'change my mobile number'],
        ['user', RAMESH.ca],
        ['user', attacker],
        ['user', 'no'],
        ['user', RAMESH.meter],
        ['user', RAMESH.lastRecharge],
        ['bot', 'too many attempts to change the mobile number of this connection'],
        ['bot', 'Please try again after 24 hour(s)'],
      ]);
      expect((await shared.backend.findConsumer(RAMESH.ca))?.mobile).toBe('9876500001');
      await expect(shared.backend.findConnectionsByMobile(attacker)).resolves.toEqual([]);
    });

    it('is stopped per CA across conversations, not per conversation (Hindi)', async () => {
      for (let attempt = 0; attempt < 5; attempt += 1) {
        await (await anotherConversation()).play([
          ['user', 'मोबाइल नंबर बदलना है'],
          ['user', KAMLA.ca],
          ['user', `912345678${attempt}`],
          ['user', 'LT22N0000000'],
          ['user', '100'],
          ['bot', 'मेल नहीं खाती'],
        ]);
      }
      await (await anotherConversation()).play([
        ['user', 'मोबाइल नंबर बदलना है'],
        ['user', KAMLA.ca],
        ['user', '9123456785'],
        ['user', KAMLA.meter],
        ['user', KAMLA.lastRecharge],
        ['bot', 'बहुत अधिक कोशिशें हो चुकी हैं'],
        ['bot', 'सेक्शन कार्यालय'],
      ]);
      expect((await shared.backend.findConsumer(KAMLA.ca))?.mobile).toBeNull();
    });

    it('who used up the connection\'s attempts and its number\'s OTPs does not lock out its consumer, writing from the registered number on WhatsApp (Hindi)', async () => {
      for (let attempt = 0; attempt < 5; attempt += 1) {
        await (await anotherConversation()).play([
          ['user', 'मोबाइल नंबर बदलना है'],
          ['user', RAMESH.ca],
          ['user', `91234567${attempt}0`],
          ['user', 'हाँ'],
          ['bot', 'पंजीकृत नंबर ******0001 पर एक OTP'],
        ]);
      }
      await (await anotherConversation()).play([
        ['user', 'मोबाइल नंबर बदलना है'],
        ['user', RAMESH.ca],
        ['user', '9123456799'],
        ['user', 'हाँ'],
        ['bot', 'बहुत अधिक कोशिशें हो चुकी हैं'],
      ]);

      const sampark = (await anotherConversation()).sampark;
      await TestConversation.over(sampark, 'hi-IN', '9876500001').play([
        ['user', 'मोबाइल नंबर बदलना है'],
        ['bot', '1. CA 1010xxx01, R***** K****'],
        ['user', '1'],
        ['bot', 'पंजीकृत मोबाइल नंबर ******0001 है'],
        ['user', '9000012345'],
        ['bot', 'क्या वह फ़ोन अभी आपके पास है?'],
        ['user', 'हाँ'],
        ['bot', 'पंजीकृत नंबर ******0001 पर एक OTP और नए नंबर ******2345 पर दूसरा OTP भेजा है'],
        ['user', OLD_OTP],
        ['user', TEST_OTP],
        ['bot', 'अब आपका पंजीकृत मोबाइल नंबर ******2345 है'],
      ]);
      expect((await shared.backend.findConsumer(RAMESH.ca))?.mobile).toBe('9000012345');
    });

    it('cannot flood the registered number with OTPs through its several connections', async () => {
      // 9876500001 is registered to 101000001 and 101000011: each start sends it an OTP.
      for (const ca of ['101000001', '101000011', '101000001', '101000011', '101000001']) {
        await (await anotherConversation()).play([
          ['user', 'change my mobile number'],
          ['user', ca],
          ['user', `91234567${ca.slice(-2)}`],
          ['user', 'yes'],
          ['bot', 'one OTP to the registered number ******0001'],
        ]);
      }
      await (await anotherConversation()).play([
        ['user', 'change my mobile number'],
        ['user', '101000011'],
        ['user', '9123456700'],
        ['user', 'yes'],
        ['bot', 'Too many OTPs have been sent to ******0001 recently'],
      ]);
    });
  });
});
