import type { Redis } from 'ioredis';
import { BullJobQueue } from '../../src/jobs/bullJobQueue';
import { silentLogger } from '../../src/log/logger';
import { PREPARE_JOB } from '../../src/outreach/campaignPreparation';
import { SEND_JOB } from '../../src/outreach/campaignSending';
import { RedisCampaignStore } from '../../src/outreach/redisCampaignStore';
import { RedisOptOutStore } from '../../src/outreach/redisOptOutStore';
import { RedisSendingQuota } from '../../src/outreach/redisSendingQuota';
import { removeKeys, TEST_REDIS_URL, testRedis, uniquePrefix } from '../support/redis';
import { ManualJobQueue } from './support/manualJobQueue';
import { outreachWorld, type OutreachWorld } from './support/outreachWorld';

/** 10:30 IST: inside the sending window. */
const MORNING = new Date('2026-11-28T05:00:00.000Z');
const CRITERIA = { supplyCutHours: 24, division: 'Patna East' };

describe('a campaign on Redis resumed after a crash', () => {
  let redis: Redis;
  let prefix: string;
  let clock: Date;

  beforeEach(() => {
    redis = testRedis();
    prefix = uniquePrefix('outreach');
    clock = MORNING;
  });
  afterEach(async () => {
    await removeKeys(redis, prefix);
    redis.disconnect();
  });

  /** One instance of Sampark: its own job queue and channel, the campaign state in the shared Redis. */
  function instance(messagesPerSecond: number): { world: OutreachWorld; jobs: ManualJobQueue } {
    const jobs = new ManualJobQueue();
    const stores = {
      campaigns: new RedisCampaignStore(redis, prefix, 3600),
      optOuts: new RedisOptOutStore(redis, prefix),
      quota: new RedisSendingQuota(redis, prefix),
    };
    return { world: outreachWorld({ now: () => clock, jobs, stores, settings: { messagesPerSecond } }), jobs };
  }

  async function mobilesWithCampaign(world: OutreachWorld): Promise<string[]> {
    const page = await world.backend.findTargets(CRITERIA, null, 1000);
    return page.targets.flatMap((t) => (t.mobile ? [t.mobile] : []));
  }

  it('continues on another instance without sending anyone twice; the send cut short is not repeated', async () => {
    const first = instance(10);
    const campaign = await first.world.outreach.campaigns.create({ name: 'Crash test', criteria: CRITERIA, language: 'hi' }, 'supervisor1');
    await first.world.outreach.campaigns.command(campaign.id, 'start');
    await first.jobs.runNext(PREPARE_JOB);
    const expected = await mobilesWithCampaign(first.world);

    first.world.channel.next.push('accepted', 'accepted', 'accepted', 'crash');
    await expect(first.jobs.runNext(SEND_JOB)).rejects.toThrow('process killed');
    expect(first.world.channel.taken).toHaveLength(3);

    // The queue hands the interrupted job to another instance; the clock has moved on a little.
    clock = new Date(clock.getTime() + 5000);
    const second = instance(10);
    await second.jobs.enqueue(SEND_JOB, { campaignId: campaign.id });
    for (let batches = 0; second.jobs.has(SEND_JOB); batches += 1) {
      if (batches > 200) throw new Error('never finished');
      const job = second.jobs.take(SEND_JOB);
      clock = new Date(clock.getTime() + job.delayMs);
      await second.jobs.run(job);
    }

    const sent = [...first.world.channel.taken, ...second.world.channel.taken].map((t) => t.mobile);
    expect(new Set(sent).size).toBe(sent.length);
    expect(sent).toHaveLength(expected.length - 1);
    const crashed = expected.filter((mobile) => !sent.includes(mobile));
    expect(crashed).toHaveLength(1);
    expect(await second.world.outreach.campaigns.find(campaign.id)).toMatchObject({
      status: 'completed',
      counts: { targeted: expected.length + (await visits(second.world)), sent: expected.length - 1 },
    });
  });

  it('shares the recipients out between instances sending at the same time, each consumer once', async () => {
    const a = instance(1000);
    const b = instance(1000);
    const campaign = await a.world.outreach.campaigns.create({ name: 'Two instances', criteria: CRITERIA, language: 'en' }, 'supervisor1');
    await a.world.outreach.campaigns.command(campaign.id, 'start');
    await a.jobs.runNext(PREPARE_JOB);
    await b.jobs.enqueue(SEND_JOB, { campaignId: campaign.id });
    await Promise.all([a.jobs.runNext(SEND_JOB), b.jobs.runNext(SEND_JOB)]);
    const sent = [...a.world.channel.taken, ...b.world.channel.taken].map((t) => t.mobile);
    expect(new Set(sent).size).toBe(sent.length);
    expect(sent.sort()).toEqual((await mobilesWithCampaign(a.world)).sort());
    expect(a.world.channel.taken.length).toBeGreaterThan(0);
    expect(b.world.channel.taken.length).toBeGreaterThan(0);
  });

  it('runs from start to completed on the BullMQ queue, its follow-up checks scheduled there', async () => {
    const jobsPrefix = prefix.replace(/:$/, '') + '-jobs';
    const jobs = new BullJobQueue({ redisUrl: TEST_REDIS_URL, prefix: jobsPrefix, logger: silentLogger() });
    const stores = {
      campaigns: new RedisCampaignStore(redis, prefix, 3600),
      optOuts: new RedisOptOutStore(redis, prefix),
      quota: new RedisSendingQuota(redis, prefix),
    };
    const t0 = Date.now();
    clock = MORNING;
    const world = outreachWorld({ now: () => new Date(MORNING.getTime() + (Date.now() - t0)), jobs, stores, settings: { messagesPerSecond: 1000 } });
    try {
      await jobs.start();
      const campaign = await world.outreach.campaigns.create({ name: 'On BullMQ', criteria: CRITERIA, language: 'hi' }, 'supervisor1');
      await world.outreach.campaigns.command(campaign.id, 'start');
      const deadline = Date.now() + 15_000;
      while ((await world.outreach.campaigns.find(campaign.id))?.status !== 'completed') {
        if (Date.now() > deadline) throw new Error('the campaign did not complete on BullMQ');
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      expect(world.channel.taken.map((t) => t.mobile).sort()).toEqual((await mobilesWithCampaign(world)).sort());
      expect((await jobs.counts()).delayed).toBe(world.channel.taken.length);
      expect(await jobs.failed()).toEqual([]);
    } finally {
      await jobs.close();
      await removeKeys(redis, jobsPrefix);
    }
  });

  async function visits(world: OutreachWorld): Promise<number> {
    const page = await world.backend.findTargets({ ...CRITERIA, noMobile: true }, null, 1000);
    return page.targets.length;
  }
});
