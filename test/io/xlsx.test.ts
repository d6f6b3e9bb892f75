import { describe, it, expect } from 'vitest';
import { deflateRawSync } from 'node:zlib';
import { readXlsx, cellValue } from '../../server/io/xlsx.js';
import { guardZip } from '../../server/io/zip-guard.js';
import { FileProblem } from '../../server/io/table.js';
import { buildZip } from './zip-builder.js';
import { LIMITS, limitsWith, xlsxOf } from './helpers.js';

const problem = async (p: Promise<unknown>) => {
  const e = await p.catch((x) => x);
  expect(e).toBeInstanceOf(FileProblem);
  return e as FileProblem;
};

describe('XLSX reading', () => {
  it('reads the first worksheet only, with Excel row numbers', async () => {
    const t = await readXlsx(
      await xlsxOf([
        { name: '线索', rows: [['项目简介'], ['做传感器'], [], ['做内窥镜']] },
        { name: '其他', rows: [['x']] },
      ]),
      LIMITS,
    );
    expect(t.rows.map((r) => [r.line, r.cells])).toEqual([
      [1, ['项目简介']],
      [2, ['做传感器']],
      [4, ['做内窥镜']],
    ]);
  });
  it('turns cell objects into plain values', () => {
    expect(cellValue({ formula: 'A1*2', result: 10 })).toBe(10);
    expect(cellValue({ sharedFormula: 'A1', result: '文本' })).toBe('文本');
    expect(cellValue({ formula: 'NOW()' })).toBeNull();
    expect(cellValue({ richText: [{ text: '甲' }, { text: '乙' }] })).toBe('甲乙');
    expect(cellValue({ text: '点击', hyperlink: 'http://x' })).toBe('点击');
    expect(cellValue(new Date(Date.UTC(2025, 2, 1)))).toBe('2025-03-01');
    expect(cellValue({ error: '#N/A' })).toBe('#N/A');
    expect(cellValue(true)).toBe('TRUE');
  });
  it('stops once the row limit is passed', async () => {
    const rows = [['项目简介'], ...Array.from({ length: 40 }, (_, i) => [`行${i}`])];
    expect((await problem(readXlsx(await xlsxOf([{ name: 's', rows }]), limitsWith({ maxRows: 10 })))).code).toBe('too_many_rows');
  });
});

describe('zip-bomb guard (before anything is inflated)', () => {
  it('lets a normal workbook through', async () => {
    await expect(guardZip(Buffer.from(await xlsxOf([{ name: 's', rows: [['a'], ['b']] }])), LIMITS)).resolves.toEqual({
      firstSheetRows: 2,
      firstSheet: { fileNo: '1', sheetId: '1' },
    });
  });
  it('refuses an entry whose declared size is far beyond the compressed size (ratio > 100:1)', async () => {
    const zeros = Buffer.alloc(64 * 1024 * 1024);
    const zip = buildZip([{ name: 'xl/worksheets/sheet1.xml', data: zeros }]);
    expect(zip.length).toBeLessThan(1024 * 1024);
    const e = await problem(guardZip(zip, LIMITS));
    expect(e.code).toBe('zip_bomb');
    expect(e.message).toContain('压缩比');
  });
  it('decides on the directory alone: an archive that claims 4 GiB is refused without inflating (its data is not even deflate)', async () => {
    const zip = buildZip([
      { name: 'xl/worksheets/sheet1.xml', data: Buffer.from('x'), raw: Buffer.alloc(2 * 1024 * 1024, 7), declaredSize: 0xfffffff0 },
    ]);
    const e = await problem(guardZip(zip, LIMITS));
    expect(e.code).toBe('zip_bomb');
    expect(e.message).toMatch(/解压后|压缩比/);
  });
  it('refuses an archive whose total inflated size passes the limit', async () => {
    const random = (n: number) => Buffer.from(Array.from({ length: n }, (_, i) => (i * 7919) % 251));
    const zip = buildZip([1, 2, 3].map((i) => ({ name: `xl/f${i}.xml`, data: random(400_000) })));
    expect((await problem(guardZip(zip, limitsWith({ maxUnzippedBytes: 1_000_000 })))).message).toContain('解压后');
  });
  it('refuses an archive with too many entries', async () => {
    const zip = buildZip(Array.from({ length: 30 }, (_, i) => ({ name: `f${i}.xml`, data: Buffer.from('x') })));
    expect((await problem(guardZip(zip, limitsWith({ maxZipEntries: 20 })))).code).toBe('zip_bomb');
  });
  it('catches a directory that lies about sizes: inflation stops at the declared size', async () => {
    const zip = buildZip([{ name: 'xl/worksheets/sheet1.xml', data: Buffer.alloc(5 * 1024 * 1024, 0x41), declaredSize: 1000 }]);
    // declared 1000 bytes from ~5 KB compressed: the ratio looks harmless, the data is not
    const e = await problem(guardZip(zip, LIMITS));
    expect(e.code).toBe('zip_bomb');
    expect(e.message).toContain('实际大小与声明不符');
  });
  it('refuses hidden entries a streaming reader would inflate but the directory does not list', async () => {
    const zip = buildZip([
      { name: '[Content_Types].xml', data: Buffer.from('<x/>') },
      { name: 'xl/worksheets/sheet1.xml', data: Buffer.alloc(1024 * 1024), hidden: true },
      { name: 'xl/workbook.xml', data: Buffer.from('<x/>') },
    ]);
    expect((await problem(guardZip(zip, LIMITS))).code).toBe('bad_xlsx');
  });
  it('refuses something that only starts like a zip', async () => {
    expect(
      (await problem(guardZip(Buffer.concat([Buffer.from('PK\u0003\u0004'), deflateRawSync(Buffer.from('hello'))]), LIMITS))).code,
    ).toBe('bad_xlsx');
  });
});
