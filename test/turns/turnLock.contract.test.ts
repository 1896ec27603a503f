import { LocalTurnQueue } from '../../src/turns/localTurnQueue';
import { RedisTurnLock } from '../../src/turns/redisTurnLock';
import { removeKeys, testRedis, uniquePrefix } from '../support/redis';
import { describeTurnLockContract } from './turnLock.contract';

describeTurnLockContract('LocalTurnQueue (embedded default)', async () => {
  const lock = new LocalTurnQueue();
  return { locks: [lock, lock], close: async () => undefined };
});

describeTurnLockContract('RedisTurnLock', async () => {
  const redis = testRedis();
  const prefix = uniquePrefix('turn-lock');
  return {
    locks: [new RedisTurnLock({ redis, prefix }), new RedisTurnLock({ redis, prefix })],
    close: async () => {
      await removeKeys(redis, prefix);
      redis.disconnect();
    },
  };
});
