/** Debian's chromium through playwright-core, with the flags this closed network needs. */
import { chromium, type Browser, type Page } from 'playwright-core';

export const ARTIFACTS = 'test-artifacts';

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** Signs in through the sign-in page (as a person would) and waits until it has sent the browser on. */
export async function signInPage(page: Page, base: string, username: string, password: string, next = '/'): Promise<void> {
  await page.goto(`${base}/login.html?next=${encodeURIComponent(next)}`);
  await page.fill('#username', username);
  await page.fill('#password', password);
  await Promise.all([page.waitForURL((u) => !u.pathname.endsWith('/login.html')), page.click('#login-submit')]);
}
