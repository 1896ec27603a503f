import { MemoryResolutionPhotoStore } from '../../../src/tickets/photos/memoryResolutionPhotoStore';
import { RedisResolutionPhotoStore } from '../../../src/tickets/photos/redisResolutionPhotoStore';
import { RESOLUTION_PHOTO_TTL_DAYS } from '../../../src/tickets/photos/resolutionPhotoStore';
import { removeKeys, testRedis, uniquePrefix } from '../../support/redis';
import { describeResolutionPhotoStoreContract } from './resolutionPhotoStore.contract';

const NOW = new Date('2026-11-28T06:00:00.000Z');
const PHOTO = { contentType: 'image/jpeg' as const, bytes: Buffer.from([0xff, 0xd8, 0xff, 0xdb]) };

describeResolutionPhotoStoreContract('MemoryResolutionPhotoStore (embedded default)', async () => {
  const store = new MemoryResolutionPhotoStore(() => NOW);
  return { stores: [store, store], close: async () => undefined };
});

describeResolutionPhotoStoreContract('RedisResolutionPhotoStore', async () => {
  const redis = testRedis();
  const prefix = uniquePrefix('resolution-photos');
  return {
    stores: [new RedisResolutionPhotoStore(redis, prefix), new RedisResolutionPhotoStore(redis, prefix)],
    close: async () => {
      await removeKeys(redis, prefix);
      redis.disconnect();
    },
  };
});

describe('resolution photos are bounded', () => {
  it('in memory: forgets a photo after the retention period, and the oldest beyond the capacity', async () => {
    let now = NOW;
    const store = new MemoryResolutionPhotoStore(() => now, 2);
    const oldest = await store.put('SP00000001', PHOTO);
    const kept = await store.put('SP00000001', PHOTO);
    await store.put('SP00000001', PHOTO);
    expect(await store.get('SP00000001', oldest)).toBeNull();
    expect(await store.get('SP00000001', kept)).not.toBeNull();
    now = new Date(NOW.getTime() + RESOLUTION_PHOTO_TTL_DAYS * 86_400_000);
    expect(await store.get('SP00000001', kept)).toBeNull();
  });

  it('on Redis: each photo expires with the retention period', async () => {
    const redis = testRedis();
    const prefix = uniquePrefix('resolution-photos-ttl');
    try {
      const id = await new RedisResolutionPhotoStore(redis, prefix).put('SP00000001', PHOTO);
      const ttl = await redis.ttl(`${prefix}SP00000001:${id}`);
      expect(ttl).toBeGreaterThan(RESOLUTION_PHOTO_TTL_DAYS * 86_400 - 60);
      expect(ttl).toBeLessThanOrEqual(RESOLUTION_PHOTO_TTL_DAYS * 86_400);
    } finally {
      await removeKeys(redis, prefix);
      redis.disconnect();
    }
  });
});
