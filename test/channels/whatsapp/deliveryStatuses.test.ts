import { conversationKey } from '../../../src/conversations/conversationReferenceStore';
import { notificationMessage } from '../../../src/conversations/notification';
import { conversationIdFor } from '../../../src/channels/whatsapp/conversationIds';
import { WHATSAPP_CHANNEL_ID } from '../../../src/channels/whatsapp/whatsAppAdapter';
import { openWhatsAppStores, type WhatsAppStores } from '../../../src/channels/whatsapp/whatsAppStores';
import { silentLogger } from '../../../src/log/logger';
import { textOf } from './fakeGraphServer';
import { startWhatsApp, WhatsAppUser, type RunningWhatsApp } from './whatsAppHarness';
import { APP_SECRET, postWebhook, status, webhookOf } from './webhookClient';

const KAMLA = '919811100007';

describe('delivery statuses', () => {
  let running: RunningWhatsApp;
  let stores: WhatsAppStores;
  const conversationId = conversationIdFor(KAMLA, APP_SECRET);

  beforeEach(async () => {
    stores = openWhatsAppStores(undefined, silentLogger());
    running = await startWhatsApp({ stores });
    await new WhatsAppUser(running, KAMLA).say('मेरा बैलेंस कितना है');
  });
  afterEach(async () => {
    expect(running.fake.invalid).toEqual([]);
    await running.close();
  });

  const postStatuses = async (statuses: Array<Record<string, unknown>>) => {
    expect((await postWebhook(running.url, webhookOf([], statuses))).status).toBe(200);
    await running.quiet();
  };

  /** A ticket update sent into Kamla's conversation; resolves with its wamid. */
  async function notify(): Promise<string> {
    const record = await running.whatsApp.conversations.find(conversationKey(WHATSAPP_CHANNEL_ID, conversationId));
    await running.whatsApp.adapter.continueConversation(record!.reference, async (context) => {
      await context.sendActivity(
        notificationMessage('आपकी शिकायत SP-0000-0018 फ़ील्ड टीम को सौंपी गई।', {
          kind: 'ticket_update',
          language: 'hi',
          ticketNumber: 'SP-0000-0018',
          status: 'फ़ील्ड टीम को सौंपी गई',
        }),
      );
    });
    await running.quiet();
    return running.fake.sent.at(-1)!.wamid;
  }

  it('moves a message forward whatever order the statuses come in, counting each step once', async () => {
    const wamid = running.fake.sent.at(-1)!.wamid;
    expect(await stores.deliveries.stateOf(wamid)).toBe('accepted');
    await postStatuses([status(wamid, 'delivered'), status(wamid, 'sent')]);
    expect(await stores.deliveries.stateOf(wamid)).toBe('delivered');
    await postStatuses([status(wamid, 'read'), status(wamid, 'delivered'), status(wamid, 'read')]);
    expect(await stores.deliveries.stateOf(wamid)).toBe('read');
    const metrics = await running.sampark.metrics.registry.getSingleMetricAsString('sampark_whatsapp_statuses_total');
    expect(metrics).toContain('status="delivered"} 1');
    expect(metrics).toContain('status="read"} 1');
    expect(metrics).not.toContain('status="sent"');
  });

  it('logs a failed reply without reporting it as a failed notification', async () => {
    const wamid = running.fake.sent.at(-1)!.wamid;
    await postStatuses([status(wamid, 'failed', { errors: [{ code: 131026, title: 'Message undeliverable' }] })]);
    expect(await stores.deliveries.stateOf(wamid)).toBe('failed');
    expect(running.undeliverable).toEqual([]);
  });

  it('sends a notification that failed with 131047 again as its template', async () => {
    const wamid = await notify();
    await postStatuses([status(wamid, 'failed', { errors: [{ code: 131047, title: 'Re-engagement message' }] })]);
    expect(textOf(running.fake.sent.at(-1)!)).toBe('[template sampark_ticket_update/hi: SP-0000-0018 | फ़ील्ड टीम को सौंपी गई]');
  });

  it('escalates a notification that failed for good (131026) as undeliverable', async () => {
    const wamid = await notify();
    const sentBefore = running.fake.sent.length;
    await postStatuses([status(wamid, 'failed', { errors: [{ code: 131026, title: 'Message undeliverable' }] })]);
    expect(running.undeliverable).toEqual([{ conversationId, reason: 'failed', code: 131026, notification: true }]);
    expect(running.fake.sent.length).toBe(sentBefore);
  });

  it('sends a notification that failed with a rate limit (130429) again later', async () => {
    const wamid = await notify();
    await postStatuses([status(wamid, 'failed', { errors: [{ code: 130429, title: 'Rate limit hit' }] })]);
    expect(running.undeliverable).toEqual([]);
    expect((await running.sampark.jobs.counts()).delayed).toBeGreaterThanOrEqual(1);
    const waiting = await stores.mailboxes.first(`out:${KAMLA}`);
    expect(JSON.parse(waiting!.body)).toMatchObject({ notification: { resends: 1 } });
  });
});
