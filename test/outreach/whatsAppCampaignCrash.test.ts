import type { Redis } from 'ioredis';
import { loadWhatsAppSettings } from '../../src/channels/whatsapp/whatsAppSettings';
import { silentLogger } from '../../src/log/logger';
import { PREPARE_JOB } from '../../src/outreach/campaignPreparation';
import { SEND_JOB } from '../../src/outreach/campaignSending';
import type { OutreachChannel } from '../../src/outreach/outreachChannel';
import { RedisCampaignStore } from '../../src/outreach/redisCampaignStore';
import { RedisOptOutStore } from '../../src/outreach/redisOptOutStore';
import { RedisSendingQuota } from '../../src/outreach/redisSendingQuota';
import { whatsAppOutreachChannel } from '../../src/outreach/whatsAppOutreachChannel';
import { FakeGraphServer } from '../channels/whatsapp/fakeGraphServer';
import { testSettingsEnv } from '../channels/whatsapp/whatsAppHarness';
import { removeKeys, testRedis, uniquePrefix } from '../support/redis';
import { ManualJobQueue } from './support/manualJobQueue';
import { outreachWorld, type OutreachWorld } from './support/outreachWorld';

/** 10:30 IST: inside the sending window. */
const MORNING = new Date('2026-11-28T05:00:00.000Z');
const CRITERIA = { supplyCutHours: 24, division: 'Patna East' };

/**
 * Campaign sends do not use the reply outbox's send attempts: each recipient is claimed (removed from
 * the campaign's queue in Redis, atomically) before its one Graph call, and a claim is never handed
 * out again. This kills an instance after Meta has a message and before the instance learns it, and
 * checks on the fake Graph API that the instance taking over sends nobody a second message.
 */
describe('a WhatsApp campaign whose instance is killed in the middle of a Graph API send', () => {
  let redis: Redis;
  let prefix: string;
  let fake: FakeGraphServer;
  let clock: Date;

  beforeEach(async () => {
    redis = testRedis();
    prefix = uniquePrefix('outreach-crash');
    fake = await FakeGraphServer.start();
    clock = MORNING;
  });
  afterEach(async () => {
    await fake.close();
    await removeKeys(redis, prefix);
    redis.disconnect();
  });

  /** One instance: its own job queue and Graph client, the campaign state in the shared Redis. */
  function instance(channel: OutreachChannel): { world: OutreachWorld; jobs: ManualJobQueue } {
    const jobs = new ManualJobQueue();
    const stores = {
      campaigns: new RedisCampaignStore(redis, prefix, 3600),
      optOuts: new RedisOptOutStore(redis, prefix),
      quota: new RedisSendingQuota(redis, prefix),
    };
    const world = outreachWorld({ now: () => clock, jobs, stores, settings: { messagesPerSecond: 10 } });
    world.outreach.sendThrough(channel);
    return { world, jobs };
  }

  /** The real channel on the fake Graph API; it waits long for an answer, so only the kill ends a held send. */
  const graphChannel = () =>
    whatsAppOutreachChannel(loadWhatsAppSettings({ ...testSettingsEnv(fake.url), WHATSAPP_GRAPH_TIMEOUT_MS: '30000' })!, silentLogger());

  /** The real channel, except that the process dies once Meta holds the `killAt`-th message: its answer is never read. */
  function dyingChannel(killAt: number): OutreachChannel {
    const channel = graphChannel();
    return {
      conversationIdOf: (mobile) => channel.conversationIdOf(mobile),
      send: async (mobile, message) => {
        if (fake.sent.length + 1 < killAt) return channel.send(mobile, message);
        fake.holdAnswers();
        void channel.send(mobile, message).catch(() => undefined);
        await fake.waitForSent(killAt);
        throw new Error('process killed mid-send');
      },
    };
  }

  it('sends every consumer at most one message: the one in flight at the kill is not sent again', async () => {
    const first = instance(dyingChannel(4));
    const campaign = await first.world.outreach.campaigns.create({ name: 'Crash mid-send', criteria: CRITERIA, language: 'hi' }, 'supervisor1');
    await first.world.outreach.campaigns.command(campaign.id, 'start');
    await first.jobs.runNext(PREPARE_JOB);
    const targets = await first.world.backend.findTargets(CRITERIA, null, 1000);
    const withMobile = targets.targets.filter((target) => target.mobile !== null);
    expect(withMobile.length).toBeGreaterThan(4);

    await expect(first.jobs.runNext(SEND_JOB)).rejects.toThrow('process killed mid-send');
    expect(fake.sent).toHaveLength(4);

    // The queue hands the interrupted job to another instance, which Meta answers.
    fake.answerAgain();
    clock = new Date(clock.getTime() + 5000);
    const second = instance(graphChannel());
    await second.jobs.enqueue(SEND_JOB, { campaignId: campaign.id });
    for (let batches = 0; second.jobs.has(SEND_JOB); batches += 1) {
      if (batches > 200) throw new Error('never finished');
      const job = second.jobs.take(SEND_JOB);
      clock = new Date(clock.getTime() + job.delayMs);
      await second.jobs.run(job);
    }

    const addresses = fake.sent.map((sent) => sent.address);
    expect(new Set(addresses).size).toBe(addresses.length);
    expect(addresses.sort()).toEqual(withMobile.map((target) => `91${target.mobile}`).sort());
    // The killed send reached the consumer, but no instance learned it: counted targeted, not sent.
    expect(await second.world.outreach.campaigns.find(campaign.id)).toMatchObject({ status: 'completed', counts: { sent: withMobile.length - 1 } });
  });
});
