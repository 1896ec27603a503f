import { textOf } from './fakeGraphServer';
import { startWhatsApp, WhatsAppUser, type RunningWhatsApp } from './whatsAppHarness';
import { change, contactsOf, newWamid, postWebhook, RAMESH, status, text, webhookOf } from './webhookClient';

const ASHA = '919811100002';
const VIKAS = '919811100003';

describe('batched webhooks and re-deliveries', () => {
  let running: RunningWhatsApp;
  beforeEach(async () => {
    running = await startWhatsApp();
  });
  afterEach(async () => {
    expect(running.fake.invalid).toEqual([]);
    await running.close();
  });

  const repliesTo = (address: string) => running.fake.sent.filter((sent) => sent.address === address).map(textOf);

  it('makes each message of a batch its own turn, in order per sender, across entries and changes', async () => {
    const at = new Date();
    const first = [text(ASHA, 'check my balance', { at }), text(VIKAS, 'I paid but recharge not credited', { at })];
    const second = [text(ASHA, '101000004', { at }), text(VIKAS, '101000003', { at })];
    const third = [text(VIKAS, '412300000003', { at })];
    const changeOf = (messages: Array<Record<string, unknown>>) => (change({ contacts: contactsOf(messages), messages }).changes as object[])[0];
    // Two entries; the first holds two changes, the second a change with a status beside the message.
    const payload = {
      object: 'whatsapp_business_account',
      entry: [
        { id: '102290129340398', changes: [changeOf(first), changeOf(second)] },
        change({ contacts: contactsOf(third), messages: third, statuses: [status('wamid.UNKNOWN', 'delivered')] }),
      ],
    };
    expect((await postWebhook(running.url, payload)).status).toBe(200);
    await running.quiet();

    const asha = repliesTo(ASHA);
    expect(asha).toHaveLength(2);
    expect(asha[0]).toContain('consumer number');
    expect(asha[1]).toContain('Consumer number 101000004');
    const vikas = repliesTo(VIKAS);
    expect(vikas).toHaveLength(3);
    expect(vikas[0]).toContain('consumer number');
    expect(vikas[1]).toContain('payment reference');
    expect(vikas[2]).toContain('₹500.00');
  });

  it('answers the same wamid delivered twice at the same moment exactly once', async () => {
    const duplicate = webhookOf([text(ASHA, 'check my balance', { id: newWamid() })]);
    const responses = await Promise.all([postWebhook(running.url, duplicate), postWebhook(running.url, duplicate), postWebhook(running.url, duplicate)]);
    expect(responses.map((response) => response.status)).toEqual([200, 200, 200]);
    await running.quiet();
    expect(repliesTo(ASHA)).toHaveLength(1);
  });

  it('drops a re-delivery that comes after the message was answered', async () => {
    const user = new WhatsAppUser(running, ASHA);
    const wamid = newWamid();
    expect(await user.send(text(ASHA, 'check my balance', { id: wamid }))).toHaveLength(1);
    expect(await user.send(text(ASHA, 'check my balance', { id: wamid }))).toHaveLength(0);
    const metrics = await running.sampark.metrics.registry.getSingleMetricAsString('sampark_whatsapp_duplicate_messages_total');
    expect(metrics).toMatch(/sampark_whatsapp_duplicate_messages_total 1/);
  });

  it('runs a burst from one sender strictly in order', async () => {
    const user = new WhatsAppUser(running, RAMESH);
    const at = new Date();
    const burst = ['मेरा बैलेंस कितना है', 'दूसरा नंबर', '101000004'].map((words) => text(RAMESH, words, { at }));
    await Promise.all(burst.map(async (item, index) => {
      await new Promise((resolve) => setTimeout(resolve, index * 5));
      return postWebhook(running.url, webhookOf([item]));
    }));
    await running.quiet();
    const replies = user.news();
    expect(replies).toHaveLength(3);
    expect(replies[0]).toContain('1010xxx01');
    expect(replies[1]).toContain('उपभोक्ता संख्या');
    expect(replies[2]).toContain('उपभोक्ता संख्या 101000004');
  });
});
