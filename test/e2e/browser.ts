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

/** The two widths every page is looked at: a desktop and a phone. */
export const WIDTHS = [
  { name: '1440', viewport: { width: 1440, height: 900 } },
  { name: '390', viewport: { width: 390, height: 844 } },
] as const;

/**
 * What a person must never read on a page: "null", "undefined", NaN, field keys (floorAreaM2,
 * sourceTown …), English codes of states and kinds, and ids (ld-…, pl-…, rt-…, jx-…/xs-… units).
 * Returns the offending snippets of the visible text (open dialogs included).
 */
export async function visibleTextProblems(page: Page): Promise<string[]> {
  const text = await page.evaluate(() => document.body.innerText);
  const patterns = [
    /\bnull\b/g,
    /\bundefined\b/g,
    /\bNaN\b/g,
    /\[object Object\]/g,
    /\b[a-z]{2,}[A-Z][A-Za-z0-9]*\b/g, // camelCase field keys (floorAreaM2), not units (kN)
    /\b(?:vacant|reserved|occupied|proposed|accepted|rejected|withdrawn|factory|rnd|office|exclude|review|reviewLevel|envClass)\b/g,
    /\b(?:ld|pl|rt)-[0-9a-f]{6,}\b/g,
    /\b(?:jx|xs)-[a-z0-9]+(?:-[a-z0-9]+)+\b/g,
  ];
  const found: string[] = [];
  for (const p of patterns)
    for (const m of text.matchAll(p)) found.push(text.slice(Math.max(0, m.index - 20), m.index + m[0].length + 20).replace(/\s+/g, ' '));
  return found;
}

/** How far the page is wider than the screen (0: nothing overflows horizontally). */
export const overflowX = (page: Page): Promise<number> => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
