import { ActivityTypes, TestAdapter, type Activity } from 'botbuilder';
import type { Sampark } from '../../src/app';
import type { HandoffService } from '../../src/handoff/handoffService';
import { TestConversation, type TranscriptLine } from '../support/conversation';
import { gatedSampark } from './support/gatedSampark';

const CONVERSATION = 'Convo1';

/** A consumer queued for an agent (optionally claimed by agent1), with the activities the bot sends proactively kept. */
async function consumerWithAgentSide(options: { claimed: boolean; locale?: string }) {
  const { sampark, handoff } = await gatedSampark();
  const consumer = TestConversation.over(sampark, options.locale ?? 'en-IN');
  const proactive: Partial<Activity>[] = [];
  const channel = consumer.proactiveChannel();
  sampark.notifier.register('test', { reference: channel.reference, deliver: async (_reference, activity) => void proactive.push(activity) });
  await consumer.say('talk to agent');
  if (options.claimed) expect(await handoff.claim(CONVERSATION, 'agent1')).toMatchObject({ ok: true });
  return { sampark, handoff, consumer, proactive };
}

const transcriptOf = async (handoff: HandoffService) => (await handoff.current(CONVERSATION))?.transcript.map((entry) => entry.text) ?? [];

/** What the consumer sends while an agent has the conversation, and how it reads on the agent's transcript. */
const inbound: Record<string, { activity: Partial<Activity>; reads: string }> = {
  'a photo from Web Chat, with its caption': {
    activity: {
      type: ActivityTypes.Message,
      text: 'meter ka photo',
      attachments: [{ contentType: 'image/jpeg', name: 'meter.jpg', contentUrl: 'https://chat.example/uploads/meter.jpg' }],
    },
    reads: 'meter ka photo [photo: meter.jpg https://chat.example/uploads/meter.jpg]',
  },
  'a document sent inline': {
    activity: { type: ActivityTypes.Message, attachments: [{ contentType: 'application/pdf', name: 'bill.pdf', contentUrl: 'data:application/pdf;base64,JVBERi0x' }] },
    reads: '[document: bill.pdf (sent inline)]',
  },
  'a location': {
    activity: { type: ActivityTypes.Message, entities: [{ type: 'GeoCoordinates', latitude: 25.6093, longitude: 85.1376 }] },
    reads: '[location: https://maps.google.com/?q=25.609300,85.137600]',
  },
  'a message kind the channel could not read': {
    activity: { type: ActivityTypes.Message, text: '', channelData: { whatsappKind: 'sticker' } },
    reads: '[sticker message]',
  },
};

describe('while an agent has the conversation, every inbound activity goes to the agent', () => {
  it.each(Object.entries(inbound))('%s is on the transcript, and the bot stays silent', async (_name, { activity, reads }) => {
    const { handoff, consumer } = await consumerWithAgentSide({ claimed: true });
    expect(await consumer.say(activity)).toEqual([]);
    expect(await transcriptOf(handoff)).toEqual([reads]);
  });

  it.each([
    ['typing', { type: ActivityTypes.Typing }],
    ['an event', { type: ActivityTypes.Event, name: 'webchat/join', value: { language: 'hi-IN' } }],
    ['a member joining (Web Chat reconnecting)', { type: ActivityTypes.ConversationUpdate, membersAdded: [{ id: 'user1', name: 'User1' }] }],
  ] as const)('%s starts no bot dialog', async (_name, activity) => {
    const { handoff, consumer } = await consumerWithAgentSide({ claimed: false });
    expect(await consumer.say(activity as Partial<Activity>)).toEqual([]);
    expect(await transcriptOf(handoff)).toEqual([]);
    // The next message is still the agent's, with the place in the queue.
    expect(await consumer.say('hello?')).toEqual([expect.stringContaining('still waiting for an agent')]);
  });

  it.each([
    ['hi-IN', 'ruko'],
    ['hi-IN', 'रुकिए'],
    ['en-IN', 'ruk jao'],
  ])('(%s) takes "%s" to a talking agent as "hold on", not as a cancel', async (locale, holdOn) => {
    const { handoff, consumer } = await consumerWithAgentSide({ claimed: true, locale });
    expect(await consumer.say(holdOn)).toEqual([]);
    expect((await handoff.current(CONVERSATION))?.status).toBe('assigned');
    expect(await transcriptOf(handoff)).toEqual([holdOn]);
  });

  it('lets the consumer cancel while with an agent', async () => {
    const { sampark, handoff, consumer } = await consumerWithAgentSide({ claimed: true });
    await consumer.play([
      ['user', 'cancel'],
      ['bot', 'withdrawn your request'],
    ]);
    expect((await handoff.current(CONVERSATION))?.status).toBe('bot');
    expect(await consumer.say('balance 101000001')).toEqual([expect.stringContaining('842.50')]);
    await sampark.close();
  });
});

describe('handoff.status', () => {
  it('goes out in the consumer\'s own turn when they cancel: failed', async () => {
    const { sampark, handoff } = await gatedSampark();
    const sent: Partial<Activity>[] = [];
    const adapter = new TestAdapter(async (context) => {
      context.onSendActivities(async (_context, activities, next) => {
        sent.push(...activities);
        return next();
      });
      await sampark.bot.run(context);
    });
    await adapter.receiveActivity({ type: ActivityTypes.Message, text: 'talk to agent', locale: 'en-IN' });
    await handoff.claim(CONVERSATION, 'agent1');
    sent.length = 0;
    await adapter.receiveActivity({ type: ActivityTypes.Message, text: 'cancel', locale: 'en-IN' });
    expect(sent.filter((activity) => activity.type === ActivityTypes.Event).map((activity) => [activity.name, activity.value])).toEqual([
      ['handoff.status', { state: 'failed', message: 'cancelled by the consumer' }],
    ]);
  });
});

describe('handoff.status reaches the consumer\'s conversation when the change is not the consumer\'s turn', () => {
  const statusOf = (activity: Partial<Activity>) => (activity.value as { state?: string }).state;

  it('accepted when claimed, completed when resolved', async () => {
    const { handoff, proactive } = await consumerWithAgentSide({ claimed: true });
    await handoff.resolve(CONVERSATION, 'agent1', 'answered');
    await new Promise((resolve) => setImmediate(resolve));
    expect(proactive.map((activity) => [activity.type, activity.name, statusOf(activity)])).toEqual([
      ['event', 'handoff.status', 'accepted'],
      ['event', 'handoff.status', 'completed'],
    ]);
    expect(proactive[0]?.conversation?.id).toBe(CONVERSATION);
  });

  it('accepted when a supervisor hands it from the queue straight to an agent', async () => {
    const { handoff, proactive } = await consumerWithAgentSide({ claimed: false });
    expect(await handoff.transfer(CONVERSATION, { username: 'supervisor1', supervising: true }, 'agent1')).toMatchObject({ ok: true });
    await new Promise((resolve) => setImmediate(resolve));
    expect(proactive.map(statusOf)).toEqual(['accepted']);
  });

  it('failed when it expires', async () => {
    const { handoff, proactive } = await consumerWithAgentSide({ claimed: false });
    await handoff.expire(CONVERSATION);
    await new Promise((resolve) => setImmediate(resolve));
    expect(proactive.map(statusOf)).toEqual(['failed']);
  });
});

/** After the agent resolved: the consumer's next message, the question it brings, the answer, the thanks. */
const satisfaction: Record<string, { locale: string; rating: string; lines: TranscriptLine[]; answer: string; thanks: string }> = {
  'a tap on the button (English)': {
    locale: 'en-IN',
    rating: 'good',
    lines: [
      ['user', 'ok'],
      ['bot', 'You are back with the automatic assistant. How did the helpline agent help you? [😊 Good | 😐 Okay | ☹️ Poor]'],
    ],
    answer: '😊 Good',
    thanks: 'Thank you for telling us',
  },
  'typed in Devanagari': {
    locale: 'hi-IN',
    rating: 'good',
    lines: [
      ['user', 'धन्यवाद'],
      ['bot', 'हेल्पलाइन एजेंट ने आपकी मदद कैसी की? [😊 अच्छी | 😐 ठीक-ठाक | ☹️ खराब]'],
    ],
    answer: 'बढ़िया',
    thanks: 'बताने के लिए धन्यवाद',
  },
  'typed in romanized Hindi': {
    locale: 'hi-IN',
    rating: 'poor',
    lines: [
      ['user', 'theek hai'],
      ['bot', 'मदद कैसी की'],
    ],
    answer: 'bekar tha',
    thanks: 'बताने के लिए धन्यवाद',
  },
  'the button number (English)': {
    locale: 'en-IN',
    rating: 'okay',
    lines: [
      ['user', 'thanks'],
      ['bot', 'How did the helpline agent help you?'],
    ],
    answer: '2',
    thanks: 'Thank you for telling us',
  },
};

describe('back with the bot, the consumer is asked how the agent helped', () => {
  let sampark: Sampark;
  let handoff: HandoffService;
  let consumer: TestConversation;

  async function resolvedBy(locale: string) {
    ({ sampark, handoff, consumer } = await consumerWithAgentSide({ claimed: true, locale }));
    await handoff.resolve(CONVERSATION, 'agent1', 'answered');
  }

  const counted = async (rating: string) =>
    (await sampark.metrics.handoffSatisfaction.get()).values.find((value) => value.labels.rating === rating)?.value ?? 0;

  it.each(Object.entries(satisfaction))('answered by %s: recorded, counted, and not a new request', async (_name, { locale, rating, lines, answer, thanks }) => {
    await resolvedBy(locale);
    await consumer.play(lines);
    // The answer starts nothing: the thanks is the whole reply, no journey, no menu.
    expect(await consumer.say(answer)).toEqual([expect.stringContaining(thanks)]);
    expect((await handoff.current(CONVERSATION))?.satisfaction).toMatchObject({ rating });
    expect(await counted(rating)).toBe(1);
  });

  it.each([
    ['en-IN', 'balance 101000001', '842.50'],
    ['hi-IN', 'मेरा बैलेंस कितना है 101000001', '842.50'],
  ])('a clear request as the first message back (%s) is answered at once, without the question', async (locale, request, answer) => {
    await resolvedBy(locale);
    const replies = (await consumer.say(request)).join('\n');
    expect(replies).toContain(answer);
    expect(replies).not.toMatch(/How did the helpline agent help you|एजेंट ने आपकी मदद कैसी की/);
    expect((await handoff.current(CONVERSATION))?.satisfaction).toMatchObject({ rating: 'skipped' });
  });

  it('writing something else instead starts normal routing, and a later "1" is not taken as an answer', async () => {
    await resolvedBy('en-IN');
    await consumer.play([
      ['user', 'ok'],
      ['bot', 'How did the helpline agent help you?'],
      ['user', 'balance 101000001'],
      ['bot', '842.50'],
    ]);
    expect((await handoff.current(CONVERSATION))?.satisfaction).toMatchObject({ rating: 'skipped' });
    expect(await counted('skipped')).toBe(1);
    expect(await consumer.say('good')).not.toEqual([expect.stringContaining('Thank you for telling us')]);
  });

  it('does not ask after an expired or cancelled request, where no agent helped', async () => {
    ({ sampark, handoff, consumer } = await consumerWithAgentSide({ claimed: false }));
    await handoff.expire(CONVERSATION);
    const replies = (await consumer.say('hi')).join('\n');
    expect(replies).not.toContain('How did the helpline agent help you?');
    expect((await handoff.current(CONVERSATION))?.satisfaction).toBeUndefined();
  });
});
