/**
 * The 园区库 page in a real browser at 1440 and 390 px, as a 招商 officer uses it: filter by district,
 * industry and vacant space (the count says what it found, "找到 1 个园区" for one), open a park
 * and read the rules that rule a project out first, in Chinese; nothing overflows on a phone.
 */
import { demoSeed } from '../helpers/app.js';
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { mkdirSync } from 'node:fs';
import { startServer, type RunningServer } from './server.js';
import { ARTIFACTS, WIDTHS, launchChromium, overflowX, signInPage, visibleTextProblems } from './browser.js';

let server: RunningServer;
let browser: Browser;
const problems: string[] = [];

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  server = await startServer();
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function open(viewport: { width: number; height: number }): Promise<Page> {
  const page = await browser.newPage({ viewport, locale: 'zh-CN' });
  page.on('pageerror', (e) => problems.push(e.message));
  page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
  page.on('dialog', (d) => {
    problems.push(`browser dialog: ${d.message()}`);
    void d.dismiss();
  });
  await signInPage(page, server.url, 'admin', server.adminPassword, '/parks.html');
  await page.locator('#park-list li').first().waitFor();
  return page;
}

const count = (page: Page) => page.locator('#park-count').textContent();

describe.each(WIDTHS)('the park library at $name px', ({ name, viewport }) => {
  it('filters by district and vacant space, and the count matches the cards', async () => {
    const page = await open(viewport);
    expect(await count(page)).toMatch(new RegExp(`^共 ${demoSeed().parks.length} 个园区`)); // the system administrator sees every park
    await page.selectOption('#park-filters select[name=district]', '南湖区');
    await page.fill('#park-filters input[name=minVacantM2]', '5000');
    await page.click('#park-filters button[type=submit]');
    await page.waitForFunction(() => document.querySelector('#park-count')?.textContent?.startsWith('找到'));
    const cards = await page.locator('#park-list li').count();
    expect(cards).toBeGreaterThan(0);
    expect(cards).toBeLessThan(20);
    expect(await count(page)).toBe(`找到 ${cards} 个园区（南湖区，最大空置 ≥ 5,000㎡）`);
    for (const t of await page.locator('#park-list li').allTextContents()) expect(t).toContain('南湖区');
    expect(new URL(page.url()).searchParams.get('district')).toBe('南湖区');
    expect(await overflowX(page)).toBe(0);
    expect(await visibleTextProblems(page)).toEqual([]);
    await page.screenshot({ path: `${ARTIFACTS}/parks-1-filtered-${name}.png`, fullPage: true });
    await page.close();
  });

  it('a search naming one park says 找到 1 个园区; an industry filter finds the parks of that industry', async () => {
    const page = await open(viewport);
    await page.fill('#park-filters input[name=q]', '微创产业园');
    await page.click('#park-filters button[type=submit]');
    await page.waitForFunction(() => document.querySelector('#park-count')?.textContent?.startsWith('找到'));
    expect(await count(page)).toMatch(/^找到 1 个园区/);
    expect(await page.locator('#park-list li').count()).toBe(1);
    await page.click('#clear-filters');
    await page.waitForFunction(() => document.querySelector('#park-count')?.textContent?.startsWith('共'));
    await page.fill('#park-filters input[name=industry]', '医疗器械');
    await page.click('#park-filters button[type=submit]');
    await page.waitForFunction(() => document.querySelector('#park-count')?.textContent?.startsWith('找到'));
    expect(await page.locator('#park-list').textContent()).toContain('亚太路科创工业社区（微创产业园）');
    await page.close();
  });

  it('a park opens with its units and its rules, 禁止 first, each with its scope, in Chinese', async () => {
    const page = await open(viewport);
    await page.locator('#park-list a', { hasText: '微创产业园' }).click();
    await page.locator('#park-dialog').waitFor({ state: 'visible' });
    expect(await page.locator('#park-name').textContent()).toBe('亚太路科创工业社区（微创产业园）');
    const groups = await page.locator('#park-body .rule-group summary').allTextContents();
    expect(groups[0]).toMatch(/^禁止（\d+）$/);
    const order = groups.map((g) => ['禁止', '需审查', '门槛', '审批层级'].indexOf(g.replace(/（\d+）$/, '')));
    expect(order).toEqual([...order].sort((a, b) => a - b));
    expect(await page.locator('#park-body .rules .tag').first().textContent()).toMatch(/园区|区|市|全国/);
    expect(await page.locator('#park-body').textContent()).toContain('示例数据');
    expect(new URL(page.url()).searchParams.get('park')).toBe('jx-weichuang');
    expect(await overflowX(page)).toBe(0);
    expect(await visibleTextProblems(page)).toEqual([]);
    await page.screenshot({ path: `${ARTIFACTS}/parks-2-detail-${name}.png` });
    await page
      .locator('#park-body .rule-group')
      .first()
      .evaluate((e) => e.scrollIntoView({ block: 'start' }));
    await page.screenshot({ path: `${ARTIFACTS}/parks-3-rules-${name}.png` });
    await page.close();
  });

  it('a result card link from the chat opens the park at once', async () => {
    const page = await open(viewport);
    await page.goto(`${server.url}/parks.html?park=jx-weichuang`);
    await page.locator('#park-dialog').waitFor({ state: 'visible' });
    expect(await page.locator('#park-name').textContent()).toContain('微创产业园');
    await page.close();
  });
});

describe('the park library', () => {
  it('raised no page errors and never used a browser dialog', () => {
    expect(problems).toEqual([]);
  });
});
