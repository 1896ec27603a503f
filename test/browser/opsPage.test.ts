import fs from 'node:fs';
import path from 'node:path';
import type { Activity } from 'botbuilder';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { loadStaffSettings } from '../../src/auth/staffSettings';
import { istDate } from '../../src/domain/indianTime';
import { mountWhatsApp, type WhatsApp } from '../../src/channels/whatsapp/mountWhatsApp';
import { loadWhatsAppSettings } from '../../src/channels/whatsapp/whatsAppSettings';
import { silentLogger } from '../../src/log/logger';
import { projectRoot } from '../../src/projectRoot';
import { campaignsThroughWhatsApp, whatsAppPartsOf } from '../../src/server/samparkServer';
import { startWebChatServer, type RunningWebChat } from '../channels/directline/webChatServer';
import { FakeGraphServer } from '../channels/whatsapp/fakeGraphServer';
import { testSettingsEnv } from '../channels/whatsapp/whatsAppHarness';
import { TestConversation } from '../support/conversation';
import { launchChromium, recordProblems } from './support/chromium';
import { LOCAL_DEMO } from '../support/localDemo';

/** What a function run in the page reads (the test's own types have no DOM). */
interface PageGlobals {
  document: { querySelector(selector: string): { textContent: string | null } | null };
}
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
  let graph: FakeGraphServer;
  let whatsApp: WhatsApp;
  const problems: string[] = [];
  /**
   * The server's clock runs from 11:30 IST of the browser's IST day, so the figures land on the day
   * the page shows first and agents are in, whenever the test runs.
   */
  const today = istDate(new Date());
  const offsetMs = Date.parse(`${today}T06:00:00.000Z`) - Date.now();
  const clock = () => new Date(Date.now() + offsetMs);

  beforeAll(async () => {
    fs.mkdirSync(SCREENSHOTS, { recursive: true });
    const { accounts } = loadStaffSettings({}, LOCAL_DEMO, silentLogger());
    running = await startWebChatServer({ staff: accounts, ports: { now: clock } });
    // Campaigns send their template on WhatsApp: the channel, on a fake Graph API, and the jobs that send.
    graph = await FakeGraphServer.start();
    const settings = loadWhatsAppSettings(testSettingsEnv(graph.url));
    if (!settings) throw new Error('the test WhatsApp settings are incomplete');
    whatsApp = mountWhatsApp(running.server, { ...whatsAppPartsOf(running.sampark), logger: silentLogger(), settings, now: clock });
    campaignsThroughWhatsApp(running.sampark, settings, silentLogger());
    await running.sampark.jobs.start();
    browser = await launchChromium();
  }, 30_000);

  afterAll(async () => {
    await browser?.close();
    await running?.close();
    await whatsApp?.close();
    await graph?.close();
  });

  async function open(context: BrowserContext): Promise<Page> {
    context.setDefaultTimeout(15_000);
    const page = await context.newPage();
    recordProblems(page, problems);
    await page.goto(`${running.url}/ops`);
    return page;
  }

  async function signIn(page: Page, username: string): Promise<void> {
    await page.locator('#staff-username').fill(username);
    await page.locator('#staff-password').fill(`${username}-demo`);
    await page.locator('.staff-sign-in button[type="submit"]').click();
  }

  /** A number as the page shows it (en-IN grouping). */
  async function countIn(locator: ReturnType<Page['locator']>): Promise<number> {
    return Number(((await locator.textContent()) ?? '').replace(/,/g, ''));
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
    expect(await page.locator('body').textContent()).not.toMatch(/\b(page|staff)\.[a-z]/);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'hi-1-daily-figures.png'), fullPage: true });
    await context.close();
  }, 60_000);

  it('creates a campaign, starts it and sees its funnel move as the templates go out; pauses and stops it', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
    const page = await open(context);
    await page.locator('[data-language="en"]').click();
    await signIn(page, 'supervisor1');
    await page.locator('#ops-campaigns').getByText('No campaigns yet').waitFor();

    await page.locator('#ops-new-title').click();
    await page.locator('#ops-new-name').fill('Kankarbagh-1 door to door');
    await page.locator('#ops-new-section').fill('Kankarbagh-1');
    await page.locator('#ops-new-language').selectOption('hi');
    // Looking a label up in the other language loses nothing typed.
    await page.locator('[data-language="hi"]').click();
    await page.locator('[data-language="en"]').click();
    expect(await page.locator('#ops-new-name').inputValue()).toBe('Kankarbagh-1 door to door');
    expect(await page.locator('#ops-new-section').inputValue()).toBe('Kankarbagh-1');
    expect(await page.locator('#ops-new-language').inputValue()).toBe('hi');
    await page.locator('#ops-new-form button[type="submit"]').click();
    await page.locator('#ops-message').getByText('created as a draft').waitFor();
    const row = page.locator('table[data-table="campaigns"] tbody tr', { hasText: 'Kankarbagh-1 door to door' });
    expect(await row.locator('td[data-column="status"]').textContent()).toBe('Draft');
    expect(await row.locator('td[data-column="criteria"]').textContent()).toBe('section Kankarbagh-1');

    await row.locator('button[data-command="start"]').click();
    await row.locator('td[data-column="status"]', { hasText: 'Running' }).waitFor();
    await row.locator('button[data-command="funnel"]').click();
    const sent = page.locator('[data-testid="funnel-sent"]');
    await sent.waitFor();
    // The page refreshes a running campaign every few seconds: each reading must be above the last.
    const readings = [await countIn(sent)];
    for (let reading = 0; reading < 2; reading += 1) {
      const last = readings[readings.length - 1] ?? 0;
      await page.waitForFunction(
        ({ last }) => {
          const shown = (globalThis as unknown as PageGlobals).document.querySelector('[data-testid="funnel-sent"]')?.textContent;
          return Number((shown ?? '0').replace(/,/g, '')) > last;
        },
        { last },
        { timeout: 20_000 },
      );
      readings.push(await countIn(sent));
    }
    expect(readings[2]).toBeGreaterThan(readings[1] ?? 0);
    expect(graph.sent.filter((sent) => sent.message.type === 'template').length).toBeGreaterThanOrEqual(readings[2] ?? 0);
    const division = page.locator('table[data-table="funnel"] tr[data-row="Patna East"]');
    await division.waitFor();
    expect(await countIn(division.locator('td[data-column="targeted"]'))).toBeGreaterThan(0);
    expect(await page.locator('body').textContent()).not.toMatch(/\b(page|staff)\.[a-z]/);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'en-2-campaign-running.png'), fullPage: true });

    await row.locator('button[data-command="pause"]').click();
    await row.locator('td[data-column="status"]', { hasText: 'Paused' }).waitFor();
    await page.locator('#ops-funnel button[data-by="day"]').click();
    await page.locator(`table[data-table="funnel"] tr[data-row="${today}"]`).waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('button[data-csv="funnel"]').click()]);
    const csv = fs.readFileSync(await download.path(), 'utf8').split('\r\n');
    expect(csv[0]).toBe('key,targeted,sent,delivered,read,replied,resolved');
    expect(csv[1]).toMatch(new RegExp(`^${today},\\d+,\\d+,`));

    await row.locator('button[data-command="stop"]').click();
    await row.locator('button[data-command="stop"]', { hasText: 'Stop for good?' }).click();
    await row.locator('td[data-column="status"]', { hasText: 'Stopped' }).waitFor();
    expect(await row.locator('button[data-command="start"]').count()).toBe(0);
    expect(await page.locator('#ops-funnel').textContent()).not.toMatch(/null|undefined|NaN/);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'en-3-campaign-stopped.png'), fullPage: true });
    await page.locator('[data-language="hi"]').click();
    expect(await row.locator('td[data-column="status"]').textContent()).toBe('बंद');
    expect(await page.locator('body').textContent()).not.toMatch(/\b(page|staff)\.[a-z]/);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'hi-2-campaign-stopped.png'), fullPage: true });
    await context.close();
  }, 90_000);

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
