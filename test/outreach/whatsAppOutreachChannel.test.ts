import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { conversationIdFor } from '../../src/channels/whatsapp/conversationIds';
import { loadWhatsAppSettings } from '../../src/channels/whatsapp/whatsAppSettings';
import { silentLogger } from '../../src/log/logger';
import { campaignTemplate } from '../../src/outreach/campaignTemplate';
import type { OutreachChannel } from '../../src/outreach/outreachChannel';
import { DEFAULT_OUTREACH_SETTINGS } from '../../src/outreach/outreachSettings';
import { whatsAppOutreachChannel } from '../../src/outreach/whatsAppOutreachChannel';
import { FakeGraphServer } from '../channels/whatsapp/fakeGraphServer';
import { testSettingsEnv } from '../channels/whatsapp/whatsAppHarness';

describe('campaign templates through the Graph API', () => {
  let fake: FakeGraphServer;
  let channel: OutreachChannel;
  const settings = () => loadWhatsAppSettings(testSettingsEnv(fake.url))!;
  const template = (language: 'hi' | 'en', name = DEFAULT_OUTREACH_SETTINGS.template.name) =>
    campaignTemplate('c-42', '101000002', language, 'SBPDCL', { ...DEFAULT_OUTREACH_SETTINGS.template, name });

  beforeEach(async () => {
    fake = await FakeGraphServer.start();
    channel = whatsAppOutreachChannel(settings(), silentLogger());
  });
  afterEach(() => fake.close());

  it.each(['hi', 'en'] as const)('sends a template Meta accepts, in %s, with the quick-reply payloads', async (language) => {
    const result = await channel.send('9876500002', template(language));
    expect(result).toEqual({ kind: 'accepted', messageId: fake.sent[0]!.wamid });
    expect(fake.invalid).toEqual([]);
    const sent = fake.sent[0]!;
    expect(sent.address).toBe('919876500002');
    expect(sent.message).toMatchObject({
      type: 'template',
      template: {
        name: 'sampark_campaign',
        language: { code: language },
        components: [
          { type: 'body', parameters: [{ type: 'text', text: 'SBPDCL' }, { type: 'text', text: '101000002' }] },
          { type: 'button', sub_type: 'quick_reply', index: '0', parameters: [{ type: 'payload', payload: 'campaign:c-42:recharge:101000002' }] },
          { type: 'button', sub_type: 'quick_reply', index: '1', parameters: [{ type: 'payload', payload: 'campaign:c-42:update_mobile:101000002' }] },
          { type: 'button', sub_type: 'quick_reply', index: '2', parameters: [{ type: 'payload', payload: 'campaign:c-42:agent:101000002' }] },
          { type: 'button', sub_type: 'quick_reply', index: '3', parameters: [{ type: 'payload', payload: 'campaign:c-42:stop:101000002' }] },
        ],
      },
    });
  });

  it('keys the conversation as the WhatsApp channel does, from the number with its country code', () => {
    expect(channel.conversationIdOf('9876500002')).toBe(conversationIdFor('919876500002', settings().conversationKey));
  });

  it('reports a template Meta does not know as refused for good', async () => {
    const result = await channel.send('9876500002', template('hi', 'sampark_unknown'));
    expect(result).toMatchObject({ kind: 'refused', retryLater: false });
    expect(fake.sent).toEqual([]);
  });

  it('reports throttling that outlasts the retries as refused, to try later', async () => {
    fake.breakDown({ kind: 'throttle', retryAfterSeconds: 60 });
    expect(await channel.send('9876500002', template('hi'))).toMatchObject({ kind: 'refused', retryLater: true });
  });

  it('reports no answer as unknown: the message may have gone', async () => {
    fake.breakDown({ kind: 'timeout' });
    expect(await channel.send('9876500002', template('hi'))).toEqual({ kind: 'unknown' });
  });

  it('does not send again when Meta accepts a message but answers too late: the consumer has it already', async () => {
    let requests = 0;
    const slowMeta = http.createServer((req, res) => {
      requests += 1;
      req.resume();
      // Accepted, but answered after the client stopped waiting (the test settings wait 300 ms).
      setTimeout(() => res.end(JSON.stringify({ messages: [{ id: `wamid.SLOW${requests}` }] })), 600);
    });
    await new Promise<void>((resolve) => slowMeta.listen(0, '127.0.0.1', resolve));
    try {
      const url = `http://127.0.0.1:${(slowMeta.address() as AddressInfo).port}`;
      const slowChannel = whatsAppOutreachChannel(loadWhatsAppSettings(testSettingsEnv(url))!, silentLogger());
      expect(await slowChannel.send('9876500002', template('hi'))).toEqual({ kind: 'unknown' });
      await new Promise((resolve) => setTimeout(resolve, 1500));
      expect(requests).toBe(1);
    } finally {
      slowMeta.closeAllConnections();
      await new Promise((resolve) => slowMeta.close(resolve));
    }
  });
});
