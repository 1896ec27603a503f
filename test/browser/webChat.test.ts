import fs from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { MeterBackend } from '../../src/backend/meterBackend';
import { SimulatedMeterBackend } from '../../src/backend/simulator/simulatedMeterBackend';
import { projectRoot } from '../../src/projectRoot';
import { startWebChatServer, type RunningWebChat } from '../channels/directline/webChatServer';
import { launchChromium, recordProblems } from './support/chromium';
import { botHasSaid, sentAndEchoed, typeInWebChat } from './support/webChatStore';
import { daytimeClock } from '../support/clock';

const SCREENSHOTS = path.join(projectRoot(), 'test-output', 'webchat');

/** The simulator, slowed so the balance lookup shows Web Chat's typing indicator. */
function slowBackend(): MeterBackend {
  const backend = new SimulatedMeterBackend({ now: daytimeClock });
  const getMeterStatus = backend.getMeterStatus.bind(backend);
  backend.getMeterStatus = async (caNumber: string) => {
    await new Promise((resolve) => setTimeout(resolve, 1200));
    return getMeterStatus(caNumber);
  };
  return backend;
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
    fs.mkdirSync(SCREENSHOTS, { recursive: true });
    running = await startWebChatServer({ ports: { backend: slowBackend() }, env: { WEBCHAT_DISCOM_NAME: 'SBPDCL' } });
    browser = await launchChromium();
  }, 30_000);

  afterAll(async () => {
    await browser?.close();
    await running?.close();
  });

  async function open(context: BrowserContext): Promise<Page> {
    // Fail with a message well before jest's timeout.
    context.setDefaultTimeout(15_000);
    const page = await context.newPage();
    recordProblems(page, problems);
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

    await typeInWebChat(page, 'मेरा बैलेंस कितना है');
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

    await typeInWebChat(page, 'what is my balance');
    await botHasSaid(page, 'consumer number');
    await typeInWebChat(page, '101000001');
    await botHasSaid(page, 'Balance: ₹842.50');
    await clickSuggestedAction(page, t('common.menu'));
    await clickSuggestedAction(page, t('menu.item.check_balance'));
    await botHasSaid(page, 'Balance: ₹842.50', 2);
    await page.locator('.webchat__bubble__content', { hasText: 'Last recharge: ₹1,000.00' }).last().waitFor();
    await screenshot(page, 'en-1-balance');

    await page.reload();
    await botHasSaid(page, 'Balance: ₹842.50', 2);
    expect(await page.locator('#sampark-picker').isHidden()).toBe(true);
    await typeInWebChat(page, 'menu');
    await page.locator('.webchat__suggested-action', { hasText: t('menu.item.recharge_not_credited') }).last().waitFor();
    await screenshot(page, 'en-2-resumed-after-reload');
    await context.close();
  }, 60_000);

  it('logged no script or security-policy errors', () => {
    expect(problems).toEqual([]);
  });
});
