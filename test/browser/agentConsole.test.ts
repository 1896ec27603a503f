import fs from 'node:fs';
import path from 'node:path';
import type { ConversationAccount } from 'botbuilder';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { hashPassword } from '../../src/auth/passwordHash';
import type { StaffAccount } from '../../src/auth/staff';
import { projectRoot } from '../../src/projectRoot';
import { startWebChatServer, type RunningWebChat } from '../channels/directline/webChatServer';
import { launchChromium, recordProblems } from './support/chromium';
import { activitiesOf, botHasSaid, typeInWebChat } from './support/webChatStore';
import { daytimeClock } from '../support/clock';

const SCREENSHOTS = path.join(projectRoot(), 'test-output', 'agent');

async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

describe('the /agent console in Chromium, with a consumer on the web chat', () => {
  let browser: Browser;
  let running: RunningWebChat;
  const problems: string[] = [];

  beforeAll(async () => {
    fs.mkdirSync(SCREENSHOTS, { recursive: true });
    const staff: StaffAccount[] = [
      { username: 'asha', name: 'Asha Kumari', role: 'agent', passwordHash: await hashPassword('asha-pass') },
      { username: 'vikram', name: 'Vikram Singh', role: 'agent', passwordHash: await hashPassword('vikram-pass') },
      { username: 'meena', name: 'Meena Devi', role: 'supervisor', passwordHash: await hashPassword('meena-pass') },
    ];
    running = await startWebChatServer({ staff });
    browser = await launchChromium();
  }, 30_000);

  afterAll(async () => {
    // Pages first: their live streams hold connections the server waits for.
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

  it('takes a web chat consumer from the queue, talks with them, resolves, and the bot answers again', async () => {
    const consumer = await open(await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true }), 'consumer');
    await consumer.goto(`${running.url}/`);
    await consumer.locator('[data-language="en"]').click();
    await botHasSaid(consumer, 'Namaste! I am Sampark');
    await typeInWebChat(consumer, 'what is my balance');
    await botHasSaid(consumer, 'consumer number');
    await typeInWebChat(consumer, '101000001');
    await botHasSaid(consumer, 'Balance: ₹842.50');
    await typeInWebChat(consumer, 'talk to agent');
    await botHasSaid(consumer, 'number 1 in the queue');

    // The agent signs in after the request: the queue is read when the console opens.
    const agentContext = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    const agent = await open(agentContext, 'agent');
    await signIn(agent, 'asha', 'asha-pass');
    await agent.locator('[data-testid="staff-who"]').filter({ hasText: 'Asha Kumari' }).waitFor();
    const waiting = agent.locator('[data-testid="queue-item"]');
    await waiting.first().waitFor();
    expect(await waiting.count()).toBe(1);
    // The card says what the consumer last wrote, in which language, on which channel, and since when.
    expect(await waiting.first().locator('[data-testid="queue-preview"]').textContent()).toBe('talk to agent');
    expect(await waiting.first().textContent()).toMatch(/English.*Web chat.*waiting \d+ min/);
    await agent.locator('.agent-live-on').waitFor();
    await screenshot(agent, 'agent-1-queue');

    // A supervisor watching sees the same conversation waiting.
    const supervisor = await open(await browser.newContext({ viewport: { width: 1440, height: 900 } }), 'supervisor');
    await signIn(supervisor, 'meena', 'meena-pass');
    await supervisor.locator('[data-testid="overview-conversations"] tbody tr').first().waitFor();

    await waiting.first().locator('.agent-claim').click();
    // The consumer learns who joined, by the first name the helpline introduces its people with.
    await botHasSaid(consumer, 'Asha from the 1912 helpline has joined this chat');
    const transcript = agent.locator('[data-testid="transcript"]');
    await transcript.waitFor();
    // The bot's part before the handoff, distinguished from the consumer's.
    await transcript.locator('[data-testid="line-bot"]', { hasText: 'Balance: ₹842.50' }).waitFor();
    await transcript.locator('[data-testid="line-consumer"]', { hasText: 'talk to agent' }).waitFor();
    // The bot's context: the CA number, the consumer masked, the meter now.
    expect(await agent.locator('[data-testid="context-ca"]').textContent()).toBe('101000001');
    expect(await agent.locator('[data-testid="context-name"]').textContent()).toBe('R***** K****');
    expect(await agent.locator('[data-testid="context-balance"]').textContent()).toBe('₹842.50');
    expect(await agent.locator('#agent-context').textContent()).not.toContain('Ramesh');
    expect(await agent.locator('[data-testid="queue-item"]').count()).toBe(0);
    const conversationId = await agent.locator('[data-testid="mine-item"]').getAttribute('data-conversation');

    // The supervisor's overview follows live: Asha holds one conversation and has the console open.
    const ashaRow = supervisor.locator('[data-testid="overview-agents"] tr[data-agent="asha"]');
    await ashaRow.locator('td', { hasText: /^1$/ }).waitFor();
    await ashaRow.locator('.agent-online').waitFor();
    await screenshot(supervisor, 'agent-4-supervisor-overview');

    // A ready reply in the consumer's language goes into the box to be edited, then sent.
    const cannedEnglish = running.sampark.translator.namespace('en', 'agentConsole').canned as Record<string, string>;
    await agent.locator('#agent-canned option[value="greeting"]').waitFor({ state: 'attached' });
    await agent.locator('#agent-canned').selectOption('greeting');
    // Written in for this consumer: the name the backend has, to greet them by.
    expect(await agent.locator('#agent-reply').inputValue()).toBe(cannedEnglish.greeting!.replace('{{name}}', 'Ramesh Kumar'));
    await agent.locator('#agent-reply').fill('The lineman of Kankarbagh-1 is on the way.');
    await agent.locator('.agent-reply-form button[type="submit"]').click();
    await botHasSaid(consumer, 'Agent: The lineman of Kankarbagh-1 is on the way.');
    await transcript.locator('[data-testid="line-agent"]', { hasText: 'The lineman of Kankarbagh-1 is on the way.' }).waitFor();

    // The consumer answers while the agent is typing; the console shows it without a reload, and
    // the agent goes on typing where they were.
    await agent.locator('#agent-reply').click();
    await agent.keyboard.type('About an hour');
    await typeInWebChat(consumer, 'thank you, how long will it take?');
    await transcript.locator('[data-testid="line-consumer"]', { hasText: 'how long will it take?' }).waitFor();
    await agent.keyboard.type(', maybe less.');
    expect(await agent.locator('#agent-reply').inputValue()).toBe('About an hour, maybe less.');
    await agent.keyboard.press('Control+Enter');
    await botHasSaid(consumer, 'Agent: About an hour, maybe less.');

    // A private note stays with the agents.
    await agent.locator('#agent-note').fill('Consumer says the meter display is blank since morning.');
    await agent.locator('.agent-note-form button[type="submit"]').click();
    await transcript.locator('[data-testid="line-note"]', { hasText: 'display is blank' }).waitFor();
    await screenshot(agent, 'agent-2-conversation');
    await screenshot(consumer, 'consumer-1-agent-reply');

    // The agent raises a field ticket; the consumer hears its number in Web Chat, the note keeps it.
    await agent.locator('#agent-ticket-category').selectOption('meter_defective');
    await agent.locator('#agent-ticket-description').fill('Display blank since morning; balance shows in the app.');
    await agent.locator('.agent-ticket-form button[type="submit"]').click();
    await botHasSaid(consumer, 'Complaint number: SP-');
    await transcript.locator('[data-testid="line-note"]', { hasText: 'Raised ticket SP-' }).waitFor();

    await agent.locator('#agent-resolve-reason').selectOption('answered');
    await agent.locator('[data-testid="resolve"]').click();
    await botHasSaid(consumer, 'closed this chat');
    await agent.locator('.agent-none').waitFor();
    await screenshot(agent, 'agent-3-resolved');

    // Back with the bot: it asks how the agent helped, takes the answer, then answers requests again.
    await typeInWebChat(consumer, 'ok thanks');
    await botHasSaid(consumer, 'How did the helpline agent help you?');
    await typeInWebChat(consumer, '😊 Good');
    await botHasSaid(consumer, 'Thank you for telling us');
    await typeInWebChat(consumer, 'what is my balance');
    await botHasSaid(consumer, 'Balance: ₹842.50', 2);
    await screenshot(consumer, 'consumer-2-back-with-the-bot');

    const seenByConsumer = (await activitiesOf(consumer)).map((activity) => activity.text ?? '').join('\n');
    expect(seenByConsumer).not.toContain('display is blank');
    expect((await running.sampark.handoff.current(conversationId ?? ''))?.status).toBe('bot');
  }, 90_000);

  it('serves a Hindi consumer from a console in Hindi, with ready replies in Hindi', async () => {
    const consumer = await open(await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true }), 'consumer-hi');
    await consumer.goto(`${running.url}/`);
    await consumer.locator('[data-language="hi"]').click();
    await botHasSaid(consumer, 'नमस्ते! मैं संपर्क हूँ');
    await typeInWebChat(consumer, 'agent se baat karao');
    await botHasSaid(consumer, 'कतार में आपका नंबर 1');

    const agent = await open(await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'hi-IN' }), 'agent-hi');
    await signIn(agent, 'vikram', 'vikram-pass');
    await agent.locator('[data-language="hi"]').click();
    await agent.locator('#agent-queue-title', { hasText: 'प्रतीक्षा में' }).waitFor();
    const waiting = agent.locator('[data-testid="queue-item"]', { hasText: 'हिंदी' });
    await waiting.waitFor();
    await screenshot(agent, 'agent-5-hindi-queue');
    await waiting.locator('.agent-claim').click();
    await botHasSaid(consumer, '1912 हेल्पलाइन से Vikram अब इस चैट में आपके साथ हैं');

    const cannedHindi = running.sampark.translator.namespace('hi', 'agentConsole').canned as Record<string, string>;
    await agent.locator('#agent-canned option[value="askConsumerNumber"]').waitFor({ state: 'attached' });
    expect(await agent.locator('#agent-canned option[value="askConsumerNumber"]').textContent()).toBe(cannedHindi.askConsumerNumber);
    await agent.locator('#agent-canned').selectOption('askConsumerNumber');
    await agent.locator('.agent-reply-form button[type="submit"]').click();
    await botHasSaid(consumer, `एजेंट: ${cannedHindi.askConsumerNumber}`);
    await typeInWebChat(consumer, '101000002');
    await agent.locator('[data-testid="line-consumer"]', { hasText: '101000002' }).waitFor();
    // The number the consumer gave the agent fills the context the bot could not.
    await agent.locator('[data-testid="context-ca"]', { hasText: '101000002' }).waitFor();
    await agent.locator('[data-testid="context-balance"]', { hasText: '-₹236.40' }).waitFor();
    await screenshot(agent, 'agent-6-hindi-conversation');

    // Back to the queue and taken again: the conversation keeps everything said so far.
    await agent.locator('#agent-transfer').selectOption('');
    await agent.locator('.agent-inline-form', { has: agent.locator('#agent-transfer') }).locator('button[type="submit"]').click();
    await agent.locator('.agent-none').waitFor();
    await waiting.locator('.agent-claim').click();
    await agent.locator('[data-testid="line-consumer"]', { hasText: '101000002' }).waitFor();

    await agent.locator('#agent-resolve-reason').selectOption('answered');
    await agent.locator('[data-testid="resolve"]').click();
    await agent.locator('.agent-none', { hasText: 'कतार से कोई बातचीत लें' }).waitFor();
    await screenshot(consumer, 'consumer-3-hindi');
  }, 60_000);

  it('fits a phone: a supervisor on the overview and in a conversation scrolls down, never sideways', async () => {
    const requestedAt = daytimeClock().toISOString();
    await running.sampark.handoff.enqueue({
      conversationId: 'phone-urgent',
      channel: 'whatsapp',
      language: 'hi',
      reason: 'consumer_asked',
      caNumber: '101000001',
      lastIntent: 'supply_not_restored',
      requestedAt,
      urgent: true,
      history: [{ from: 'consumer', text: 'light nahi hai subah se', at: requestedAt }],
    });
    const supervisor = await open(await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true }), 'supervisor-phone');
    const sideways = () =>
      supervisor.evaluate(() => {
        const root = (globalThis as unknown as { document: { documentElement: { scrollWidth: number; clientWidth: number } } }).document.documentElement;
        return root.scrollWidth - root.clientWidth;
      });
    await signIn(supervisor, 'meena', 'meena-pass');
    await supervisor.locator('[data-testid="overview-conversations"] tbody tr').first().waitFor();
    expect(await sideways()).toBe(0);
    await supervisor.locator('[data-testid="queue-item"][data-conversation="phone-urgent"] .agent-claim').click();
    // The ready replies in Hindi are long sentences: their list must not widen the page.
    await supervisor.locator('#agent-canned option[value="askConsumerNumber"]').waitFor({ state: 'attached' });
    await screenshot(supervisor, 'agent-7-supervisor-phone');
    expect(await sideways()).toBe(0);
    await supervisor.locator('#agent-resolve-reason').selectOption('answered');
    await supervisor.locator('[data-testid="resolve"]').click();
    await supervisor.locator('.agent-none').waitFor();
  }, 60_000);

  it('sends a reply or note once however often the agent presses while it is on its way', async () => {
    const delivered: string[] = [];
    running.sampark.notifier.register('sms-test', {
      reference: async (channelId, conversationId) => ({ channelId, conversation: { id: conversationId } as ConversationAccount }),
      // Messages only: the handoff.status events go this way too.
      deliver: async (_reference, activity) => void (activity.type === 'message' && delivered.push(activity.text ?? '')),
    });
    await running.sampark.handoff.enqueue({
      conversationId: 'impatient',
      channel: 'sms-test',
      language: 'en',
      reason: 'consumer_asked',
      caNumber: null,
      lastIntent: null,
      requestedAt: daytimeClock().toISOString(),
    });
    const agent = await open(await browser.newContext({ viewport: { width: 1280, height: 800 } }), 'agent-impatient');
    await signIn(agent, 'asha', 'asha-pass');
    await agent.locator('[data-testid="queue-item"][data-conversation="impatient"] .agent-claim').click();
    // A slow network: the reply is still on its way when the agent presses again.
    await agent.route('**/replies', async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 400));
      await route.continue();
    });
    await agent.locator('#agent-reply').fill('Your complaint is noted.');
    await agent.locator('#agent-reply').press('Control+Enter');
    await agent.locator('#agent-reply').press('Control+Enter');
    await agent.locator('[data-testid="line-agent"]', { hasText: 'Your complaint is noted.' }).first().waitFor();
    const record = await running.sampark.handoff.current('impatient');
    expect(record?.transcript.filter((line) => line.from === 'agent').map((line) => line.text)).toEqual(['Your complaint is noted.']);
    expect(delivered).toEqual(['Asha from the 1912 helpline has joined this chat and will help you now.', 'Agent: Your complaint is noted.']);

    // A double click on "Add note" writes one note.
    await agent.route('**/notes', async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 400));
      await route.continue();
    });
    await agent.locator('#agent-note').fill('Asked for the bill photo.');
    await agent.locator('.agent-note-form button[type="submit"]').dblclick();
    await agent.locator('[data-testid="line-note"]', { hasText: 'Asked for the bill photo.' }).first().waitFor();
    expect((await running.sampark.handoff.current('impatient'))?.notes?.map((note) => note.text)).toEqual(['Asked for the bill photo.']);
    await running.sampark.handoff.resolve('impatient', 'asha', 'answered');
  }, 60_000);

  it('counts on a waiting conversation what the consumer writes while the agent watches the queue', async () => {
    await running.sampark.handoff.enqueue({
      conversationId: 'still-waiting',
      channel: 'whatsapp',
      language: 'hi',
      reason: 'consumer_asked',
      caNumber: null,
      lastIntent: null,
      requestedAt: daytimeClock().toISOString(),
    });
    const agent = await open(await browser.newContext({ viewport: { width: 1280, height: 800 } }), 'agent-watching');
    await signIn(agent, 'vikram', 'vikram-pass');
    const card = agent.locator('[data-testid="queue-item"][data-conversation="still-waiting"]');
    await card.waitFor();
    await agent.locator('.agent-live-on').waitFor();
    await running.sampark.handoff.consumerWrote('still-waiting', 'koi hai?');
    await card.filter({ hasText: 'New messages: 1' }).waitFor();
    // The first may have come with the console's opening read; the second comes only live.
    await running.sampark.handoff.consumerWrote('still-waiting', 'jaldi karo');
    await card.filter({ hasText: 'New messages: 2' }).waitFor();
    // The card previews the last words, mobile masked, and turns urgent live when a health need is said.
    await running.sampark.handoff.consumerWrote('still-waiting', 'maa bimar hai, mera number 9876543210', true);
    await card.locator('[data-testid="queue-preview"]', { hasText: 'maa bimar hai, mera number ******3210' }).waitFor();
    await card.locator('.agent-tag-urgent').waitFor();
    expect(await card.textContent()).not.toContain('9876543210');
    await screenshot(agent, 'agent-8-urgent-preview');
    await running.sampark.handoff.cancel('still-waiting');
  }, 60_000);

  it('tells an agent whose conversation moved on meanwhile that it is no longer theirs, not to try again', async () => {
    await running.sampark.handoff.enqueue({
      conversationId: 'moved-on',
      channel: 'whatsapp',
      language: 'en',
      reason: 'consumer_asked',
      caNumber: null,
      lastIntent: null,
      requestedAt: daytimeClock().toISOString(),
    });
    // Not through open(): the refused request is this test's point, and the browser logs it as an error.
    const agentContext = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    agentContext.setDefaultTimeout(15_000);
    const agent = await agentContext.newPage();
    await signIn(agent, 'asha', 'asha-pass');
    await agent.locator('[data-testid="queue-item"][data-conversation="moved-on"] .agent-claim').click();
    await agent.locator('#agent-reply').waitFor();
    // The consumer cancelled, or a supervisor moved it, in the moment before the agent pressed Send.
    await agent.route('**/replies', (route) => route.fulfill({ status: 409, contentType: 'application/json', body: '{"error":"wrong_status"}' }));
    await agent.locator('#agent-reply').fill('Are you there?');
    await agent.locator('.agent-reply-form button[type="submit"]').click();
    await agent.locator('#agent-message', { hasText: 'This conversation is no longer with you.' }).waitFor();
    await running.sampark.handoff.resolve('moved-on', 'asha', 'answered');
  }, 60_000);

  it('logged no script or security-policy errors', () => {
    expect(problems).toEqual([]);
  });
});
