/**
 * exceljs's streaming reader sometimes loses a zip entry (exceljs#3064): xl/workbook.xml, stored last
 * by exceljs's writer, or the shared strings. The loss is a race (about 1 read in a few thousand
 * here), so these tests make it happen on purpose by having the reader skip the entry.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { excel } from '../../server/io/exceljs.js';
import { readXlsx } from '../../server/io/xlsx.js';
import { FileProblem } from '../../server/io/table.js';
import { LIMITS, xlsxOf } from './helpers.js';
import { buildZip } from './zip-builder.js';

type Proto = Record<string, (...a: unknown[]) => unknown>;
const proto = () => excel().stream.xlsx.WorkbookReader.prototype as unknown as Proto;
const restore: (() => void)[] = [];
afterEach(() => restore.splice(0).forEach((f) => f()));

/** Makes the reader skip the parts `method` parses, on the first `times` passes. */
function lose(method: '_parseWorkbook' | '_parseSharedStrings', times: number): { passes: () => number } {
  const p = proto();
  const orig = p[method]!;
  let calls = 0;
  p[method] = function (this: unknown, ...a: unknown[]) {
    if (calls++ < times) return method === '_parseWorkbook' ? Promise.resolve() : (function* () {})();
    return orig.apply(this, a);
  };
  restore.push(() => (p[method] = orig));
  return { passes: () => calls };
}

const twoSheets = () =>
  xlsxOf([
    {
      name: '线索',
      rows: [
        ['项目简介', '总投资(万元)'],
        ['研发生产内窥镜', 100],
      ],
    },
    { name: '说明', rows: [['填表说明'], ['第二张表不读']] },
  ]);

describe('XLSX reader losing an entry of the zip', () => {
  it('reads the first sheet when workbook.xml never reaches the reader (no "damaged file" for a sound one)', async () => {
    const lost = lose('_parseWorkbook', Infinity);
    const t = await readXlsx(await twoSheets(), LIMITS);
    expect(lost.passes()).toBe(1);
    expect(t.rows.map((r) => r.cells)).toEqual([
      ['项目简介', '总投资(万元)'],
      ['研发生产内窥镜', 100],
    ]);
  });

  it('reads the file again when the shared strings were lost, instead of handing on "[object Object]"', async () => {
    const lost = lose('_parseSharedStrings', 1);
    const t = await readXlsx(await twoSheets(), LIMITS);
    expect(lost.passes()).toBe(2);
    expect(t.rows[1]!.cells).toEqual(['研发生产内窥镜', 100]);
  });

  it('says the file cannot be read when the shared strings are lost on every pass', async () => {
    lose('_parseSharedStrings', Infinity);
    const e = await readXlsx(await twoSheets(), LIMITS).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(FileProblem);
    expect((e as FileProblem).code).toBe('bad_xlsx');
  });

  it('picks the first sheet by workbook order, whether or not the reader saw workbook.xml', async () => {
    for (const times of [0, Infinity]) {
      const lost = lose('_parseWorkbook', times);
      const t = await readXlsx(await twoSheets(), LIMITS);
      expect(t.rows[0]!.cells[0]).toBe('项目简介');
      restore.splice(0).forEach((f) => f());
      expect(lost.passes()).toBe(1);
    }
  });

  it('picks the first sheet of workbook.xml when it is not sheet1.xml, and its sheetId is neither', async () => {
    const x = (s: string) => Buffer.from(s, 'utf8');
    const sheet = (text: string) =>
      x(
        `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>${text}</t></is></c></row></sheetData></worksheet>`,
      );
    const rel = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
    const zip = buildZip([
      {
        name: '[Content_Types].xml',
        data: x(
          '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>',
        ),
      },
      {
        name: '_rels/.rels',
        data: x(
          `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${rel}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
        ),
      },
      {
        name: 'xl/_rels/workbook.xml.rels',
        data: x(
          `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${rel}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="${rel}/worksheet" Target="worksheets/sheet2.xml"/></Relationships>`,
        ),
      },
      { name: 'xl/worksheets/sheet1.xml', data: sheet('第二张') },
      { name: 'xl/worksheets/sheet2.xml', data: sheet('第一张') },
      {
        name: 'xl/workbook.xml',
        data: x(
          `<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="${rel}"><sheets><sheet name="线索" sheetId="7" r:id="rId2"/><sheet name="旧表" sheetId="3" r:id="rId1"/></sheets></workbook>`,
        ),
      },
    ]);
    for (const times of [0, Infinity]) {
      lose('_parseWorkbook', times);
      const t = await readXlsx(new Uint8Array(zip), LIMITS);
      restore.splice(0).forEach((f) => f());
      expect(t.rows.map((r) => r.cells)).toEqual([['第一张']]);
    }
  });
});
