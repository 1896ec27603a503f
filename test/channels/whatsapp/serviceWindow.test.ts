import { TurnContext } from 'botbuilder';
import { conversationKey } from '../../../src/conversations/conversationReferenceStore';
import { notificationMessage } from '../../../src/conversations/notification';
import { conversationIdFor } from '../../../src/channels/whatsapp/conversationIds';
import { OutsideMessagingWindowError, WHATSAPP_CHANNEL_ID } from '../../../src/channels/whatsapp/whatsAppAdapter';
import { noticesThroughWhatsApp } from '../../../src/server/samparkServer';
import { textOf } from './fakeGraphServer';
import { startWhatsApp, WhatsAppUser, type RunningWhatsApp } from './whatsAppHarness';
import { APP_SECRET } from './webhookClient';

const SUNITA = '919811100005';
const HOUR = 3_600_000;

describe('the 24-hour window for proactive messages', () => {
  let running: RunningWhatsApp;
  let now: Date;
  const conversationId = conversationIdFor(SUNITA, APP_SECRET);

  beforeEach(async () => {
    now = new Date('2026-11-28T06:00:00.000Z');
    running = await startWhatsApp({ now: () => now });
    const user = new WhatsAppUser(running, SUNITA);
    await user.say('मेरा बैलेंस कितना है', { at: now });
  });
  afterEach(async () => {
    expect(running.fake.invalid).toEqual([]);
    await running.close();
  });

  /** Sends proactively into Sunita's conversation through the stored reference, as a notification service would. */
  async function sendLater(activity: Parameters<TurnContext['sendActivity']>[0]): Promise<void> {
    const record = await running.whatsApp.conversations.find(conversationKey(WHATSAPP_CHANNEL_ID, conversationId));
    expect(record).not.toBeNull();
    await running.whatsApp.adapter.continueConversation(record!.reference, async (context) => {
      await context.sendActivity(activity);
    });
    await running.quiet();
  }

  const ticketUpdate = (language: 'hi' | 'en') =>
    notificationMessage(language === 'hi' ? 'आपकी शिकायत SP-0000-0018 का समाधान हो गया।' : 'Your complaint SP-0000-0018 is resolved.', {
      kind: 'ticket_update',
      language,
      ticketNumber: 'SP-0000-0018',
      status: language === 'hi' ? 'समाधान हो गया' : 'resolved',
    });

  it('sends a proactive message as it is within 24 hours of the consumer\'s last message', async () => {
    now = new Date(now.getTime() + 23 * HOUR);
    await sendLater(ticketUpdate('hi'));
    expect(running.fake.sent.at(-1)!.message.type).toBe('text');
    expect(textOf(running.fake.sent.at(-1)!)).toContain('समाधान हो गया');
  });

  it.each(['hi', 'en'] as const)('sends a notification as its approved template (%s) after 24 hours', async (language) => {
    now = new Date(now.getTime() + 25 * HOUR);
    await sendLater(ticketUpdate(language));
    const last = running.fake.sent.at(-1)!;
    expect(last.message).toEqual({
      type: 'template',
      template: {
        name: 'sampark_ticket_update',
        language: { code: language, policy: 'deterministic' },
        components: [{ type: 'body', parameters: [{ type: 'text', text: 'SP-0000-0018' }, { type: 'text', text: language === 'hi' ? 'समाधान हो गया' : 'resolved' }] }],
      },
    });
  });

  it.each([
    [23, 'text'],
    [25, 'template'],
  ] as const)('takes an agent\'s reply through the notifier %i hours on as a %s', async (hours, type) => {
    noticesThroughWhatsApp(running.sampark, running.whatsApp);
    now = new Date(now.getTime() + hours * HOUR);
    const contact = { channel: WHATSAPP_CHANNEL_ID, conversationId, language: 'hi' as const };
    const outcome = await running.sampark.notifier.notify(contact, { key: 'agent.reply', params: { text: 'कल मीटर बदला जाएगा।' } });
    await running.quiet();
    expect(outcome).toEqual({ delivered: true });
    const last = running.fake.sent.at(-1)!;
    expect(last.message.type).toBe(type);
    if (type === 'template') expect(last.message).toMatchObject({ template: { name: 'sampark_agent_reply', components: [{ parameters: [{ text: 'कल मीटर बदला जाएगा।' }] }] } });
    else expect(textOf(last)).toContain('कल मीटर बदला जाएगा।');
  });

  it('does not send a message with no template after 24 hours: the caller gets an error and it is reported', async () => {
    now = new Date(now.getTime() + 25 * HOUR);
    const before = running.fake.attempts;
    await expect(sendLater('एजेंट: आपका मीटर कल बदला जाएगा।')).rejects.toBeInstanceOf(OutsideMessagingWindowError);
    expect(running.fake.attempts).toBe(before);
    expect(running.undeliverable).toEqual([{ conversationId, reason: 'outside_window', code: null, notification: false }]);
    const metrics = await running.sampark.metrics.registry.getSingleMetricAsString('sampark_whatsapp_undeliverable_total');
    expect(metrics).toContain('reason="outside_window"} 1');
  });

  it('sends the template in place of a notification the Graph API refuses with 131047, once for all its parts', async () => {
    now = new Date(now.getTime() + 23 * HOUR);
    running.fake.closeWindow(SUNITA);
    const long = notificationMessage(`${'आपकी शिकायत पर काम हो रहा है। '.repeat(150)}\n\nएजेंट का संदेश।`, {
      kind: 'agent_reply',
      language: 'hi',
      text: 'आपकी शिकायत पर काम हो रहा है।\nएजेंट का संदेश।',
    });
    await sendLater(long);
    const templates = running.fake.sent.filter((sent) => sent.message.type === 'template');
    expect(templates).toHaveLength(1);
    expect(textOf(templates[0]!)).toBe('[template sampark_agent_reply/hi: आपकी शिकायत पर काम हो रहा है। एजेंट का संदेश।]');
    expect(running.undeliverable).toEqual([]);
  });

  it('reports a plain reply the Graph API refuses with 131047 instead of retrying it', async () => {
    running.fake.closeWindow(SUNITA);
    const before = running.fake.attempts;
    const user = new WhatsAppUser(running, SUNITA);
    await user.say('101000001', { at: now });
    expect(running.fake.attempts - before).toBe(1);
    expect(running.undeliverable).toEqual([{ conversationId, reason: 'outside_window', code: 131047, notification: false }]);
  });
});
