import type { Activity } from 'botbuilder';
import { notificationOf } from '../../src/conversations/notification';
import { Translator } from '../../src/i18n/translator';
import { silentLogger } from '../../src/log/logger';
import { ANY_OTHER_CHANNEL, ChannelNotifier, type ProactiveChannel } from '../../src/notify/channelNotifier';
import { TestConversation } from '../support/conversation';

const contact = { channel: 'whatsapp', conversationId: 'wa-1', language: 'hi' as const };
const notice = { key: 'ticketUpdate.resolved', params: { number: 'SP-0000-0018' } };

function recordingChannel(known: boolean, refuse = false): ProactiveChannel & { sent: Partial<Activity>[] } {
  const sent: Partial<Activity>[] = [];
  return {
    sent,
    reference: async () => (known ? { channelId: 'whatsapp', conversation: { id: 'wa-1', isGroup: false, conversationType: 'personal', name: '' } } : null),
    deliver: async (_reference, message) => {
      if (refuse) throw new Error('outside the 24-hour window and no template fits');
      sent.push(message);
    },
  };
}

describe('ChannelNotifier', () => {
  let translator: Translator;
  beforeAll(async () => {
    translator = await Translator.create();
  });

  it('writes the notice in the consumer\'s language and carries what a template needs', async () => {
    const notifier = new ChannelNotifier(translator, silentLogger());
    const channel = recordingChannel(true);
    notifier.register('whatsapp', channel);
    expect(await notifier.notify(contact, notice)).toEqual({ delivered: true });
    expect(channel.sent[0]!.text).toContain('SP-0000-0018');
    expect(notificationOf(channel.sent[0]!)).toEqual({
      kind: 'ticket_update',
      language: 'hi',
      ticketNumber: 'SP-0000-0018',
      status: 'समाधान हो गया',
    });
  });

  it('carries an agent\'s reply as words a template can hold, for a consumer who last wrote over 24 hours ago', async () => {
    const notifier = new ChannelNotifier(translator, silentLogger());
    const channel = recordingChannel(true);
    notifier.register('whatsapp', channel);
    const reply = { key: 'agent.reply', params: { text: 'आपका मीटर कल बदला जाएगा।' } };
    expect(await notifier.notify(contact, reply)).toEqual({ delivered: true });
    expect(channel.sent[0]!.text).toContain('आपका मीटर कल बदला जाएगा।');
    expect(notificationOf(channel.sent[0]!)).toEqual({ kind: 'agent_reply', language: 'hi', text: 'आपका मीटर कल बदला जाएगा।' });
  });

  it.each<[string, ProactiveChannel | null, string]>([
    ['a channel nobody registered', null, 'unsupported_channel'],
    ['a conversation never recorded', recordingChannel(false), 'unknown_conversation'],
    ['a channel that refuses', recordingChannel(true, true), 'channel_refused'],
  ])('reports %s instead of losing the notice silently', async (_name, channel, reason) => {
    const notifier = new ChannelNotifier(translator, silentLogger());
    if (channel) notifier.register('whatsapp', channel);
    expect(await notifier.notify(contact, notice)).toEqual({ delivered: false, reason });
  });

  it('serves channels without their own registration through the catch-all', async () => {
    const notifier = new ChannelNotifier(translator, silentLogger());
    const channel = recordingChannel(true);
    notifier.register(ANY_OTHER_CHANNEL, channel);
    expect(await notifier.notify({ ...contact, channel: 'msteams' }, notice)).toEqual({ delivered: true });
  });
});

describe('a consumer hears about their ticket', () => {
  it('in Hindi, in the conversation where they raised it, when the field team acts', async () => {
    const conversation = await TestConversation.start();
    conversation.sampark.notifier.register('test', conversation.proactiveChannel());
    const replies = [...(await conversation.say('meter ka display band hai')), ...(await conversation.say('101000001'))];
    const number = /SP-(\d{4})-(\d{4})/.exec(replies.join('\n'))!;

    const outcome = await conversation.sampark.ticketWorkflow.change(`SP${number[1]}${number[2]}`, { type: 'accept' }, {
      kind: 'staff',
      username: 'je1',
      role: 'je',
    });
    expect(outcome).toMatchObject({ ok: true, notice: { delivered: true } });
    expect(conversation.received().join('\n')).toContain(number[0]);
  });
});
