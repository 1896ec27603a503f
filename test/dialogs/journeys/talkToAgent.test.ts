import { ActivityTypes, TestAdapter, type Activity, type ResourceResponse, type TurnContext } from 'botbuilder';
import { handoffRequest } from '../../handoff/handoffStore.contract';
import { TEST_NOW, TestConversation, type TranscriptLine } from '../../support/conversation';

/** 21:30 IST on the test day: outside the helpline's agent hours. */
const AFTER_HOURS = new Date('2026-11-28T16:00:00.000Z');
const HELPLINE_HOURS = { AGENT_HOURS: '08:00-20:00' };

const transcripts: Record<string, TranscriptLine[]> = {
  'asking for a person queues once, telling the place and the wait (romanized Hindi)': [
    ['user', 'insaan se baat karao'],
    ['bot', 'कतार में आपका नंबर 1 है, लगभग 6 मिनट'],
    ['user', 'agent se baat karni hai'],
    ['bot', 'अभी भी एजेंट की प्रतीक्षा में हैं: कतार में नंबर 1, लगभग 6 मिनट'],
  ],
  'asking for a person queues once, telling the place and the wait (English)': [
    ['user', 'talk to agent'],
    ['bot', 'number 1 in the queue, about 6 minutes'],
    ['user', 'hello?'],
    ['bot', 'still waiting for an agent: number 1 in the queue, about 6 minutes'],
  ],
  'cancelling after asking for an agent withdraws the request (romanized Hindi)': [
    ['user', 'agent se baat karao'],
    ['bot', 'कतार में आपका नंबर 1'],
    ['user', 'rehne do'],
    ['bot', 'अनुरोध वापस ले लिया'],
  ],
  'asking for an agent in the middle of a journey (English)': [
    ['user', 'check my balance'],
    ['bot', 'consumer number'],
    ['user', 'I want to talk to a human agent'],
    ['bot', 'number 1 in the queue'],
  ],
};

const afterHours: Record<string, TranscriptLine[]> = {
  'outside agent hours a call back is offered, the number typed, and the consumer told when to expect it (Devanagari)': [
    ['user', 'मुझे एजेंट से बात करनी है'],
    ['bot', 'हेल्पलाइन एजेंट 08:00 से 20:00 बजे तक चैट लेते हैं'],
    ['bot', 'कॉल-बैक का अनुरोध'],
    ['user', 'हाँ'],
    ['bot', 'एजेंट आपको किस मोबाइल नंबर पर फ़ोन करें?'],
    ['user', 'मेरा नंबर ९८७६५४३२१० है'],
    ['bot', /आपका कॉल-बैक अनुरोध CB-[0-9A-F]{8} दर्ज हो गया है: हेल्पलाइन एजेंट आपको \*{6}3210 पर कल 08:00 बजे के बाद फ़ोन करेंगे/],
  ],
  'outside agent hours the registered number is offered and confirmed (English)': [
    ['user', 'balance 101000001'],
    ['bot', '842.50'],
    ['user', 'talk to agent'],
    ['bot', 'Helpline agents take chats from 08:00 to 20:00'],
    ['user', 'yes'],
    ['bot', 'Shall the agent call you on ******0001 (the mobile number registered with your connection)? [Yes | No]'],
    ['user', 'yes'],
    ['bot', /Your call-back request CB-[0-9A-F]{8} is registered: a helpline agent will call you on \*{6}0001 tomorrow after 08:00/],
  ],
  'outside agent hours another number than the registered one is typed (romanized Hindi)': [
    ['user', 'balance 101000001'],
    ['bot', '842.50'],
    ['user', 'agent se baat karao'],
    ['bot', 'कॉल-बैक का अनुरोध'],
    ['user', 'haan'],
    ['bot', 'क्या एजेंट आपको ******0001 (आपके कनेक्शन में पंजीकृत मोबाइल नंबर) पर फ़ोन करें?'],
    ['user', 'nahi'],
    ['bot', 'किस मोबाइल नंबर पर'],
    ['user', 'abc'],
    ['bot', 'किस मोबाइल नंबर पर'],
    ['user', '+91 98765-43210'],
    ['bot', /\*{6}3210 पर कल 08:00 बजे के बाद/],
  ],
  'outside agent hours the consumer declines the call back (English)': [
    ['user', 'talk to agent'],
    ['bot', 'Helpline agents take chats from 08:00 to 20:00'],
    ['bot', '[Yes | No]'],
    ['user', 'no'],
    ['bot', 'You can call 1912 at any time'],
  ],
};

describe('talk to an agent', () => {
  it.each(Object.entries(transcripts))('%s', async (_name, lines) => {
    await (await TestConversation.start()).play(lines);
  });

  it.each(Object.entries(afterHours))('%s', async (_name, lines) => {
    const conversation = await TestConversation.start({ now: () => AFTER_HOURS }, 'hi-IN', HELPLINE_HOURS);
    await conversation.play(lines);
    expect(await conversation.sampark.handoff.current('Convo1')).toBeNull();
    // A call back is agent work on the console's list, not a field ticket.
    expect(await conversation.sampark.ticketRepository.findByConsumer('101000001')).toEqual([]);
  });

  it('puts the call back on the agents\' list once, due when they are next in, with the confirmed number', async () => {
    const conversation = await TestConversation.start({ now: () => AFTER_HOURS }, 'en-IN', HELPLINE_HOURS);
    await conversation.play([['user', 'talk to agent'], ['user', 'yes'], ['user', '9876543210'], ['bot', 'CB-']]);
    await conversation.play([['user', 'talk to agent'], ['user', 'yes'], ['user', '9000000001'], ['bot', /You already have a call-back request, CB-[0-9A-F]{8}: .* on \*{6}3210/]]);
    const open = await conversation.sampark.callBacks.open();
    expect(open).toEqual([
      expect.objectContaining({
        status: 'waiting',
        request: expect.objectContaining({
          conversationId: 'Convo1',
          phone: '9876543210',
          phoneSource: 'typed',
          reason: 'outside_agent_hours',
          language: 'en',
          urgent: false,
          dueAt: '2026-11-29T02:30:00.000Z',
        }),
      }),
    ]);
  });

  it.each([
    ['en-IN', 'talk to agent', 'number 1 in the queue', 'Anything else'],
    ['hi-IN', 'agent se baat karao', 'कतार में आपका नंबर 1', 'और कोई मदद'],
  ])('offers nothing more once queued (%s): what the consumer writes next is for the agent', async (locale, ask, queued, anythingElse) => {
    const conversation = await TestConversation.start({}, locale);
    const replies = await conversation.say(ask);
    expect(replies).toEqual([expect.stringContaining(queued)]);
    expect(replies.join('\n')).not.toContain(anythingElse);
  });

  it('tells a consumer behind another their place and a longer wait', async () => {
    const conversation = await TestConversation.start({}, 'en-IN');
    await conversation.sampark.handoff.enqueue(handoffRequest('someone-else'));
    await conversation.play([
      ['user', 'talk to agent'],
      ['bot', 'number 2 in the queue, about 12 minutes'],
    ]);
  });

  it('puts the conversation in the handoff queue with what the bot knows and what was said, masked', async () => {
    const conversation = await TestConversation.start();
    await conversation.play([
      ['user', 'balance 101000001'],
      ['bot', '842.50'],
      ['user', 'mera naya mobile 9876500099 hai'],
      ['user', 'talk to agent'],
    ]);
    const record = await conversation.sampark.handoff.current('Convo1');
    expect(record?.request).toMatchObject({ caNumber: '101000001', lastIntent: 'talk_to_agent' });
    const history = record?.request.history ?? [];
    expect(history.map((line) => line.from)).toEqual(expect.arrayContaining(['consumer', 'bot']));
    expect(history[0]).toMatchObject({ from: 'consumer', text: 'balance 101000001' });
    expect(history.some((line) => line.from === 'bot' && line.text.includes('842.50'))).toBe(true);
    const said = history.map((line) => line.text).join('\n');
    expect(said).toContain('******0099');
    expect(said).not.toContain('9876500099');
    expect(history.at(-1)).toMatchObject({ from: 'consumer', text: 'talk to agent' });
  });

  it.each([
    ['asked straight away', [['user', 'talk to agent']], 'consumer_asked'],
    [
      'picked from the menu after the bot understood nothing twice',
      [
        ['user', 'what is the cricket score today'],
        ['bot', 'did not understand'],
        ['user', 'tell me a joke about cricket'],
        ['bot', 'still did not understand'],
        ['user', 'talk to agent'],
      ],
      'bot_could_not_help',
    ],
    [
      'picked after one answer the menu did not understand',
      [
        ['user', 'menu'],
        ['user', 'what is the cricket score today'],
        ['bot', 'still did not understand'],
        ['user', 'talk to agent'],
      ],
      'consumer_asked',
    ],
  ] as const)('queues a request %s with that reason for the agent', async (_name, lines, reason) => {
    const conversation = await TestConversation.start({}, 'en-US');
    await conversation.play(lines as unknown as TranscriptLine[]);
    expect((await conversation.sampark.handoff.current('Convo1'))?.request.reason).toBe(reason);
  });

  it('carries a health need said earlier, so agents serve the request first', async () => {
    const conversation = await TestConversation.start();
    await conversation.sampark.handoff.enqueue(handoffRequest('someone-earlier'));
    await conversation.play([
      ['user', 'ghar me bimar buzurg hain, light nahi hai'],
      ['user', 'agent se baat karao'],
      ['bot', 'कतार में आपका नंबर 1'],
    ]);
    expect((await conversation.sampark.handoff.current('Convo1'))?.request.urgent).toBe(true);
  });

  it.each([
    ['hi-IN', 'ghar me bimar buzurg hain, light nahi hai', 'agent se baat karao', 'कतार में आपका नंबर 1', 'dhanyavad', 'एजेंट', 'धन्यवाद'],
    ['en-IN', 'my mother is ill at home and there is no power', 'talk to agent', 'number 1 in the queue', 'thanks', 'agent', 'Thank you'],
  ])('lets a health need put first only the request an agent served, not every later one (%s)', async (locale, need, ask, queued, thanks, question, thanked) => {
    const conversation = await TestConversation.start({}, locale);
    const { handoff } = conversation.sampark;
    await conversation.play([['user', need], ['user', ask], ['bot', queued]]);
    expect((await handoff.current('Convo1'))?.request.urgent).toBe(true);
    await handoff.claim('Convo1', 'agent1');
    await handoff.resolve('Convo1', 'agent1', 'answered');
    await conversation.play([['user', thanks], ['bot', question], ['user', '1'], ['bot', thanked], ['user', ask], ['bot', queued]]);
    expect((await handoff.current('Convo1'))?.request.urgent).toBeUndefined();
  });

  it.each([
    ['hi-IN', 'ghar me bimar buzurg hain, light nahi hai', 'agent se baat karao', 'haan', 'अति आवश्यक'],
    ['en-IN', 'my mother is ill at home and there is no power', 'talk to agent', 'yes', 'marked it urgent'],
  ])('keeps the health need for the call back when nobody took the request in time (%s)', async (locale, need, ask, yes, urgentNote) => {
    const conversation = await TestConversation.start({}, locale);
    await conversation.play([['user', need], ['user', ask]]);
    await conversation.sampark.handoff.expire('Convo1');
    await conversation.play([['user', yes], ['user', '9876543210'], ['bot', /CB-[0-9A-F]{8}/], ['bot', urgentNote]]);
    // Within agent hours the call is due at once.
    expect((await conversation.sampark.callBacks.open())[0]?.request).toMatchObject({ reason: 'no_agent_in_time', urgent: true, dueAt: TEST_NOW.toISOString() });
  });

  it('sends handoff.initiate with the transcript once, when the conversation is queued', async () => {
    const conversation = await TestConversation.start();
    const sent: Partial<Activity>[] = [];
    const adapter = new TestAdapter(async (context) => {
      context.onSendActivities(async (_context, activities, next) => {
        sent.push(...activities);
        return next();
      });
      await conversation.sampark.bot.run(context);
    });
    for (const text of ['balance 101000001', 'agent se baat karao', 'agent se baat karao']) {
      await adapter.receiveActivity({ type: ActivityTypes.Message, text, locale: 'hi-IN' });
    }
    const initiations = sent.filter((activity) => activity.type === ActivityTypes.Event && activity.name === 'handoff.initiate');
    expect(initiations).toHaveLength(1);
    const [initiation] = initiations;
    expect(initiation?.value).toMatchObject({ reason: 'consumer_asked', language: 'hi', caNumber: '101000001', lastIntent: 'talk_to_agent', position: 1 });
    expect(initiation?.attachments?.[0]).toMatchObject({ contentType: 'application/json', name: 'Transcript' });
    const transcript = initiation?.attachments?.[0]?.content as { activities: Array<Partial<Activity>> };
    expect(transcript.activities[0]).toMatchObject({ type: 'message', text: 'balance 101000001', from: { role: 'user' } });
    expect(transcript.activities.some((activity) => activity.from?.role === 'bot' && activity.text?.includes('842.50'))).toBe(true);
  });

  it('queues on a channel that refuses event activities, which costs only the event', async () => {
    const conversation = await TestConversation.start({}, 'en-IN');
    class EventRefusingAdapter extends TestAdapter {
      override async sendActivities(context: TurnContext, activities: Partial<Activity>[]): Promise<ResourceResponse[]> {
        if (activities.some((activity) => activity.type === ActivityTypes.Event)) throw new Error('BadArgument: Unknown activity type');
        return super.sendActivities(context, activities);
      }
    }
    const adapter = new EventRefusingAdapter((context) => conversation.sampark.bot.run(context));
    await adapter.receiveActivity({ type: ActivityTypes.Message, text: 'talk to agent', locale: 'en-IN' });
    const replies = adapter.activeQueue.splice(0).map((activity) => activity.text);
    expect(replies).toEqual([expect.stringContaining('number 1 in the queue')]);
    expect((await conversation.sampark.handoff.current('Convo1'))?.status).toBe('queued');
  });
});
