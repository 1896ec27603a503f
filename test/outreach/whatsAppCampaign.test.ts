import { silentLogger } from '../../src/log/logger';
import { campaignsThroughWhatsApp } from '../../src/server/samparkServer';
import { message, postWebhook, status, webhookOf } from '../channels/whatsapp/webhookClient';
import { startWhatsApp, WhatsAppUser, type RunningWhatsApp } from '../channels/whatsapp/whatsAppHarness';

/** 11:30 IST, moving on with real time so batches a second apart can run. */
const START = new Date('2026-11-28T06:00:00.000Z');
const SUNITA = '919876500002';

describe('a campaign on the WhatsApp channel', () => {
  let running: RunningWhatsApp;

  beforeEach(async () => {
    const t0 = Date.now();
    running = await startWhatsApp({ now: () => new Date(START.getTime() + (Date.now() - t0)) });
    campaignsThroughWhatsApp(running.sampark, running.settings, silentLogger());
  });
  afterEach(() => running.close());

  it('sends the template, counts its statuses, and takes a tapped stop as an opt-out confirmed in Hindi', async () => {
    const campaigns = running.sampark.outreach.campaigns;
    const { id } = await campaigns.create({ name: 'Bihta cut', criteria: { supplyCutHours: 48, section: 'Bihta-1' }, language: 'hi' }, 'supervisor1');
    await campaigns.command(id, 'start');
    const deadline = Date.now() + 15_000;
    while ((await campaigns.find(id))?.status !== 'completed') {
      if (Date.now() > deadline) throw new Error('the campaign did not complete');
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    await running.quiet();
    expect(running.fake.invalid).toEqual([]);
    const template = running.fake.sent.find((sent) => sent.address === SUNITA)!;
    expect(template.message).toMatchObject({ type: 'template', template: { name: 'sampark_campaign', language: { code: 'hi' } } });

    await postWebhook(running.url, webhookOf([], [status(template.wamid, 'read')]));
    const sunita = new WhatsAppUser(running, SUNITA);
    // She taps the stop button of the very message she got: WhatsApp hands back the payload it was sent with.
    const stop = JSON.stringify(template.message).match(/campaign:[^"]+:stop:\d+/)?.[0];
    expect(stop).toBe(`campaign:${id}:stop:101000002`);
    const replies = await sunita.send(message(SUNITA, 'button', { button: { payload: stop, text: 'संदेश बंद करें' } }));
    expect(replies.join('\n')).toMatch(/अब इस नंबर पर अभियान के संदेश नहीं भेजेगा/);
    expect((await campaigns.find(id))?.counts).toMatchObject({ delivered: 1, read: 1, replied: 1, optedOut: 1 });
  });
});
