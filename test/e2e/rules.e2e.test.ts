/**
 * The 规则管理 page in a real browser, as 嘉兴's admin: the rules with their provenance (文件 / 示例规则 /
 * 参照 / 已采纳), filters, a 参照 rule adopted after previewing its impact, a threshold change previewed;
 * at 1440 px and at 390 px (a phone) without sideways scrolling. Screenshots in test-artifacts/.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { mkdirSync } from 'node:fs';
import { startServer, type RunningServer } from './server.js';
import { ARTIFACTS, launchChromium, signInPage } from './browser.js';

let server: RunningServer;
let browser: Browser;
const problems: string[] = [];
const PASSWORD = 'rules-e2e-pass-1';

async function api(path: string, body: unknown, cookie = server.cookie) {
  const r = await fetch(`${server.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie },
    body: JSON.stringify(body),
  });
  expect(r.status).toBeLessThan(300);
  return r.json();
}

async function pageAs(width: number, username: string): Promise<Page> {
  const page = await browser.newPage({ viewport: { width, height: 900 }, locale: 'zh-CN' });
  page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
  page.on('pageerror', (e) => problems.push(e.message));
  await signInPage(page, server.url, username, PASSWORD, '/rules.html');
  await page.locator('#rules li.rule').first().waitFor();
  return page;
}

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  server = await startServer();
  browser = await launchChromium();
  await api('/api/users', {
    username: 'jx-admin',
    password: PASSWORD,
    role: 'admin',
    jurisdictionId: 'jiaxing',
    displayName: '嘉兴招商中心',
  });
  await api('/api/users', { username: 'jx-town', password: PASSWORD, role: 'town', town: '东栅街道', displayName: '东栅街道招商' });
  // open leads of 嘉兴 for the preview to weigh: one needs 6,000 ㎡ (a 区审 by the 参照 leased-area rule)
  await api('/api/leads', { name: '内窥镜扩产', summary: '研发生产内窥镜，新建用地项目', floorAreaM2: 6000, sourceTown: '东栅街道' });
  await api('/api/leads', { name: '传感器模组', summary: '传感器模组研发生产', floorAreaM2: 1500, sourceTown: '东栅街道' });
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('the rules page', () => {
  it('lists the rules of 嘉兴 and above with their provenance, filters them, and adopts a 参照 rule after previewing its impact (1440 px)', async () => {
    const page = await pageAs(1440, 'jx-admin');
    const status = (await page.locator('#rules-status').textContent()) ?? '';
    expect(status).toMatch(/示例规则 \d+、参照 \d+/);
    // no 萧山 rule on a 嘉兴 admin's page
    expect(await page.locator('#rules li[data-id^="xs-"]').count()).toBe(0);
    await page.screenshot({ path: `${ARTIFACTS}/rules-1440-list.png`, fullPage: false });
    await page.selectOption('#filters [name=provenance]', '参照');
    const badges = await page.locator('#rules li.rule .badge.ref').count();
    expect(badges).toBeGreaterThan(0);
    expect(await page.locator('#rules li.rule').count()).toBe(badges);
    const card = page.locator('#rules li[data-id="rl-new-land-district"]');
    expect(await card.textContent()).toContain('上海市嘉定区');
    await card.getByRole('button', { name: '采纳' }).click();
    await page.locator('#change-dialog[open]').waitFor();
    expect(await page.locator('#change-summary').textContent()).toContain('采纳');
    await page.click('#preview');
    await page.locator('#impact details').first().waitFor();
    expect(await page.locator('#impact details').count()).toBe(4);
    expect(await page.locator('#impact').textContent()).toContain('未写入任何数据');
    expect(await page.locator('#apply').isDisabled()).toBe(true); // no reason yet
    await page.fill('#change-form [name=changeReason]', '本辖区采用嘉定区的新增用地区审做法');
    expect(await page.locator('#apply').isDisabled()).toBe(false);
    await page.screenshot({ path: `${ARTIFACTS}/rules-1440-adopt-preview.png`, fullPage: false });
    await page.click('#apply');
    await page.waitForFunction(() => document.querySelector('#change-status')?.textContent?.includes('已应用'));
    await page.click('#change-dialog .close');
    await page.selectOption('#filters [name=provenance]', '已采纳');
    await page.locator('#rules li[data-id="rl-new-land-district"] .badge.adopted').waitFor();
    // the edit dialog: a threshold changed and previewed
    await page.selectOption('#filters [name=provenance]', '');
    await page.fill('#filters [name=q]', 'rl-lease');
    const lease = page.locator('#rules li[data-id="rl-lease-large-district"]');
    await lease.getByRole('button', { name: '修改' }).click();
    await page.locator('#change-dialog[open]').waitFor();
    expect(await page.inputValue('#change-form [name=min]')).toBe('5000');
    await page.fill('#change-form [name=min]', '3000');
    await page.click('#preview');
    await page.locator('#impact details').first().waitFor();
    await page.screenshot({ path: `${ARTIFACTS}/rules-1440-edit-preview.png`, fullPage: false });
    expect(await page.locator('#versions-box').isHidden()).toBe(true); // never changed: no versions yet
    expect(problems).toEqual([]);
    await page.close();
  });

  it('works at 390 px without sideways scrolling; town staff read the rules but get no write buttons', async () => {
    const page = await pageAs(390, 'jx-admin');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await page.screenshot({ path: `${ARTIFACTS}/rules-390-list.png`, fullPage: false });
    await page.locator('#rules li[data-id="rl-stock-renovation-district"]').getByRole('button', { name: '采纳' }).click();
    await page.locator('#change-dialog[open]').waitFor();
    await page.click('#preview');
    await page.locator('#impact details').first().waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await page.screenshot({ path: `${ARTIFACTS}/rules-390-dialog.png`, fullPage: false });
    await page.close();
    const town = await pageAs(390, 'jx-town');
    expect(await town.locator('#rules li.rule').count()).toBeGreaterThan(0);
    expect(await town.locator('#rules button').count()).toBe(0);
    expect(await town.locator('#new-rule').isHidden()).toBe(true);
    await town.screenshot({ path: `${ARTIFACTS}/rules-390-town.png`, fullPage: false });
    await town.close();
    expect(problems).toEqual([]);
  });
});
