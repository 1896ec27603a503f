import type { CampaignTarget, MeterBackend, MeterStatus } from '../../src/backend/meterBackend';
import { SimulatedMeterBackend } from '../../src/backend/simulator/simulatedMeterBackend';
import { PREPARE_JOB } from '../../src/outreach/campaignPreparation';
import { CHECK_JOB, SEND_JOB } from '../../src/outreach/campaignSending';
import { initialWork } from '../../src/tickets/lifecycle';
import { ManualJobQueue } from './support/manualJobQueue';
import { outreachWorld, type OutreachWorld } from './support/outreachWorld';

/** 10:30 IST, inside the sending window. */
const MORNING = new Date('2026-11-28T05:00:00.000Z');

/** The simulator, with balances a test can raise as if the consumer recharged. */
class RechargingBackend extends SimulatedMeterBackend {
  readonly recharged = new Map<string, number>();

  override async getMeterStatus(caNumber: string): Promise<MeterStatus | null> {
    const status = await super.getMeterStatus(caNumber);
    const balance = this.recharged.get(caNumber);
    return status && balance !== undefined ? { ...status, balance, relay: 'connected' } : status;
  }
}

describe('after a campaign message', () => {
  let clock: Date;
  let jobs: ManualJobQueue;
  let world: OutreachWorld;
  let backend: RechargingBackend;

  beforeEach(() => {
    clock = MORNING;
    jobs = new ManualJobQueue();
    backend = new RechargingBackend({ now: () => clock, otpGenerator: () => '123456' });
    world = outreachWorld({ now: () => clock, jobs, backend, settings: { messagesPerSecond: 1000 } });
  });

  async function everyTarget(criteria: Parameters<MeterBackend['findTargets']>[0]): Promise<CampaignTarget[]> {
    return (await backend.findTargets(criteria, null, 1000)).targets;
  }

  async function run(criteria: Parameters<MeterBackend['findTargets']>[0], name = 'Follow-up'): Promise<string> {
    const { id } = await world.outreach.campaigns.create({ name, criteria, language: 'hi' }, 'supervisor1');
    await world.outreach.campaigns.command(id, 'start');
    await jobs.runNext(PREPARE_JOB);
    while (jobs.has(SEND_JOB)) await jobs.runNext(SEND_JOB);
    return id;
  }

  const counts = async (id: string) => (await world.outreach.campaigns.find(id))!.counts;

  it('counts delivered and read from WhatsApp statuses of its messages, read standing for delivered too', async () => {
    const id = await run({ supplyCutHours: 24, section: 'Kankarbagh-1' });
    const [first, second] = world.channel.taken;
    await world.outreach.onStatus({ wamid: first!.messageId, status: 'delivered', errors: [] });
    await world.outreach.onStatus({ wamid: first!.messageId, status: 'read', errors: [] });
    await world.outreach.onStatus({ wamid: second!.messageId, status: 'read', errors: [] });
    await world.outreach.onStatus({ wamid: second!.messageId, status: 'delivered', errors: [] });
    await world.outreach.onStatus({ wamid: 'wamid.not-a-campaign-message', status: 'read', errors: [] });
    expect(await counts(id)).toMatchObject({ delivered: 2, read: 2, failed: 0 });
    await world.outreach.onStatus({ wamid: world.channel.taken[2]!.messageId, status: 'failed', errors: [{ code: 131049 }] });
    expect((await counts(id)).failed).toBe(1);
    const metrics = await world.metrics.registry.metrics();
    expect(metrics).toContain('sampark_campaign_outcomes_total{outcome="read"} 2');
    expect(metrics).toContain(`sampark_campaign_sends_total{result="accepted"} ${world.channel.taken.length}`);
  });

  it('puts a consumer whose number is not on WhatsApp on the visit list', async () => {
    const criteria = { supplyCutHours: 24, section: 'Kankarbagh-1' };
    const id = await run(criteria);
    const visitsBefore = (await counts(id)).visitNeeded;
    const [unreachable] = world.channel.taken;
    await world.outreach.onStatus({ wamid: unreachable!.messageId, status: 'failed', errors: [{ code: 131026 }] });
    const target = (await everyTarget(criteria)).find((t) => t.mobile === unreachable!.mobile)!;
    const visit = (await world.repository.findByConsumer(target.caNumber)).find((t) => t.category === 'sampark_visit');
    expect(visit).toMatchObject({ status: 'open', area: target.area });
    expect(visit?.description).toContain('not on WhatsApp');
    // The field page says it in its own language from the key.
    expect(visit?.problem).toEqual({ key: 'campaign_visit_not_on_whatsapp', params: { campaign: expect.any(String) } });
    expect(await counts(id)).toMatchObject({ failed: 1, visitNeeded: visitsBefore + 1 });
  });

  it("takes a tap on the message about one of a mobile's two connections as about that connection, and a payload naming another's as nobody's", async () => {
    // Ramesh's mobile has his home (101000001) and his shop (101000011): he gets a message about each.
    const findTargets = backend.findTargets.bind(backend);
    backend.findTargets = async (...args) => {
      const page = await findTargets(...args);
      return { ...page, targets: page.targets.filter((t) => t.mobile === '9876500001') };
    };
    const id = await run({ division: 'Patna East' }, 'Two connections');
    const ramesh = world.channel.conversationIdOf('9876500001');
    const about = (ca: string) => world.channel.taken.filter((t) => t.mobile === '9876500001' && JSON.stringify(t.message).includes(`:recharge:${ca}`));
    expect(about('101000001')).toHaveLength(1);
    expect(about('101000011')).toHaveLength(1);

    const home = await world.outreach.conversations.tapped(ramesh, id, 'recharge', '101000001');
    const shop = await world.outreach.conversations.tapped(ramesh, id, 'recharge', '101000011');
    expect([home?.consumer?.caNumber, shop?.consumer?.caNumber]).toEqual(['101000001', '101000011']);
    expect((await counts(id)).replied).toBe(2);

    const someoneElse = await world.outreach.conversations.tapped(world.channel.conversationIdOf('9876500002'), id, 'recharge', '101000001');
    expect(someoneElse?.consumer).toBeNull();
  });

  it('counts a recharge when the backend later shows the balance positive, in the funnel too', async () => {
    const id = await run({ supplyCutHours: 24, section: 'Kankarbagh-1' });
    const [tapper] = world.channel.taken;
    const conversationId = world.channel.conversationIdOf(tapper!.mobile);
    const context = await world.outreach.conversations.tapped(conversationId, id, 'recharge');
    const target = (await everyTarget({ supplyCutHours: 24, section: 'Kankarbagh-1' })).find((t) => t.mobile === tapper!.mobile)!;
    expect(context).toEqual({ campaignId: id, language: 'hi', consumer: { caNumber: target.caNumber, balance: target.balance } });

    const check = jobs.queued.find((job) => job.name === CHECK_JOB && job.id.endsWith(`${target.caNumber}.replied`))!;
    expect(check.delayMs).toBe(24 * 3_600_000);
    await jobs.run(check);
    expect((await counts(id)).resolved).toBe(0);

    backend.recharged.set(target.caNumber, 150);
    await jobs.run(check);
    await jobs.run(check);
    expect(await counts(id)).toMatchObject({ replied: 1, resolved: 1 });
    const funnel = await world.outreach.campaigns.funnel(id, 'division');
    expect(funnel).toEqual([expect.objectContaining({ key: 'Patna East', replied: 1, resolved: 1 })]);
  });

  it('puts consumers without a mobile on a visit list: one sampark_visit ticket each, in their section', async () => {
    const criteria = { noMobile: true, division: 'Patna East' };
    const expected = await everyTarget(criteria);
    expect(new Set(expected.map((t) => t.area.section)).size).toBeGreaterThan(1);
    const id = await run(criteria, 'Visit list');
    expect(world.channel.taken).toEqual([]);
    for (const section of new Set(expected.map((t) => t.area.section))) {
      const tickets = (await world.repository.findByArea({ section })).filter((t) => t.category === 'sampark_visit');
      const inSection = expected.filter((t) => t.area.section === section).map((t) => t.caNumber);
      expect(tickets.map((t) => t.caNumber).sort()).toEqual(inSection.sort());
      expect(tickets.every((t) => t.area?.division === 'Patna East' && t.status === 'open')).toBe(true);
    }
    expect(await counts(id)).toMatchObject({ targeted: expected.length, visitNeeded: expected.length, sent: 0 });
    expect((await world.outreach.campaigns.find(id))?.status).toBe('completed');

    // A second campaign over the same consumers joins their open visit tickets rather than opening more.
    await run(criteria, 'Visit list again');
    const all = (await world.repository.findByArea({ division: 'Patna East' })).filter((t) => t.category === 'sampark_visit');
    expect(all).toHaveLength(expected.length);
  });

  it('opens no more visit tickets once a supervisor stops the campaign while its targets are being found', async () => {
    const criteria = { noMobile: true };
    const { id } = await world.outreach.campaigns.create({ name: 'Wrong list', criteria, language: 'hi' }, 'supervisor1');
    await world.outreach.campaigns.command(id, 'start');
    const findTargets = backend.findTargets.bind(backend);
    let firstPage = 0;
    backend.findTargets = async (...args) => {
      const page = await findTargets(...args);
      // The supervisor sees the list is wrong and stops it while the first page is being worked through.
      if (firstPage === 0) {
        firstPage = page.targets.length;
        await world.outreach.campaigns.command(id, 'stop');
      }
      return page;
    };
    await jobs.runNext(PREPARE_JOB);
    const visits = (await world.repository.findByArea({})).filter((t) => t.category === 'sampark_visit');
    expect(firstPage).toBeGreaterThan(0);
    expect(visits).toHaveLength(firstPage);
    expect(await counts(id)).toMatchObject({ targeted: firstPage, visitNeeded: firstPage });
    expect((await world.outreach.campaigns.find(id))?.status).toBe('stopped');
  });

  it('marks a consumer visited when their visit ticket is resolved, and a mobile registered on the visit as resolved', async () => {
    const criteria = { noMobile: true, section: 'Kankarbagh-1' };
    const id = await run(criteria, 'Visit list');
    const [visited] = await everyTarget(criteria);
    const ticket = (await world.repository.findByConsumer(visited!.caNumber)).find((t) => t.category === 'sampark_visit')!;
    // The field team checks the meter on the wall and the last recharge, as the backend requires.
    const { meterNumber } = (await backend.findConsumer(visited!.caNumber))!;
    const lastRechargeAmount = (await backend.getMeterStatus(visited!.caNumber))!.lastRecharge!.amount;
    const proof = { kind: 'meter_and_last_recharge', meterNumber, lastRechargeAmount } as const;
    const request = await backend.startMobileUpdate(visited!.caNumber, '9123400042', proof);
    if (request?.outcome !== 'otp_sent') throw new Error('the visit could not start the mobile change');
    await backend.confirmMobileUpdate(request.requestId, { newMobile: '123456' });

    await world.outreach.onTicketChanged({ ...ticket, status: 'in_progress' });
    expect((await counts(id)).visited).toBe(0);
    await world.outreach.onTicketChanged({ ...ticket, status: 'resolved' });
    const check = jobs.take(CHECK_JOB);
    expect(check.delayMs).toBe(0);
    await jobs.run(check);
    expect(await counts(id)).toMatchObject({ visited: 1, resolved: 1 });
  });

  it('does not count a visit the team could not complete (locked house, wrong address) as visited when it is closed', async () => {
    const criteria = { noMobile: true, section: 'Kankarbagh-1' };
    const id = await run(criteria, 'Visit list');
    const [first, second] = await everyTarget(criteria);
    const visitOf = async (caNumber: string) => (await world.repository.findByConsumer(caNumber)).find((t) => t.category === 'sampark_visit')!;
    const notDone = await visitOf(first!.caNumber);
    const work = { ...initialWork(), cannotCompleteReason: 'house locked', finishedAt: clock.toISOString() };
    await world.outreach.onTicketChanged({ ...notDone, status: 'cannot_complete', work });
    await world.outreach.onTicketChanged({ ...notDone, status: 'closed', work });
    expect((await counts(id)).visited).toBe(0);

    // Closing a resolved visit keeps it counted once.
    const done = await visitOf(second!.caNumber);
    const resolved = { ...initialWork(), resolution: { code: 'other' as const, note: 'explained the app' }, finishedAt: clock.toISOString() };
    await world.outreach.onTicketChanged({ ...done, status: 'resolved', work: resolved });
    await world.outreach.onTicketChanged({ ...done, status: 'closed', work: resolved });
    expect((await counts(id)).visited).toBe(1);
  });
});
