import { TurnContext, type Activity } from 'botbuilder';
import type { Redis } from 'ioredis';
import type { ConversationReferenceStore } from '../../src/conversations/conversationReferenceStore';
import { MemoryConversationReferenceStore } from '../../src/conversations/memoryConversationReferenceStore';
import { RedisConversationReferenceStore } from '../../src/conversations/redisConversationReferenceStore';
import { productionRedis, removeKeys, uniquePrefix } from '../support/redis';

const AT = new Date('2026-11-28T06:00:00.000Z');

/**
 * Activities as channels really send them. The Bot Framework schema requires little beyond ids:
 * a conversation may be only `{ id }`, and accounts may come without a name (the Emulator, Direct
 * Line clients, Slack and Telegram through Azure Bot Service do this).
 */
const ACTIVITIES: Array<[string, Partial<Activity>]> = [
  [
    'a minimal activity (conversation with only an id, accounts without names)',
    { type: 'message', channelId: 'emulator', serviceUrl: 'http://localhost:50000', conversation: { id: 'c-min' } as Activity['conversation'], from: { id: 'u1' } as Activity['from'], recipient: { id: 'bot' } as Activity['recipient'], text: 'hi' },
  ],
  [
    'an activity without from and recipient',
    { type: 'message', channelId: 'directline', serviceUrl: 'https://directline.botframework.com/', conversation: { id: 'c-bare' } as Activity['conversation'], text: 'hi' },
  ],
  [
    'a full Azure Bot Service activity (Teams)',
    {
      type: 'message',
      id: '1637072380045',
      channelId: 'msteams',
      serviceUrl: 'https://smba.trafficmanager.net/in/',
      conversation: { id: 'a:1xyz', isGroup: false, conversationType: 'personal', tenantId: 'tenant-1', name: 'chat' },
      from: { id: '29:1abc', name: 'Ramesh Kumar', aadObjectId: 'aad-1', role: 'user' },
      recipient: { id: '28:bot', name: 'Sampark', role: 'bot' },
      locale: 'hi-IN',
      channelData: { tenant: { id: 'tenant-1' } },
      text: 'balance',
    },
  ],
  [
    'an Emulator activity with empty names and a null-ish extra',
    { type: 'message', channelId: 'emulator', serviceUrl: 'http://localhost:50000', conversation: { id: 'c-emu', name: '' } as Activity['conversation'], from: { id: 'u1', name: 'User', role: 'user' }, recipient: { id: 'bot', name: 'Bot', role: 'bot' }, locale: 'en-US', text: 'hi' },
  ],
];

function describeChannelReferences(name: string, open: () => Promise<{ store: ConversationReferenceStore; close: () => Promise<void> }>): void {
  describe(`${name}: references of real channel activities`, () => {
    let subject: { store: ConversationReferenceStore; close: () => Promise<void> };
    beforeEach(async () => (subject = await open()));
    afterEach(() => subject.close());

    it.each(ACTIVITIES)('keeps and reads back the reference of %s', async (_case, activity) => {
      const reference = TurnContext.getConversationReference(activity);
      const key = `${activity.channelId}:${activity.conversation!.id}`;
      // Stored as JSON on Redis, so what comes back is what JSON keeps.
      const expected = JSON.parse(JSON.stringify(reference)) as unknown;
      expect((await subject.store.recordInbound(key, reference, AT)).reference).toEqual(expected);
      expect((await subject.store.find(key))?.reference).toEqual(expected);
      await subject.store.setNumberedChoices(key, ['one']);
      expect((await subject.store.recordInbound(key, reference, AT)).numberedChoices).toEqual(['one']);
    });
  });
}

describeChannelReferences('MemoryConversationReferenceStore', async () => ({
  store: new MemoryConversationReferenceStore(3600, () => AT),
  close: async () => undefined,
}));

describeChannelReferences('RedisConversationReferenceStore with the production connection', async () => {
  const redis: Redis = await productionRedis();
  const prefix = uniquePrefix('channel-references');
  return {
    store: new RedisConversationReferenceStore(redis, prefix, 3600),
    close: async () => {
      await removeKeys(redis, prefix);
      redis.disconnect();
    },
  };
});
