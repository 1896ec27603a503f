import { createSampark, type Sampark } from '../../src/app';
import { SimulatedMeterBackend } from '../../src/backend/simulator/simulatedMeterBackend';
import { loadConfig } from '../../src/config/config';
import { HandoffExpiry } from '../../src/handoff/handoffExpiry';
import { HandoffService } from '../../src/handoff/handoffService';
import { MemoryHandoffStore } from '../../src/handoff/memoryHandoffStore';
import { BullJobQueue } from '../../src/jobs/bullJobQueue';
import { silentLogger } from '../../src/log/logger';
import type { ConsumerContact, ConsumerNotice, ConsumerNotifier } from '../../src/notify/consumerNotifier';
import { waitFor } from '../jobs/jobQueue.contract';
import { TEST_NOW, TEST_OTP, TestConversation, type TranscriptLine } from '../support/conversation';
import { removeKeys, TEST_REDIS_URL, testRedis, uniquePrefix } from '../support/redis';
import { handoffRequest } from './handoffStore.contract';

const CONVERSATION = 'Convo1';
const MINUTE = 60_000;

/**
 * A consumer on a Sampark whose clock is jest's fake clock, so the expiry's delayed job (in-process
 * queue) runs when the test moves time on. Agent hours are all day, so the clock can move freely.
 */
async function consumerOnFakeClock(locale: string): Promise<{ sampark: Sampark; consumer: TestConversation }> {
  const now = () => new Date();
  const sampark = await createSampark(loadConfig({ HANDOFF_MAX_WAIT_MINUTES: '15', AGENT_HOURS: '00:00-00:00' }), silentLogger(), {
    now,
    backend: new SimulatedMeterBackend({ now, otpGenerator: () => TEST_OTP }),
  });
  const consumer = TestConversation.over(sampark, locale);
  sampark.notifier.register('test', consumer.proactiveChannel());
  await sampark.jobs.start();
  return { sampark, consumer };
}

/** What the consumer says (and sees) before and after the wait ran out unclaimed. */
const expiries: Record<string, { locale: string; ask: string; notice: string; after: TranscriptLine[] }> = {
  'Hindi: the consumer takes the call back': {
    locale: 'hi-IN',
    ask: 'insaan se baat karao',
    notice: '15 मिनट में कोई हेल्पलाइन एजेंट खाली नहीं हुआ',
    after: [
      ['user', 'haan'],
      ['bot', 'किस मोबाइल नंबर पर'],
      ['user', '9876543210'],
      ['bot', /कॉल-बैक अनुरोध CB-[0-9A-F]{8} दर्ज हो गया है: हेल्पलाइन एजेंट आपको \*{6}3210 पर जल्द ही फ़ोन करेंगे/],
    ],
  },
  'English: the consumer declines and the bot answers the next message as usual': {
    locale: 'en-IN',
    ask: 'I want to talk to a human agent',
    notice: 'no helpline agent became free within 15 minutes',
    after: [
      ['user', 'no'],
      ['bot', 'You can call 1912 at any time'],
      ['user', 'balance 101000001'],
      ['bot', '842.50'],
    ],
  },
  'English: something else instead of an answer goes to normal routing': {
    locale: 'en-IN',
    ask: 'talk to agent',
    notice: 'Shall I register a call-back request',
    after: [
      ['user', 'balance 101000001'],
      ['bot', '842.50'],
    ],
  },
};

describe('a request nobody claims expires', () => {
  beforeEach(() => jest.useFakeTimers({ now: TEST_NOW, doNotFake: ['nextTick', 'setImmediate', 'queueMicrotask'] }));
  afterEach(() => jest.useRealTimers());

  it.each(Object.entries(expiries))('%s', async (_name, { locale, ask, notice, after }) => {
    const { sampark, consumer } = await consumerOnFakeClock(locale);
    await consumer.say(ask);
    await jest.advanceTimersByTimeAsync(14 * MINUTE);
    expect((await sampark.handoff.current(CONVERSATION))?.status).toBe('queued');
    expect(consumer.received()).toEqual([]);

    await jest.advanceTimersByTimeAsync(1 * MINUTE);
    expect((await sampark.handoff.current(CONVERSATION))?.status).toBe('expired');
    expect(consumer.received()).toEqual([expect.stringContaining(notice)]);

    await consumer.play(after);
    expect((await sampark.handoff.current(CONVERSATION))?.status).toBe('bot');
    await sampark.close();
  });

  it('leaves a conversation an agent claimed in time alone', async () => {
    const { sampark, consumer } = await consumerOnFakeClock('en-IN');
    await consumer.say('talk to agent');
    await jest.advanceTimersByTimeAsync(10 * MINUTE);
    expect(await sampark.handoff.claim(CONVERSATION, 'agent1')).toMatchObject({ ok: true });
    await jest.advanceTimersByTimeAsync(10 * MINUTE);
    expect((await sampark.handoff.current(CONVERSATION))?.status).toBe('assigned');
    expect(consumer.received()).toEqual([]);
    expect(await sampark.jobs.counts()).toMatchObject({ delayed: 0, failed: 0 });
    await sampark.close();
  });

  it('leaves a conversation an agent claimed and put back in the queue waiting: an agent did take it on', async () => {
    const { sampark, consumer } = await consumerOnFakeClock('en-IN');
    await consumer.say('talk to agent');
    await jest.advanceTimersByTimeAsync(2 * MINUTE);
    expect(await sampark.handoff.claim(CONVERSATION, 'agent1')).toMatchObject({ ok: true });
    await jest.advanceTimersByTimeAsync(3 * MINUTE);
    expect(await sampark.handoff.transfer(CONVERSATION, { username: 'agent1', supervising: false }, null)).toMatchObject({ ok: true });
    await jest.advanceTimersByTimeAsync(20 * MINUTE);
    expect((await sampark.handoff.current(CONVERSATION))?.status).toBe('queued');
    expect(consumer.received()).toEqual([]);
    await sampark.close();
  });

  it('times a new request from its own asking, not from one the consumer cancelled', async () => {
    const { sampark, consumer } = await consumerOnFakeClock('en-IN');
    await consumer.say('talk to agent');
    // Asking again while waiting is the same request: one timer.
    await consumer.say('talk to agent');
    expect(await sampark.jobs.counts()).toMatchObject({ delayed: 1 });
    await jest.advanceTimersByTimeAsync(5 * MINUTE);
    await consumer.play([
      ['user', 'cancel'],
      ['bot', 'withdrawn your request'],
    ]);
    await jest.advanceTimersByTimeAsync(5 * MINUTE);
    await consumer.say('talk to agent');

    // The first request's timer runs at 15 minutes and finds a newer request: nothing happens.
    await jest.advanceTimersByTimeAsync(6 * MINUTE);
    expect((await sampark.handoff.current(CONVERSATION))?.status).toBe('queued');
    expect(consumer.received()).toEqual([]);

    await jest.advanceTimersByTimeAsync(9 * MINUTE);
    expect((await sampark.handoff.current(CONVERSATION))?.status).toBe('expired');
    expect(consumer.received()).toHaveLength(1);
    await sampark.close();
  });
});

describe('the expiry on Redis (BullJobQueue)', () => {
  it('runs once however often it is scheduled, and tells the consumer once', async () => {
    const prefix = uniquePrefix('handoff-expiry').slice(0, -1);
    const jobs = new BullJobQueue({ redisUrl: TEST_REDIS_URL, prefix, logger: silentLogger() });
    const handoff = new HandoffService(new MemoryHandoffStore(), () => new Date());
    const told: Array<{ contact: ConsumerContact; notice: ConsumerNotice }> = [];
    const notifier: ConsumerNotifier = {
      notify: async (contact, notice) => {
        told.push({ contact, notice });
        return { delivered: true };
      },
    };
    // Asked 15 minutes ago less 300 ms: the job is due in 300 ms.
    const request = { ...handoffRequest('wa:1234'), requestedAt: new Date(Date.now() - 15 * MINUTE + 300).toISOString() };
    const expiry = new HandoffExpiry({ jobs, handoff, maxWaitMinutes: 15, helplineNumber: '1912', now: () => new Date(), logger: silentLogger() });
    expiry.attach(notifier);
    try {
      await handoff.enqueue(request);
      await expiry.schedule(request);
      await expiry.schedule(request);
      expect(await jobs.counts()).toMatchObject({ delayed: 1 });
      await jobs.start();
      await waitFor(async () => (await handoff.current('wa:1234'))?.status === 'expired');
      await waitFor(async () => told.length === 1);
      expect(told).toEqual([
        { contact: { channel: 'test', conversationId: 'wa:1234', language: 'hi' }, notice: { key: 'agent.expired', params: { minutes: 15, helpline: '1912' } } },
      ]);
    } finally {
      await jobs.close();
      const redis = testRedis();
      await removeKeys(redis, prefix);
      redis.disconnect();
    }
  });
});
