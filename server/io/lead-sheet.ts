/**
 * A lead spreadsheet → its columns and every data row, each either a Lead or its problems, handed
 * on a chunk at a time so that a 100,000-row upload is stored as it is read. The header may sit
 * under a few title rows; data rows are numbered from 1 under it (the header is row 0); blank rows
 * are skipped but keep their number, so row N is always the N-th row under the header.
 */
import type { Lead } from '../domain/lead.schema.js';
import { conflictMessage, mapHeaderRow, type HeaderMatch, type MappedColumn } from './headers.js';
import { LEAD_COLUMNS, acceptsLeadHeader, type LeadColumnField } from './lead-columns.js';
import { leadFromRow, type RowError } from './rows.js';
import { streamTable } from './read-table.js';
import { cellText } from './cells.js';
import { FileProblem, isBlankRow, type Cell, type ImportLimits, type TableInfo, type TableRow } from './table.js';

export interface SheetRow {
  rowNo: number;
  line: number;
  /** The row's cells as read (the input columns of the results). */
  input: Cell[];
  lead: Lead | null;
  errors: RowError[];
}

export interface LeadSheetSummary extends TableInfo {
  /** The header's columns, plus 第N列 for cells found right of it. */
  columns: MappedColumn[];
  /** Data rows (blank rows not counted). */
  total: number;
  failed: number;
  errors: RowError[];
  /** The header's row in the sheet (Excel's number, usually 1): a data row N is the sheet's row headerLine + N. */
  headerLine: number;
}

export interface LeadSheet extends LeadSheetSummary {
  rows: SheetRow[];
}

const LABELS = LEAD_COLUMNS.slice(0, 10)
  .map((c) => c.label)
  .join('、');
/** Non-blank rows searched for the header. */
const HEADER_SCAN = 10;
const CHUNK = 2000;

/** Trailing empty cells do not make a row wider. */
function width(cells: Cell[]): number {
  let n = cells.length;
  while (n > 0 && cellText(cells[n - 1] ?? null) === '') n--;
  return n;
}

/**
 * Reads the sheet, calling `onRows` with each chunk of data rows (awaited: the caller may store
 * them). Throws FileProblem for a file that cannot be used; rows already handed on are then the
 * caller's to discard.
 */
export async function streamLeadSheet(
  bytes: Uint8Array,
  limits: ImportLimits,
  usdCnyRate: number | undefined,
  onRows: (rows: SheetRow[]) => void | Promise<void>,
): Promise<LeadSheetSummary> {
  let header: HeaderMatch<LeadColumnField> | null = null;
  let firstKnown: string[] | null = null;
  let nonBlankBefore = 0;
  let position = 0; // rows under the header, blank and missing ones included: the sheet row minus the header's
  let total = 0;
  let failed = 0;
  const errors: RowError[] = [];
  let out: SheetRow[] = [];
  const opts = { maxCellChars: limits.maxCellChars, usdCnyRate };

  const take = async (rows: TableRow[]) => {
    for (const r of rows) {
      if (!header) {
        if (isBlankRow(r.cells)) continue;
        const m = mapHeaderRow(r.cells, width(r.cells), LEAD_COLUMNS);
        const fields = new Set(m.columns.flatMap((c) => (c.spec ? [c.spec.field] : [])));
        if (acceptsLeadHeader(fields)) {
          if (m.conflicts.length) throw new FileProblem('duplicate_columns', conflictMessage(m.conflicts));
          header = { at: r.line, ...m };
          continue;
        }
        if (fields.size && !firstKnown) firstKnown = m.columns.filter((c) => c.spec).map((c) => c.header);
        if (++nonBlankBefore >= HEADER_SCAN) throw noHeader(firstKnown);
        continue;
      }
      position = r.line - header.at;
      if (isBlankRow(r.cells)) continue;
      if (++total > limits.maxRows) throw new FileProblem('too_many_rows', `数据超过 ${limits.maxRows} 行上限（UPLOAD_MAX_ROWS）`);
      const cols = header.columns;
      for (let c = cols.length; c < width(r.cells); c++) cols.push({ index: c, header: `第${c + 1}列`, spec: null, factor: 1 });
      const res = leadFromRow(position, r.line, r.cells, cols, opts);
      if (res.ok) out.push({ rowNo: position, line: r.line, input: r.cells.slice(0, cols.length), lead: res.value, errors: [] });
      else {
        failed++;
        errors.push(...res.errors);
        out.push({ rowNo: position, line: r.line, input: r.cells.slice(0, cols.length), lead: null, errors: res.errors });
      }
    }
    if (out.length >= CHUNK) {
      const chunk = out;
      out = [];
      await onRows(chunk);
    }
  };

  const info = await streamTable(bytes, limits, take);
  if (!header) {
    if (nonBlankBefore === 0) throw new FileProblem('empty', '文件中没有任何数据');
    throw noHeader(firstKnown);
  }
  if (total === 0) throw new FileProblem('empty', '表格只有表头，没有数据行');
  if (out.length) await onRows(out);
  const h = header as HeaderMatch<LeadColumnField>;
  return { ...info, columns: h.columns, total, failed, errors, headerLine: h.at };
}

function noHeader(found: string[] | null): FileProblem {
  return new FileProblem(
    'no_header',
    found
      ? `表头缺少“项目简介”或“所属行业”列（已识别：${found.join('、')}），每条线索至少需要其中一项`
      : `未找到可识别的表头。第一行应为列名，如 ${LABELS}（可下载模板：/api/jobs/template）`,
  );
}

/** The whole sheet in memory (small files, tests). */
export async function readLeadSheet(bytes: Uint8Array, limits: ImportLimits, usdCnyRate?: number): Promise<LeadSheet> {
  const rows: SheetRow[] = [];
  const summary = await streamLeadSheet(bytes, limits, usdCnyRate, (r) => void rows.push(...r));
  return { ...summary, rows };
}
