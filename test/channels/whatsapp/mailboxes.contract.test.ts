import { MemoryMailboxes } from '../../../src/channels/whatsapp/memoryMailboxes';
import { RedisMailboxes } from '../../../src/channels/whatsapp/redisMailboxes';
import { removeKeys, testRedis, uniquePrefix } from '../../support/redis';
import { describeMailboxesContract } from './mailboxes.contract';

describeMailboxesContract('MemoryMailboxes (embedded default)', async () => {
  const store = new MemoryMailboxes();
  return { stores: [store, store], close: async () => undefined };
});

describeMailboxesContract('RedisMailboxes', async () => {
  const redis = testRedis();
  const other = testRedis();
  const prefix = uniquePrefix('mailboxes');
  return {
    stores: [new RedisMailboxes(redis, prefix, 600), new RedisMailboxes(other, prefix, 600)],
    close: async () => {
      await removeKeys(redis, prefix);
      redis.disconnect();
      other.disconnect();
    },
  };
});
