/**
 * Every page as a signed-in officer first sees it, at 1440 and 390 px: no "null", "undefined", field
 * key, English code or id in the visible text, nothing wider than the screen, and the staff navigation
 * without an "API 文档" link (the reference stays reachable at /api/docs).
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import type { Browser } from 'playwright-core';
import { startServer, type RunningServer } from './server.js';
import { WIDTHS, launchChromium, overflowX, signInPage, visibleTextProblems } from './browser.js';

let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  server = await startServer();
  browser = await launchChromium();
  const r = await fetch(`${server.url}/api/leads`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie: server.cookie },
    body: JSON.stringify({ name: '内窥镜项目', summary: '研发生产内窥镜，需要3000平方米厂房', floorAreaM2: 3000, sourceTown: '东栅街道' }),
  });
  expect(r.status).toBe(201);
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const PAGES = [
  ['/', '#chat-form'],
  ['/parks.html', '#park-list li'],
  ['/pipeline.html', '#leads tbody tr'],
  ['/upload.html', '#recent-list li'],
  ['/dashboard.html', '#kpis li'],
  ['/rules.html', '#rules li'],
] as const;

describe.each(WIDTHS)('every page at $name px', ({ viewport }) => {
  it.each(PAGES)('%s reads in Chinese, fits the screen and links no API reference', async (path, ready) => {
    const page = await browser.newPage({ viewport, locale: 'zh-CN' });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await signInPage(page, server.url, 'admin', server.adminPassword, path);
    await page.locator(ready).first().waitFor();
    await page.locator('#user-name').waitFor();
    expect(await visibleTextProblems(page)).toEqual([]);
    expect(await overflowX(page)).toBe(0);
    expect(await page.locator('a', { hasText: 'API 文档' }).count()).toBe(0);
    expect(await page.locator('a[href="/api/docs"]').count()).toBe(0);
    // the same staff navigation on every page, the page itself marked
    for (const href of ['/', '/parks.html', '/pipeline.html', '/upload.html', '/dashboard.html', '/rules.html'])
      expect(await page.locator(`nav a[href="${href}"]`).count(), href).toBe(1);
    expect(await page.locator(`nav a[href="${path}"][aria-current="page"]`).count()).toBe(1);
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('the API reference', () => {
  it('stays reachable at /api/docs', async () => {
    expect((await fetch(`${server.url}/api/docs`)).status).toBe(200);
  });
});
