import { DirectLineClient, StreamReader } from './directLineClient';
import { startWebChatServer, type RunningWebChat } from './webChatServer';

const HOUR_MS = 3_600_000;

describe('how long a web chat token and its stream tickets last', () => {
  let running: RunningWebChat;
  let time: number;
  const streams: StreamReader[] = [];
  beforeEach(async () => {
    time = new Date('2026-11-28T06:00:00.000Z').getTime();
    running = await startWebChatServer({ now: () => new Date(time), env: { DIRECTLINE_TOKEN_MAX_LIFETIME_HOURS: '24' } });
  });
  afterEach(async () => {
    for (const stream of streams.splice(0)) stream.close();
    await running.close();
  });

  it('opens one stream per ticket; a reconnect gets a fresh ticket that works', async () => {
    const client = new DirectLineClient(running.url);
    const { conversationId, token } = await client.generate();
    const started = await client.start(token, { locale: 'en-US' });
    streams.push(await StreamReader.open(started.body.streamUrl!));
    await expect(StreamReader.open(started.body.streamUrl!)).rejects.toThrow('stream refused: 403');

    const reconnected = await client.reconnect(conversationId, token);
    expect(reconnected.body.streamUrl).not.toBe(started.body.streamUrl);
    streams.push(await StreamReader.open(reconnected.body.streamUrl!));
  });

  it('refreshes a token for 24 hours from the first one, then refuses', async () => {
    const client = new DirectLineClient(running.url);
    let { token } = await client.generate();
    // Web Chat refreshes every 15 minutes, each time with the token the last refresh gave.
    for (let refresh = 1; refresh <= 94; refresh += 1) {
      time += HOUR_MS / 4;
      const refreshed = await client.refresh(token);
      expect([refresh, refreshed.status, refreshed.body.expires_in]).toEqual([refresh, 200, 1800]);
      token = refreshed.body.token;
    }
    // 23 h 45 min after the first token: the last refresh runs only to the 24th hour.
    time += HOUR_MS / 4;
    const last = await client.refresh(token);
    expect([last.status, last.body.expires_in]).toEqual([200, 15 * 60]);

    time += HOUR_MS / 4;
    const refused = await client.refresh(last.body.token);
    expect(refused.status).toBe(403);
    expect((refused.body as unknown as { error: { code: string } }).error.code).toBe('TokenExpired');
  });
});
