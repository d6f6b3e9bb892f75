/** The 招商一盘棋 page in a real browser: leads compete for scarce units, plan, commit, see the ledger. */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { mkdirSync } from 'node:fs';
import { startServer, type RunningServer } from './server.js';
import { ARTIFACTS, launchChromium, signInPage } from './browser.js';

let server: RunningServer;
let browser: Browser;
let page: Page;
const problems: string[] = [];

async function createLead(body: Record<string, unknown>): Promise<string> {
  const r = await fetch(`${server.url}/api/leads`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie: server.cookie },
    body: JSON.stringify(body),
  });
  expect(r.status).toBe(201);
  return ((await r.json()) as { id: string }).id;
}

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  server = await startServer();
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1366, height: 900 }, locale: 'zh-CN' });
  page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
  page.on('pageerror', (e) => problems.push(e.message));
  await signInPage(page, server.url, 'admin', server.adminPassword, '/pipeline.html');
  for (let i = 1; i <= 4; i++)
    await createLead({ name: `内窥镜项目${i}`, summary: '研发生产内窥镜，需要3000平方米厂房', floorAreaM2: 3000, sourceTown: '东栅街道' });
  await createLead({ name: '电镀项目', summary: '五金件电镀加工，需要2000平方米厂房', floorAreaM2: 2000, sourceTown: '塘汇街道' });
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('the pipeline page', () => {
  it('plans the open leads, explains the unassigned one, and commits', async () => {
    await page.goto(`${server.url}/pipeline.html`);
    await page.locator('#leads tbody tr').first().waitFor();
    expect(await page.locator('#leads tbody tr').count()).toBe(5);
    await page.click('#run-plan');
    await page.locator('#plan-summary p').waitFor();
    expect(await page.locator('#plan-summary').textContent()).toContain('总匹配分');
    const unassigned = (await page.locator('#plan-unassigned').textContent()) ?? '';
    expect(unassigned).toContain('电镀项目');
    expect(unassigned).toContain('电镀');
    await page.screenshot({ path: `${ARTIFACTS}/pipeline-1-plan.png`, fullPage: true });
    await page.click('#commit-plan');
    await page.waitForFunction(() => document.querySelector('#plan-status')?.textContent?.includes('已确认'));
    expect(await page.locator('#plan-status').textContent()).toMatch(/已确认：4 个项目/);
    expect(problems).toEqual([]);
  });
});
