import { setTimeout as sleep } from 'node:timers/promises';
import { MemoryCallBackStore } from '../../../src/handoff/callBacks/memoryCallBackStore';
import { RedisCallBackStore } from '../../../src/handoff/callBacks/redisCallBackStore';
import { removeKeys, testRedis, uniquePrefix } from '../../support/redis';
import { describeCallBackStoreContract } from './callBackStore.contract';

describeCallBackStoreContract('MemoryCallBackStore (embedded default)', async () => {
  // The desk stamps its changes at the contract's fixed time; the store's clock moves on from there.
  let clock = Date.parse('2026-11-28T16:00:00.000Z');
  const store = new MemoryCallBackStore(3600, () => new Date(clock));
  return {
    stores: [store, store],
    closedTtlSeconds: 3600,
    pass: async (seconds) => void (clock += seconds * 1000),
    close: async () => undefined,
  };
});

describeCallBackStoreContract('RedisCallBackStore', async () => {
  // Two connections, as two instances would have.
  const [first, second] = [testRedis(), testRedis()];
  const prefix = uniquePrefix('call-backs');
  return {
    // Redis counts in whole seconds: the shortest time it can keep a record, waited out for real.
    stores: [new RedisCallBackStore(first, prefix, 1), new RedisCallBackStore(second, prefix, 1)],
    closedTtlSeconds: 1,
    pass: (seconds) => sleep(seconds * 1000),
    close: async () => {
      await removeKeys(first, prefix);
      first.disconnect();
      second.disconnect();
    },
  };
});
