/**
 * The dashboard and the 招商地图 in a real browser, at 1440×900 and 390×844: charts drawn from the
 * installed ECharts, every number also in a table, the map with every located park, the XLSX export,
 * and the chat answer's parks on the map. Screenshots go to test-artifacts/.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { mkdirSync } from 'node:fs';
import { startServer, type RunningServer } from './server.js';
import { ARTIFACTS, launchChromium, signInPage } from './browser.js';

let server: RunningServer;
let browser: Browser;
const problems: string[] = [];
const VIEWER_PASSWORD = 'viewer-pass-e2e-1';

async function call(path: string, method: string, body?: unknown) {
  const r = await fetch(`${server.url}${path}`, {
    method,
    headers: { 'content-type': 'application/json', cookie: server.cookie },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json = (await r.json().catch(() => null)) as any;
  expect(r.status, `${method} ${path}: ${JSON.stringify(json)}`).toBeLessThan(300);
  return json;
}
const lead = async (body: Record<string, unknown>) => (await call('/api/leads', 'POST', body)).id as string;
const stage = (id: string, to: string) => call(`/api/leads/${id}`, 'PATCH', { stage: to });

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  server = await startServer();
  browser = await launchChromium();
  // a pipeline to draw: leads in several towns and stages, one placed and landed, one lost
  const landed = await lead({
    name: '内窥镜项目',
    summary: '研发生产医用内窥镜，需要3000平方米厂房',
    industries: ['医疗器械'],
    sourceTown: '南湖高新区',
    stage: '审批',
  });
  await call('/api/routing/commit', 'POST', { assignments: [{ leadId: landed, parkId: 'jx-weichuang', spaceId: null }] });
  await stage(landed, '在建');
  await stage(landed, '投产');
  const planned = await lead({
    name: '康复器械项目',
    summary: '康复器械研发生产，需要2000平方米厂房',
    industries: ['医疗器械'],
    sourceTown: '湘家荡',
    stage: '签约',
  });
  await call('/api/routing/commit', 'POST', { assignments: [{ leadId: planned, parkId: 'jx-luli-dajiankang', spaceId: null }] });
  await lead({ name: '智能传感器项目', summary: '智能传感器研发生产，需要2500平方米', sourceTown: '长水街道', stage: '在谈' });
  await lead({ name: '服装设计项目', summary: '服装设计及时尚品牌运营', sourceTown: '东栅街道' });
  const lost = await lead({ name: '电镀项目', summary: '五金件电镀加工', sourceTown: '塘汇街道' });
  await stage(lost, '流失');
  await lead({ name: '机器人减速器', summary: '工业机器人减速器生产，用地50亩', sourceTown: '萧山经济技术开发区', stage: '准入' });
  await call('/api/users', 'POST', { username: 'e2e-viewer', password: VIEWER_PASSWORD, role: 'viewer', displayName: '领导查看' });
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function open(width: number, height: number, user: 'admin' | 'viewer', next: string): Promise<Page> {
  const page = await browser.newPage({ viewport: { width, height }, locale: 'zh-CN', deviceScaleFactor: 1 });
  page.on('console', (m) => m.type() === 'error' && problems.push(`${width}: ${m.text()}`));
  page.on('pageerror', (e) => problems.push(`${width}: ${e.message} ${e.stack?.slice(0, 600)}`));
  await signInPage(
    page,
    server.url,
    user === 'admin' ? 'admin' : 'e2e-viewer',
    user === 'admin' ? server.adminPassword : VIEWER_PASSWORD,
    next,
  );
  return page;
}

/** How many points a chart's first scatter series draws (read from the ECharts instance). */
const points = (page: Page, sel: string, series = 0) =>
  page.evaluate(
    ([s, i]) => {
      const e = (window as any).echarts.getInstanceByDom(document.querySelector(s as string));
      return e ? (e.getOption().series[i as number].data as unknown[]).length : -1;
    },
    [sel, series] as const,
  );

describe('the dashboard', () => {
  for (const [width, height, user] of [
    [1440, 900, 'admin'],
    [390, 844, 'viewer'],
  ] as const) {
    it(`draws every section with its tables at ${width}×${height} (${user})`, async () => {
      const page = await open(width, height, user, '/dashboard.html');
      await page.goto(`${server.url}/dashboard.html`);
      await page.waitForSelector('body[data-ready="1"]', { timeout: 30_000 });
      const api = await page.evaluate(async () => (await fetch('/api/dashboard')).json());
      // every target row in the table, with its source
      const measured = await page.locator('#targets-table tbody tr').count();
      expect(measured).toBe(api.targets.filter((t: { status: string }) => t.status !== 'noData').length);
      expect(measured + (await page.locator('#targets-nodata-table tbody tr').count())).toBe(api.targets.length);
      expect(await page.locator('#targets-table').textContent()).toContain('南政发〔2025〕1号 附件2 第3项');
      // the map: every park of the jurisdiction shown that has a location is a point; each jurisdiction in turn
      const located = (j: string) =>
        api.parks.filter((p: { location: unknown; jurisdictionId: string }) => p.location && p.jurisdictionId === j).length;
      const tabs = await page.locator('#map-tabs button').count();
      expect(tabs).toBe(api.jurisdictions.length > 1 ? api.jurisdictions.length : 0);
      expect(await points(page, '#map')).toBe(located('jiaxing'));
      if (tabs) {
        await page.click('#map-tabs button[data-id="xiaoshan"]');
        await page.waitForFunction(
          () => document.querySelector('#map-tabs button[data-id="xiaoshan"]')?.getAttribute('aria-pressed') === 'true',
        );
        await page.waitForTimeout(300);
        expect(await points(page, '#map')).toBe(located('xiaoshan'));
        await page.locator('#map-section').screenshot({ path: `${ARTIFACTS}/dashboard-map-xiaoshan-${width}.png` });
        await page.click('#map-tabs button[data-id="jiaxing"]');
        await page.waitForTimeout(300);
      }
      expect(located('jiaxing')).toBeGreaterThan(0);
      expect(await page.locator('#parks-table tbody tr').count()).toBe(api.parks.length);
      // pipeline tables hold the same numbers as the API
      const stages = await page.locator('#stage-table tbody tr').allTextContents();
      expect(stages).toHaveLength(8);
      expect(stages.find((s) => s.startsWith('投产'))).toBe(
        `投产${api.pipeline.byStage.find((s: { stage: string }) => s.stage === '投产').count}`,
      );
      expect(await page.locator('#rules-note').textContent()).not.toBe('');
      // readable on a phone: nothing wider than the screen
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow).toBeLessThanOrEqual(1);
      // every table cell's text starts after its column label, never under it (tables become cards on a phone)
      const overlaps = await page.evaluate(() => {
        const bad: string[] = [];
        for (const td of Array.from(document.querySelectorAll<HTMLTableCellElement>('table.stack td[data-label]'))) {
          if (!td.offsetParent || !td.textContent?.trim()) continue;
          const before = getComputedStyle(td, '::before');
          if (before.content === 'none' || before.display === 'none') continue;
          const range = document.createRange();
          range.selectNodeContents(td);
          const text = range.getClientRects()[0];
          const cell = td.getBoundingClientRect();
          if (text && window.innerWidth < 600 && text.left - cell.left < 40) bad.push(`${td.dataset.label}: ${td.textContent}`);
        }
        return bad;
      });
      expect(overlaps).toEqual([]);
      // the export link downloads the workbook
      const xlsx = await page.request.get(`${server.url}/api/dashboard/export.xlsx`);
      expect(xlsx.status()).toBe(200);
      expect(xlsx.headers()['content-type']).toContain('spreadsheetml');
      await page.evaluate(() => window.scrollTo(0, 0));
      await page.screenshot({ path: `${ARTIFACTS}/dashboard-top-${width}.png` });
      await page.screenshot({ path: `${ARTIFACTS}/dashboard-${width}.png`, fullPage: true });
      await page.locator('#map-section').screenshot({ path: `${ARTIFACTS}/dashboard-map-${width}.png` });
      await page.locator('#targets-section').screenshot({ path: `${ARTIFACTS}/dashboard-targets-${width}.png` });
      await page.locator('.dash-grid').screenshot({ path: `${ARTIFACTS}/dashboard-pipeline-${width}.png` });
      await page.close();
      expect(problems).toEqual([]);
    });
  }
});

describe('the chat answer on the map', () => {
  for (const [width, height] of [
    [1440, 900],
    [390, 844],
  ] as const) {
    it(`shows the recommended parks coloured by score at ${width}×${height}`, async () => {
      const page = await open(width, height, 'admin', '/');
      await page.goto(`${server.url}/`);
      await page.fill('#chat-input', '有个做监护仪的客户，投资六千万，要三千五平米厂房');
      await page.click('#send');
      await page.locator('#results > li').first().waitFor({ timeout: 30_000 });
      await page.locator('.chat-map figcaption').filter({ hasText: '匹配分' }).waitFor({ timeout: 30_000 });
      const shown = await page.locator('#results > li').count();
      // the recommended series draws every eligible result that has a location
      const recommended = await points(page, '.chat-map-canvas', 2);
      expect(recommended).toBeGreaterThan(0);
      expect(recommended).toBeLessThanOrEqual(shown);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow).toBeLessThanOrEqual(1);
      await page.locator('.chat-map').scrollIntoViewIfNeeded();
      await page.screenshot({ path: `${ARTIFACTS}/chat-map-page-${width}.png`, fullPage: true });
      await page.locator('.chat-map').screenshot({ path: `${ARTIFACTS}/chat-map-${width}.png` });
      await page.close();
      expect(problems).toEqual([]);
    });
  }
});
