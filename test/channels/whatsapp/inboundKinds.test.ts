import { startWhatsApp, WhatsAppUser, type RunningWhatsApp } from './whatsAppHarness';
import { buttonReply, change, listReply, message, newWamid, postWebhook, RAMESH, secondsOf, text, webhookOf } from './webhookClient';
import { daytimeClock } from '../../support/clock';

/** A sender whose number has no connection in the simulator: asked for a CA number, never offered one. */
const STRANGER = '919811100001';

describe('every inbound WhatsApp message kind', () => {
  let running: RunningWhatsApp;
  beforeEach(async () => {
    running = await startWhatsApp();
  });
  afterEach(async () => {
    expect(running.fake.invalid).toEqual([]);
    await running.close();
  });

  it('answers text, marking the message read with the typing indicator', async () => {
    const user = new WhatsAppUser(running, STRANGER);
    const wamid = newWamid();
    const replies = await user.send(text(STRANGER, 'check my balance', { id: wamid }));
    expect(replies.join('\n')).toContain('consumer number');
    expect(running.fake.reads).toContain(wamid);
  });

  it('shows a typing activity sent during a turn as the typing indicator on the consumer\'s message', async () => {
    running.whatsApp.adapter.use(async (context, next) => {
      await context.sendActivity({ type: 'typing' });
      await next();
    });
    const wamid = newWamid();
    await new WhatsAppUser(running, STRANGER).send(text(STRANGER, 'check my balance', { id: wamid }));
    expect(running.fake.reads).toEqual([wamid, wamid]);
  });

  it('takes a tapped reply button or list row by its id, as if the value were typed', async () => {
    const user = new WhatsAppUser(running, RAMESH);
    expect((await user.say('मेरा बैलेंस कितना है')).join('\n')).toContain('CA 1010xxx01, R***** K****');
    // The list row's title is shortened; its id carries the whole option.
    const replies = await user.send(listReply(RAMESH, 'CA 1010xxx11, R***** K****', 'CA 1010xxx11, R*****…'));
    expect(replies.join('\n')).toContain('उपभोक्ता संख्या 101000011');
    const menu = await user.send(buttonReply(RAMESH, 'मेनू', 'मेनू'));
    expect(menu.join('\n')).toContain('1. रिचार्ज नहीं जुड़ा');
    const journey = await user.send(listReply(RAMESH, 'बैलेंस और मीटर स्थिति', 'बैलेंस और मीटर स्थिति'));
    expect(journey.join('\n')).toMatch(/बैलेंस|₹/);
  });

  it('takes a template quick reply by its payload, or its words when it has none', async () => {
    const user = new WhatsAppUser(running, STRANGER);
    const byPayload = await user.send(message(STRANGER, 'button', { button: { payload: 'menu', text: 'मेनू देखें' } }));
    expect(byPayload.join('\n')).toContain('1. ');
    const byText = await user.send(message(STRANGER, 'button', { button: { text: 'check my balance' } }));
    expect(byText.join('\n')).toContain('consumer number');
  });

  it('keeps a location as the site of the ticket raised next, and says so', async () => {
    const user = new WhatsAppUser(running, STRANGER);
    const site = { latitude: 25.6093, longitude: 85.1376, name: 'Kankarbagh', address: 'Road 5, Kankarbagh, Patna' };
    const ack = await user.send(message(STRANGER, 'location', { location: site }));
    expect(ack.join('\n')).toContain('लोकेशन नोट कर ली है');
    await user.say('meter jal gaya');
    await user.say('101000001');
    const tickets = await running.sampark.services.tickets.findByConsumer('101000001');
    const withSite = tickets.find((ticket) => ticket.site);
    expect(withSite?.site).toEqual(site);
    expect(withSite?.description).toContain('https://maps.google.com/?q=25.609300,85.137600');
  });

  it('adds a location or photo sent after a ticket to that ticket', async () => {
    const user = new WhatsAppUser(running, STRANGER);
    await user.say('मीटर का डिस्प्ले बंद है');
    const raised = (await user.say('101000001')).join('\n');
    const number = /SP-\d{4}-\d{4}/.exec(raised)?.[0];
    expect(number).toBeDefined();
    const located = await user.send(message(STRANGER, 'location', { location: { latitude: 25.61, longitude: 85.14 } }));
    expect(located.join('\n')).toContain(`शिकायत ${number} में जोड़ दी है`);
    const photo = await user.send(message(STRANGER, 'image', { image: { id: '1479537139650973', mime_type: 'image/jpeg', caption: 'मीटर' } }));
    expect(photo.join('\n')).toContain(`शिकायत ${number} में जोड़ दी है`);
    const [ticket] = await running.sampark.services.tickets.findByConsumer('101000001');
    expect(ticket!.laterReports.join('\n')).toContain('https://maps.google.com/?q=25.610000,85.140000');
    expect(ticket!.laterReports.join('\n')).toContain('whatsapp-media:1479537139650973');
  });

  it('keeps a photo as a reference on the ticket raised next', async () => {
    const user = new WhatsAppUser(running, STRANGER);
    const ack = await user.send(message(STRANGER, 'image', { image: { id: '987654321', mime_type: 'image/jpeg', sha256: 'abc' } }));
    expect(ack.join('\n')).toContain('फ़ोटो रख ली है');
    await user.say('meter kharab hai display nahi aa raha');
    await user.say('101000001');
    const [ticket] = await running.sampark.services.tickets.findByConsumer('101000001');
    expect(ticket!.photos?.map((photo) => photo.reference)).toEqual(['whatsapp-media:987654321']);
  });

  it.each([
    ['audio', { audio: { id: '1', mime_type: 'audio/ogg; codecs=opus', voice: true } }],
    ['sticker', { sticker: { id: '2', mime_type: 'image/webp', animated: false } }],
    ['reaction', { reaction: { message_id: 'wamid.X', emoji: '👍' } }],
    ['video', { video: { id: '3', mime_type: 'video/mp4' } }],
    ['document', { document: { id: '4', filename: 'bill.pdf' } }],
    ['unsupported', { errors: [{ code: 131051, title: 'Message type unknown' }] }],
  ])('answers %s with what the bot can read, in the consumer\'s language', async (type, body) => {
    const user = new WhatsAppUser(running, STRANGER);
    expect((await user.send(message(STRANGER, type, body))).join('\n')).toContain('वॉइस नोट, स्टिकर');
    await user.say('I want to check my balance');
    expect((await user.send(message(STRANGER, type, body))).join('\n')).toContain('I cannot read voice notes, stickers');
  });

  it('greets a user who opens the chat for the first time (request_welcome)', async () => {
    const user = new WhatsAppUser(running, STRANGER);
    const replies = await user.send({ from: STRANGER, id: newWamid(), timestamp: secondsOf(daytimeClock()), type: 'request_welcome' });
    expect(replies.join('\n')).toContain('मैं संपर्क हूँ');
  });

  it('answers a user known only by a business-scoped user id, with no connections offered', async () => {
    const userId = 'IN.1648738043044942';
    const body = {
      object: 'whatsapp_business_account',
      entry: [
        change({
          contacts: [{ profile: { name: 'someone' }, user_id: userId }],
          messages: [{ from_user_id: userId, id: newWamid(), timestamp: secondsOf(daytimeClock()), type: 'text', text: { body: 'मेरा बैलेंस कितना है' } }],
        }),
      ],
    };
    expect((await postWebhook(running.url, body)).status).toBe(200);
    await running.quiet();
    const sent = running.fake.sent.filter((item) => item.address === userId);
    expect(sent).toHaveLength(1);
    expect(JSON.stringify(sent[0]!.message)).toContain('उपभोक्ता संख्या');
    expect(JSON.stringify(sent[0]!.message)).not.toContain('1010xxx');
  });

  it('leaves system notices and other phone numbers\' messages unanswered, still acknowledging them', async () => {
    const notice = message(RAMESH, 'system', { system: { body: 'User changed number', type: 'user_changed_number' } });
    expect((await postWebhook(running.url, webhookOf([notice]))).status).toBe(200);
    const elsewhere = { object: 'whatsapp_business_account', entry: [change({ messages: [text(RAMESH, 'नमस्ते')] }, '999999999999')] };
    expect((await postWebhook(running.url, elsewhere)).status).toBe(200);
    await running.quiet();
    expect(running.fake.sent).toEqual([]);
  });
});
