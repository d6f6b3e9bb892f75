/**
 * The chat page in a real browser (Debian's chromium driven by playwright-core): open /, type a
 * project, see results, refine it twice, ask why a park is excluded, open a park. Screenshots are
 * saved to test-artifacts/.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { mkdirSync } from 'node:fs';
import { startServer, type RunningServer } from './server.js';
import { ARTIFACTS, launchChromium, signInPage } from './browser.js';

let server: RunningServer;
let browser: Browser;
let page: Page;
const problems: string[] = [];

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  server = await startServer();
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1366, height: 900 }, locale: 'zh-CN' });
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(m.text());
  });
  page.on('pageerror', (e) => problems.push(e.message));
  await signInPage(page, server.url, 'admin', server.adminPassword);
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const text = async (sel: string) => (await page.locator(sel).first().textContent()) ?? '';

async function say(message: string): Promise<string> {
  const before = await page.locator('.msg.assistant').count();
  await page.fill('#chat-input', message);
  await page.keyboard.press('Enter');
  await page.locator('.msg.assistant').nth(before).waitFor();
  return (await page.locator('.msg.assistant').nth(before).textContent()) ?? '';
}

describe('the chat page', () => {
  it('answers a project typed in Chinese with the right park first', async () => {
    await page.goto(server.url + '/');
    expect(await page.title()).toContain('落地');
    const reply = await say('有个做监护仪的客户，投资六千万，要三千五平米厂房，只要一楼');
    expect(reply).toContain('医疗器械');
    expect(reply).toContain('微创产业园');
    expect(await text('#results .card:first-child h3')).toContain('微创产业园');
    expect(await text('#chips')).toContain('3,500㎡');
    expect(await page.locator('#results .card').first().locator('meter').first().isVisible()).toBe(true);
    await page.screenshot({ path: `${ARTIFACTS}/chat-1-project.png`, fullPage: true });
    // what a person sees first at 1440 × 900 (the README's picture: docs/chat.png is a copy of it)
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.screenshot({ path: `${ARTIFACTS}/chat-1-viewport-1440.png` });
    await page.setViewportSize({ width: 1366, height: 900 });
  });

  it('refines the project twice, keeping the rest', async () => {
    const r1 = await say('面积改成6000平米');
    expect(r1).toContain('6,000㎡');
    expect(r1).toContain('6,000万元');
    const r2 = await say('不要南湖区');
    expect(r2).toContain('不考虑：南湖区');
    expect(await text('#results .card:first-child h3')).not.toContain('南湖区');
  });

  it('edits a chip and re-scores', async () => {
    await page.locator('#chips .chip', { hasText: '面积' }).locator('button').first().click();
    const input = page.locator('#chips input');
    await input.fill('2000');
    const before = await page.locator('.msg.assistant').count();
    await input.press('Enter');
    await page.locator('.msg.assistant').nth(before).waitFor();
    expect(await text('#chips')).toContain('2,000㎡');
  });

  it('explains why a park is excluded, citing the clause', async () => {
    await say('重新开始');
    await say('五金件电镀加工，需要2000平米');
    const why = await say('为什么不能去微创产业园？');
    expect(why).toContain('电镀');
    expect(why).toMatch(/依据：.+/);
  });

  it('renders user text as text, never as HTML, and the CSP raised no violation', async () => {
    await say('<img src=x onerror="window.__x=1">做电镀');
    expect(await page.evaluate(() => (window as unknown as { __x?: number }).__x)).toBeUndefined();
    expect(await page.locator('.msg.user img').count()).toBe(0);
    expect(problems.filter((p) => /Content Security Policy|Refused/.test(p))).toEqual([]);
  });
});
