import fs from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { loadStaffSettings } from '../../src/auth/staffSettings';
import { silentLogger } from '../../src/log/logger';
import { projectRoot } from '../../src/projectRoot';
import { startWebChatServer, type RunningWebChat } from '../channels/directline/webChatServer';
import { callBackRequest } from '../handoff/callBacks/callBackStore.contract';
import { daytimeClock } from '../support/clock';
import { LOCAL_DEMO } from '../support/localDemo';
import { launchChromium, recordProblems } from './support/chromium';

const SCREENSHOTS = path.join(projectRoot(), 'test-output', 'ops');

describe('the desk now on the /ops page in Chromium', () => {
  let browser: Browser;
  let running: RunningWebChat;
  const problems: string[] = [];

  beforeAll(async () => {
    fs.mkdirSync(SCREENSHOTS, { recursive: true });
    const { accounts } = loadStaffSettings({}, LOCAL_DEMO, silentLogger());
    running = await startWebChatServer({ staff: accounts });
    browser = await launchChromium();
  }, 30_000);

  afterAll(async () => {
    await browser?.close();
    await running?.close();
  });

  it('shows a supervisor on a phone who waits, who answers, the call-backs owed and the open backlog, in Hindi', async () => {
    const requestedAt = new Date(daytimeClock().getTime() - 7 * 60_000).toISOString();
    await running.sampark.handoff.enqueue({
      conversationId: 'desk-ill',
      channel: 'whatsapp',
      language: 'hi',
      reason: 'consumer_asked',
      caNumber: null,
      lastIntent: null,
      requestedAt,
      urgent: true,
    });
    await running.sampark.callBacks.request(callBackRequest('desk-call', { dueAt: daytimeClock().toISOString() }));
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, locale: 'hi-IN' });
    context.setDefaultTimeout(15_000);
    const page = await context.newPage();
    recordProblems(page, problems);
    await page.goto(`${running.url}/ops`);
    await page.locator('#staff-username').fill('supervisor1');
    await page.locator('#staff-password').fill('supervisor1-demo');
    await page.locator('.staff-sign-in button[type="submit"]').click();
    await page.locator('[data-language="hi"]').click();
    await page.locator('#ops-desk-title', { hasText: 'अभी डेस्क की स्थिति' }).waitFor();
    expect(await page.locator('[data-testid="desk-waiting"]').textContent()).toBe('1');
    expect(await page.locator('[data-figure="waiting"]').textContent()).toContain('अति आवश्यक: 1');
    expect(await page.locator('[data-testid="desk-longest"]').textContent()).toMatch(/^\d+ मिनट$/);
    expect(await page.locator('[data-testid="desk-callBacks"]').textContent()).toBe('1');
    await page.locator('[data-testid="desk-complaints"] caption', { hasText: 'खुली शिकायतें' }).waitFor();
    const sideways = await page.evaluate(() => {
      const root = (globalThis as unknown as { document: { documentElement: { scrollWidth: number; clientWidth: number } } }).document.documentElement;
      return root.scrollWidth - root.clientWidth;
    });
    expect(sideways).toBe(0);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'ops-desk-phone.png'), fullPage: true });
  }, 60_000);

  it('logged no script or security-policy errors', () => {
    expect(problems).toEqual([]);
  });
});
