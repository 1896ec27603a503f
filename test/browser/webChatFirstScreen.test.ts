import type { Browser, BrowserContext, Page, Route } from 'playwright-core';
import { startWebChatServer, type RunningWebChat } from '../channels/directline/webChatServer';
import { launchChromium, recordProblems } from './support/chromium';
import { botHasSaid, typeInWebChat } from './support/webChatStore';

/** Whether the element with keyboard focus is Web Chat's send box. */
function sendBoxHasFocus(page: Page): Promise<boolean> {
  return page.evaluate(() => {
    const focused = (globalThis as unknown as { document: { activeElement: { getAttribute(name: string): string | null } | null } }).document.activeElement;
    return focused?.getAttribute('data-id') === 'webchat-sendbox-input';
  });
}

describe('the web chat page before and after Web Chat arrives', () => {
  let browser: Browser;
  let running: RunningWebChat;
  const problems: string[] = [];

  beforeAll(async () => {
    running = await startWebChatServer();
    browser = await launchChromium();
  }, 30_000);

  afterAll(async () => {
    await browser?.close();
    await running?.close();
  });

  async function phone(locale: string): Promise<{ context: BrowserContext; page: Page }> {
    const context = await browser.newContext({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true, locale });
    context.setDefaultTimeout(20_000);
    const page = await context.newPage();
    recordProblems(page, problems);
    return { context, page };
  }

  it('on a Hindi phone, the first screen answers by itself while Web Chat is still on its way, then Web Chat takes the conversation over', async () => {
    const { context, page } = await phone('hi-IN');
    // Web Chat is held back, as on 2G where it takes many seconds to arrive.
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route(/\/webchat\/webchat\.[0-9a-f]+\.js$/, async (route: Route) => {
      await held;
      await route.continue();
    });
    await page.goto(`${running.url}/`, { waitUntil: 'domcontentloaded' });

    expect(await page.locator('html').getAttribute('lang')).toBe('hi');
    await page.locator('#sampark-greeting', { hasText: 'नमस्ते! मैं संपर्क हूँ' }).waitFor();
    expect(await page.locator('#sampark-loading').isVisible()).toBe(true);
    expect(await page.locator('[data-language="hi"]').getAttribute('aria-pressed')).toBe('true');

    await page.locator('.sampark-choice', { hasText: 'बैलेंस और मीटर स्थिति' }).click();
    await page.locator('.sampark-bubble--bot', { hasText: 'उपभोक्ता संख्या' }).waitFor();
    expect(await page.evaluate(() => (globalThis as unknown as { document: { activeElement: { id: string } } }).document.activeElement.id)).toBe('sampark-send-input');
    await page.locator('#sampark-send-input').fill('101000001');
    await page.locator('#sampark-send-input').press('Enter');
    await page.locator('.sampark-bubble--bot', { hasText: 'बैलेंस: ₹842.50' }).waitFor();

    // Something typed and not yet sent goes with the visitor into Web Chat's send box.
    await page.locator('#sampark-send-input').fill('धन्यवाद');
    release();
    await page.locator('[data-id="webchat-sendbox-input"]').waitFor({ state: 'visible' });
    await botHasSaid(page, 'बैलेंस: ₹842.50');
    expect(await page.locator('#sampark-first').isHidden()).toBe(true);
    expect(await page.locator('[data-id="webchat-sendbox-input"]').inputValue()).toBe('धन्यवाद');
    await context.close();
  }, 60_000);

  it('follows the conversation into English and back, with the focus in the send box after every choice', async () => {
    const { context, page } = await phone('hi-IN');
    await page.goto(`${running.url}/`);
    await page.locator('[data-id="webchat-sendbox-input"]').waitFor({ state: 'visible' });
    expect(await page.locator('[data-id="webchat-sendbox-input"]').getAttribute('placeholder')).toBe('अपना संदेश लिखें');

    await typeInWebChat(page, 'English please');
    await botHasSaid(page, 'I will talk to you in English');
    await page.locator('html[lang="en"]').waitFor({ state: 'attached' });
    expect(await page.locator('#sampark-title').textContent()).toBe('SBPDCL smart meter help');
    expect(await page.locator('[data-language="en"]').getAttribute('aria-pressed')).toBe('true');
    await page.locator('[data-id="webchat-sendbox-input"][placeholder="Type your message"]').waitFor();

    await page.locator('.webchat__suggested-action', { hasText: 'Menu' }).last().click();
    await page.locator('.webchat__suggested-action', { hasText: 'Balance and meter status' }).last().waitFor();
    expect(await sendBoxHasFocus(page)).toBe(true);

    // The language control stays in the header; a choice there is said to the bot and the page follows.
    await page.locator('[data-language="hi"]').click();
    await botHasSaid(page, 'अब मैं आपसे हिंदी में बात करूँगा');
    expect(await page.locator('#sampark-title').textContent()).toBe('SBPDCL स्मार्ट मीटर सहायता');
    await page.locator('[data-id="webchat-sendbox-input"][placeholder="अपना संदेश लिखें"]').waitFor();
    expect(await sendBoxHasFocus(page)).toBe(true);
    await context.close();
  }, 60_000);

  it('logged no script errors', () => {
    expect(problems).toEqual([]);
  });
});
