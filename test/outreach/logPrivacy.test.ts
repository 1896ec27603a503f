import { Writable } from 'node:stream';
import { createLogger } from '../../src/log/logger';
import { PREPARE_JOB } from '../../src/outreach/campaignPreparation';
import { SEND_JOB } from '../../src/outreach/campaignSending';
import { loggingOutreachChannel } from '../../src/outreach/whatsAppOutreachChannel';
import { ManualJobQueue } from './support/manualJobQueue';
import { outreachWorld } from './support/outreachWorld';

describe("outreach's logs", () => {
  it('never carry a consumer mobile, even with the messages logged instead of sent', async () => {
    let written = '';
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        written += chunk.toString();
        done();
      },
    });
    const logger = createLogger('debug', sink);
    const jobs = new ManualJobQueue();
    const world = outreachWorld({ now: () => new Date('2026-11-28T05:00:00.000Z'), jobs, logger, settings: { messagesPerSecond: 1000 } });
    world.outreach.sendThrough(loggingOutreachChannel(logger));
    const { id } = await world.outreach.campaigns.create({ name: 'Privacy', criteria: { supplyCutHours: 24, section: 'Bihta-1' }, language: 'hi' }, 'supervisor1');
    await world.outreach.campaigns.command(id, 'start');
    await jobs.runNext(PREPARE_JOB);
    while (jobs.has(SEND_JOB)) await jobs.runNext(SEND_JOB);

    const mobiles = (await world.backend.findTargets({ supplyCutHours: 24, section: 'Bihta-1' }, null, 1000)).targets.flatMap((t) => (t.mobile ? [t.mobile] : []));
    expect(mobiles.length).toBeGreaterThan(0);
    expect(written).toContain('campaign message (WhatsApp is off: logged, not sent)');
    expect(written).toContain('campaign targets found');
    for (const mobile of mobiles) expect(written).not.toContain(mobile);
  });
});
