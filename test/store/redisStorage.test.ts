import { RedisStorage } from '../../src/store/redisStorage';
import { removeKeys, testRedis, uniquePrefix } from '../support/redis';

describe('RedisStorage', () => {
  const redis = testRedis();
  const prefix = uniquePrefix('storage-ttl');
  afterAll(async () => {
    await removeKeys(redis, prefix);
    redis.disconnect();
  });

  it('lets idle state expire, counting from the last write', async () => {
    const storage = new RedisStorage({ redis, prefix, idleTtlSeconds: 3600 });
    await storage.write({ conversation: { n: 1 } });
    const ttl = await redis.ttl(`${prefix}conversation`);
    expect(ttl).toBeGreaterThan(3500);
    expect(ttl).toBeLessThanOrEqual(3600);
  });

  it('keeps state for ever without a TTL', async () => {
    const storage = new RedisStorage({ redis, prefix });
    await storage.write({ user: { language: 'hi' } });
    expect(await redis.ttl(`${prefix}user`)).toBe(-1);
  });

  it('keeps every key under its prefix', async () => {
    const storage = new RedisStorage({ redis, prefix });
    await storage.write({ 'emulator/users/u1': { language: 'en' } });
    expect(await redis.exists(`${prefix}emulator/users/u1`)).toBe(1);
  });
});
