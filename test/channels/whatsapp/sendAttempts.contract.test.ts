import { MemorySendAttempts } from '../../../src/channels/whatsapp/memorySendAttempts';
import { RedisSendAttempts } from '../../../src/channels/whatsapp/redisSendAttempts';
import { removeKeys, testRedis, uniquePrefix } from '../../support/redis';
import { describeSendAttemptsContract } from './sendAttempts.contract';

describeSendAttemptsContract('MemorySendAttempts (embedded default)', async () => {
  const attempts = new MemorySendAttempts(3600);
  return { attempts: [attempts, attempts], close: async () => undefined };
});

describeSendAttemptsContract('RedisSendAttempts', async () => {
  const redis = testRedis();
  const other = testRedis();
  const prefix = uniquePrefix('attempts');
  return {
    attempts: [new RedisSendAttempts(redis, prefix, 3600), new RedisSendAttempts(other, prefix, 3600)],
    close: async () => {
      await removeKeys(redis, prefix);
      redis.disconnect();
      other.disconnect();
    },
  };
});
