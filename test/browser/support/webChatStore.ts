import type { Page } from 'playwright-core';

/** An activity as Web Chat's redux store holds it. */
export interface StoreActivity {
  type: string;
  name?: string;
  text?: string;
  from: { role?: string };
  channelData?: Record<string, unknown>;
}

/** What the web chat page exposes once Web Chat is on screen: Web Chat's own redux store. */
interface PageGlobals {
  sampark?: { store: { getState(): { activities: StoreActivity[] } } };
}

/** Every activity in Web Chat's store, as the page has it now. */
export function activitiesOf(page: Page): Promise<StoreActivity[]> {
  return page.evaluate(() => (globalThis as unknown as PageGlobals).sampark?.store.getState().activities ?? []);
}

/** Everything the bot has said in the web chat, in order. */
export async function botTexts(page: Page): Promise<string[]> {
  return (await activitiesOf(page))
    .filter((activity) => activity.type === 'message' && activity.from.role === 'bot')
    .map((activity) => activity.text ?? '');
}

/** The whole transcript, both sides and the events, one line each: for a failure message. */
async function transcript(page: Page): Promise<string> {
  return (await activitiesOf(page))
    .map((activity) =>
      activity.type === 'message'
        ? `${activity.from.role ?? '?'}: ${activity.text ?? ''}`
        : `${activity.type} ${activity.from.role ?? '?'}: ${activity.name ?? activity.text ?? ''}`,
    )
    .join('\n');
}

/** Waits, in Web Chat's store, until the bot (or an agent through it) has said `fragment` at least `count` times. */
export async function botHasSaid(page: Page, fragment: string, count = 1): Promise<void> {
  await page
    .waitForFunction(
      ({ fragment, count }) =>
        ((globalThis as unknown as PageGlobals).sampark?.store.getState().activities ?? []).filter((activity) => activity.type === 'message' && activity.from.role === 'bot' && (activity.text ?? '').includes(fragment))
          .length >= count,
      { fragment, count },
    )
    .catch(async (error: Error) => {
      throw new Error(`the bot did not say "${fragment}" (${count}×): ${error.message}\nthe transcript so far:\n${await transcript(page)}`);
    });
}

/** Waits until Web Chat has seen its message echoed back by the server (otherwise it shows "Send failed"). */
export async function sentAndEchoed(page: Page, text: string): Promise<void> {
  await page.waitForFunction(
    (text) =>
      ((globalThis as unknown as PageGlobals).sampark?.store.getState().activities ?? []).some(
          (activity) => activity.from.role === 'user' && activity.text === text && activity.channelData?.['webchat:send-status'] === 'sent',
        ),
    text,
  );
}

/** Types `text` in Web Chat's send box, presses Enter and waits for the server's echo. */
export async function typeInWebChat(page: Page, text: string): Promise<void> {
  const input = page.locator('[data-id="webchat-sendbox-input"]');
  await input.fill(text);
  await input.press('Enter');
  await sentAndEchoed(page, text);
}
