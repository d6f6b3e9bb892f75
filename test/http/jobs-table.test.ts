/**
 * The bulk results as the page and the downloads show them: every row kept (bad ones with their
 * problem), row numbers as Excel shows them (a title row above the header moves them too), a sorted,
 * paged table, and XLSX columns wide enough to read.
 */
import { describe, it, expect, afterAll, beforeAll } from 'vitest';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { createTestApp, type TestApp } from '../helpers/app.js';

const t = createTestApp();
afterAll(() => t.jobs.stop());

async function upload(app: TestApp, bytes: Uint8Array | string, name: string) {
  const fd = new FormData();
  fd.append('file', new File([bytes as BlobPart], name));
  const res = await app.request('/api/jobs/score', { method: 'POST', body: fd });
  expect(res.status).toBe(202);
  return ((await res.json()) as { jobId: string }).jobId;
}

async function done(id: string) {
  await t.jobs.idle();
  return (await t.json(`/api/jobs/${id}`)).body;
}

const CSV = [
  '\uFEFF项目名称,项目简介,面积需求(平方米),总投资(万元)',
  '内窥镜项目,研发生产内窥镜,3000,6000',
  '坏投资,研发生产内窥镜,3000,abc',
  '缺简介,,2000,',
  '传感器项目,MEMS传感器研发生产,1500,3000',
  '服装项目,服装设计及时尚品牌运营,800,1000',
].join('\n');

let csvJob = '';
let xlsxJob = '';

beforeAll(async () => {
  csvJob = await upload(t, CSV, 'leads.csv');
  // a title row above the header, as many office sheets have: the header is Excel's row 2
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('线索');
  ws.addRow(['2026年12月 招商线索汇总']);
  ws.addRow(['项目名称', '项目简介', '面积需求(平方米)']);
  ws.addRow(['甲项目', '研发生产内窥镜', 3000]);
  ws.addRow(['乙项目', '', 2000]);
  xlsxJob = await upload(t, new Uint8Array(await wb.xlsx.writeBuffer()), 'title.xlsx');
  await done(csvJob);
});

describe('row numbers as Excel shows them', () => {
  it('errors name the sheet row (header row 1 → first data row 2) and keep the data row in `row`', async () => {
    const job = await done(csvJob);
    expect(job.errors.map((e: any) => [e.row, e.line])).toEqual([
      [2, 3],
      [3, 4],
    ]);
    expect(job.errors[0].message).toMatch(/^第 3 行「总投资\(万元\)」/);
    expect(job.errors[1].message).toMatch(/^第 4 行/);
  });

  it('a title row above the header moves every row number by one', async () => {
    const job = await done(xlsxJob);
    expect(job.errors).toHaveLength(1);
    expect(job.errors[0]).toMatchObject({ row: 2, line: 4 });
    expect(job.errors[0].message).toMatch(/^第 4 行/);
    const table = (await t.json(`/api/jobs/${xlsxJob}/table`)).body;
    expect(table.items.map((r: any) => [r.name, r.line])).toEqual([
      ['甲项目', 3],
      ['乙项目', 4],
    ]);
  });
});

describe('GET /api/jobs/:id/results?rows=all', () => {
  it('CSV keeps the bad rows with their problem and starts each row with its sheet row', async () => {
    const res = await t.request(`/api/jobs/${csvJob}/results?format=csv&rows=all`);
    expect(res.status).toBe(200);
    const rows = parse((await res.text()).replace(/^\uFEFF/, '')) as string[][];
    expect(rows[0]![0]).toBe('原表行号');
    expect(rows[0]!.at(-1)).toBe('问题说明');
    expect(rows.slice(1).map((r) => r[0])).toEqual(['2', '3', '4', '5', '6']);
    const bad = rows.find((r) => r[1] === '坏投资')!;
    expect(bad.at(-1)).toContain('第 3 行「总投资(万元)」不是数字');
    expect(rows.find((r) => r[1] === '内窥镜项目')!.at(-1)).toBe('');
    // the v1 download still has only the scored rows
    const v1 = parse((await (await t.request(`/api/jobs/${csvJob}/results?format=csv`)).text()).replace(/^\uFEFF/, '')) as string[][];
    expect(v1).toHaveLength(1 + 3);
  });

  it('XLSX keeps the bad rows too, with column widths fitted to the content', async () => {
    const res = await t.request(`/api/jobs/${csvJob}/results?format=xlsx&rows=all`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await res.arrayBuffer()) as never);
    const ws = wb.worksheets[0]!;
    expect(ws.rowCount).toBe(1 + 5);
    expect(ws.getRow(4).getCell(1).value).toBe(4);
    expect(String(ws.getRow(4).getCell(ws.columnCount).value)).toContain('项目简介和所属行业至少填写一项');
    const widths = ws.columns.map((c) => c.width ?? 0);
    expect(widths.every((w) => w >= 6)).toBe(true);
    const header = (ws.getRow(1).values as unknown[]).slice(1).map(String);
    const reasons = widths[header.indexOf('推荐理由')]!;
    expect(reasons).toBeGreaterThan(widths[header.indexOf('得分')]!);
    expect(widths[header.indexOf('项目名称')]).toBeGreaterThanOrEqual(10); // 项目名称 is 8 wide, 内窥镜项目 10
  });

  it('the row errors download names the sheet row and the column, no field keys', async () => {
    const res = await t.request(`/api/jobs/${csvJob}/errors?format=csv`);
    const rows = parse((await res.text()).replace(/^\uFEFF/, '')) as string[][];
    expect(rows[0]).toEqual(['表格行号', '列', '说明']);
    expect(rows.slice(1).map((r) => r.slice(0, 2))).toEqual([
      ['3', '总投资(万元)'],
      ['4', '项目简介'],
    ]);
  });
});

describe('GET /api/jobs/:id/table', () => {
  it('pages every row in input order, bad rows with their problem', async () => {
    const first = (await t.json(`/api/jobs/${csvJob}/table?limit=2`)).body;
    expect(first.total).toBe(5);
    expect(first.items.map((r: any) => r.line)).toEqual([2, 3]);
    expect(first.items[0]).toMatchObject({ name: '内窥镜项目', parkName: expect.any(String), problem: null });
    expect(first.items[0].score).toBeGreaterThan(0);
    expect(first.items[1]).toMatchObject({ name: '坏投资', parkName: null, score: null });
    expect(first.items[1].problem).toContain('不是数字');
    const next = (await t.json(`/api/jobs/${csvJob}/table?limit=2&offset=4`)).body;
    expect(next.items.map((r: any) => r.line)).toEqual([6]);
  });

  it('sorts by score (high first, rows without one last) and by name', async () => {
    const byScore = (await t.json(`/api/jobs/${csvJob}/table?sort=score&order=desc`)).body.items;
    const scores = byScore.map((r: any) => r.score);
    const known = scores.filter((s: number | null) => s !== null);
    expect(known).toEqual([...known].sort((a: number, b: number) => b - a));
    expect(scores.slice(known.length)).toEqual([null, null]);
    const up = (await t.json(`/api/jobs/${csvJob}/table?sort=score&order=asc`)).body.items.map((r: any) => r.score);
    expect(up.filter((s: number | null) => s !== null)).toEqual([...known].reverse());
    const byName = (await t.json(`/api/jobs/${csvJob}/table?sort=name`)).body.items.map((r: any) => r.name);
    expect(byName).toEqual([...byName].sort((a: string, b: string) => a.localeCompare(b, 'zh-CN')));
  });

  it('refuses a bad sort and an unknown job', async () => {
    expect((await t.json(`/api/jobs/${csvJob}/table?sort=colour`)).status).toBe(400);
    expect((await t.json('/api/jobs/no-such-job/table')).status).toBe(404);
  });
});
