import fs from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { hashPassword } from '../../src/auth/passwordHash';
import type { StaffAccount } from '../../src/auth/staff';
import { projectRoot } from '../../src/projectRoot';
import { startWebChatServer, type RunningWebChat } from '../channels/directline/webChatServer';
import { launchChromium, recordProblems } from './support/chromium';
import { botHasSaid, typeInWebChat } from './support/webChatStore';

const SCREENSHOTS = path.join(projectRoot(), 'test-output', 'agent');

describe('call-backs in the /agent console, asked for on the web chat', () => {
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

  async function open(context: BrowserContext, where: string): Promise<Page> {
    context.setDefaultTimeout(15_000);
    const page = await context.newPage();
    recordProblems(page, problems, where);
    return page;
  }

  async function signIn(page: Page, username: string, password: string): Promise<void> {
    await page.goto(`${running.url}/agent`);
    await page.locator('#staff-username').fill(username);
    await page.locator('#staff-password').fill(password);
    await page.locator('.staff-sign-in button[type="submit"]').click();
    await page.locator('#agent-work').waitFor();
  }

  it('takes a call-back a consumer confirmed their number for, calls, notes the outcome and closes it', async () => {
    // Nobody took the consumer's request in time: they accept a call back and type the number.
    const consumer = await open(await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true }), 'consumer');
    await consumer.goto(`${running.url}/`);
    await consumer.locator('[data-language="hi"]').click();
    await botHasSaid(consumer, 'नमस्ते! मैं संपर्क हूँ');
    await typeInWebChat(consumer, 'bachha bimar hai, agent se baat karao');
    await botHasSaid(consumer, 'कतार में आपका नंबर 1');
    const [waiting] = await running.sampark.handoff.queue();
    await running.sampark.handoff.expire(waiting!.request.conversationId);
    await typeInWebChat(consumer, 'haan');
    await botHasSaid(consumer, 'एजेंट आपको किस मोबाइल नंबर पर फ़ोन करें?');
    await typeInWebChat(consumer, '9876543210');
    await botHasSaid(consumer, 'हेल्पलाइन एजेंट आपको ******3210 पर जल्द ही फ़ोन करेंगे');
    await botHasSaid(consumer, 'अति आवश्यक');

    // Every agent sees it waiting, urgent, due now, the number masked.
    const agent = await open(await browser.newContext({ viewport: { width: 1280, height: 800 } }), 'agent');
    await signIn(agent, 'asha', 'asha-pass');
    await agent.locator('[data-language="en"]').click();
    const card = agent.locator('[data-testid="call-back"]');
    await card.waitFor();
    expect(await card.locator('[data-testid="call-back-phone"]').textContent()).toBe('******3210');
    expect(await card.textContent()).toMatch(/Urgent.*Hindi.*Due now.*No agent was free in time · number typed in the chat/);
    const colleague = await open(await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true }), 'colleague');
    await signIn(colleague, 'vikram', 'vikram-pass');
    await colleague.locator('[data-language="en"]').click();
    await colleague.locator('[data-testid="call-back"] [data-testid="call-back-take"]').waitFor();

    // Taken: the whole number, to tap; the colleague sees who has it, never the number.
    await card.locator('[data-testid="call-back-take"]').click();
    const phone = card.locator('a[data-testid="call-back-phone"]');
    await phone.waitFor();
    expect(await phone.getAttribute('href')).toBe('tel:+919876543210');
    await colleague.reload();
    await colleague.locator('[data-testid="call-back"]', { hasText: 'Taken by Asha Kumari' }).waitFor();
    expect(await colleague.locator('[data-testid="call-back"]').textContent()).not.toContain('9876543210');
    expect(await colleague.locator('[data-testid="call-back-take"]').count()).toBe(0);

    // Two calls, each with what came of it; then closed.
    await card.locator('select[name="outcome"]').selectOption('no_answer');
    await card.locator('.agent-call-form button[type="submit"]').click();
    await card.locator('[data-testid="call-back-attempts"] li', { hasText: 'No answer' }).waitFor();
    await card.locator('select[name="outcome"]').selectOption('reached');
    await card.locator('input[name="note"]').fill('Child unwell; explained the reconnect, lineman told.');
    await card.locator('.agent-call-form button[type="submit"]').click();
    await card.locator('[data-testid="call-back-attempts"] li', { hasText: 'Reached · Child unwell' }).waitFor();
    await agent.screenshot({ path: path.join(SCREENSHOTS, 'agent-9-call-back.png'), fullPage: true });
    await card.locator('select[name="closing"]').selectOption('helped');
    await card.locator('.agent-close-form button[type="submit"]').click();
    await agent.locator('[data-testid="call-backs"]', { hasText: 'No call-back is waiting.' }).waitFor();
    expect(await running.sampark.callBacks.open()).toEqual([]);
    const taken = (await running.sampark.audit.recent(50)).filter((entry) => entry.action === 'callback.take' && entry.detail?.revealed === 'phone');
    expect(taken.map((entry) => entry.actor)).toEqual(['asha']);
  }, 90_000);

  it('logged no script or security-policy errors', () => {
    expect(problems).toEqual([]);
  });
});
