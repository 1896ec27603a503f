import fs from 'node:fs';
import path from 'node:path';
import type { Activity } from 'botbuilder';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { loadStaffSettings } from '../../src/auth/staffSettings';
import { istDate } from '../../src/backend/simulator/indianTime';
import { silentLogger } from '../../src/log/logger';
import { projectRoot } from '../../src/projectRoot';
import { startWebChatServer, type RunningWebChat } from '../channels/directline/webChatServer';
import { TestConversation } from '../support/conversation';

const CHROMIUM = '/usr/bin/chromium';
const SCREENSHOTS = path.join(projectRoot(), 'test-output', 'ops');

/** A message in conversation `id`: the consumers of this test talk to the server's own bot. */
const inConversation = (id: string, text: string): Partial<Activity> => ({
  type: 'message',
  text,
  locale: 'en-IN',
  conversation: { id } as Activity['conversation'],
});

describe('the /ops page in Chromium', () => {
  let browser: Browser;
  let running: RunningWebChat;
  const problems: string[] = [];
  /**
   * The bot's clock: 11:30 IST of the browser's IST day, so the figures land on the day the page
   * shows first and agents are always in (their hours would otherwise depend on when the test runs).
   */
  const today = istDate(new Date());
  const clock = new Date(`${today}T06:00:00.000Z`);

  beforeAll(async () => {
    if (!fs.existsSync(CHROMIUM)) {
      throw new Error(`Chromium is missing at ${CHROMIUM}: install Debian's package (apt-get install -y chromium); .ci/run installs it`);
    }
    fs.mkdirSync(SCREENSHOTS, { recursive: true });
    const { accounts } = loadStaffSettings({}, '127.0.0.1', silentLogger());
    running = await startWebChatServer({ staff: accounts, ports: { now: () => clock } });
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
    context.setDefaultTimeout(15_000);
    const page = await context.newPage();
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(`console: ${message.text()}`);
    });
    page.on('pageerror', (error) => problems.push(`page: ${error.message}`));
    await page.goto(`${running.url}/ops`);
    return page;
  }

  async function signIn(page: Page, username: string): Promise<void> {
    await page.locator('#staff-username').fill(username);
    await page.locator('#staff-password').fill(`${username}-demo`);
    await page.locator('.staff-sign-in button[type="submit"]').click();
  }

  /** The text of one cell of the row `row` in table `table`. */
  function cell(page: Page, table: string, row: string, column: string) {
    return page.locator(`table[data-table="${table}"] tr[data-row="${row}"] td[data-column="${column}"]`);
  }

  it('shows a supervisor the day\'s conversations, containment, tickets and intents, and downloads a table as CSV', async () => {
    // Consumers talk to the bot first: one answered by the bot, one handed to an agent, one ticket.
    const consumers = TestConversation.over(running.sampark, 'en-IN');
    await consumers.play([
      ['user', inConversation('contained', 'what is my balance')],
      ['user', inConversation('contained', '101000001')],
      ['bot', 'Balance: ₹842.50'],
      ['user', inConversation('agent', 'I want to talk to a human agent')],
      ['bot', 'number 1 in the queue'],
      ['user', inConversation('ticket', 'money deducted but recharge not credited')],
      ['user', inConversation('ticket', '101000005')],
      ['user', inConversation('ticket', '412399999999')],
      ['bot', /Complaint number: SP-\d{4}-\d{4}/],
    ]);

    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
    const page = await open(context);
    await page.locator('[data-language="en"]').click();
    await signIn(page, 'supervisor1');
    await cell(page, 'days', today, 'conversations').waitFor();
    expect(await cell(page, 'days', today, 'conversations').textContent()).toBe('3');
    expect(await cell(page, 'days', today, 'containedByBot').textContent()).toBe('1');
    expect(await cell(page, 'days', today, 'containedShare').textContent()).toBe('33.3%');
    expect(await cell(page, 'days', today, 'handedToAgents').textContent()).toBe('1');
    expect(await cell(page, 'days', today, 'ticketsOpened').textContent()).toBe('1');
    const tickets = page.locator('table[data-table="tickets"] tbody tr');
    expect(await tickets.count()).toBe(1);
    expect(await tickets.first().textContent()).toContain('Payment not credited');
    expect(await page.locator('table[data-table="intents"]').textContent()).toContain('Talk to an agent');
    await page.screenshot({ path: path.join(SCREENSHOTS, 'en-1-daily-figures.png'), fullPage: true });

    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('button[data-csv="days"]').click()]);
    expect(download.suggestedFilename()).toMatch(/^sampark-days-\d{4}-\d{2}-\d{2}-\d{4}-\d{2}-\d{2}\.csv$/);
    const csv = fs.readFileSync(await download.path(), 'utf8').split('\r\n');
    expect(csv[0]).toBe('date,conversations,containedByBot,containedShare,handedToAgents,ticketsOpened,ticketsResolvedWithinSla');
    expect(csv).toContain(`${today},3,1,0.333,1,1,0`);
    // The token went in a header, never into an address the browser kept.
    expect(download.url()).toMatch(/^blob:/);

    await page.locator('[data-language="hi"]').click();
    expect(await page.locator('#ops-daily-title').textContent()).toBe('दैनिक आँकड़े');
    await page.screenshot({ path: path.join(SCREENSHOTS, 'hi-1-daily-figures.png'), fullPage: true });
    await context.close();
  }, 60_000);

  it('tells an agent the page is not theirs', async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true });
    const page = await open(context);
    await page.locator('[data-language="en"]').click();
    await signIn(page, 'agent1');
    await page.locator('#ops-forbidden').waitFor();
    expect(await page.locator('#ops-forbidden').textContent()).toBe(running.sampark.translator.namespace('en', 'opsPage').forbidden);
    expect(await page.locator('#ops-work').isHidden()).toBe(true);
    await context.close();
  }, 30_000);

  it('logged no script or security-policy errors', () => {
    expect(problems).toEqual([]);
  });
});
