import { GraphApiError, GraphClient } from '../../../src/channels/whatsapp/graphClient';
import { loadWhatsAppSettings } from '../../../src/channels/whatsapp/whatsAppSettings';
import { silentLogger } from '../../../src/log/logger';
import { FakeGraphServer } from './fakeGraphServer';
import { testSettingsEnv } from './whatsAppHarness';

const hello = { type: 'text' as const, text: { body: 'नमस्ते', preview_url: false } };

describe('the Graph API client against the fake Graph API', () => {
  let fake: FakeGraphServer;
  let client: GraphClient;
  const outcomes: string[] = [];
  beforeEach(async () => {
    fake = await FakeGraphServer.start();
    outcomes.splice(0);
    client = new GraphClient({
      settings: loadWhatsAppSettings(testSettingsEnv(fake.url))!,
      backoff: { initialMs: 20, maxMs: 100 },
      maxRetryAfterMs: 5000,
      logger: silentLogger(),
      onAttempt: (outcome) => outcomes.push(outcome),
    });
  });
  afterEach(() => fake.close());

  it('sends with the Bearer token to /{version}/{phone-number-id}/messages and returns the wamid', async () => {
    const wamid = await client.send('919876500001', hello);
    expect(wamid).toMatch(/^wamid\./);
    expect(fake.sent.map((sent) => [sent.address, sent.message])).toEqual([['919876500001', hello]]);
    expect(fake.invalid).toEqual([]);
  });

  it('retries a 500 and succeeds', async () => {
    fake.failNext(2, { kind: 'status', status: 500 });
    await client.send('919876500001', hello);
    expect(outcomes).toEqual(['500', '500', '200']);
  });

  it('waits what Retry-After asks on a 429 before trying again', async () => {
    fake.failNext(1, { kind: 'throttle', retryAfterSeconds: 1 });
    const started = Date.now();
    await client.send('919876500001', hello);
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
    expect(outcomes).toEqual(['429', '200']);
  });

  it('gives a Retry-After longer than it may wait back to the caller at once, for the durable job to wait', async () => {
    fake.failNext(1, { kind: 'throttle', retryAfterSeconds: 3600 });
    const failure = await client.send('919876500001', hello).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(GraphApiError);
    expect((failure as GraphApiError).retryAfterMs).toBe(3_600_000);
    expect((failure as GraphApiError).transient).toBe(true);
    expect(outcomes).toEqual(['429']);
  });

  it('does not post again a request that got no answer within the timeout: Meta may have taken it', async () => {
    fake.breakDown({ kind: 'timeout' });
    const started = Date.now();
    const failure = (await client.send('919876500001', hello).catch((error: unknown) => error)) as GraphApiError;
    expect(failure).toBeInstanceOf(GraphApiError);
    expect(failure.status).toBeNull();
    expect(failure.transient).toBe(true);
    expect(failure.mayHaveArrived).toBe(true);
    expect(outcomes).toEqual(['timeout']);
    // Without the timeout the send would wait for ever; a wide bound tells the two apart on a loaded machine.
    expect(Date.now() - started).toBeLessThan(8000);
  });

  it('retries a connection refused, since nothing reached Meta', async () => {
    const closed = await FakeGraphServer.start();
    await closed.close();
    const unreachable = new GraphClient({
      settings: loadWhatsAppSettings(testSettingsEnv(closed.url))!,
      backoff: { initialMs: 20, maxMs: 100 },
      logger: silentLogger(),
      onAttempt: (outcome) => outcomes.push(outcome),
    });
    const failure = (await unreachable.send('919876500001', hello).catch((error: unknown) => error)) as GraphApiError;
    expect([failure.status, failure.transient, failure.mayHaveArrived]).toEqual([null, true, false]);
    expect(outcomes).toEqual(['unreachable', 'unreachable', 'unreachable']);
  });

  it('sends the callback data that the message\'s statuses will carry back', async () => {
    await client.send('919876500001', hello, 'outbox-item-1');
    expect(fake.sent.map((sent) => sent.callbackData)).toEqual(['outbox-item-1']);
    expect(fake.invalid).toEqual([]);
  });

  it('does not retry other 4xx: 131047 (window closed) and a bad token fail at once with their codes', async () => {
    fake.closeWindow('919876500001');
    const window = (await client.send('919876500001', hello).catch((error: unknown) => error)) as GraphApiError;
    expect([window.status, window.code, window.transient, window.unauthorized]).toEqual([400, 131047, false, false]);
    expect(outcomes).toEqual(['400']);

    const badToken = new GraphClient({
      settings: { ...loadWhatsAppSettings(testSettingsEnv(fake.url))!, accessToken: 'expired-token-0123456789' },
      logger: silentLogger(),
    });
    const auth = (await badToken.send('919876500001', hello).catch((error: unknown) => error)) as GraphApiError;
    expect([auth.status, auth.code, auth.unauthorized]).toEqual([401, 190, true]);
  });

  it('sends to a business-scoped user id in "recipient" instead of "to"', async () => {
    await client.send('IN.1648738043044942', hello);
    expect(fake.sent[0]!.address).toBe('IN.1648738043044942');
    expect(fake.invalid).toEqual([]);
  });

  it('marks a message read with the typing indicator in one call, without retries', async () => {
    await client.showTyping('wamid.INCOMING1');
    expect(fake.reads).toEqual(['wamid.INCOMING1']);
  });
});
