import { MemoryAgentPresence } from '../../src/handoff/memoryAgentPresence';
import { RedisAgentPresence } from '../../src/handoff/redisAgentPresence';
import { removeKeys, testRedis, uniquePrefix } from '../support/redis';
import { describeAgentPresenceContract } from './agentPresence.contract';

const TTL_SECONDS = 60;
const start = () => ({ now: new Date('2026-11-28T06:00:00.000Z') });

describeAgentPresenceContract('MemoryAgentPresence (embedded default)', async () => {
  const clock = start();
  const store = new MemoryAgentPresence(TTL_SECONDS, () => clock.now);
  return { stores: [store, store], clock, ttlSeconds: TTL_SECONDS, close: async () => undefined };
});

describeAgentPresenceContract('RedisAgentPresence', async () => {
  const clock = start();
  const [first, second] = [testRedis(), testRedis()];
  const prefix = uniquePrefix('presence');
  return {
    stores: [new RedisAgentPresence(first, prefix, TTL_SECONDS, () => clock.now), new RedisAgentPresence(second, prefix, TTL_SECONDS, () => clock.now)],
    clock,
    ttlSeconds: TTL_SECONDS,
    close: async () => {
      await removeKeys(first, prefix);
      first.disconnect();
      second.disconnect();
    },
  };
});
