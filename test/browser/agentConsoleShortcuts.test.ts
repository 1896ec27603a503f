import type { Browser, Page } from 'playwright-core';
import { hashPassword } from '../../src/auth/passwordHash';
import type { StaffAccount } from '../../src/auth/staff';
import type { HandoffRequest } from '../../src/handoff/handoffQueue';
import { startWebChatServer, type RunningWebChat } from '../channels/directline/webChatServer';
import { launchChromium, recordProblems } from './support/chromium';
import { daytimeClock } from '../support/clock';

describe('the /agent console worked from the keyboard, with ready replies, unread counts and alerts', () => {
  let browser: Browser;
  let running: RunningWebChat;
  const problems: string[] = [];

  beforeAll(async () => {
    const staff: StaffAccount[] = [{ username: 'asha', name: 'Asha Kumari', role: 'agent', passwordHash: await hashPassword('asha-pass') }];
    running = await startWebChatServer({ staff });
    browser = await launchChromium();
  }, 30_000);

  afterAll(async () => {
    await browser?.close();
    await running?.close();
  });

  const request = (conversationId: string, language: 'hi' | 'en', caNumber: string | null): HandoffRequest => ({
    conversationId,
    channel: 'whatsapp',
    language,
    reason: 'consumer_asked',
    caNumber,
    lastIntent: null,
    requestedAt: daytimeClock().toISOString(),
  });

  /** Signs Asha in; `hidden` makes the page believe its tab is in the background, and records notifications. */
  async function signIn(hidden = false): Promise<Page> {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    context.setDefaultTimeout(15_000);
    if (hidden) {
      await context.grantPermissions(['notifications']);
      await context.addInitScript(() => {
        const page = globalThis as unknown as { document: object; Notification: unknown; shown: string[] };
        Object.defineProperty(page.document, 'hidden', { get: () => true });
        page.shown = [];
        page.Notification = class {
          static permission = 'granted';
          static requestPermission = async () => 'granted';
          constructor(_title: string, options: { body: string }) {
            page.shown.push(options.body);
          }
        };
      });
    }
    const page = await context.newPage();
    recordProblems(page, problems, hidden ? 'asha-hidden' : 'asha');
    await page.goto(`${running.url}/agent`);
    await page.locator('#staff-username').fill('asha');
    await page.locator('#staff-password').fill('asha-pass');
    await page.locator('.staff-sign-in button[type="submit"]').click();
    await page.locator('#agent-work').waitFor();
    await page.locator('.agent-live-on').waitFor();
    return page;
  }

  it('puts a ready reply in the box with "/", filled with the consumer\'s name and CA number, in their language', async () => {
    await running.sampark.handoff.enqueue(request('slash-hi', 'hi', '101000002'));
    const agent = await signIn();
    await agent.locator('[data-testid="queue-item"][data-conversation="slash-hi"] .agent-claim').click();
    // The replies come written in for this consumer once the conversation is theirs.
    await agent.locator('#agent-canned option[value="checking"]', { hasText: '101000002' }).waitFor({ state: 'attached' });
    const box = agent.locator('#agent-reply');
    await box.click();
    await agent.keyboard.type('/');
    const suggestions = agent.locator('[data-testid="canned-suggestions"] li[role="option"]');
    await suggestions.first().waitFor();
    expect(await suggestions.count()).toBeGreaterThan(5);
    await agent.keyboard.type('मीटर');
    await suggestions.filter({ hasText: 'उपभोक्ता संख्या 101000002 का मीटर' }).waitFor();
    await agent.keyboard.press('Enter');
    expect(await box.inputValue()).toBe('धन्यवाद। मैं अभी उपभोक्ता संख्या 101000002 का मीटर देख रहा हूँ; कृपया एक मिनट रुकिए।');
    await box.fill('');
    await agent.keyboard.type('/greet');
    await agent.keyboard.press('Tab');
    expect(await box.inputValue()).toMatch(/^नमस्ते \S+ \S+ जी, मैं 1912 हेल्पलाइन/);
    await running.sampark.handoff.resolve('slash-hi', 'asha', 'answered');
  }, 60_000);

  it('counts unread messages per conversation and moves between conversations with Alt+N; Alt+R goes to resolve', async () => {
    await running.sampark.handoff.enqueue(request('keys-a', 'en', null));
    await running.sampark.handoff.enqueue(request('keys-b', 'en', null));
    const agent = await signIn();
    await agent.locator('[data-testid="queue-item"][data-conversation="keys-a"] .agent-claim').click();
    await agent.locator('[data-testid="transcript"][data-conversation="keys-a"]').waitFor();
    await agent.locator('[data-testid="queue-item"][data-conversation="keys-b"] .agent-claim').click();
    await agent.locator('[data-testid="transcript"][data-conversation="keys-b"]').waitFor();
    await agent.locator('[data-testid="shortcuts"]', { hasText: 'Alt+N' }).waitFor();

    await running.sampark.handoff.consumerWrote('keys-a', 'hello?');
    await running.sampark.handoff.consumerWrote('keys-a', 'anyone there?');
    const unread = agent.locator('[data-testid="mine-item"][data-conversation="keys-a"] [data-testid="unread"]');
    await unread.filter({ hasText: '2 new' }).waitFor();
    expect(await agent.title()).toMatch(/^\(2\) /);

    await agent.locator('body').press('Alt+n');
    await agent.locator('[data-testid="transcript"][data-conversation="keys-a"] [data-testid="line-consumer"]', { hasText: 'anyone there?' }).waitFor();
    expect(await unread.count()).toBe(0);
    await agent.locator('body').press('Alt+n');
    await agent.locator('[data-testid="transcript"][data-conversation="keys-b"]').waitFor();
    await agent.locator('body').press('Alt+r');
    expect(await agent.evaluate(() => (globalThis as unknown as { document: { activeElement: { id: string } } }).document.activeElement.id)).toBe('agent-resolve-reason');
    await running.sampark.handoff.resolve('keys-a', 'asha', 'answered');
    await running.sampark.handoff.resolve('keys-b', 'asha', 'answered');
  }, 60_000);

  it('alerts, once turned on, while the tab is hidden: a new request and a message in one of mine, never their words', async () => {
    const agent = await signIn(true);
    const toggle = agent.locator('[data-testid="alerts"]');
    await agent.locator('[data-language="en"]').click();
    expect(await toggle.textContent()).toBe('Turn on alerts');
    await toggle.click();
    await agent.locator('[data-testid="alerts"][aria-pressed="true"]', { hasText: 'Alerts on' }).waitFor();

    await running.sampark.handoff.enqueue(request('alert-me', 'hi', null));
    await agent.waitForFunction(() => (globalThis as unknown as { shown: string[] }).shown.length >= 1);
    await agent.locator('[data-testid="queue-item"][data-conversation="alert-me"] .agent-claim').click();
    await agent.locator('[data-testid="transcript"][data-conversation="alert-me"]').waitFor();
    await agent.locator('.agent-close').click();
    await running.sampark.handoff.consumerWrote('alert-me', 'mera bill 9876543210 par bhejo');
    await agent.waitForFunction(() => (globalThis as unknown as { shown: string[] }).shown.length >= 2);
    const shown = await agent.evaluate(() => (globalThis as unknown as { shown: string[] }).shown);
    expect(shown).toEqual(['A consumer is waiting for an agent', 'A consumer wrote in one of your conversations']);
    await running.sampark.handoff.resolve('alert-me', 'asha', 'answered');
  }, 60_000);

  it('lets an agent say they are away and back, as every console and the assignment see it', async () => {
    const agent = await signIn();
    await agent.locator('[data-language="en"]').click();
    const toggle = agent.locator('[data-testid="away"]');
    await toggle.filter({ hasText: 'Available for chats' }).waitFor();
    await toggle.click();
    await agent.locator('[data-testid="away"][aria-pressed="true"]', { hasText: 'Away: no new chats' }).waitFor();
    expect((await running.sampark.presence.online()).find((present) => present.username === 'asha')?.away).toBe(true);
    await agent.locator('[data-testid="away"]').click();
    await agent.locator('[data-testid="away"][aria-pressed="false"]').waitFor();
    expect((await running.sampark.presence.online()).find((present) => present.username === 'asha')?.away).toBe(false);
  }, 60_000);

  it('logged no script or security-policy errors', () => {
    expect(problems).toEqual([]);
  });
});
