import { botSays, DirectLineClient, StreamReader } from './directLineClient';
import { startWebChatServer, type RunningWebChat } from './webChatServer';

describe('ticket updates in an open web chat', () => {
  let running: RunningWebChat;
  let stream: StreamReader | undefined;
  afterEach(async () => {
    stream?.close();
    await running.close();
  });

  it('reach the page where the consumer raised the complaint, in their language', async () => {
    running = await startWebChatServer();
    const client = new DirectLineClient(running.url);
    const generated = await client.generate();
    const started = await client.start(generated.token, { user: {}, locale: 'hi-IN' });
    stream = await StreamReader.open(started.body.streamUrl!);
    await client.say(generated.conversationId, generated.token, 'meter ka display band hai', 'c-1');
    await stream.next(botSays('उपभोक्ता संख्या'));
    await client.say(generated.conversationId, generated.token, '101000001', 'c-2');
    const opened = await stream.next(botSays('शिकायत संख्या'));
    const [shown, first, second] = /SP-(\d{4})-(\d{4})/.exec(opened.text ?? '')!;

    const outcome = await running.sampark.ticketWorkflow.change(`SP${first}${second}`, { type: 'accept' }, {
      kind: 'staff',
      username: 'je1',
      role: 'je',
    });
    expect(outcome).toMatchObject({ ok: true, notice: { delivered: true } });
    const notice = await stream.next(botSays(shown!));
    expect(notice.text).toMatch(/[\u0900-\u097F]/);
  });
});
