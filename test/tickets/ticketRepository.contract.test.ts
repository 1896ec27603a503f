import { MemoryTicketRepository } from '../../src/tickets/memoryTicketRepository';
import { RedisTicketRepository } from '../../src/tickets/redisTicketRepository';
import { removeKeys, testRedis, uniquePrefix } from '../support/redis';
import { describeTicketRepositoryContract } from './ticketRepository.contract';

describeTicketRepositoryContract('MemoryTicketRepository (embedded default)', async () => {
  const repository = new MemoryTicketRepository();
  return { repositories: [repository, repository], close: async () => undefined };
});

describeTicketRepositoryContract('RedisTicketRepository', async () => {
  const redis = testRedis();
  const prefix = uniquePrefix('tickets');
  return {
    repositories: [new RedisTicketRepository(redis, prefix), new RedisTicketRepository(redis, prefix)],
    close: async () => {
      await removeKeys(redis, prefix);
      redis.disconnect();
    },
  };
});
