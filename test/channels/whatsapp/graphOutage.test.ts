import { textOf } from './fakeGraphServer';
import { startWhatsApp, WhatsAppUser, type RunningWhatsApp } from './whatsAppHarness';
import { postWebhook, text, webhookOf } from './webhookClient';

const MANOJ = '919811100006';

describe('a Graph API outage during a conversation', () => {
  let running: RunningWhatsApp;
  beforeEach(async () => {
    running = await startWhatsApp();
  });
  afterEach(async () => {
    expect(running.fake.invalid).toEqual([]);
    await running.close();
  });

  it.each([
    ['500s', { kind: 'status', status: 500 } as const],
    ['timeouts', { kind: 'timeout' } as const],
    ['429s with Retry-After', { kind: 'throttle', retryAfterSeconds: 1 } as const],
  ])('keeps replies written during an outage of %s and sends them, in order, once it recovers', async (_name, fault) => {
    const user = new WhatsAppUser(running, MANOJ);
    expect((await user.say('I paid but recharge not credited')).join('\n')).toContain('consumer number');

    running.fake.breakDown(fault);
    // Two messages while the Graph API is down: both acknowledged at once, both turns run.
    for (const words of ['101000003', '412300000003']) {
      expect((await postWebhook(running.url, webhookOf([text(MANOJ, words)]))).status).toBe(200);
    }
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(user.news()).toEqual([]);
    expect(running.fake.attempts).toBeGreaterThan(2);

    running.fake.recover();
    await running.fake.waitForSent(3, 15_000);
    await running.quiet();
    const replies = user.news();
    expect(replies).toHaveLength(2);
    expect(replies[0]).toContain('Consumer number 101000003');
    expect(replies[1]).toContain('₹500.00');
    expect(running.undeliverable).toEqual([]);
  });

  it('counts the failed attempts and the sends in /metrics', async () => {
    running.fake.failNext(1, { kind: 'status', status: 503 });
    await new WhatsAppUser(running, MANOJ).say('check my balance');
    const metrics = await running.sampark.metrics.registry.metrics();
    expect(metrics).toContain('sampark_whatsapp_graph_attempts_total{outcome="503"} 1');
    expect(metrics).toMatch(/sampark_whatsapp_outbound_messages_total\{type="text",outcome="sent"\} 1/);
    expect(textOf(running.fake.sent[0]!)).toContain('consumer number');
  });
});
