import Redis from 'ioredis';
import { InProcessAgentEventBus } from '../../src/handoff/inProcessAgentEventBus';
import { RedisAgentEventBus } from '../../src/handoff/redisAgentEventBus';
import { silentLogger } from '../../src/log/logger';
import { productionRedis, testRedis, uniquePrefix } from '../support/redis';
import { describeAgentEventBusContract } from './agentEventBus.contract';

describeAgentEventBusContract('InProcessAgentEventBus (embedded default)', async () => {
  const bus = new InProcessAgentEventBus();
  return { buses: [bus, bus], close: () => bus.close() };
});

describeAgentEventBusContract('RedisAgentEventBus (production connection)', async () => {
  // Two connections and one channel, as two instances would have; pub/sub leaves no keys behind.
  // Made as production makes them: without an offline queue, a subscribe while connecting fails.
  const [first, second] = await Promise.all([productionRedis(), productionRedis()]);
  const channel = uniquePrefix('agent-events');
  const buses: [RedisAgentEventBus, RedisAgentEventBus] = [
    new RedisAgentEventBus(first, channel, silentLogger()),
    new RedisAgentEventBus(second, channel, silentLogger()),
  ];
  return {
    buses,
    close: async () => {
      await Promise.all(buses.map((bus) => bus.close()));
      first.disconnect();
      second.disconnect();
    },
  };
});

describe('RedisAgentEventBus', () => {
  it('ignores a message on its channel that is not an agent event', async () => {
    const redis = await productionRedis();
    const channel = uniquePrefix('agent-events');
    const bus = new RedisAgentEventBus(redis, channel, silentLogger());
    const received: unknown[] = [];
    await bus.subscribe((event) => received.push(event));
    await redis.publish(channel, '{"type":"queue.added"}');
    await redis.publish(channel, 'not json');
    await bus.publish({ type: 'queue.added', conversationId: 'a', status: 'queued', assignee: null, by: null, at: '2026-11-28T06:00:00.000Z' });
    for (let waited = 0; received.length === 0 && waited < 1000; waited += 10) await new Promise((resolve) => setTimeout(resolve, 10));
    expect(received).toEqual([expect.objectContaining({ conversationId: 'a' })]);
    await bus.close();
    redis.disconnect();
  });
});

describe('RedisAgentEventBus when Redis was away', () => {
  it('subscribes the next console on a new connection, rather than failing every console from then on', async () => {
    const redis = testRedis();
    const channel = uniquePrefix('agent-events');
    const duplicate = redis.duplicate.bind(redis);
    // The first subscriber connection finds nobody listening; Redis is back for the next.
    let firstConnection = true;
    redis.duplicate = (() => {
      if (!firstConnection) return duplicate();
      firstConnection = false;
      return new Redis({ host: '127.0.0.1', port: 1, maxRetriesPerRequest: 0, retryStrategy: () => null, enableOfflineQueue: false });
    }) as typeof redis.duplicate;
    const bus = new RedisAgentEventBus(redis, channel, silentLogger());
    const first: unknown[] = [];
    const second: unknown[] = [];
    await expect(bus.subscribe((event) => first.push(event))).rejects.toThrow();
    await bus.subscribe((event) => second.push(event));
    await bus.publish({ type: 'queue.added', conversationId: 'a', status: 'queued', assignee: null, by: null, at: '2026-11-28T06:00:00.000Z' });
    for (let waited = 0; second.length === 0 && waited < 1000; waited += 10) await new Promise((resolve) => setTimeout(resolve, 10));
    expect(second).toEqual([expect.objectContaining({ conversationId: 'a' })]);
    // The console whose subscription failed is not listening either.
    expect(first).toEqual([]);
    await bus.close();
    redis.disconnect();
  });
});
