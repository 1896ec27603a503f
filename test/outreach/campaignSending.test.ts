import type { CampaignTarget } from '../../src/backend/meterBackend';
import { actionPayload } from '../../src/outreach/campaign';
import { PREPARE_JOB } from '../../src/outreach/campaignPreparation';
import { SEND_JOB } from '../../src/outreach/campaignSending';
import type { KnownLanguage } from '../../src/outreach/knownLanguage';
import type { OutreachSettings } from '../../src/outreach/outreachSettings';
import { ManualJobQueue } from './support/manualJobQueue';
import { outreachWorld, type OutreachWorld } from './support/outreachWorld';

/** 21:00 IST on Saturday 28 November 2026: after the default 09:00-20:00 window. */
const EVENING = new Date('2026-11-28T15:30:00.000Z');
const HOUR = 3_600_000;
const CRITERIA = { supplyCutHours: 24, division: 'Patna East' };

describe('sending a campaign', () => {
  let clock: Date;
  let jobs: ManualJobQueue;
  let world: OutreachWorld;

  function open(settings: Partial<OutreachSettings> = {}, start = EVENING, knownLanguage?: KnownLanguage): void {
    clock = start;
    jobs = new ManualJobQueue();
    world = outreachWorld({ now: () => clock, jobs, settings, ...(knownLanguage ? { knownLanguage } : {}) });
  }

  /** The consumers the backend finds for the criteria, as the campaign should reach them. */
  async function targets(criteria = CRITERIA): Promise<CampaignTarget[]> {
    const found: CampaignTarget[] = [];
    let cursor: string | null = null;
    do {
      const page = await world.backend.findTargets(criteria, cursor, 1000);
      found.push(...page.targets);
      cursor = page.nextCursor;
    } while (cursor !== null);
    return found;
  }

  async function started(criteria = CRITERIA, name = 'Cut for a day'): Promise<string> {
    const campaign = await world.outreach.campaigns.create({ name, criteria, language: 'hi' }, 'supervisor1');
    const outcome = await world.outreach.campaigns.command(campaign.id, 'start');
    if (!outcome.ok) throw new Error(outcome.problem);
    await jobs.runNext(PREPARE_JOB);
    return campaign.id;
  }

  /** Runs the next send batch after moving the clock by the delay it was queued with. */
  async function nextBatch(): Promise<number> {
    const job = jobs.take(SEND_JOB);
    clock = new Date(clock.getTime() + job.delayMs);
    const before = world.channel.taken.length;
    await jobs.run(job);
    return world.channel.taken.length - before;
  }

  /** Runs batches until the campaign stops queueing them. */
  async function drain(): Promise<void> {
    for (let batches = 0; jobs.has(SEND_JOB); batches += 1) {
      if (batches > 500) throw new Error('the campaign never finished');
      await nextBatch();
    }
  }

  async function counts(id: string) {
    return (await world.outreach.campaigns.find(id))!.counts;
  }

  it('waits for the IST window: nothing at 21:00, everything from 09:00 the next morning', async () => {
    open({ messagesPerSecond: 1000 });
    const id = await started();
    const withMobile = (await targets()).filter((t) => t.mobile !== null);
    expect(await nextBatch()).toBe(0);
    const waiting = jobs.queued.find((job) => job.name === SEND_JOB)!;
    expect(waiting.delayMs).toBe(12 * HOUR);
    await drain();
    expect(clock.toISOString()).toBe('2026-11-29T03:30:00.000Z');
    expect(world.channel.taken.map((t) => t.mobile).sort()).toEqual(withMobile.map((t) => t.mobile).sort());
    expect((await world.outreach.campaigns.find(id))?.status).toBe('completed');
  });

  it('sends at most the messages per second, and no more within the same second', async () => {
    open({ messagesPerSecond: 5 }, new Date('2026-11-28T05:00:00.000Z'));
    await started();
    expect(await nextBatch()).toBe(5);
    const next = jobs.take(SEND_JOB);
    expect(next.delayMs).toBeLessThanOrEqual(1000);
    await jobs.run(next);
    expect(world.channel.taken).toHaveLength(5);
    clock = new Date(clock.getTime() + 1000);
    expect(await nextBatch()).toBe(5);
  });

  it("keeps to the day's tier of unique recipients and sends the rest the next day, each once", async () => {
    open({ messagesPerSecond: 1000, dailyRecipients: 7 }, new Date('2026-11-28T05:00:00.000Z'));
    const id = await started();
    expect(await nextBatch()).toBe(7);
    const waiting = jobs.queued.find((job) => job.name === SEND_JOB)!;
    // Until 09:00 IST the next day: the tier starts over at midnight, the window at nine.
    expect(new Date(clock.getTime() + waiting.delayMs).toISOString()).toBe('2026-11-29T03:30:00.000Z');
    await drain();
    const mobiles = world.channel.taken.map((t) => t.mobile);
    expect(new Set(mobiles).size).toBe(mobiles.length);
    expect((await counts(id)).sent).toBe(mobiles.length);
    expect(mobiles.length).toBeGreaterThan(7);
  });

  it('sends the approved template in the campaign language with four quick replies naming the campaign', async () => {
    open({ messagesPerSecond: 1000 }, new Date('2026-11-28T05:00:00.000Z'));
    const id = await started();
    await drain();
    const first = world.channel.taken[0]!;
    const target = (await targets()).find((t) => t.mobile === first.mobile)!;
    expect(first.message).toEqual({
      type: 'template',
      template: {
        name: 'sampark_campaign',
        language: { code: 'hi', policy: 'deterministic' },
        components: [
          { type: 'body', parameters: [{ type: 'text', text: 'SBPDCL' }, { type: 'text', text: target.caNumber }] },
          ...(['recharge', 'update_mobile', 'agent', 'stop'] as const).map((action, index) => ({
            type: 'button',
            sub_type: 'quick_reply',
            index: String(index),
            parameters: [{ type: 'payload', payload: actionPayload(id, action, target.caNumber) }],
          })),
        ],
      },
    });
  });

  it('writes to a consumer in the language they chose in an earlier chat, the others in the campaign language', async () => {
    const english = new Set<string>();
    open({ messagesPerSecond: 1000 }, new Date('2026-11-28T05:00:00.000Z'), async (mobile) => (english.has(mobile) ? 'en' : null));
    const withMobile = (await targets()).filter((t) => t.mobile !== null);
    english.add(withMobile[1]!.mobile!);
    await started();
    await drain();
    const codeFor = (mobile: string) => {
      const message = world.channel.taken.find((t) => t.mobile === mobile)!.message;
      return message.type === 'template' ? message.template.language.code : null;
    };
    expect(codeFor(withMobile[1]!.mobile!)).toBe('en');
    expect(codeFor(withMobile[0]!.mobile!)).toBe('hi');
  });

  it('honours a stop from one campaign in every later campaign, for good', async () => {
    open({ messagesPerSecond: 1000 }, new Date('2026-11-28T05:00:00.000Z'));
    const first = await started();
    await drain();
    const stopped = world.channel.taken[0]!;
    const conversationId = world.channel.conversationIdOf(stopped.mobile);
    expect(await world.outreach.conversations.tapped(conversationId, first, 'stop')).toMatchObject({ campaignId: first });
    expect((await counts(first)).optedOut).toBe(1);

    const sentBefore = world.channel.taken.length;
    const second = await started(CRITERIA, 'Second round');
    await drain();
    const secondRound = world.channel.taken.slice(sentBefore).map((t) => t.mobile);
    expect(secondRound).not.toContain(stopped.mobile);
    expect(secondRound).toHaveLength(sentBefore - 1);
    expect(await counts(second)).toMatchObject({ sent: sentBefore - 1, optedOut: 1 });
  });

  it('retries a throttled send later, records a refused one as failed, and never resends one left without an answer', async () => {
    open({ messagesPerSecond: 1000 }, new Date('2026-11-28T05:00:00.000Z'));
    world.channel.next.push('refused_retry', 'refused_final', 'unknown');
    const id = await started();
    expect(await nextBatch()).toBe(0);
    expect(jobs.queued.find((job) => job.name === SEND_JOB)?.delayMs).toBe(30_000);
    await drain();
    const withMobile = (await targets()).filter((t) => t.mobile !== null);
    const mobiles = world.channel.taken.map((t) => t.mobile);
    expect(new Set(mobiles).size).toBe(mobiles.length);
    // The throttled consumer was sent on the retry; the refused one and the unanswered one were not.
    expect(mobiles).toHaveLength(withMobile.length - 2);
    expect(await counts(id)).toMatchObject({ sent: withMobile.length - 2, failed: 1 });
    // The refusal was 131026, the number is not on WhatsApp: a visit, besides those without a mobile.
    const withoutMobile = (await targets()).length - withMobile.length;
    expect((await counts(id)).visitNeeded).toBe(withoutMobile + 1);
  });

  it('does not leave out a consumer put back in the queue while another batch found it empty and completed the campaign', async () => {
    open({ messagesPerSecond: 1000 }, new Date('2026-11-28T05:00:00.000Z'));
    const withMobile = (await targets()).filter((t) => t.mobile !== null);
    const send = world.channel.send.bind(world.channel);
    let sends = 0;
    world.channel.send = async (mobile, message) => {
      sends += 1;
      if (sends !== withMobile.length) return send(mobile, message);
      // The last one is throttled; meanwhile a second batch (another instance) finds nobody waiting.
      await jobs.enqueue(SEND_JOB, { campaignId: id });
      await jobs.runNext(SEND_JOB);
      return { kind: 'refused', retryLater: true, code: 130429 };
    };
    const id = await started();
    await nextBatch();
    await drain();
    expect(world.channel.taken.map((t) => t.mobile).sort()).toEqual(withMobile.map((t) => t.mobile).sort());
    expect((await world.outreach.campaigns.find(id))?.status).toBe('completed');
  });

  it('stops sending on pause and resumes where it stopped, nobody twice', async () => {
    open({ messagesPerSecond: 3 }, new Date('2026-11-28T05:00:00.000Z'));
    const id = await started();
    expect(await nextBatch()).toBe(3);
    await world.outreach.campaigns.command(id, 'pause');
    expect(await nextBatch()).toBe(0);
    expect(jobs.has(SEND_JOB)).toBe(false);
    clock = new Date(clock.getTime() + HOUR);
    expect((await world.outreach.campaigns.command(id, 'start')).ok).toBe(true);
    await drain();
    const mobiles = world.channel.taken.map((t) => t.mobile);
    expect(new Set(mobiles).size).toBe(mobiles.length);
    expect(mobiles).toHaveLength((await targets()).filter((t) => t.mobile !== null).length);
  });

  it('paused while its targets are found, it sends nothing until started again', async () => {
    open({ messagesPerSecond: 1000 }, new Date('2026-11-28T05:00:00.000Z'));
    const { id } = await world.outreach.campaigns.create({ name: 'Paused early', criteria: CRITERIA, language: 'hi' }, 'supervisor1');
    await world.outreach.campaigns.command(id, 'start');
    await world.outreach.campaigns.command(id, 'pause');
    await jobs.runNext(PREPARE_JOB);
    await drain();
    expect(world.channel.taken).toEqual([]);
    expect((await counts(id)).targeted).toBeGreaterThan(0);
    await world.outreach.campaigns.command(id, 'start');
    await drain();
    expect(world.channel.taken).toHaveLength((await targets()).filter((t) => t.mobile !== null).length);
  });

  it('sends nothing more once stopped', async () => {
    open({ messagesPerSecond: 2 }, new Date('2026-11-28T05:00:00.000Z'));
    const id = await started();
    await nextBatch();
    expect((await world.outreach.campaigns.command(id, 'stop')).ok).toBe(true);
    await drain();
    expect(world.channel.taken).toHaveLength(2);
    expect((await world.outreach.campaigns.find(id))?.status).toBe('stopped');
  });
});
