import type { ConversationSignals } from '../../../src/channels/directline/conversationSignals';
import { MemoryDedupe } from '../../../src/dedupe/memoryDedupe';
import { MemoryTranscriptStore } from '../../../src/channels/directline/memoryTranscriptStore';
import { botSays, DirectLineClient, StreamReader } from './directLineClient';
import { startWebChatServer, type RunningWebChat } from './webChatServer';

/** Signals that never arrive: a Redis pub/sub message lost on the way. */
const lostSignals: ConversationSignals = {
  publish: async () => undefined,
  subscribe: () => () => undefined,
  close: async () => undefined,
};

function storesWithLostSignals() {
  return {
    transcripts: new MemoryTranscriptStore({ maxActivities: 100, ttlSeconds: 600 }),
    signals: lostSignals,
    usedTickets: new MemoryDedupe(),
    close: async () => undefined,
  };
}

describe('a stream whose signals are lost', () => {
  let running: RunningWebChat;
  let stream: StreamReader | undefined;
  afterEach(async () => {
    stream?.close();
    await running.close();
  });

  it('still catches up from the store on its heartbeat', async () => {
    running = await startWebChatServer({ stores: storesWithLostSignals(), streamHeartbeatMs: 100 });
    const client = new DirectLineClient(running.url);
    const { conversationId, token } = await client.generate();
    const started = await client.start(token, { locale: 'en-US' });
    stream = await StreamReader.open(started.body.streamUrl!);
    await client.say(conversationId, token, 'check balance for 101000001', 'client-1', 'en-US');
    await stream.next(botSays('Balance: ₹842.50'), 3000);
  });

  it("still catches up when Web Chat's client sends its keep-alive", async () => {
    running = await startWebChatServer({ stores: storesWithLostSignals() });
    const client = new DirectLineClient(running.url);
    const { conversationId, token } = await client.generate();
    const started = await client.start(token, { locale: 'en-US' });
    stream = await StreamReader.open(started.body.streamUrl!);
    await client.say(conversationId, token, 'check balance for 101000001', 'client-1', 'en-US');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(stream.activities.some(botSays('Balance: ₹'))).toBe(false);
    stream.socket.send('');
    await stream.next(botSays('Balance: ₹842.50'), 2000);
  });

  it('is closed as "going away" when the server shuts down, so the client reconnects elsewhere', async () => {
    running = await startWebChatServer();
    const client = new DirectLineClient(running.url);
    const { token } = await client.generate();
    stream = await StreamReader.open((await client.start(token)).body.streamUrl!);
    const closed = new Promise<number>((resolve) => stream!.socket.once('close', (code: number) => resolve(code)));
    await running.webChat.close();
    expect(await closed).toBe(1001);
  });
});
