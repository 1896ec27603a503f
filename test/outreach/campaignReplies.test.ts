import { createSampark, type Sampark } from '../../src/app';
import { SimulatedMeterBackend } from '../../src/backend/simulator/simulatedMeterBackend';
import { loadConfig } from '../../src/config/config';
import { silentLogger } from '../../src/log/logger';
import type { OutreachChannel } from '../../src/outreach/outreachChannel';
import { TEST_NOW, TEST_OTP, TestConversation, type TranscriptLine } from '../support/conversation';

/** The test adapter's conversation: Sunita Devi (101000002, cut for -236.40) chats from it. */
const CHAT = 'Convo1';
const SUNITA_MOBILE = '9876500002';
const CRITERIA = { supplyCutHours: 48, section: 'Bihta-1' };

/** Campaign messages "sent" as if by WhatsApp; Sunita's number is the test conversation. */
function chatChannel(): OutreachChannel & { sentTo: string[] } {
  const sentTo: string[] = [];
  return {
    sentTo,
    conversationIdOf: (mobile) => (mobile === SUNITA_MOBILE ? CHAT : `wa-other-${mobile}`),
    send: async (mobile) => {
      sentTo.push(mobile);
      return { kind: 'accepted', messageId: `wamid.${sentTo.length}` };
    },
  };
}

/**
 * What a tap sends and the bot says back, per language; `id` is the campaign's. The stop button is
 * one sent before buttons named the connection: those still work.
 */
const TRANSCRIPTS: Record<'hi' | 'en', Record<'recharge' | 'updateMobile' | 'agent' | 'stop', (id: string) => TranscriptLine[]>> = {
  hi: {
    recharge: (id) => [
      ['user', `campaign:${id}:recharge:101000002`],
      ['bot', 'उपभोक्ता संख्या 101000002'],
      ['bot', 'आपका बैलेंस -₹236.40 है'],
      ['bot', 'कृपया ₹236.40 से अधिक का रिचार्ज करें'],
    ],
    updateMobile: (id) => [
      ['user', `campaign:${id}:update_mobile:101000002`],
      ['bot', 'उपभोक्ता संख्या 101000002'],
      ['bot', 'नया 10 अंकों का मोबाइल नंबर लिखें'],
      ['user', '9123400042'],
      ['bot', 'क्या वह फ़ोन अभी आपके पास है?'],
      ['user', 'हाँ'],
      ['bot', 'पंजीकृत नंबर ******0002 पर एक OTP और नए नंबर ******0042 पर दूसरा OTP भेजा है'],
      ['user', TEST_OTP],
      ['user', TEST_OTP],
      ['bot', 'अब आपका पंजीकृत मोबाइल नंबर ******0042 है'],
    ],
    agent: (id) => [
      ['user', `campaign:${id}:agent:101000002`],
      ['bot', 'हेल्पलाइन एजेंट से जोड़ रहा हूँ'],
    ],
    stop: (id) => [
      ['user', `campaign:${id}:stop`],
      ['bot', 'SBPDCL अब इस नंबर पर अभियान के संदेश नहीं भेजेगा'],
    ],
  },
  en: {
    recharge: (id) => [
      ['user', `campaign:${id}:recharge:101000002`],
      ['bot', 'Consumer number 101000002'],
      ['bot', 'Your balance is -₹236.40'],
      ['bot', 'please recharge more than ₹236.40'],
    ],
    updateMobile: (id) => [
      ['user', `campaign:${id}:update_mobile:101000002`],
      ['bot', 'Consumer number 101000002'],
      ['bot', 'new 10-digit mobile number'],
      ['user', '9123400042'],
      ['bot', 'Is that phone with you now?'],
      ['user', 'yes'],
      ['bot', 'one OTP to the registered number ******0002 and another to the new number ******0042'],
      ['user', TEST_OTP],
      ['user', TEST_OTP],
      ['bot', 'Your registered mobile number is now ******0042'],
    ],
    agent: (id) => [
      ['user', `campaign:${id}:agent:101000002`],
      ['bot', 'connecting you to a helpline agent'],
    ],
    stop: (id) => [
      ['user', `campaign:${id}:stop`],
      ['bot', 'SBPDCL will send no more campaign messages to this number'],
    ],
  },
};

/** Words that stop campaign messages when typed after one, per language. */
const TYPED_STOPS = { hi: ['stop', 'band karo', 'बंद करो', 'संदेश बंद करें'], en: ['stop', 'STOP', 'Stop messages'] };

describe.each([
  ['hi', 'hi-IN'],
  ['en', 'en-US'],
] as const)('replies to a campaign message (%s)', (language, locale) => {
  let sampark: Sampark;
  let conversation: TestConversation;
  let channel: ReturnType<typeof chatChannel>;
  const transcript = TRANSCRIPTS[language];

  beforeEach(async () => {
    const now = () => TEST_NOW;
    // Outcome checks a second after a reply, so the test sees a mobile update counted.
    const config = loadConfig({ OUTREACH_MESSAGES_PER_SECOND: '1000', OUTREACH_OUTCOME_CHECK_HOURS: '0.0003' });
    sampark = await createSampark(config, silentLogger(), {
      now,
      backend: new SimulatedMeterBackend({ now, otpGenerator: () => TEST_OTP }),
    });
    channel = chatChannel();
    sampark.outreach.sendThrough(channel);
    conversation = TestConversation.over(sampark, locale);
    await sampark.jobs.start();
  });
  afterEach(() => sampark.close());

  async function until(check: () => Promise<boolean>, what: string): Promise<void> {
    const deadline = Date.now() + 15_000;
    while (!(await check())) {
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  /** A campaign over Sunita's section, run until it completed; its id. */
  async function completedCampaign(name = 'Bihta cut'): Promise<string> {
    const { id } = await sampark.outreach.campaigns.create({ name, criteria: CRITERIA, language }, 'supervisor1');
    await sampark.outreach.campaigns.command(id, 'start');
    await until(async () => (await sampark.outreach.campaigns.find(id))?.status === 'completed', 'the campaign to complete');
    return id;
  }

  const counts = async (id: string) => (await sampark.outreach.campaigns.find(id))!.counts;

  it('"recharge help" enters the supply journey for her connection, without asking the CA number', async () => {
    const id = await completedCampaign();
    expect(channel.sentTo).toContain(SUNITA_MOBILE);
    await conversation.play(transcript.recharge(id));
    expect(await counts(id)).toMatchObject({ replied: 1 });
  });

  it("answers a tap in the campaign's language, whatever the chat's locale, and goes on in it", async () => {
    const id = await completedCampaign();
    const elsewhere = TestConversation.over(sampark, locale === 'hi-IN' ? 'en-US' : 'hi-IN');
    await elsewhere.play(transcript.updateMobile(id));
  });

  it('"update mobile" enters the OTP journey, and the new mobile counts as resolved', async () => {
    const id = await completedCampaign();
    await conversation.play(transcript.updateMobile(id));
    await until(async () => (await counts(id)).resolved === 1, 'the mobile update to be counted');
    expect(await counts(id)).toMatchObject({ replied: 1, resolved: 1 });
  });

  it('"talk to an agent" queues the conversation for an agent', async () => {
    const id = await completedCampaign();
    await conversation.play(transcript.agent(id));
    expect((await sampark.handoff.queue()).map((record) => record.request.conversationId)).toContain(CHAT);
  });

  it('"stop" is confirmed, counted, and honoured by the next campaign', async () => {
    const id = await completedCampaign();
    await conversation.play(transcript.stop(id));
    expect(await counts(id)).toMatchObject({ replied: 1, optedOut: 1 });
    const sentBefore = channel.sentTo.length;
    const next = await completedCampaign('Again');
    expect(channel.sentTo.slice(sentBefore)).not.toContain(SUNITA_MOBILE);
    expect((await counts(next)).optedOut).toBe(1);
  });

  it.each(TYPED_STOPS[language])('a typed "%s" after the message stops campaign messages too', async (typed) => {
    const id = await completedCampaign();
    const confirmation = transcript.stop(id)[1]![1];
    await conversation.play([['user', typed], ['bot', confirmation as string]]);
    expect(await counts(id)).toMatchObject({ optedOut: 1 });
  });

  it('words typed after the message, instead of a tap, count as a reply and are answered as ever', async () => {
    const id = await completedCampaign();
    expect(await counts(id)).toMatchObject({ replied: 0 });
    const replies = (await conversation.say(language === 'hi' ? 'मेरा बैलेंस कितना है' : 'what is my balance')).join('\n');
    expect(replies).not.toBe('');
    expect(await counts(id)).toMatchObject({ replied: 1, optedOut: 0 });
  });

  it('"ruko" (wait) after a campaign message is no opt-out', async () => {
    const id = await completedCampaign();
    await conversation.say('ruko');
    expect(await counts(id)).toMatchObject({ optedOut: 0 });
  });

  it('a typed "stop" with no campaign message before has nothing to cancel, as ever', async () => {
    const replies = (await conversation.say('stop')).join('\n');
    expect(replies).not.toContain(transcript.stop('any')[1]![1] as string);
  });
});
