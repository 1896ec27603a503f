import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { projectRoot } from '../../src/projectRoot';
import { startWebChatServer, type RunningWebChat } from '../channels/directline/webChatServer';

const CHROMIUM = '/usr/bin/chromium';
const SCREENSHOTS = path.join(projectRoot(), 'test-output', 'webchat-handoff');

interface StoreActivity {
  type: string;
  name?: string;
  text?: string;
  from: { role?: string };
  channelData?: Record<string, unknown>;
}

/** Web Chat's own redux store, which the page exposes. */
const activitiesOf = (page: Page) =>
  page.evaluate(() => (globalThis as unknown as { sampark: { store: { getState(): { activities: StoreActivity[] } } } }).sampark.store.getState().activities);

async function botHasSaid(page: Page, fragment: string): Promise<void> {
  await page
    .waitForFunction(
      (fragment) =>
        (globalThis as unknown as { sampark: { store: { getState(): { activities: StoreActivity[] } } } }).sampark.store
          .getState()
          .activities.some((activity) => activity.type === 'message' && activity.from.role === 'bot' && (activity.text ?? '').includes(fragment)),
      fragment,
    )
    .catch(async (error: Error) => {
      const said = (await activitiesOf(page)).map((activity) => `${activity.type} ${activity.from.role ?? '?'}: ${activity.text ?? activity.name ?? ''}`);
      throw new Error(`the bot did not say "${fragment}": ${error.message}\n${said.join('\n')}`);
    });
}

async function sentAndEchoed(page: Page, text: string): Promise<void> {
  await page.waitForFunction(
    (text) =>
      (globalThis as unknown as { sampark: { store: { getState(): { activities: StoreActivity[] } } } }).sampark.store
        .getState()
        .activities.some((activity) => activity.from.role === 'user' && activity.text === text && activity.channelData?.['webchat:send-status'] === 'sent'),
    text,
  );
}

async function type(page: Page, text: string): Promise<void> {
  const input = page.locator('[data-id="webchat-sendbox-input"]');
  await input.fill(text);
  await input.press('Enter');
  await sentAndEchoed(page, text);
}

describe('a web chat consumer handed to an agent and back, in Chromium', () => {
  let browser: Browser;
  let running: RunningWebChat;

  beforeAll(async () => {
    if (!fs.existsSync(CHROMIUM)) throw new Error(`Chromium is missing at ${CHROMIUM}: .ci/run installs it`);
    fs.mkdirSync(SCREENSHOTS, { recursive: true });
    running = await startWebChatServer();
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
    });
  }, 30_000);

  afterAll(async () => {
    await browser?.close();
    await running?.close();
  });

  it('queues with the place and wait, passes over the handoff events, and asks how the agent helped', async () => {
    const problems: string[] = [];
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    context.setDefaultTimeout(15_000);
    const page = await context.newPage();
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(`console: ${message.text()}`);
    });
    page.on('pageerror', (error) => problems.push(`page: ${error.message}`));
    await page.goto(`${running.url}/`);
    await page.locator('[data-language="en"]').click();
    await botHasSaid(page, 'Namaste! I am Sampark');

    await type(page, 'talk to agent');
    await botHasSaid(page, 'number 1 in the queue, about 6 minutes');
    const [record] = await running.sampark.handoff.queue();
    const conversationId = record!.request.conversationId;
    const contact = { channel: record!.request.channel, conversationId, language: record!.request.language };

    // What the agent API does for a claim, a reply and a resolve.
    await running.sampark.handoff.claim(conversationId, 'agent1');
    await running.sampark.handoff.agentReplied(conversationId, 'agent1', 'The lineman is on the way.');
    await running.sampark.notifier.notify(contact, { key: 'agent.reply', params: { text: 'The lineman is on the way.' } });
    await botHasSaid(page, 'Agent: The lineman is on the way.');
    await running.sampark.handoff.resolve(conversationId, 'agent1', 'answered');
    await running.sampark.notifier.notify(contact, { key: 'agent.resolved' });
    await botHasSaid(page, 'closed this chat');

    await type(page, 'ok');
    await botHasSaid(page, 'How did the helpline agent help you?');
    await page.locator('.webchat__suggested-action', { hasText: 'Good' }).last().click();
    await botHasSaid(page, 'Thank you for telling us');
    await page.screenshot({ path: path.join(SCREENSHOTS, 'en-satisfaction-answered.png') });

    const activities = await activitiesOf(page);
    // Web Chat received the events and drew none of them: no bubble without text.
    expect(activities.filter((activity) => activity.type === 'event').map((activity) => activity.name)).toEqual(
      expect.arrayContaining(['handoff.initiate', 'handoff.status']),
    );
    const bubbles = await page.locator('.webchat__bubble__content').allTextContents();
    expect(bubbles.some((bubble) => bubble.trim() === '' || bubble.includes('handoff'))).toBe(false);
    expect((await running.sampark.handoff.current(conversationId))?.satisfaction).toMatchObject({ rating: 'good' });
    expect(problems).toEqual([]);
    await context.close();
  }, 60_000);
});
