import type { AddressInfo } from 'node:net';
import type { Browser, Page } from 'playwright-core';
import { TEST_TOKEN_SECRET, startWebChatServer, type RunningWebChat, type WebChatServerOptions } from '../channels/directline/webChatServer';
import { redisStores } from '../channels/directline/redisStores';
import { removeKeys, testRedis, uniquePrefix } from '../support/redis';
import { launchChromium, recordProblems } from './support/chromium';
import { botHasSaid, botTexts, typeInWebChat } from './support/webChatStore';

/** What a server restarted in place starts with: a new process, and whatever the deployment keeps. */
const ANOTHER_PROCESS_SECRET = 'another-process-signs-with-another-secret-0123456789';

describe('the web chat through a server restart', () => {
  let browser: Browser;
  let running: RunningWebChat | null = null;
  const problems: string[] = [];
  const prefix = uniquePrefix('webchat-restart');

  beforeAll(async () => {
    browser = await launchChromium();
  }, 30_000);

  afterEach(async () => {
    await running?.close();
    running = null;
  });

  afterAll(async () => {
    await browser?.close();
    const redis = testRedis();
    await removeKeys(redis, prefix);
    redis.disconnect();
  });

  /** Stops the server and starts another on the same port, as a deployment restarts its process. */
  async function restart(options: WebChatServerOptions): Promise<void> {
    const { port } = running!.server.address() as AddressInfo;
    await running!.close();
    running = await startWebChatServer({ ...options, port });
  }

  /** A phone with the chat open in Hindi, a balance asked and answered. */
  async function chatOpenInHindi(): Promise<Page> {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    context.setDefaultTimeout(20_000);
    const page = await context.newPage();
    recordProblems(page, problems);
    await page.goto(`${running!.url}/`);
    await page.locator('[data-language="hi"]').click();
    await botHasSaid(page, 'नमस्ते! मैं संपर्क हूँ');
    await typeInWebChat(page, '101000001 ka balance');
    await botHasSaid(page, 'बैलेंस: ₹842.50');
    return page;
  }

  it('without Redis: after a reload the refused token gives way to a new conversation in Hindi, said in one line, and the chat goes on', async () => {
    running = await startWebChatServer();
    const page = await chatOpenInHindi();
    const t = running.sampark.translator.forLanguage('hi');

    await restart({ env: { DIRECTLINE_TOKEN_SECRET: ANOTHER_PROCESS_SECRET } });
    await page.reload();
    await botHasSaid(page, 'नमस्ते! मैं संपर्क हूँ');
    expect(await page.locator('#sampark-notice').textContent()).toBe(t('webChat.restarted'));
    expect(await page.locator('#sampark-picker').isHidden()).toBe(true);
    await typeInWebChat(page, '101000001 ka balance');
    await botHasSaid(page, 'बैलेंस: ₹842.50');
    await page.context().close();
  }, 90_000);

  it('without Redis but with a shared secret: the token holds, the forgotten conversation gives way to a new one', async () => {
    running = await startWebChatServer();
    const page = await chatOpenInHindi();

    await restart({});
    await page.reload();
    await botHasSaid(page, 'नमस्ते! मैं संपर्क हूँ');
    await page.locator('#sampark-notice').filter({ hasText: 'नई बातचीत शुरू की गई है' }).waitFor();
    expect((await botTexts(page)).some((text) => text.includes('₹842.50'))).toBe(false);
    await typeInWebChat(page, '101000001 ka balance');
    await botHasSaid(page, 'बैलेंस: ₹842.50');
    await page.context().close();
  }, 90_000);

  it('with Redis: a reload resumes the same conversation where Redis kept it, with nothing to announce', async () => {
    running = await startWebChatServer({ stores: (await redisStores(prefix)).stores, env: { DIRECTLINE_TOKEN_SECRET: TEST_TOKEN_SECRET } });
    const page = await chatOpenInHindi();

    await restart({ stores: (await redisStores(prefix)).stores });
    await page.reload();
    await botHasSaid(page, 'बैलेंस: ₹842.50');
    expect(await page.locator('#sampark-notice').isHidden()).toBe(true);
    await typeInWebChat(page, 'menu');
    await botHasSaid(page, 'नमस्ते! मैं संपर्क हूँ', 1);
    await botHasSaid(page, 'बैलेंस: ₹842.50', 1);
    await page.context().close();
  }, 90_000);

  it('with the chat left open: Web Chat loses the restarted server and the page puts a working conversation back by itself', async () => {
    running = await startWebChatServer();
    const page = await chatOpenInHindi();

    await restart({ env: { DIRECTLINE_TOKEN_SECRET: ANOTHER_PROCESS_SECRET } });
    await page.locator('#sampark-notice').filter({ hasText: 'नई बातचीत शुरू की गई है' }).waitFor({ timeout: 75_000 });
    await botHasSaid(page, 'नमस्ते! मैं संपर्क हूँ');
    await typeInWebChat(page, '101000001 ka balance');
    await botHasSaid(page, 'बैलेंस: ₹842.50');
    await page.context().close();
  }, 120_000);

  it('logged no script errors (the refused connection while down and the refusals that tell the page to start anew are expected)', () => {
    const refusals = /^console: (Failed to load resource: the server responded with a status of 40[34] |WebSocket connection to .* failed: .*ERR_CONNECTION_REFUSED$)/;
    expect(problems.filter((problem) => !refusals.test(problem))).toEqual([]);
  });
});
