/**
 * XLSX → Table through exceljs's streaming reader (never the frozen npm `xlsx` package), first
 * worksheet only, after the zip-bomb guard. Cells become values: a formula cell gives its cached
 * result (never the formula), rich text its text, a hyperlink its text, a date YYYY-MM-DD.
 */
import { excel } from './exceljs.js';
import { Readable } from 'node:stream';
import { guardZip, type ZipFacts } from './zip-guard.js';
import { HEADER_ALLOWANCE } from './row-count.js';
import {
  FileProblem,
  tooManyRows,
  yieldToLoop,
  type Cell,
  type ImportLimits,
  type RowSink,
  type Table,
  type TableInfo,
  type TableRow,
} from './table.js';

const pad = (n: number) => String(n).padStart(2, '0');
const isoDate = (d: Date) => (Number.isNaN(d.getTime()) ? '' : `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`);

/** An exceljs cell value → a plain value. */
export function cellValue(v: unknown): Cell {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  if (typeof v === 'string') return v;
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (v instanceof Date) return isoDate(v);
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    if (Array.isArray(o.richText)) return (o.richText as { text?: string }[]).map((r) => r.text ?? '').join('');
    if ('formula' in o || 'sharedFormula' in o) return cellValue(o.result);
    if (typeof o.text === 'string') return o.text;
    if (typeof o.error === 'string') return o.error;
  }
  return String(v);
}

interface ReaderInternals {
  model?: { sheets?: { id: number; rId: string }[] };
}

/** An error of the caller's sink, passed through untouched (not a problem of the file). */
class FromSink extends Error {
  constructor(override readonly cause: unknown) {
    super('sink failed');
  }
}

/**
 * Rows of the first worksheet, handed to `sink` 2,000 at a time.
 *
 * exceljs's streaming reader has a race (exceljs#3064, open): reading a workbook whose
 * xl/workbook.xml is stored after its sheets (as exceljs itself writes them), it sometimes loses that
 * last entry and then fails on `this.model.sheets` — an intermittent "damaged file" for a sound one
 * (1 read in ~200 here). The zip guard has read workbook.xml and its rels from the central directory
 * already, so the first sheet is known without the reader's model: the model starts empty (filled
 * when the entry does arrive). The race can lose other entries too (the shared strings: cells then
 * come as indexes), so a read that fails, meets a cell left as an index, or ends without the first
 * sheet before any row was handed on is tried once more.
 */
export async function streamXlsx(bytes: Uint8Array, limits: ImportLimits, sink: RowSink): Promise<TableInfo> {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const facts = await guardZip(buf, limits);
  if (facts.firstSheetRows !== null && facts.firstSheetRows - HEADER_ALLOWANCE > limits.maxRows)
    throw new FileProblem('too_many_rows', tooManyRows(facts.firstSheetRows, limits.maxRows));
  let delivered = false;
  const deliver = async (chunk: TableRow[]) => {
    delivered = true;
    try {
      await sink(chunk);
    } catch (e) {
      throw new FromSink(e);
    }
  };
  for (let attempt = 1; ; attempt++) {
    let found = false;
    try {
      found = await readFirstSheet(buf, facts, limits, deliver);
    } catch (e) {
      if (e instanceof FileProblem) throw e;
      if (e instanceof FromSink) throw e.cause;
      if (attempt < 2 && !delivered) continue;
      // (the reader's own error kept as the cause: the staff see the sentence, a log or a failed test the reason)
      throw Object.assign(new FileProblem('bad_xlsx', 'XLSX 文件已损坏或格式不受支持，无法读取工作表'), { cause: e });
    }
    if (found) return { format: 'xlsx', encoding: null };
    if (attempt >= 2 || facts.firstSheet === null) throw new FileProblem('bad_xlsx', 'XLSX 文件中没有工作表');
  }
}

/** One pass of the streaming reader over the first sheet; false when it met no sheet to read. */
async function readFirstSheet(
  buf: Buffer,
  facts: ZipFacts,
  limits: ImportLimits,
  deliver: (chunk: TableRow[]) => Promise<void>,
): Promise<boolean> {
  const { WorkbookReader } = excel().stream.xlsx;
  const reader = new WorkbookReader(Readable.from([buf]), {
    worksheets: 'emit',
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    styles: 'cache',
    entries: 'ignore',
  });
  (reader as unknown as ReaderInternals).model = { sheets: [] };
  let rows: TableRow[] = [];
  let count = 0;
  const rowCap = limits.maxRows + 11;
  let found = false;
  for await (const ws of reader) {
    // a sheet the reader matched in workbook.xml carries its sheetId (a number); one it met before
    // that entry keeps its part's number (the string of sheetN.xml)
    const id = (ws as unknown as { id: string | number }).id;
    const want = facts.firstSheet && (typeof id === 'string' ? facts.firstSheet.fileNo : facts.firstSheet.sheetId);
    if (found || (want != null && want !== String(id))) {
      for await (const _row of ws); // not the first sheet: let the reader move past it
      continue;
    }
    found = true;
    let n = 0;
    for await (const row of ws) {
      const values = row.values as unknown[];
      if (values.length - 1 > limits.maxColumns)
        throw new FileProblem('too_many_columns', `工作表第 ${row.number} 行超过 ${limits.maxColumns} 列上限`);
      if (count++ >= rowCap) throw new FileProblem('too_many_rows', `数据超过 ${limits.maxRows} 行上限（UPLOAD_MAX_ROWS）`);
      const cells: Cell[] = [];
      for (let c = 1; c < values.length; c++) {
        const v = values[c];
        // a shared string left as its index: the reader lost xl/sharedStrings.xml (the same race)
        if (typeof v === 'object' && v !== null && 'sharedString' in v) throw new Error('共享字符串表未读到');
        cells.push(cellValue(v));
      }
      rows.push({ line: row.number, cells });
      if (++n % 2000 === 0) {
        const chunk = rows;
        rows = [];
        await deliver(chunk);
        await yieldToLoop();
      }
    }
    if (rows.length) await deliver(rows);
  }
  return found;
}

export async function readXlsx(bytes: Uint8Array, limits: ImportLimits): Promise<Table> {
  const rows: TableRow[] = [];
  return { ...(await streamXlsx(bytes, limits, (r) => void rows.push(...r))), rows };
}
