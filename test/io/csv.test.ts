import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { detectDelimiter, parseCsvText, readCsv } from '../../server/io/csv.js';
import { FileProblem } from '../../server/io/table.js';
import { LIMITS, limitsWith, utf8 } from './helpers.js';

const cells = async (text: string) => (await parseCsvText(text, LIMITS)).map((r) => r.cells);

describe('CSV parsing', () => {
  it('reads CRLF, LF and CR line endings, also mixed', async () => {
    const want = [
      ['a', 'b'],
      ['1', '2'],
      ['3', '4'],
    ];
    expect(await cells('a,b\r\n1,2\r\n3,4\r\n')).toEqual(want);
    expect(await cells('a,b\n1,2\n3,4\n')).toEqual(want);
    expect(await cells('a,b\r1,2\r3,4')).toEqual(want);
    expect(await cells('a,b\r\n1,2\n3,4\r')).toEqual(want);
  });
  it('keeps quoted commas and line breaks inside one cell, and numbers records as Excel numbers rows', async () => {
    const rows = await parseCsvText('简介,名称\r\n"研发,生产\r\n内窥镜",甲\r\n\r\n乙,丙\r\n', LIMITS);
    expect(rows.map((r) => [r.line, r.cells])).toEqual([
      [1, ['简介', '名称']],
      [2, ['研发,生产\r\nx'.replace('x', '内窥镜'), '甲']],
      [3, []],
      [4, ['乙', '丙']],
    ]);
  });
  it('tolerates a stray quote inside a field (hand-edited files)', async () => {
    expect(await cells('名称,简介\n甲,5"寸屏幕\n')).toEqual([
      ['名称', '简介'],
      ['甲', '5"寸屏幕'],
    ]);
  });
  it('detects tab and semicolon separated files', async () => {
    expect(detectDelimiter('项目名称\t项目简介\n甲\t乙')).toBe('\t');
    expect(detectDelimiter('项目名称;项目简介\n甲;乙')).toBe(';');
    expect(detectDelimiter('"a;b",c\n')).toBe(',');
    expect(await cells('a\tb\n1\t2')).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ]);
  });
  it('stops at an unterminated quote, naming the line', async () => {
    const e = await parseCsvText('a,b\n1,2\n3,"never closed\n4,5\n', LIMITS).catch((x) => x);
    expect(e).toBeInstanceOf(FileProblem);
    expect(e.message).toMatch(/第 3 行.*引号/);
  });
  it('refuses a record far over the size limit (a 50 MB field) without reading on', async () => {
    const e = await parseCsvText(`a,b\n1,${'x'.repeat(300_000)}\n`, limitsWith({ maxCellChars: 1000 })).catch((x) => x);
    expect(e).toBeInstanceOf(FileProblem);
    expect(e.code).toBe('bad_csv');
    expect(e.message).toContain('第 2 行');
  });
  it('refuses a row with more columns than allowed', async () => {
    const e = await parseCsvText('a,b\n' + ','.repeat(500) + '\n', LIMITS).catch((x) => x);
    expect(e.code).toBe('too_many_columns');
  });
  it('stops reading once the row limit is clearly passed', async () => {
    const e = await parseCsvText('a\n' + '1\n'.repeat(200), limitsWith({ maxRows: 50 })).catch((x) => x);
    expect(e.code).toBe('too_many_rows');
  });
  it('refuses binary files and empty files', async () => {
    expect((await readCsv(new Uint8Array([0, 1, 2, 3, 0]), LIMITS).catch((x) => x)).code).toBe('not_spreadsheet');
    expect((await readCsv(utf8(' \r\n \n'), LIMITS).catch((x) => x)).code).toBe('empty');
  });
  it('never throws anything but a FileProblem, whatever the text', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: fc.constantFrom('a', '"', ',', '\n', '\r', '\t', ';', '项', ' '), maxLength: 200 }), async (s) => {
        const r = await parseCsvText(s, limitsWith({ maxRows: 20, maxColumns: 30 })).catch((e) => e);
        expect(Array.isArray(r) || r instanceof FileProblem).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
