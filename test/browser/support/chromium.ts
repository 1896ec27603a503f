import fs from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';

/** Debian's Chromium, which the browser tests drive through playwright-core. */
export const CHROMIUM = '/usr/bin/chromium';

/** Launches headless Chromium, or says plainly how to install it when it is missing. */
export async function launchChromium(): Promise<Browser> {
  if (!fs.existsSync(CHROMIUM)) {
    throw new Error(`Chromium is missing at ${CHROMIUM}: install Debian's package (apt-get install -y chromium); .ci/run installs it`);
  }
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
}

/**
 * Records the page's console errors and uncaught page errors in `problems`, each line prefixed by
 * `label` (which page it was) when one is given.
 */
export function recordProblems(page: Page, problems: string[], label?: string): void {
  const prefix = label ? `${label} ` : '';
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`${prefix}console: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`${prefix}page: ${error.message}`));
}
