import { RedisConversationReferenceStore } from '../../../src/conversations/redisConversationReferenceStore';
import { RedisStorage } from '../../../src/store/redisStorage';
import { RedisTicketRepository } from '../../../src/tickets/redisTicketRepository';
import { removeKeys, testRedis, uniquePrefix } from '../../support/redis';
import { botSays, DirectLineClient, StreamReader } from './directLineClient';
import { redisStores } from './redisStores';
import { startWebChatServer, type RunningWebChat } from './webChatServer';

describe('web chat on Redis', () => {
  const prefix = uniquePrefix('directline');
  const running: RunningWebChat[] = [];
  const streams: StreamReader[] = [];

  afterEach(async () => {
    for (const stream of streams.splice(0)) stream.close();
    for (const server of running.splice(0)) await server.close();
  });
  afterAll(async () => {
    const redis = testRedis();
    await removeKeys(redis, prefix);
    redis.disconnect();
  });

  it('lets any instance serve the stream: a message posted to one shows at once on a stream opened on another', async () => {
    const a = await startWebChatServer({ stores: (await redisStores(prefix)).stores });
    const b = await startWebChatServer({ stores: (await redisStores(prefix)).stores });
    running.push(a, b);
    const onA = new DirectLineClient(a.url);
    const onB = new DirectLineClient(b.url);

    const { conversationId, token } = await onA.generate();
    expect((await onA.start(token, { locale: 'en-US' })).status).toBe(201);
    const reconnected = await onB.reconnect(conversationId, token);
    expect(reconnected.body.streamUrl).toContain(b.url.replace('http://', 'ws://'));
    const stream = await StreamReader.open(reconnected.body.streamUrl!);
    streams.push(stream);
    await stream.next(botSays('Namaste'));

    await onA.say(conversationId, token, 'check balance for 101000001', 'client-across', 'en-US');
    // Well inside the 20 s stream heartbeat: the news came through Redis pub/sub, not a re-read.
    await stream.next((activity) => activity.channelData?.clientActivityID === 'client-across', 3000);
    await stream.next(botSays('Balance: ₹842.50'), 3000);
    const polledOnB = await onB.poll(conversationId, token);
    expect(polledOnB.body.activities.map((activity) => activity.id)).toEqual(stream.activities.map((activity) => activity.id));
  });

  it('opens a stream once per ticket: the URL used on one instance is refused on the other', async () => {
    const a = await startWebChatServer({ stores: (await redisStores(prefix)).stores });
    const b = await startWebChatServer({ stores: (await redisStores(prefix)).stores });
    running.push(a, b);
    const onA = new DirectLineClient(a.url);
    const { token } = await onA.generate();
    const started = await onA.start(token, { locale: 'en-US' });
    streams.push(await StreamReader.open(started.body.streamUrl!));
    const elsewhere = started.body.streamUrl!.replace(a.url.replace('http://', 'ws://'), b.url.replace('http://', 'ws://'));
    await expect(StreamReader.open(elsewhere)).rejects.toThrow('stream refused: 403');
  });

  it('answers a poll during a Redis outage with 200, no activities and the same watermark, then carries on', async () => {
    const { stores, redis } = await redisStores(prefix);
    const server = await startWebChatServer({ stores });
    running.push(server);
    const client = new DirectLineClient(server.url);
    const { conversationId, token } = await client.generate();
    await client.start(token, { locale: 'en-US' });
    await client.say(conversationId, token, 'check balance for 101000001', 'client-before', 'en-US');
    let watermark = '';
    for (let tries = 0; tries < 50 && !watermark; tries += 1) {
      const page = await client.poll(conversationId, token);
      // The turn's last reply: nothing more is coming after it.
      if (page.body.activities.some(botSays('Anything else'))) watermark = page.body.watermark!;
      else await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(watermark).toMatch(/^\d+$/);

    redis.disconnect(false);
    for (const asked of [watermark, '']) {
      const during = await client.poll(conversationId, token, asked);
      expect(during.status).toBe(200);
      expect(during.body).toEqual({ activities: [], watermark: asked });
    }
    const postDuring = await client.say(conversationId, token, 'hello', 'client-during', 'en-US');
    expect(postDuring.status).toBe(503);
    expect(postDuring.body.error?.code).toBe('ServiceUnavailable');

    await redis.connect();
    const after = await client.poll(conversationId, token, watermark);
    expect(after.status).toBe(200);
    expect(after.body).toEqual({ activities: [], watermark });
    expect((await client.say(conversationId, token, 'menu', 'client-after', 'en-US')).status).toBe(200);
  });

  it('shows a field team\'s change made on another instance on the page where the consumer complained', async () => {
    const shared = testRedis();
    const ports = () => ({
      ticketRepository: new RedisTicketRepository(shared, `${prefix}tickets:`),
      conversations: new RedisConversationReferenceStore(shared, `${prefix}conversations:`, 3600),
      storage: new RedisStorage({ redis: shared, prefix: `${prefix}state:` }),
    });
    const page = await startWebChatServer({ stores: (await redisStores(prefix)).stores, ports: ports() });
    const fieldSide = await startWebChatServer({ stores: (await redisStores(prefix)).stores, ports: ports() });
    running.push(page, fieldSide);
    try {
      const client = new DirectLineClient(page.url);
      const { conversationId, token } = await client.generate();
      const started = await client.start(token, { locale: 'hi-IN' });
      const stream = await StreamReader.open(started.body.streamUrl!);
      streams.push(stream);
      await client.say(conversationId, token, 'meter ka display band hai', 'c-fault', 'hi-IN');
      await stream.next(botSays('उपभोक्ता संख्या'));
      await client.say(conversationId, token, '101000001', 'c-ca', 'hi-IN');
      const opened = await stream.next(botSays('शिकायत संख्या'));
      const [shown, first, second] = /SP-(\d{4})-(\d{4})/.exec(opened.text ?? '')!;

      const outcome = await fieldSide.sampark.ticketWorkflow.change(`SP${first}${second}`, { type: 'accept' }, {
        kind: 'staff',
        username: 'je1',
        role: 'je',
      });
      expect(outcome).toMatchObject({ ok: true, notice: { delivered: true } });
      await stream.next(botSays(shown!));
    } finally {
      shared.disconnect();
    }
  });
});
