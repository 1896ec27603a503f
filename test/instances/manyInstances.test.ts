import { SimulatedMeterBackend } from '../../src/backend/simulator/simulatedMeterBackend';
import { RedisStorage } from '../../src/store/redisStorage';
import { RedisTurnLock } from '../../src/turns/redisTurnLock';
import { TEST_NOW, TEST_OTP, TestConversation } from '../support/conversation';
import { removeKeys, testRedis, uniquePrefix } from '../support/redis';

/**
 * Several Sampark instances on one Redis, as behind a load balancer: each TestConversation is an
 * instance with its own process memory, sharing only Redis and the (external) meter backend.
 */
describe('many instances on one Redis', () => {
  const redis = testRedis();
  const prefix = uniquePrefix('instances');
  afterAll(async () => {
    await removeKeys(redis, prefix);
    redis.disconnect();
  });

  const backend = new SimulatedMeterBackend({ now: () => TEST_NOW, otpGenerator: () => TEST_OTP });
  const instance = (run: string) =>
    TestConversation.start({
      backend,
      storage: new RedisStorage({ redis, prefix: `${prefix}${run}:state:` }),
      turnLock: new RedisTurnLock({ redis, prefix: `${prefix}${run}:lock:` }),
    });

  it('carries one conversation through two instances taken alternately', async () => {
    const [a, b] = await Promise.all([instance('alternate'), instance('alternate')]);
    await a!.play([['user', 'mobile number badalna hai'], ['bot', 'उपभोक्ता संख्या']]);
    await b!.play([['user', '101000008'], ['bot', 'कोई मोबाइल नंबर पंजीकृत नहीं']]);
    await a!.play([['user', '9123456700'], ['bot', 'मीटर संख्या']]);
    // 101000008's meter number and last recharge: the proof of a change with no registered mobile.
    await b!.play([['user', 'LT22N0811390'], ['bot', 'पिछला रिचार्ज']]);
    await a!.play([['user', '500'], ['bot', 'OTP भेजा है']]);
    await b!.play([['user', TEST_OTP], ['bot', '******6700']]);
  });

  it('runs a burst of messages at six instances one turn at a time, each answered once', async () => {
    const instances = await Promise.all(Array.from({ length: 6 }, () => instance('burst')));
    await instances[0]!.play([['user', 'check my balance'], ['bot', 'consumer number']]);
    const replies = await Promise.all(instances.map((conversation) => conversation.say('10100A001')));

    // Every message got its own answer.
    expect(replies.every((turn) => turn.length > 0)).toBe(true);
    // Six wrong answers taken strictly one after another: two "only digits", the third ends the
    // question, and the rest fall to the menu. Interleaved turns would each start from the same
    // saved state (the question open, no failures yet) and all six would say "only digits".
    const all = replies.flat().join('\n');
    const count = (fragment: string) => all.split(fragment).length - 1;
    expect(count('only digits, no letters')).toBe(2);
    expect(count('Let us stop this for now')).toBe(1);
  });
});
