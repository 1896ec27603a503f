import { setTimeout as sleep } from 'node:timers/promises';
import { MemoryHandoffArchive } from '../../../src/handoff/history/memoryHandoffArchive';
import { RedisHandoffArchive } from '../../../src/handoff/history/redisHandoffArchive';
import { removeKeys, testRedis, uniquePrefix } from '../../support/redis';
import { describeHandoffArchiveContract } from './handoffArchive.contract';

describeHandoffArchiveContract('MemoryHandoffArchive (embedded default)', async () => {
  let clock = Date.parse('2026-11-28T06:00:00.000Z');
  const archive = new MemoryHandoffArchive(3600, () => new Date(clock));
  return { archives: [archive, archive], ttlSeconds: 3600, pass: async (seconds) => void (clock += seconds * 1000), close: async () => undefined };
});

describeHandoffArchiveContract('RedisHandoffArchive', async () => {
  // Two connections, as two instances would have.
  const [first, second] = [testRedis(), testRedis()];
  const prefix = uniquePrefix('handoff-archive');
  return {
    // Redis counts in whole seconds: the shortest time it can keep a record, waited out for real.
    archives: [new RedisHandoffArchive(first, prefix, 1), new RedisHandoffArchive(second, prefix, 1)],
    ttlSeconds: 1,
    pass: (seconds) => sleep(seconds * 1000),
    close: async () => {
      await removeKeys(first, prefix);
      first.disconnect();
      second.disconnect();
    },
  };
});
