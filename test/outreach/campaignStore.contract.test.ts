import { MemoryCampaignStore } from '../../src/outreach/memoryCampaignStore';
import { RedisCampaignStore } from '../../src/outreach/redisCampaignStore';
import { removeKeys, testRedis, uniquePrefix } from '../support/redis';
import { describeCampaignStoreContract } from './campaignStore.contract';

describeCampaignStoreContract('MemoryCampaignStore (embedded default)', async () => {
  const store = new MemoryCampaignStore();
  return { instances: [store, store], close: async () => undefined };
});

describeCampaignStoreContract('RedisCampaignStore', async () => {
  const redis = testRedis();
  const other = testRedis();
  const prefix = uniquePrefix('campaigns');
  return {
    instances: [new RedisCampaignStore(redis, prefix, 3600), new RedisCampaignStore(other, prefix, 3600)],
    close: async () => {
      await removeKeys(redis, prefix);
      redis.disconnect();
      other.disconnect();
    },
  };
});
