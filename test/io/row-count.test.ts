/** Rows counted from the bytes before anything is parsed or stored: the same count the readers find. */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import iconv from 'iconv-lite';
import { countCsvRecords, xlsxRowCounter } from '../../server/io/row-count.js';
import { toCsv } from '../../server/io/export.js';
import { parseCsvText } from '../../server/io/csv.js';
import { guardZip } from '../../server/io/zip-guard.js';
import { isBlankRow } from '../../server/io/table.js';
import { LIMITS, utf8, xlsxOf } from './helpers.js';
import { createTestApp } from '../helpers/app.js';
import { afterAll } from 'vitest';

describe('counting CSV records from the bytes', () => {
  it('counts non-blank records, not blank lines or line breaks inside quotes, in UTF-8 and GBK', () => {
    const csv = '项目名称,项目简介\r\n甲,"研发\n生产"\n\n,,\n乙,内窥镜\r丙,"带""引号"""\n';
    expect(countCsvRecords(utf8(csv))).toBe(4);
    expect(countCsvRecords(iconv.encode(csv, 'gbk'))).toBe(4);
    expect(countCsvRecords(utf8('a,b'))).toBe(1);
    expect(countCsvRecords(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('a\nb', 'utf16le')]))).toBeNull();
  });
  it('never counts more records than the CSV reader finds, whatever the table (so no file is refused wrongly)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.array(fc.oneof(fc.string({ maxLength: 8 }), fc.constant(''), fc.integer()), { minLength: 1, maxLength: 4 }), {
          maxLength: 30,
        }),
        async (rows) => {
          const text = toCsv(['名称'], rows).slice(1);
          const parsed = await parseCsvText(text, LIMITS);
          const found = parsed.filter((r) => !isBlankRow(r.cells)).length;
          const counted = countCsvRecords(utf8(text))!;
          expect(counted).toBeLessThanOrEqual(found);
          // exact unless a row holds nothing but spaces, tabs or semicolons (read as text under a comma header)
          if (!rows.some((r) => r.every((c) => /^[;\t ]*$/.test(String(c))))) expect(counted).toBe(found);
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('counting XLSX rows while the zip guard inflates', () => {
  it('counts the rows with a value in the first sheet, whatever the chunk sizes', async () => {
    const rows = [['项目名称', '项目简介'], ...Array.from({ length: 120 }, (_, i) => [`项目${i}`, i % 3 ? '内窥镜' : 5])];
    const bytes = await xlsxOf([
      { name: '线索', rows: [...rows, [], [null, null]] },
      { name: '其他', rows: Array.from({ length: 500 }, () => ['x']) },
    ]);
    expect((await guardZip(Buffer.from(bytes), LIMITS)).firstSheetRows).toBe(121);
    const xml =
      '<sheetData><row r="1"><c t="inlineStr"><is><t>a</t></is></c></row><row r="2"/><x:row r="3"><x:c><x:v>1</x:v></x:c></x:row></sheetData>';
    for (const size of [1, 2, 3, 7, 16, 1000]) {
      const c = xlsxRowCounter();
      for (let i = 0; i < xml.length; i += size) c.push(utf8(xml.slice(i, i + size)));
      expect(c.count()).toBe(2);
    }
  });
});

describe('uploads over UPLOAD_MAX_ROWS are refused before they are read', () => {
  const t = createTestApp({ UPLOAD_MAX_ROWS: '50' });
  afterAll(() => t.jobs.stop());
  const send = async (bytes: Uint8Array | string, name: string) => {
    const fd = new FormData();
    fd.append('file', new File([bytes as BlobPart], name));
    const r = await t.request('/api/jobs/score', { method: 'POST', body: fd });
    return { status: r.status, body: (await r.json()) as any };
  };
  it('CSV and XLSX: 400 naming the count and the limit, nothing stored', async () => {
    const rows = Array.from({ length: 200 }, (_, i) => [`项目${i}`, '研发生产内窥镜']);
    const csv = await send(toCsv(['项目名称', '项目简介'], rows), 'big.csv');
    expect(csv.status).toBe(400);
    expect(csv.body.error.message).toContain('约有 200 行数据，超过 50 行上限（UPLOAD_MAX_ROWS），未读取也未保存');
    const xlsx = await send(await xlsxOf([{ name: '线索', rows: [['项目名称', '项目简介'], ...rows] }]), 'big.xlsx');
    expect(xlsx.status).toBe(400);
    expect(xlsx.body.error.message).toContain('约有 200 行数据');
    expect(Number(t.db.$client.prepare('SELECT count(*) FROM job_rows').pluck().get())).toBe(0);
    expect(Number(t.db.$client.prepare('SELECT count(*) FROM jobs').pluck().get())).toBe(0);
    // at the limit: read as before
    const ok = await send(toCsv(['项目名称', '项目简介'], rows.slice(0, 50)), 'ok.csv');
    expect(ok.status).toBe(202);
  });
});
