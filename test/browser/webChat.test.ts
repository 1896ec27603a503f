import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import type { MeterBackend } from '../../src/backend/meterBackend';
import { SimulatedMeterBackend } from '../../src/backend/simulator/simulatedMeterBackend';
import { projectRoot } from '../../src/projectRoot';
import { startWebChatServer, type RunningWebChat } from '../channels/directline/webChatServer';

const CHROMIUM = '/usr/bin/chromium';
const SCREENSHOTS = path.join(projectRoot(), 'test-output', 'webchat');

/** What the page exposes for this test: Web Chat's own redux store. */
interface PageGlobals {
  sampark: {
    store: {
      getState(): {
        activities: Array<{ type: string; text?: string; from: { role?: string }; channelData?: Record<string, unknown> }>;
      };
    };
  };
}

/** The simulator, slowed so the balance lookup shows Web Chat's typing indicator. */
function slowBackend(): MeterBackend {
  const backend = new SimulatedMeterBackend({ now: () => new Date() });
  const getMeterStatus = backend.getMeterStatus.bind(backend);
  backend.getMeterStatus = async (caNumber: string) => {
    await new Promise((resolve) => setTimeout(resolve, 1200));
    return getMeterStatus(caNumber);
  };
  return backend;
}

/** What the bot has said so far, for a failure message. */
async function botTexts(page: Page): Promise<string> {
  const texts = await page.evaluate(() =>
    (globalThis as unknown as PageGlobals).sampark.store
      .getState()
      .activities.filter((activity) => activity.type === 'message')
      .map((activity) => `${activity.from.role ?? '?'}: ${activity.text ?? ''}`),
  );
  return texts.join('\n');
}

/** Waits, in Web Chat's store, until the bot has said `fragment` at least `count` times. */
async function botHasSaid(page: Page, fragment: string, count = 1): Promise<void> {
  await page
    .waitForFunction(
      ({ fragment, count }) =>
        (globalThis as unknown as PageGlobals).sampark.store
          .getState()
          .activities.filter((activity) => activity.type === 'message' && activity.from.role === 'bot' && (activity.text ?? '').includes(fragment))
          .length >= count,
      { fragment, count },
    )
    .catch(async (error: Error) => {
      throw new Error(`the bot did not say "${fragment}" (${count}×): ${error.message}\nthe transcript so far:\n${await botTexts(page)}`);
    });
}

/** Waits until Web Chat has seen its message echoed back by the server (otherwise it shows "Send failed"). */
async function sentAndEchoed(page: Page, text: string): Promise<void> {
  await page.waitForFunction(
    (text) =>
      (globalThis as unknown as PageGlobals).sampark.store
        .getState()
        .activities.some(
          (activity) => activity.from.role === 'user' && activity.text === text && activity.channelData?.['webchat:send-status'] === 'sent',
        ),
    text,
  );
}

async function type(page: Page, text: string): Promise<void> {
  const input = page.locator('[data-id="webchat-sendbox-input"]');
  await input.fill(text);
  await input.press('Enter');
  await sentAndEchoed(page, text);
}

async function clickSuggestedAction(page: Page, title: string): Promise<void> {
  await page.locator('.webchat__suggested-action', { hasText: title }).last().click();
  await sentAndEchoed(page, title);
}

/** A screenshot once the transcript has scrolled to its newest activity. */
async function screenshot(page: Page, name: string): Promise<void> {
  const newest = page.locator('.webchat__basic-transcript__activity').last();
  if ((await newest.count()) > 0) await newest.scrollIntoViewIfNeeded();
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: false });
}

describe('the web chat page in Chromium', () => {
  let browser: Browser;
  let running: RunningWebChat;
  const problems: string[] = [];

  beforeAll(async () => {
    if (!fs.existsSync(CHROMIUM)) {
      throw new Error(`Chromium is missing at ${CHROMIUM}: install Debian's package (apt-get install -y chromium); .ci/run installs it`);
    }
    fs.mkdirSync(SCREENSHOTS, { recursive: true });
    running = await startWebChatServer({ ports: { backend: slowBackend() }, env: { WEBCHAT_DISCOM_NAME: 'SBPDCL' } });
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
    });
  }, 30_000);

  afterAll(async () => {
    await browser?.close();
    await running?.close();
  });

  async function open(context: BrowserContext): Promise<Page> {
    // Fail with a message well before jest's timeout.
    context.setDefaultTimeout(15_000);
    const page = await context.newPage();
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(`console: ${message.text()}`);
    });
    page.on('pageerror', (error) => problems.push(`page: ${error.message}`));
    await page.goto(`${running.url}/`);
    return page;
  }

  it('in Hindi on a phone: balance by typing, a suggested action, the answer in Devanagari with ₹ in Indian grouping', async () => {
    const t = running.sampark.translator.forLanguage('hi');
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true });
    const page = await open(context);
    await page.locator('[data-language="hi"]').waitFor();
    await screenshot(page, 'hi-1-language-picker');

    await page.locator('[data-language="hi"]').click();
    await page.locator('[data-id="webchat-sendbox-input"]').waitFor();
    await botHasSaid(page, 'नमस्ते! मैं संपर्क हूँ');
    expect(await page.locator('.sampark-title').textContent()).toBe('SBPDCL स्मार्ट मीटर सहायता');

    await type(page, 'मेरा बैलेंस कितना है');
    await botHasSaid(page, 'उपभोक्ता संख्या');
    await page.locator('[data-id="webchat-sendbox-input"]').fill('101000001');
    await page.locator('[data-id="webchat-sendbox-input"]').press('Enter');
    // The lookup takes a moment: Web Chat shows the bot typing until the answer arrives.
    await page.locator('.webchat__typing-indicator').waitFor();
    await botHasSaid(page, 'बैलेंस: ₹842.50');
    await page.locator('.webchat__bubble__content', { hasText: 'बैलेंस: ₹842.50' }).waitFor();
    await screenshot(page, 'hi-2-balance');

    await clickSuggestedAction(page, t('common.menu'));
    await clickSuggestedAction(page, t('menu.item.check_balance'));
    await botHasSaid(page, 'बैलेंस: ₹842.50', 2);
    await page.locator('.webchat__bubble__content', { hasText: 'पिछला रिचार्ज: ₹1,000.00' }).last().waitFor();
    await screenshot(page, 'hi-3-after-suggested-action');

    const fitsThePhone = await page.evaluate(() => {
      const root = (globalThis as unknown as { document: { documentElement: { scrollWidth: number; clientWidth: number } } }).document.documentElement;
      return root.scrollWidth <= root.clientWidth;
    });
    expect(fitsThePhone).toBe(true);
    await context.close();
  }, 60_000);

  it('in English, and a reload resumes the same conversation from session storage', async () => {
    const t = running.sampark.translator.forLanguage('en');
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await open(context);
    await page.locator('[data-language="en"]').click();
    await botHasSaid(page, 'Namaste! I am Sampark');

    await type(page, 'what is my balance');
    await botHasSaid(page, 'consumer number');
    await type(page, '101000001');
    await botHasSaid(page, 'Balance: ₹842.50');
    await clickSuggestedAction(page, t('common.menu'));
    await clickSuggestedAction(page, t('menu.item.check_balance'));
    await botHasSaid(page, 'Balance: ₹842.50', 2);
    await page.locator('.webchat__bubble__content', { hasText: 'Last recharge: ₹1,000.00' }).last().waitFor();
    await screenshot(page, 'en-1-balance');

    await page.reload();
    await botHasSaid(page, 'Balance: ₹842.50', 2);
    expect(await page.locator('#sampark-picker').isHidden()).toBe(true);
    await type(page, 'menu');
    await botHasSaid(page, t('menu.item.recharge_not_credited'), 1);
    await screenshot(page, 'en-2-resumed-after-reload');
    await context.close();
  }, 60_000);

  it('logged no script or security-policy errors', () => {
    expect(problems).toEqual([]);
  });
});
