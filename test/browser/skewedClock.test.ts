import type { Browser, BrowserContext, Page } from 'playwright-core';
import { hashPassword } from '../../src/auth/passwordHash';
import { startWebChatServer, type RunningWebChat } from '../channels/directline/webChatServer';
import { daytimeClock } from '../support/clock';
import { launchChromium, recordProblems } from './support/chromium';
import { botHasSaid, typeInWebChat } from './support/webChatStore';

const DAY_MS = 86_400_000;

/**
 * Phones and office PCs with a wrong date are common; the pages time their sessions by the device's
 * own clock from the lifetime the server gives, never by comparing the server's times with it.
 */
describe.each([
  ['a day behind', -DAY_MS],
  ['a day ahead of', DAY_MS],
])('pages on a device whose clock is %s the server', (_how, skewMs) => {
  let browser: Browser;
  let running: RunningWebChat;
  const problems: string[] = [];

  beforeAll(async () => {
    running = await startWebChatServer({
      staff: [{ username: 'asha', name: 'Asha Kumari', role: 'agent', passwordHash: await hashPassword('asha-pass') }],
    });
    browser = await launchChromium();
  }, 30_000);

  afterAll(async () => {
    await browser?.close();
    await running?.close();
  });

  /** A browser context whose clock reads the server's time shifted by the skew, and runs on from there. */
  async function skewedContext(): Promise<BrowserContext> {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    context.setDefaultTimeout(15_000);
    await context.clock.install({ time: daytimeClock().getTime() + skewMs });
    return context;
  }

  async function open(context: BrowserContext, url: string): Promise<Page> {
    const page = await context.newPage();
    recordProblems(page, problems);
    await page.goto(url);
    return page;
  }

  it('a staff member signs in and stays signed in, across a reload and half an hour', async () => {
    const context = await skewedContext();
    const page = await open(context, `${running.url}/agent`);
    await page.locator('#staff-username').fill('asha');
    await page.locator('#staff-password').fill('asha-pass');
    await page.locator('.staff-sign-in button[type="submit"]').click();
    await page.locator('[data-testid="staff-who"]').filter({ hasText: 'Asha Kumari' }).waitFor();

    await page.reload();
    await page.locator('[data-testid="staff-who"]').filter({ hasText: 'Asha Kumari' }).waitFor();
    await context.clock.fastForward(30 * 60_000);
    await page.reload();
    await page.locator('#agent-work').waitFor();
    expect(await page.locator('#staff-username').count()).toBe(0);
    await context.close();
  }, 60_000);

  it('a web chat reload resumes its conversation', async () => {
    const context = await skewedContext();
    const page = await open(context, `${running.url}/`);
    await page.locator('[data-language="en"]').click();
    await botHasSaid(page, 'Namaste! I am Sampark');
    await typeInWebChat(page, 'check balance for 101000001');
    await botHasSaid(page, 'Balance: ₹842.50');

    await page.reload();
    await botHasSaid(page, 'Balance: ₹842.50');
    expect(await page.locator('#sampark-picker').isHidden()).toBe(true);
    await typeInWebChat(page, 'check balance for 101000001');
    await botHasSaid(page, 'Balance: ₹842.50', 2);
    await context.close();
  }, 60_000);

  it('logged no script errors', () => {
    expect(problems).toEqual([]);
  });
});
