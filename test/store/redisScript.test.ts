import { createHash, randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import { RedisScript } from '../../src/store/redisScript';
import { removeKeys, testRedis, uniquePrefix } from '../support/redis';

describe('a Lua script run by its SHA', () => {
  let redis: Redis;
  const prefix = uniquePrefix('script');
  beforeAll(() => {
    redis = testRedis();
  });
  afterAll(async () => {
    await removeKeys(redis, prefix);
    redis.disconnect();
  });

  const known = async (source: string) =>
    ((await redis.script('EXISTS', createHash('sha1').update(source).digest('hex'))) as number[])[0] === 1;

  it('is sent whole the first time Redis meets it, and runs by its SHA after', async () => {
    // A script this Redis cannot have seen: its text is new.
    const source = `-- ${randomUUID()}\nreturn redis.call('INCRBY', KEYS[1], ARGV[1])`;
    const script = new RedisScript(source);
    expect(await known(source)).toBe(false);
    expect(await script.run(redis, [`${prefix}counter`], [2])).toBe(2);
    expect(await known(source)).toBe(true);
    expect(await script.run(redis, [`${prefix}counter`], [3])).toBe(5);
  });

  it('passes the script\'s own errors on instead of retrying them', async () => {
    const failing = new RedisScript(`-- ${randomUUID()}\nreturn redis.error_reply('WRONG the ticket is gone')`);
    await expect(failing.run(redis, [`${prefix}x`])).rejects.toThrow('WRONG the ticket is gone');
  });
});
