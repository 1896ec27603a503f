import { setTimeout as sleep } from 'node:timers/promises';
import { RedisTurnLock } from '../../src/turns/redisTurnLock';
import { TurnLockTimeoutError } from '../../src/turns/turnLock';
import { removeKeys, testRedis, uniquePrefix } from '../support/redis';

describe('RedisTurnLock', () => {
  const redis = testRedis();
  const prefix = uniquePrefix('turn-lock-lease');
  afterAll(async () => {
    await removeKeys(redis, prefix);
    redis.disconnect();
  });

  it('takes over a lock whose holder died once its lease runs out', async () => {
    await redis.set(`${prefix}crashed`, 'token-of-a-dead-instance', 'PX', 150);
    const lock = new RedisTurnLock({ redis, prefix, waitMs: 2000 });
    const started = Date.now();
    await expect(lock.runExclusive('crashed', async () => 'ran')).resolves.toBe('ran');
    expect(Date.now() - started).toBeGreaterThanOrEqual(100);
  });

  it('gives up after the wait and does not run the turn', async () => {
    await redis.set(`${prefix}held`, 'someone-else', 'PX', 5000);
    const lock = new RedisTurnLock({ redis, prefix, waitMs: 100 });
    let ran = false;
    await expect(
      lock.runExclusive('held', async () => {
        ran = true;
      }),
    ).rejects.toBeInstanceOf(TurnLockTimeoutError);
    expect(ran).toBe(false);
  });

  it('renews its lease while a long turn runs, so nobody else gets in', async () => {
    // The long turn outlasts its lease three times over, renewed every 200 ms; a lease this long
    // survives the event-loop stalls of a loaded 2-core machine, which a 90 ms one did not.
    const first = new RedisTurnLock({ redis, prefix, leaseMs: 600 });
    const second = new RedisTurnLock({ redis, prefix, leaseMs: 600, waitMs: 5000 });
    const order: string[] = [];
    const long = first.runExclusive('long', async () => {
      order.push('long start');
      await sleep(1800);
      order.push('long end');
    });
    await sleep(20);
    await second.runExclusive('long', async () => {
      order.push('second');
    });
    await long;
    expect(order).toEqual(['long start', 'long end', 'second']);
  });

  it('releases only its own lock', async () => {
    const lock = new RedisTurnLock({ redis, prefix });
    await lock.runExclusive('mine', async () => {
      // Simulate the lease having expired and another instance having taken the key.
      await redis.set(`${prefix}mine`, 'another-instance', 'PX', 5000);
    });
    expect(await redis.get(`${prefix}mine`)).toBe('another-instance');
  });
});
