import { MemoryHandoffStore } from '../../src/handoff/memoryHandoffStore';
import { RedisHandoffStore } from '../../src/handoff/redisHandoffStore';
import { removeKeys, testRedis, uniquePrefix } from '../support/redis';
import { describeHandoffStoreContract } from './handoffStore.contract';

describeHandoffStoreContract('MemoryHandoffStore (embedded default)', async () => {
  const store = new MemoryHandoffStore();
  return { stores: [store, store], close: async () => undefined };
});

describeHandoffStoreContract('RedisHandoffStore', async () => {
  // Two connections, as two instances would have.
  const [first, second] = [testRedis(), testRedis()];
  const prefix = uniquePrefix('handoff-store');
  return {
    stores: [new RedisHandoffStore(first, prefix), new RedisHandoffStore(second, prefix)],
    close: async () => {
      await removeKeys(first, prefix);
      first.disconnect();
      second.disconnect();
    },
  };
});
