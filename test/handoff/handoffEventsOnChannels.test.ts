import type { Activity } from 'botbuilder';
import { DirectLineClient } from '../channels/directline/directLineClient';
import { startWebChatServer } from '../channels/directline/webChatServer';
import { startWhatsApp, WhatsAppUser } from '../channels/whatsapp/whatsAppHarness';
import { message } from '../channels/whatsapp/webhookClient';

/** A sender the simulator does not know: the bot asks for a CA number, never offers one. */
const STRANGER = '919811100002';

const handoffEvents = (activities: Array<Partial<Activity>>) =>
  activities
    .filter((activity) => activity.type === 'event')
    .map((activity) => [activity.name, (activity.value as { state?: string } | undefined)?.state ?? null]);

describe('handoff events on the consumer channels', () => {
  it('WhatsApp sends the consumer only the words: the events map to nothing, and nothing fails', async () => {
    const running = await startWhatsApp();
    try {
      const user = new WhatsAppUser(running, STRANGER);
      expect((await user.say('agent se baat karao')).join('\n')).toContain('कतार में आपका नंबर 1');
      const [record] = await running.sampark.handoff.queue();
      const conversationId = record!.request.conversationId;

      // handoff.status accepted, then completed, go to the WhatsApp conversation proactively.
      await running.sampark.handoff.claim(conversationId, 'agent1');
      await running.sampark.handoff.resolve(conversationId, 'agent1', 'answered');
      await running.quiet();
      expect(user.news()).toEqual([]);
      expect(running.fake.invalid).toEqual([]);
      expect(running.undeliverable).toEqual([]);

      expect((await user.say('ok')).join('\n')).toContain('मदद कैसी की');
    } finally {
      await running.close();
    }
  });

  it('Direct Line carries the events in the conversation, in order, with the transcript', async () => {
    const running = await startWebChatServer();
    try {
      const client = new DirectLineClient(running.url);
      const { conversationId, token } = (await client.start((await client.generate()).token)).body;
      expect((await client.say(conversationId, token, 'talk to agent', 'c1', 'en-IN')).status).toBe(200);
      await running.sampark.handoff.claim(conversationId, 'agent1');
      await running.sampark.handoff.resolve(conversationId, 'agent1', 'answered');

      const activities = (await client.poll(conversationId, token)).body.activities;
      expect(handoffEvents(activities)).toEqual([
        ['handoff.initiate', null],
        ['handoff.status', 'accepted'],
        ['handoff.status', 'completed'],
      ]);
      const initiation = activities.find((activity) => activity.name === 'handoff.initiate');
      const transcript = (initiation?.attachments?.[0]?.content as { activities: Array<Partial<Activity>> }).activities;
      // The greeting the bot opened with, then the consumer's request.
      expect(transcript[0]).toMatchObject({ type: 'message', from: { role: 'bot' } });
      expect(transcript.at(-1)).toMatchObject({ type: 'message', text: 'talk to agent', from: { role: 'user' } });
    } finally {
      await running.close();
    }
  });

  it('WhatsApp photos, locations and unreadable kinds reach the agent while an agent has the conversation', async () => {
    const running = await startWhatsApp();
    try {
      const user = new WhatsAppUser(running, STRANGER);
      await user.say('agent se baat karao');
      const conversationId = (await running.sampark.handoff.queue())[0]!.request.conversationId;
      await running.sampark.handoff.claim(conversationId, 'agent1');

      expect(await user.send(message(STRANGER, 'image', { image: { id: '1479537139650973', mime_type: 'image/jpeg', caption: 'मीटर' } }))).toEqual([]);
      const site = { latitude: 25.6093, longitude: 85.1376, name: 'Kankarbagh' };
      expect(await user.send(message(STRANGER, 'location', { location: site }))).toEqual([]);
      expect(await user.send(message(STRANGER, 'sticker', { sticker: { id: '2', mime_type: 'image/webp', animated: false } }))).toEqual([]);

      const transcript = (await running.sampark.handoff.current(conversationId))?.transcript.map((entry) => entry.text);
      expect(transcript).toEqual([
        'मीटर [photo: whatsapp-media:1479537139650973]',
        '[location: Kankarbagh https://maps.google.com/?q=25.609300,85.137600]',
        '[sticker message]',
      ]);
      expect(running.fake.invalid).toEqual([]);
    } finally {
      await running.close();
    }
  });
});
