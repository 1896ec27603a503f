import { FakeGraphServer, textOf } from './fakeGraphServer';
import { startWhatsApp, type RunningWhatsApp } from './whatsAppHarness';
import { newWamid, postWebhook, RAMESH, text, webhookOf } from './webhookClient';
import { removeKeys, testRedis, uniquePrefix } from '../../support/redis';

const ASHA = '919811100004';

/** Two or more instances on the machine's Redis, behind an imaginary load balancer, sharing one Graph API. */
describe('WhatsApp on Redis with several instances', () => {
  const redis = testRedis();
  let fake: FakeGraphServer;
  let prefix: string;
  const running: RunningWhatsApp[] = [];
  const instance = async (options: { runJobs?: boolean } = {}) => {
    const started = await startWhatsApp({ fake, redis: { client: redis, prefix }, ...options });
    running.push(started);
    return started;
  };
  const quiet = () => Promise.all(running.map((item) => item.quiet()));
  const repliesTo = (address: string) => fake.sent.filter((sent) => sent.address === address).map(textOf);

  beforeEach(async () => {
    fake = await FakeGraphServer.start();
    prefix = uniquePrefix('whatsapp');
  });
  afterEach(async () => {
    for (const item of running.splice(0)) await item.close();
    await fake.close();
    await removeKeys(redis, prefix);
    expect(fake.invalid).toEqual([]);
  });
  afterAll(() => redis.disconnect());

  it('answers the same wamid delivered to two instances at once exactly once', async () => {
    const [a, b] = [await instance(), await instance()];
    const duplicate = webhookOf([text(ASHA, 'check my balance', { id: newWamid() })]);
    const responses = await Promise.all([postWebhook(a.url, duplicate), postWebhook(b.url, duplicate), postWebhook(a.url, duplicate), postWebhook(b.url, duplicate)]);
    expect(responses.map((response) => response.status)).toEqual([200, 200, 200, 200]);
    await quiet();
    expect(repliesTo(ASHA)).toHaveLength(1);
    // Minutes later, to the other instance: still nothing more.
    expect((await postWebhook(b.url, duplicate)).status).toBe(200);
    await quiet();
    expect(repliesTo(ASHA)).toHaveLength(1);
  });

  it('carries one conversation over two instances taken alternately, in order', async () => {
    const [a, b] = [await instance(), await instance()];
    const steps: Array<[RunningWhatsApp, string]> = [[a, 'मेरा बैलेंस कितना है'], [b, 'दूसरा नंबर'], [a, '101000004']];
    for (const [target, words] of steps) {
      expect((await postWebhook(target.url, webhookOf([text(RAMESH, words)]))).status).toBe(200);
      await quiet();
    }
    const replies = repliesTo(RAMESH);
    expect(replies).toHaveLength(3);
    expect(replies[2]).toContain('उपभोक्ता संख्या 101000004');
  });

  it('processes a message acknowledged by an instance that died before running it', async () => {
    const dying = await instance({ runJobs: false });
    expect((await postWebhook(dying.url, webhookOf([text(ASHA, 'check my balance')]))).status).toBe(200);
    running.splice(running.indexOf(dying), 1);
    await dying.close();
    expect(fake.sent).toHaveLength(0);
    await instance();
    await fake.waitForSent(1);
    expect(repliesTo(ASHA)[0]).toContain('consumer number');
  });
});
