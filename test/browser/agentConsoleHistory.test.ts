import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { hashPassword } from '../../src/auth/passwordHash';
import type { StaffAccount } from '../../src/auth/staff';
import { formatTicketNumber, type TicketNumber } from '../../src/domain/ticketNumber';
import type { HandoffRequest } from '../../src/handoff/handoffQueue';
import { projectRoot } from '../../src/projectRoot';
import { startWebChatServer, type RunningWebChat } from '../channels/directline/webChatServer';
import { launchChromium, recordProblems } from './support/chromium';
import { daytimeClock } from '../support/clock';

const SCREENSHOTS = path.join(projectRoot(), 'test-output', 'agent');

describe("a consumer's history in the /agent console", () => {
  let browser: Browser;
  let running: RunningWebChat;
  const problems: string[] = [];

  beforeAll(async () => {
    fs.mkdirSync(SCREENSHOTS, { recursive: true });
    const staff: StaffAccount[] = [
      { username: 'asha', name: 'Asha Kumari', role: 'agent', passwordHash: await hashPassword('asha-pass') },
      { username: 'vikram', name: 'Vikram Singh', role: 'agent', passwordHash: await hashPassword('vikram-pass') },
    ];
    running = await startWebChatServer({ staff });
    browser = await launchChromium();
  }, 30_000);

  afterAll(async () => {
    await browser?.close();
    await running?.close();
  });

  async function signIn(username: string, password: string, viewport: { width: number; height: number }): Promise<Page> {
    const context = await browser.newContext({ viewport });
    context.setDefaultTimeout(15_000);
    const page = await context.newPage();
    recordProblems(page, problems, username);
    await page.goto(`${running.url}/agent`);
    await page.locator('#staff-username').fill(username);
    await page.locator('#staff-password').fill(password);
    await page.locator('.staff-sign-in button[type="submit"]').click();
    await page.locator('#agent-work').waitFor();
    await page.locator('[data-language="en"]').click();
    return page;
  }

  const request = (conversationId: string, requestedAt: Date): HandoffRequest => ({
    conversationId,
    channel: 'whatsapp',
    language: 'hi',
    reason: 'consumer_asked',
    caNumber: '101000001',
    lastIntent: 'billing_query',
    requestedAt: requestedAt.toISOString(),
    history: [{ from: 'consumer', text: '1 tarikh ko 450 kat gaya', at: requestedAt.toISOString() }],
  });

  it("shows the consumer's earlier chat beside the current one, and finds the connection by mobile and ticket", async () => {
    // Yesterday Asha answered this consumer; today they ask again.
    const { handoff } = running.sampark;
    await handoff.enqueue(request('wa-earlier', new Date(daytimeClock().getTime() - 86_400_000)));
    await handoff.claim('wa-earlier', 'asha');
    await handoff.agentReplied('wa-earlier', 'asha', 'Fixed charge aur duty 1 tarikh ko katti hai.');
    await handoff.resolve('wa-earlier', 'asha', 'answered');
    await handoff.enqueue(request('wa-today', daytimeClock()));
    const { ticket } = await running.sampark.services.tickets.open({
      category: 'meter_test',
      description: 'meter fast',
      urgent: false,
      caNumber: '101000001',
      area: null,
      urban: true,
      contact: { channel: 'whatsapp', conversationId: 'wa-today', language: 'hi' },
    });

    const agent = await signIn('vikram', 'vikram-pass', { width: 1440, height: 900 });
    await agent.locator('[data-testid="queue-item"][data-conversation="wa-today"] .agent-claim').click();
    const earlier = agent.locator('#agent-context [data-testid="past-chat"]');
    await earlier.filter({ hasText: 'Asha Kumari · Answered' }).waitFor();
    await earlier.getByRole('button', { name: 'Read' }).click();
    await earlier.locator('[data-testid="past-lines"] li', { hasText: 'Fixed charge aur duty' }).waitFor();
    await screenshot(agent, 'agent-10-earlier-chat');

    // Search by the registered mobile: both connections on it, masked, with their history.
    await agent.locator('#agent-search-q').fill('98765 00001');
    await agent.locator('#agent-search-q').press('Enter');
    const found = agent.locator('[data-testid="search-connection"]');
    await found.filter({ hasText: 'CA 101000011' }).waitFor();
    const first = found.filter({ hasText: 'CA 101000001' });
    expect(await first.textContent()).toContain('R***** K****');
    await first.locator('[data-testid="past-chat"]', { hasText: 'Asha Kumari' }).waitFor();
    expect(await agent.locator('[data-testid="search-results"]').textContent()).not.toMatch(/Ramesh|9876500001/);

    // By ticket number, written the way the consumer reads it.
    const number = formatTicketNumber(ticket.number as TicketNumber);
    await agent.locator('#agent-search-q').fill(number);
    await agent.locator('#agent-search-q').press('Enter');
    await found.filter({ hasText: number }).waitFor();
    expect(await found.count()).toBe(1);
    await screenshot(agent, 'agent-11-search');
  }, 60_000);

  it('fits a phone: the search and its results scroll down, never sideways', async () => {
    const agent = await signIn('asha', 'asha-pass', { width: 390, height: 844 });
    await agent.locator('#agent-search-q').fill('101000001');
    await agent.locator('#agent-search-q').press('Enter');
    await agent.locator('[data-testid="search-connection"] [data-testid="past-chat"]').first().waitFor();
    const sideways = await agent.evaluate(() => {
      const root = (globalThis as unknown as { document: { documentElement: { scrollWidth: number; clientWidth: number } } }).document.documentElement;
      return root.scrollWidth - root.clientWidth;
    });
    expect(sideways).toBe(0);
  }, 60_000);

  it('logged no script or security-policy errors', () => {
    expect(problems).toEqual([]);
  });
});

async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true });
}
