import { createSampark, type Sampark } from '../../src/app';
import { SimulatedMeterBackend } from '../../src/backend/simulator/simulatedMeterBackend';
import { loadConfig } from '../../src/config/config';
import { silentLogger } from '../../src/log/logger';
import type { OutreachChannel } from '../../src/outreach/outreachChannel';
import { TEST_NOW, TEST_OTP, TestConversation } from '../support/conversation';

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

describe.each([
  ['hi', 'hi-IN'],
  ['en', 'en-US'],
] as const)('replies to a campaign message (%s)', (language, locale) => {
  let sampark: Sampark;
  let conversation: TestConversation;
  let channel: ReturnType<typeof chatChannel>;

  beforeEach(async () => {
    const now = () => TEST_NOW;
    sampark = await createSampark(loadConfig({ OUTREACH_MESSAGES_PER_SECOND: '1000' }), silentLogger(), {
      now,
      backend: new SimulatedMeterBackend({ now, otpGenerator: () => TEST_OTP }),
    });
    channel = chatChannel();
    sampark.outreach.sendThrough(channel);
    conversation = TestConversation.over(sampark, locale);
    await sampark.jobs.start();
  });
  afterEach(() => sampark.close());

  /** A campaign over Sunita's section, run until she has been sent the template; its id. */
  async function campaignSentToSunita(name = 'Bihta cut'): Promise<string> {
    const { id } = await sampark.outreach.campaigns.create({ name, criteria: CRITERIA, language }, 'supervisor1');
    await sampark.outreach.campaigns.command(id, 'start');
    const deadline = Date.now() + 5000;
    while ((await sampark.outreach.campaigns.find(id))?.status !== 'completed') {
      if (Date.now() > deadline) throw new Error('the campaign did not finish');
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(channel.sentTo).toContain(SUNITA_MOBILE);
    return id;
  }

  const counts = async (id: string) => (await sampark.outreach.campaigns.find(id))!.counts;

  const expected = {
    hi: { supply: /236\.40/, mobile: /नया 10 अंकों का मोबाइल नंबर/, stopped: /अब इस नंबर पर अभियान के संदेश नहीं भेजेगा/ },
    en: { supply: /236\.40/, mobile: /new 10-digit mobile number/, stopped: /no more campaign messages to this number/ },
  }[language];

  it('"recharge help" enters the supply journey for her connection, without asking the CA number', async () => {
    const id = await campaignSentToSunita();
    const replies = (await conversation.say(`campaign:${id}:recharge`)).join('\n');
    expect(replies).toMatch(expected.supply);
    expect(await counts(id)).toMatchObject({ replied: 1 });
  });

  it('"update mobile" enters the mobile update journey', async () => {
    const id = await campaignSentToSunita();
    expect((await conversation.say(`campaign:${id}:update_mobile`)).join('\n')).toMatch(expected.mobile);
  });

  it('"talk to an agent" queues the conversation for an agent', async () => {
    const id = await campaignSentToSunita();
    await conversation.say(`campaign:${id}:agent`);
    expect((await sampark.handoff.queue()).map((record) => record.request.conversationId)).toContain(CHAT);
  });

  it('"stop" is confirmed, counted, and honoured by the next campaign', async () => {
    const id = await campaignSentToSunita();
    expect((await conversation.say(`campaign:${id}:stop`)).join('\n')).toMatch(expected.stopped);
    expect(await counts(id)).toMatchObject({ replied: 1, optedOut: 1 });
    const sentBefore = channel.sentTo.length;
    const next = await sampark.outreach.campaigns.create({ name: 'Again', criteria: CRITERIA, language }, 'supervisor1');
    await sampark.outreach.campaigns.command(next.id, 'start');
    const deadline = Date.now() + 5000;
    while ((await sampark.outreach.campaigns.find(next.id))?.status !== 'completed') {
      if (Date.now() > deadline) throw new Error('the second campaign did not finish');
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(channel.sentTo.slice(sentBefore)).not.toContain(SUNITA_MOBILE);
    expect((await counts(next.id)).optedOut).toBe(1);
  });

  it.each(language === 'hi' ? ['stop', 'band karo', 'बंद करो', 'संदेश बंद करें'] : ['stop', 'STOP', 'Stop messages'])('a typed "%s" after the message stops campaign messages too', async (typed) => {
    const id = await campaignSentToSunita();
    expect((await conversation.say(typed)).join('\n')).toMatch(expected.stopped);
    expect(await counts(id)).toMatchObject({ optedOut: 1 });
  });

  it('"ruko" (wait) after a campaign message is no opt-out', async () => {
    const id = await campaignSentToSunita();
    expect((await conversation.say('ruko')).join('\n')).not.toMatch(expected.stopped);
    expect(await counts(id)).toMatchObject({ optedOut: 0 });
  });

  it('a typed "stop" with no campaign message before has nothing to cancel, as ever', async () => {
    const replies = (await conversation.say('stop')).join('\n');
    expect(replies).not.toMatch(expected.stopped);
  });
});
