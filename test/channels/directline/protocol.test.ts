import { TurnContext, type Activity } from 'botbuilder';
import type { MeterBackend } from '../../../src/backend/meterBackend';
import { SimulatedMeterBackend } from '../../../src/backend/simulator/simulatedMeterBackend';
import { createLocalRecognizer } from '../../../src/nlu/local/localRecognizer';
import { botOffers, botSays, claimsOf, DirectLineClient, StreamReader } from './directLineClient';
import { startWebChatServer, type RunningWebChat } from './webChatServer';

/** The web chat's clock; tests move it to expire tokens and to pass the rate limit's second. */
class TestClock {
  private offsetMs = 0;
  readonly now = () => new Date(Date.now() + this.offsetMs);
  advance(seconds: number): void {
    this.offsetMs += seconds * 1000;
  }
}

/** A started conversation with its stream open. */
async function openConversation(client: DirectLineClient, locale = 'hi-IN') {
  const generated = await client.generate();
  const started = await client.start(generated.token, { user: {}, locale });
  expect(started.status).toBe(201);
  const stream = await StreamReader.open(started.body.streamUrl!);
  return { conversationId: generated.conversationId, token: generated.token, started: started.body, stream };
}

describe('Direct Line 3.0 over HTTP and WebSocket', () => {
  const clock = new TestClock();
  let running: RunningWebChat;
  let client: DirectLineClient;
  const streams: StreamReader[] = [];
  const track = <T extends { stream: StreamReader }>(opened: T): T => {
    streams.push(opened.stream);
    return opened;
  };

  beforeAll(async () => {
    running = await startWebChatServer({ now: clock.now, env: { DIRECTLINE_MAX_TEXT_LENGTH: '300', DIRECTLINE_MAX_POSTS_PER_SECOND: '3', DIRECTLINE_MAX_ACTIVITY_BYTES: '8192' } });
    client = new DirectLineClient(running.url);
  });
  afterEach(() => {
    for (const stream of streams.splice(0)) stream.close();
  });
  afterAll(() => running.close());

  describe('tokens', () => {
    it('generates a signed JWT with the visitor in the `user` claim and the conversation bound into it', async () => {
      const generated = await client.generate();
      const claims = claimsOf(generated.token);
      expect(claims.user).toMatch(/^dl_[A-Za-z0-9_-]+$/);
      expect(claims.conv).toBe(generated.conversationId);
      expect(claims.exp).toBe((claims.iat as number) + 1800);
      expect(generated.expires_in).toBe(1800);
    });

    it('refreshes a token: the new one outlives the old, for the same visitor and conversation', async () => {
      const generated = await client.generate();
      clock.advance(1000);
      const refreshed = await client.refresh(generated.token);
      expect(refreshed.status).toBe(200);
      expect(claimsOf(refreshed.body.token)).toMatchObject({ user: claimsOf(generated.token).user, conv: generated.conversationId });
      clock.advance(1000);
      expect((await client.poll(generated.conversationId, generated.token)).status).toBe(403);
      expect((await client.poll(generated.conversationId, refreshed.body.token)).status).toBe(200);
    });

    it('refuses an expired token with 403 TokenExpired, for every call and for a refresh', async () => {
      const generated = await client.generate();
      clock.advance(1801);
      for (const answer of [
        await client.poll(generated.conversationId, generated.token),
        await client.say(generated.conversationId, generated.token, 'hello', 'c-expired'),
        await client.start(generated.token),
        await client.refresh(generated.token),
      ]) {
        expect(answer.status).toBe(403);
        expect(answer.body).toEqual({ error: { code: 'TokenExpired', message: 'the token has expired' } });
      }
    });

    it('refuses a token whose claims were changed (401 without one, 403 forged)', async () => {
      const generated = await client.generate();
      const other = await client.generate();
      const [header, , signature] = generated.token.split('.');
      const payload = Buffer.from(JSON.stringify({ ...claimsOf(generated.token), conv: other.conversationId })).toString('base64url');
      const forged = `${header}.${payload}.${signature}`;
      expect((await client.poll(other.conversationId, forged)).status).toBe(403);
      expect((await client.call('GET', `/conversations/${other.conversationId}/activities`)).status).toBe(401);
    });
  });

  describe('a conversation', () => {
    it('greets the visitor in the language the page chose (the start locale reaches the bot)', async () => {
      const english = track(await openConversation(client, 'en-US'));
      await english.stream.next(botSays('Namaste! I am Sampark'));
      const hindi = track(await openConversation(client, 'hi-IN'));
      await hindi.stream.next(botSays('नमस्ते! मैं संपर्क हूँ'));
    });

    it('echoes a posted message with its clientActivityID and a server id, then replies with replyToId', async () => {
      const { conversationId, token, stream } = track(await openConversation(client));
      const posted = await client.say(conversationId, token, 'मेरा बैलेंस कितना है', 'client-42');
      expect(posted.status).toBe(200);
      expect(posted.body.id).toMatch(new RegExp(`^${conversationId}\\|\\d{7}$`));

      const echo = await stream.next((activity) => activity.channelData?.clientActivityID === 'client-42');
      expect(echo).toMatchObject({
        id: posted.body.id,
        type: 'message',
        text: 'मेरा बैलेंस कितना है',
        from: { id: claimsOf(token).user, role: 'user' },
        conversation: { id: conversationId },
      });
      const askedForCa = await stream.next(botSays('उपभोक्ता संख्या'));
      expect(askedForCa.replyToId).toBe(posted.body.id);

      const answered = await client.say(conversationId, token, '101000001', 'client-43');
      const balance = await stream.next(botSays('₹842.50'));
      expect(balance.replyToId).toBe(answered.body.id);
      expect(balance.text).toContain('बैलेंस: ₹842.50');
    });

    it('streams and polls with string watermarks, each group after the last', async () => {
      const { conversationId, token, stream } = track(await openConversation(client, 'en-US'));
      await client.say(conversationId, token, 'check balance for 101000001', 'client-1', 'en-US');
      await stream.next(botSays('Balance: ₹842.50'));
      for (const group of stream.groups) expect(typeof group.watermark).toBe('string');

      const all = await client.poll(conversationId, token);
      expect(all.status).toBe(200);
      expect(typeof all.body.watermark).toBe('string');
      expect(all.body.activities.map((activity) => activity.id)).toEqual(stream.activities.map((activity) => activity.id));

      const nothingNew = await client.poll(conversationId, token, all.body.watermark);
      expect(nothingNew.body).toEqual({ activities: [], watermark: all.body.watermark });
      await client.say(conversationId, token, 'menu', 'client-2', 'en-US');
      await stream.next(botOffers('Recharge not credited'));
      const newer = await client.poll(conversationId, token, all.body.watermark);
      expect(newer.body.activities[0]!.channelData).toMatchObject({ clientActivityID: 'client-2' });
      expect(Number(newer.body.watermark)).toBeGreaterThan(Number(all.body.watermark));
    });

    it('reconnects with a fresh stream URL that starts after the given watermark', async () => {
      const { conversationId, token, started, stream } = track(await openConversation(client, 'en-US'));
      await stream.next(botSays('Namaste'));
      const watermark = stream.groups.at(-1)!.watermark!;
      await client.say(conversationId, token, 'menu', 'client-after', 'en-US');
      await stream.next(botOffers('Recharge not credited'));

      const reconnected = await client.reconnect(conversationId, token, watermark);
      expect(reconnected.status).toBe(200);
      expect(reconnected.body).toMatchObject({ conversationId, token });
      expect(reconnected.body.streamUrl).not.toBe(started.streamUrl);
      const resumed = await StreamReader.open(reconnected.body.streamUrl!);
      streams.push(resumed);
      const first = await resumed.next(() => true);
      expect(first.channelData).toMatchObject({ clientActivityID: 'client-after' });
      expect(resumed.activities.some((activity) => (activity.text ?? '').includes('Namaste'))).toBe(false);
    });

    it('shows the menu once: as buttons, without the numbered lines that repeat them', async () => {
      const { stream } = track(await openConversation(client, 'en-US'));
      const greeting = await stream.next(botOffers('Recharge not credited'));
      expect(greeting.text).toBe('Namaste! I am Sampark, the smart prepaid meter helpdesk of SBPDCL. How can I help you?');
      expect(greeting.suggestedActions?.actions).toHaveLength(10);
    });

    it('refuses to reconnect to a conversation it no longer keeps with 404 ConversationNotFound, so the page starts anew', async () => {
      const { conversationId, token } = await client.generate();
      const answer = await client.reconnect(conversationId, token);
      expect(answer.status).toBe(404);
      expect(answer.body).toEqual({ error: { code: 'ConversationNotFound', message: 'the conversation is no longer kept; start a new one' } });
    });

    it('starts a conversation once: a second start neither greets again nor fails', async () => {
      const { token, stream } = track(await openConversation(client, 'en-US'));
      await stream.next(botSays('Namaste'));
      const again = await client.start(token, { locale: 'en-US' });
      expect(again.status).toBe(200);
      await client.say(claimsOf(token).conv as string, token, 'menu', 'client-menu', 'en-US');
      await stream.next(botOffers('Recharge not credited'));
      expect(stream.activities.filter(botSays('Namaste'))).toHaveLength(1);
    });
  });

  describe('one conversation per token', () => {
    it('refuses a token of another conversation with 403, for every path', async () => {
      const mine = await client.generate();
      const theirs = await openConversation(client);
      track(theirs);
      const attempts = [
        await client.poll(theirs.conversationId, mine.token),
        await client.say(theirs.conversationId, mine.token, 'hello', 'c-cross'),
        await client.reconnect(theirs.conversationId, mine.token),
      ];
      for (const attempt of attempts) {
        expect(attempt.status).toBe(403);
        expect(attempt.body).toMatchObject({ error: { code: 'WrongConversation' } });
      }
    });

    it("refuses a stream of another conversation, and a conversation token used as a stream ticket", async () => {
      const mine = await openConversation(client);
      track(mine);
      const theirs = await client.generate();
      const otherStream = mine.started.streamUrl!.replace(`/conversations/${mine.conversationId}/`, `/conversations/${theirs.conversationId}/`);
      await expect(StreamReader.open(otherStream)).rejects.toThrow('stream refused: 403');
      const withConversationToken = mine.started.streamUrl!.replace(/t=[^&]+/, `t=${mine.token}`);
      await expect(StreamReader.open(withConversationToken)).rejects.toThrow('stream refused: 403');
    });
  });

  describe('input limits', () => {
    it('refuses text over the configured length with 413 and a clear message; the bot carries on', async () => {
      const { conversationId, token, stream } = track(await openConversation(client, 'en-US'));
      const refused = await client.say(conversationId, token, 'a'.repeat(301), 'c-long', 'en-US');
      expect(refused.status).toBe(413);
      expect(refused.body.error).toEqual({ code: 'MessageTooLong', message: 'the text has 301 characters; at most 300 are allowed' });
      const fine = await client.say(conversationId, token, 'check balance for 101000001', 'c-ok', 'en-US');
      expect(fine.status).toBe(200);
      await stream.next(botSays('Balance: ₹842.50'));
      expect(stream.activities.some((activity) => activity.channelData?.clientActivityID === 'c-long')).toBe(false);
    });

    it.each([
      ['value', { value: { blob: 'v'.repeat(9000) } }],
      ['an attachment\'s content', { attachments: [{ contentType: 'application/json', content: { blob: 'a'.repeat(9000) } }] }],
      ['channelData', { channelData: { clientActivityID: 'c-big', blob: 'c'.repeat(9000) } }],
      ['many small fields', { value: Object.fromEntries(Array.from({ length: 2000 }, (_, n) => [`k${n}`, n])) }],
    ])('refuses an activity made too large by %s with 413; nothing of it is kept', async (_field, extra) => {
      const { conversationId, token } = track(await openConversation(client, 'en-US'));
      clock.advance(2);
      const refused = await client.post(conversationId, token, { type: 'message', text: 'hi', locale: 'en-US', ...extra });
      expect(refused.status).toBe(413);
      expect(refused.body.error?.code).toBe('ActivityTooLarge');
      expect(refused.body.error?.message).toMatch(/at most 8192 are allowed$/);
      const transcript = await client.poll(conversationId, token);
      expect(JSON.stringify(transcript.body).length).toBeLessThan(8192);
    });

    it('takes an event with a small value and attachments within the limit', async () => {
      const { conversationId, token } = track(await openConversation(client, 'en-US'));
      clock.advance(2);
      const posted = await client.post(conversationId, token, {
        type: 'message',
        text: 'photo',
        locale: 'en-US',
        attachments: [{ contentType: 'image/png', contentUrl: 'https://example.org/meter.png', name: 'meter.png' }],
        channelData: { clientActivityID: 'c-small' },
      });
      expect(posted.status).toBe(200);
    });

    it('counts Devanagari text by characters, not bytes', async () => {
      const { conversationId, token } = track(await openConversation(client));
      expect((await client.say(conversationId, token, 'बि'.repeat(150), 'c-hindi')).status).toBe(200);
    });

    it('refuses more posts per second per token than configured with 429, and accepts again a second later', async () => {
      const { conversationId, token } = track(await openConversation(client, 'en-US'));
      clock.advance(2);
      const answers = [];
      for (let n = 0; n < 4; n += 1) answers.push(await client.say(conversationId, token, `hello ${n}`, `c-rate-${n}`, 'en-US'));
      expect(answers.map((answer) => answer.status)).toEqual([200, 200, 200, 429]);
      expect(answers[3]!.body.error).toEqual({ code: 'TooManyRequests', message: 'at most 3 messages per second; wait a moment' });
      clock.advance(1.1);
      expect((await client.say(conversationId, token, 'hello again', 'c-rate-later', 'en-US')).status).toBe(200);
    });

    it.each([
      ['an unknown type', { type: 'invoke', name: 'x' }],
      ['text that is not a string', { type: 'message', text: 42 }],
      ['no type', { text: 'hello' }],
    ])('refuses an activity with %s with 400', async (_name, body) => {
      const { conversationId, token } = await client.generate();
      const answer = await client.post(conversationId, token, body);
      expect(answer.status).toBe(400);
      expect(answer.body.error?.code).toBe('BadArgument');
    });

    it('answers 404 for a conversation id it could never have made', async () => {
      const { token } = await client.generate();
      expect((await client.poll('not*an*id', token)).status).toBe(404);
    });
  });
});

describe('typing and proactive messages', () => {
  let running: RunningWebChat;
  let client: DirectLineClient;
  let stream: StreamReader | undefined;

  /** The simulator, slowed so the bot's lookup takes long enough for the typing indicator. */
  function slowBackend(): MeterBackend {
    const backend = new SimulatedMeterBackend({ now: () => new Date() });
    const getMeterStatus = backend.getMeterStatus.bind(backend);
    backend.getMeterStatus = async (caNumber: string) => {
      await new Promise((resolve) => setTimeout(resolve, 900));
      return getMeterStatus(caNumber);
    };
    return backend;
  }

  beforeAll(async () => {
    running = await startWebChatServer({ ports: { backend: slowBackend() } });
    client = new DirectLineClient(running.url);
  });
  afterEach(() => stream?.close());
  afterAll(() => running.close());

  it('shows the bot typing while a lookup takes time, live on the stream and not kept in the transcript', async () => {
    const opened = await openConversation(client, 'en-US');
    stream = opened.stream;
    await client.say(opened.conversationId, opened.token, 'check balance for 101000001', 'c-typing', 'en-US');
    const typing = await stream.next((activity) => activity.type === 'typing');
    expect(typing.from).toMatchObject({ role: 'bot' });
    const balance = await stream.next(botSays('Balance: ₹842.50'));
    expect(stream.activities.indexOf(typing)).toBeLessThan(stream.activities.indexOf(balance));
    const transcript = await client.poll(opened.conversationId, opened.token);
    expect(transcript.body.activities.some((activity) => activity.type === 'typing')).toBe(false);
  });

  it('delivers a proactive message (an agent reply) to an open page through continueConversation', async () => {
    const opened = await openConversation(client, 'en-US');
    stream = opened.stream;
    await client.say(opened.conversationId, opened.token, 'hello', 'c-proactive', 'en-US');
    const echo = await stream.next((activity) => activity.channelData?.clientActivityID === 'c-proactive');
    const reference = TurnContext.getConversationReference(echo as Activity);
    await running.webChat.adapter.continueConversation(reference, async (context) => {
      await context.sendActivity('Agent Priya here: your meter was checked.');
    });
    const proactive = await stream.next(botSays('Agent Priya here'));
    expect(proactive.conversation?.id).toBe(opened.conversationId);
  });
});

describe('a turn that fails', () => {
  it('answers with an apology on the stream and the conversation goes on', async () => {
    let failing = true;
    const recognizer = createLocalRecognizer();
    const running = await startWebChatServer({
      ports: {
        recognizer: {
          recognize: async (text: string) => {
            if (failing) throw new Error('recognizer down');
            return recognizer.recognize(text);
          },
        },
      },
    });
    const client = new DirectLineClient(running.url);
    const opened = await openConversation(client);
    try {
      await client.say(opened.conversationId, opened.token, 'मेरा बैलेंस कितना है', 'c-fails');
      await opened.stream.next(botSays('क्षमा करें'));
      failing = false;
      await client.say(opened.conversationId, opened.token, 'मेरा बैलेंस कितना है', 'c-works');
      await opened.stream.next(botSays('उपभोक्ता संख्या'));
    } finally {
      opened.stream.close();
      await running.close();
    }
  });
});
