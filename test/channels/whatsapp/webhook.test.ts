import { createHmac } from 'node:crypto';
import { startWhatsApp, type RunningWhatsApp } from './whatsAppHarness';
import { APP_SECRET, postWebhook, RAMESH, text, VERIFY_TOKEN, webhookOf } from './webhookClient';

describe('the WhatsApp webhook', () => {
  let running: RunningWhatsApp;
  beforeAll(async () => {
    running = await startWhatsApp();
  });
  afterAll(() => running.close());

  describe('GET verification', () => {
    const verify = (query: Record<string, string>) =>
      fetch(`${running.url}/api/whatsapp?${new URLSearchParams(query).toString()}`);

    it('answers the challenge as the raw body for the configured token', async () => {
      const response = await verify({ 'hub.mode': 'subscribe', 'hub.verify_token': VERIFY_TOKEN, 'hub.challenge': '1158201444' });
      expect(response.status).toBe(200);
      expect(await response.text()).toBe('1158201444');
    });

    it.each([
      ['a wrong token', { 'hub.mode': 'subscribe', 'hub.verify_token': 'guess', 'hub.challenge': '1158201444' }],
      ['another mode', { 'hub.mode': 'unsubscribe', 'hub.verify_token': VERIFY_TOKEN, 'hub.challenge': '1158201444' }],
      ['no challenge', { 'hub.mode': 'subscribe', 'hub.verify_token': VERIFY_TOKEN }],
      ['a challenge that is markup', { 'hub.mode': 'subscribe', 'hub.verify_token': VERIFY_TOKEN, 'hub.challenge': '<script>' }],
      ['nothing at all', {}],
    ])('refuses %s with 403', async (_name, query) => {
      const response = await verify(query as Record<string, string>);
      expect(response.status).toBe(403);
      expect(await response.text()).not.toContain('1158201444');
    });
  });

  describe('POST signatures', () => {
    it('accepts a message signed with the app secret and answers it', async () => {
      const before = running.fake.sent.length;
      const response = await postWebhook(running.url, webhookOf([text(RAMESH, 'नमस्ते')]));
      expect(response.status).toBe(200);
      await running.quiet();
      expect(running.fake.sent.length).toBeGreaterThan(before);
    });

    it('checks the HMAC over the exact bytes: the same JSON re-serialized with other spacing is refused', async () => {
      const payload = webhookOf([text(RAMESH, 'balance kitna hai')]);
      const signedCompact = createHmac('sha256', APP_SECRET).update(JSON.stringify(payload)).digest('hex');
      const before = running.fake.attempts;
      const response = await postWebhook(running.url, JSON.stringify(payload, null, 2), { signature: `sha256=${signedCompact}` });
      expect(response.status).toBe(401);
      await running.quiet();
      expect(running.fake.attempts).toBe(before);
    });

    it.each([
      ['a tampered body', (body: string) => ({ body: body.replace('balance', 'BALANCE'), signing: {} as { secret?: string; signature?: string | null }, tamper: true })],
      ['the wrong secret', (body: string) => ({ body, signing: { secret: 'not-the-app-secret-0123456789' }, tamper: false })],
      ['no signature header', (body: string) => ({ body, signing: { signature: null }, tamper: false })],
      ['a malformed signature', (body: string) => ({ body, signing: { signature: 'sha256=xyz' }, tamper: false })],
      ['a signature of another length', (body: string) => ({ body, signing: { signature: 'sha256=abcd' }, tamper: false })],
    ])('refuses %s with 401 and processes nothing', async (_name, make) => {
      const original = JSON.stringify(webhookOf([text(RAMESH, 'balance kitna hai')]));
      const { body, signing, tamper } = make(original);
      const before = { sent: running.fake.sent.length, attempts: running.fake.attempts, reads: running.fake.reads.length };
      const response = tamper
        ? await fetch(`${running.url}/api/whatsapp`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', 'x-hub-signature-256': `sha256=${createHmac('sha256', APP_SECRET).update(original).digest('hex')}` },
            body,
          })
        : await postWebhook(running.url, body, signing);
      expect(response.status).toBe(401);
      await running.quiet();
      expect({ sent: running.fake.sent.length, attempts: running.fake.attempts, reads: running.fake.reads.length }).toEqual(before);
      expect(await running.sampark.jobs.counts()).toMatchObject({ waiting: 0, active: 0 });
    });

    it('refuses a signed body that is not a webhook with 400, and a signed one with nothing for us with 200', async () => {
      expect((await postWebhook(running.url, 'not json at all')).status).toBe(400);
      expect((await postWebhook(running.url, { object: 'whatsapp_business_account' })).status).toBe(400);
      const nothing = { object: 'whatsapp_business_account', entry: [{ id: '1', changes: [{ field: 'account_alerts', value: { anything: true } }] }] };
      expect((await postWebhook(running.url, nothing)).status).toBe(200);
      expect((await postWebhook(running.url, { object: 'page', entry: [] })).status).toBe(200);
    });
  });

  it('leaves the rest of the server as it was: the global body parser still serves /api/messages', async () => {
    const response = await fetch(`${running.url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"type":"typing"}' });
    expect(response.status).not.toBe(404);
    expect((await fetch(`${running.url}/healthz`)).status).toBe(200);
    const ready = (await (await fetch(`${running.url}/readyz`)).json()) as { checks: Array<{ name: string; ok: boolean }> };
    expect(ready.checks).toContainEqual({ name: 'whatsapp-stores', ok: true });
  });

  it('counts webhooks by outcome in /metrics', async () => {
    const metrics = await (await fetch(`${running.url}/metrics`)).text();
    expect(metrics).toMatch(/sampark_whatsapp_webhooks_total\{outcome="accepted"\} [1-9]/);
    expect(metrics).toMatch(/sampark_whatsapp_webhooks_total\{outcome="bad_signature"\} [1-9]/);
    expect(metrics).toContain('sampark_whatsapp_webhook_ack_seconds_bucket');
  });
});
