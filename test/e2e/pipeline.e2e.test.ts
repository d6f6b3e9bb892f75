/** The 招商一盘棋 page in a real browser: leads compete for scarce units, plan, commit, see the ledger. */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { mkdirSync } from 'node:fs';
import { startServer, type RunningServer } from './server.js';
import { ARTIFACTS, launchChromium, overflowX, signInPage, visibleTextProblems } from './browser.js';

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
  // window.prompt/confirm/alert are never used: decisions ask in the page's own dialog
  page.on('dialog', (d) => {
    problems.push(`browser dialog: ${d.message()}`);
    void d.dismiss();
  });
  await signInPage(page, server.url, 'admin', server.adminPassword, '/pipeline.html');
  for (let i = 1; i <= 4; i++)
    await createLead({ name: `内窥镜项目${i}`, summary: '研发生产内窥镜，需要3000平方米厂房', floorAreaM2: 3000, sourceTown: '东栅街道' });
  await createLead({ name: '电镀项目', summary: '五金件电镀加工，需要2000平方米厂房', floorAreaM2: 2000, sourceTown: '塘汇街道' });
  await createLead({ name: '新材料项目', summary: '新材料项目，用地50亩，投资3亿元', landMu: 50, investmentWan: 30000 });
});

const row = (name: string) => page.locator('#leads tbody tr', { has: page.locator('strong', { hasText: new RegExp(`^${name}$`) }) });

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('the pipeline page', () => {
  it('shows how the plan moves the policy targets (方案对目标的影响), as cards at 1440 and 390 px', async () => {
    for (const width of [1440, 390]) {
      await page.setViewportSize({ width, height: 900 });
      await page.goto(`${server.url}/pipeline.html`);
      await page.locator('#leads tbody tr').first().waitFor();
      await page.click('#run-plan');
      await page.locator('#plan-targets h3').waitFor();
      const section = page.locator('#plan-targets');
      expect(await section.locator('h3').textContent()).toBe('方案对目标的影响');
      // the 内窥镜 leads land in 微创产业园 (医疗器械, a 都市型工业社区): its leading-industry share moves, with its clause
      const card = section.locator('.target-card:not(.target-still)', { hasText: '微创产业园' }).first();
      const text = (await card.textContent()) ?? '';
      expect(text).toContain('主导产业及关联产业');
      expect(text).toContain('≥ 70%');
      expect(text).toContain('南政发〔2025〕1号 附件2 第3项');
      expect(text).toMatch(/现状\d+\.\d%已落地 \d+\.\d%按方案落地后\d+\.\d% ↑新增 \d 个项目状态变化/);
      expect(await card.locator('.badge').count()).toBeGreaterThan(0);
      // 未达标 → 有风险 says which way: the plan brings the share over the target, the landed part is still under it
      // (demo data: 微创产业园's enterprise share is 66.7 % landed, 83.3 % with the plan's 内窥镜 leads)
      expect(text).toContain('未达标→有风险');
      expect(text).toContain('按方案落地后可达标（已落地部分尚未达标）');
      // the targets the plan leaves alone are folded away
      expect(await section.locator('details summary').textContent()).toMatch(/^其余 \d+ 项目标不受本方案影响$/);
      expect(await overflowX(page)).toBe(0);
      expect(await visibleTextProblems(page)).toEqual([]);
      await section.scrollIntoViewIfNeeded();
      await section.screenshot({ path: `${ARTIFACTS}/pipeline-targets-${width}.png` });
    }
    await page.setViewportSize({ width: 1366, height: 900 });
    expect(problems).toEqual([]);
  });

  it('plans the open leads, explains the unassigned one, and commits', async () => {
    await page.goto(`${server.url}/pipeline.html`);
    await page.locator('#leads tbody tr').first().waitFor();
    expect(await page.locator('#leads tbody tr').count()).toBe(6);
    await page.click('#run-plan');
    await page.locator('#plan-summary p').waitFor();
    expect(await page.locator('#plan-summary').textContent()).toContain('总匹配分');
    const unassigned = (await page.locator('#plan-unassigned').textContent()) ?? '';
    expect(unassigned).toContain('电镀项目');
    expect(unassigned).toContain('电镀');
    // a plan row says what moves, never "X → X"; a lead without a town says so once
    const planText = (await page.locator('#leads tbody').textContent()) ?? '';
    expect(planText).not.toMatch(/(\S+?)→\1/);
    expect(await row('新材料项目').textContent()).toContain('报送镇街未填');
    expect(await visibleTextProblems(page)).toEqual([]);
    await page.screenshot({ path: `${ARTIFACTS}/pipeline-1-plan-1366.png`, fullPage: true });
    await page.click('#commit-plan');
    await page.waitForFunction(() => document.querySelector('#plan-status')?.textContent?.includes('已确认'));
    expect(await page.locator('#plan-status').textContent()).toMatch(/已确认：5 个项目/);
    expect(problems).toEqual([]);
  });

  it('接收 asks to confirm and says what happened; cancelling changes nothing', async () => {
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.goto(`${server.url}/pipeline.html`);
    await row('内窥镜项目1').waitFor();
    await page.click('#run-plan');
    await page.locator('#plan-summary p').waitFor();
    expect(await overflowX(page)).toBe(0);
    await page.screenshot({ path: `${ARTIFACTS}/pipeline-1-board-1440.png` });
    await row('内窥镜项目1').locator('button', { hasText: '接收' }).click();
    await page.locator('#decide-dialog').waitFor({ state: 'visible' });
    expect(await page.locator('#decide-text').textContent()).toMatch(/确认接收「内窥镜项目1」落位到 .+层 [\d,]+㎡/);
    await page.click('#decide-cancel');
    expect(await page.locator('#decide-dialog').isVisible()).toBe(false);
    expect(await row('内窥镜项目1').textContent()).toContain('待接收');
    await row('内窥镜项目1').locator('button', { hasText: '接收' }).click();
    await page.click('#decide-ok');
    await page.waitForFunction(() => document.querySelector('#board-status')?.textContent?.startsWith('已接收'));
    expect(await page.locator('#board-status').textContent()).toMatch(/^已接收：「内窥镜项目1」 → .+已记入流转台账/);
    expect(await row('内窥镜项目1').textContent()).toContain('已接收');
  });

  it('退回 asks for a reason in a dialog (not prompt()), refuses an empty one, and records it', async () => {
    await row('内窥镜项目2').locator('button', { hasText: '退回' }).click();
    await page.locator('#decide-dialog').waitFor({ state: 'visible' });
    expect(await page.locator('#decide-reason-label').textContent()).toBe('原因（必填）');
    await page.screenshot({ path: `${ARTIFACTS}/pipeline-3-reject-1440.png` });
    await page.click('#decide-ok');
    expect(await page.locator('#decide-error').textContent()).toBe('请填写原因');
    expect(await page.locator('#decide-dialog').isVisible()).toBe(true);
    await page.fill('#decide-reason', '园区反馈该层已有意向客户');
    await page.click('#decide-ok');
    await page.waitForFunction(() => document.querySelector('#board-status')?.textContent?.startsWith('已退回'));
    expect(await page.locator('#board-status').textContent()).toContain('园区反馈该层已有意向客户');
  });

  it('the ledger dialog and 变更记录 read in Chinese: no ids, keys or null', async () => {
    await row('内窥镜项目2').locator('button', { hasText: '台账' }).click();
    await page.locator('#lead-dialog').waitFor({ state: 'visible' });
    await page.locator('#lead-body table.ledger').waitFor();
    const body = (await page.locator('#lead-body').textContent()) ?? '';
    expect(body).toContain('东栅街道（首谈地）');
    expect(body).toContain('系统管理员');
    expect(body).toContain('园区反馈该层已有意向客户');
    expect(body).toMatch(/面积需求\(平方米\) 3,000㎡/);
    expect(await visibleTextProblems(page)).toEqual([]);
    await page.screenshot({ path: `${ARTIFACTS}/pipeline-2-ledger-1440.png` });
    await page.keyboard.press('Escape');
  });

  it('moving a stage back asks for the reason in the page dialog and records it in 变更记录', async () => {
    const list = await fetch(`${server.url}/api/leads?q=${encodeURIComponent('内窥镜项目4')}`, { headers: { cookie: server.cookie } });
    const id = ((await list.json()) as { items: { id: string }[] }).items[0]!.id;
    const moved = await fetch(`${server.url}/api/leads/${id}`, {
      method: 'PATCH',
      headers: { 'content-type': 'application/json', cookie: server.cookie },
      body: JSON.stringify({ stage: '在谈' }),
    });
    expect(moved.status).toBe(200);
    await page.goto(`${server.url}/pipeline.html`);
    await row('内窥镜项目4').locator('button', { hasText: '台账' }).click();
    await page.locator('#lead-body select[name=stage]').waitFor();
    await page.selectOption('#lead-body select[name=stage]', '线索');
    await page.locator('#lead-body button', { hasText: '保存阶段' }).click();
    await page.locator('#decide-dialog').waitFor({ state: 'visible' });
    expect(await page.locator('#decide-text').textContent()).toBe('阶段从「在谈」退回「线索」。');
    await page.fill('#decide-reason', '客户暂缓投资计划');
    await page.click('#decide-ok');
    await page.waitForFunction(() => document.querySelector('#lead-body .history')?.textContent?.includes('在谈 → 线索'));
    expect(await page.locator('#lead-body .history').textContent()).toContain('原因 客户暂缓投资计划');
    await page.keyboard.press('Escape');
  });

  it('the town filter matches part of a name, and 刷新 works without any other field', async () => {
    await page.fill('#filters input[name=town]', '塘汇');
    await page.click('#filters button[type=submit]');
    await page.waitForFunction(() => document.querySelectorAll('#leads tbody tr').length === 1);
    expect(await page.locator('#leads tbody').textContent()).toContain('电镀项目');
    expect(await page.locator('#filters input[name=actor]').count()).toBe(0); // no free-text 操作人
    await page.fill('#filters input[name=town]', '');
    await page.click('#filters button[type=submit]');
    await page.waitForFunction(() => document.querySelectorAll('#leads tbody tr').length === 6);
    expect(await page.locator('#user-bar').count()).toBe(1); // 刷新 does not sign in again
  });

  it('at 390 px the board, the ledger and the 退回 dialog fit the screen as cards', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${server.url}/pipeline.html`);
    await row('内窥镜项目3').waitFor();
    await page.click('#run-plan');
    await page.locator('#plan-summary p').waitFor();
    expect(await overflowX(page)).toBe(0);
    // table headers are hidden; each cell names its column: no header broken one character a line
    expect(await page.locator('#leads thead').isVisible()).toBe(false);
    const label = await row('内窥镜项目3')
      .locator('td')
      .nth(1)
      .evaluate((td) => getComputedStyle(td, '::before').content);
    expect(label).toBe('"阶段"');
    await page.screenshot({ path: `${ARTIFACTS}/pipeline-1-board-390.png`, fullPage: true });
    await row('内窥镜项目3').locator('button', { hasText: '退回' }).click();
    await page.locator('#decide-dialog').waitFor({ state: 'visible' });
    expect(await overflowX(page)).toBe(0);
    await page.screenshot({ path: `${ARTIFACTS}/pipeline-3-reject-390.png` });
    await page.click('#decide-cancel');
    await row('内窥镜项目2').locator('button', { hasText: '台账' }).click();
    await page.locator('#lead-body table.ledger').waitFor();
    expect(await overflowX(page)).toBe(0);
    expect(await visibleTextProblems(page)).toEqual([]);
    await page.screenshot({ path: `${ARTIFACTS}/pipeline-2-ledger-390.png` });
    await page.locator('#lead-body table.ledger').evaluate((e) => e.scrollIntoView({ block: 'start' }));
    await page.screenshot({ path: `${ARTIFACTS}/pipeline-2-ledger-rows-390.png` });
    await page.keyboard.press('Escape');
    expect(problems).toEqual([]);
  });
});
