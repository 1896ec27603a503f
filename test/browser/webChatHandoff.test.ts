import fs from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { projectRoot } from '../../src/projectRoot';
import { startWebChatServer, type RunningWebChat } from '../channels/directline/webChatServer';
import { launchChromium, recordProblems } from './support/chromium';
import { activitiesOf, botHasSaid, typeInWebChat } from './support/webChatStore';

const SCREENSHOTS = path.join(projectRoot(), 'test-output', 'webchat-handoff');

describe('a web chat consumer handed to an agent and back, in Chromium', () => {
  let browser: Browser;
  let running: RunningWebChat;

  beforeAll(async () => {
    fs.mkdirSync(SCREENSHOTS, { recursive: true });
    running = await startWebChatServer();
    browser = await launchChromium();
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
    recordProblems(page, problems);
    await page.goto(`${running.url}/`);
    await page.locator('[data-language="en"]').click();
    await botHasSaid(page, 'Namaste! I am Sampark');

    await typeInWebChat(page, 'talk to agent');
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

    await typeInWebChat(page, 'ok');
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
