import { TEST_NOW } from '../../support/conversation';
import { startWhatsApp, WhatsAppUser, type RunningWhatsApp } from './whatsAppHarness';
import { listReply, buttonReply, message, RAMESH } from './webhookClient';

/**
 * Ramesh Kumar writes from 9876500001, the number registered for connections 101000001 and
 * 101000011, about a recharge that did not reach a meter: all in Hindi, over WhatsApp, through the
 * webhook and the fake Graph API, with buttons and lists tapped as a phone would.
 */
describe('a recharge problem in Hindi over WhatsApp', () => {
  let running: RunningWhatsApp;
  beforeAll(async () => {
    running = await startWhatsApp({ now: () => TEST_NOW });
  });
  afterAll(() => running.close());

  it('goes from the greeting to an explained pending payment, then a ticket with the site for a stuck one', async () => {
    const ramesh = new WhatsAppUser(running, RAMESH);

    const greeting = await ramesh.say('नमस्ते');
    expect(greeting).toHaveLength(1);
    expect(greeting[0]).toContain('मैं संपर्क हूँ');
    const menu = ramesh.inbox().at(-1)!.message;
    expect(menu.type === 'interactive' && menu.interactive.type === 'list' ? menu.interactive.action.sections[0]!.rows.length : 0).toBe(10);

    // The number's own connections are offered before any CA number is asked for.
    const offer = await ramesh.send(listReply(RAMESH, 'रिचार्ज नहीं जुड़ा', 'रिचार्ज नहीं जुड़ा'));
    expect(offer[0]).toContain('यह WhatsApp नंबर इन कनेक्शनों से पंजीकृत है');
    expect(offer[0]).toContain('1. CA 1010xxx01, R***** K****');
    expect(offer[0]).toContain('2. CA 1010xxx11, R***** K****');
    expect(offer[0]).toContain('दूसरा नंबर');
    expect(offer[0]).not.toMatch(/1010000(01|11)/);

    // The payment was made for a neighbour's connection: "another number", typed in Devanagari digits.
    expect((await ramesh.send(listReply(RAMESH, 'दूसरा नंबर', 'दूसरा नंबर')))[0]).toContain('उपभोक्ता संख्या (CA नंबर) बताइए');
    const found = await ramesh.say('१०१०००००३');
    expect(found[0]).toContain('उपभोक्ता संख्या 101000003');
    expect(found[0]).toContain('रेफ़रेंस नंबर भेजें');

    const pending = (await ramesh.say('UTR 4123 0000 0003 hai')).join('\n');
    expect(pending).toContain('₹500.00');
    expect(pending).toContain('मीटर में जोड़ा जा रहा है');
    expect(pending).toContain('दोबारा भुगतान न करें');
    expect(pending).toContain('[मेनू]');

    // A second payment, stuck for 26 hours, becomes a ticket; the site sent afterwards joins it.
    await ramesh.send(buttonReply(RAMESH, 'मेनू', 'मेनू'));
    await ramesh.say('मैंने 101000012 में 300 का रिचार्ज किया पर पैसा नहीं जुड़ा');
    const stuck = (await ramesh.say('412300000012')).join('\n');
    expect(stuck).toContain('अब तक नहीं जुड़ा');
    const number = /शिकायत संख्या: (SP-\d{4}-\d{4}) \(भुगतान नहीं जुड़ा\)/.exec(stuck)?.[1];
    expect(number).toBeDefined();
    const site = await ramesh.send(message(RAMESH, 'location', { location: { latitude: 25.5941, longitude: 85.1376, name: 'Kankarbagh' } }));
    expect(site[0]).toContain(`शिकायत ${number!} में जोड़ दी है`);
    const [ticket] = await running.sampark.services.tickets.findByConsumer('101000012');
    expect(ticket!.contact).toMatchObject({ channel: 'whatsapp', language: 'hi' });
    expect(ticket!.contact.conversationId).toMatch(/^wa-/);
    expect(ticket!.laterReports.join(' ')).toContain('https://maps.google.com/?q=25.594100,85.137600 (Kankarbagh)');

    // Every message was read with the typing indicator, and every request met Meta's formats.
    expect(running.fake.reads).toHaveLength(9);
    expect(running.fake.invalid).toEqual([]);
  });
});
