/** Jobs and their results as the API and the downloads show them. */
import type { OutCell } from '../io/export.js';
import { mapHeaderRow } from '../io/headers.js';
import { LEAD_COLUMNS } from '../io/lead-columns.js';
import type { Job, StoredResult } from './jobs.repo.js';
import { RESULT_HEADERS, resultCells } from './score-row.js';

export function presentJob(j: Job, errorsLimit?: number) {
  const handled = j.total === 0 ? 1 : j.processed / j.total;
  const base = `/api/jobs/${encodeURIComponent(j.id)}`;
  return {
    id: j.id,
    jobId: j.id,
    status: j.status === 'uploading' || j.status === 'deleting' ? ('queued' as const) : j.status,
    fileName: j.fileName,
    total: j.total,
    processed: j.processed,
    failed: j.failed,
    progress: Math.round(Math.min(1, handled) * 1000) / 1000,
    errors: errorsLimit === undefined ? j.errors : j.errors.slice(0, errorsLimit),
    errorCount: j.errors.length,
    message: j.message,
    columns: j.columns,
    createdAt: j.createdAt,
    updatedAt: j.updatedAt,
    results:
      j.status === 'done'
        ? { csv: `${base}/results?format=csv`, xlsx: `${base}/results?format=xlsx`, json: `${base}/results?format=json` }
        : null,
  };
}

/** Column names made unique (a sheet may repeat a header): 备注, 备注(2). */
export function uniqueNames(names: readonly string[]): string[] {
  const seen = new Map<string, number>();
  return names.map((n) => {
    const k = (seen.get(n) ?? 0) + 1;
    seen.set(n, k);
    return k === 1 ? n : `${n}(${k})`;
  });
}

export const resultsHeader = (j: Job): string[] => [...j.columns, ...RESULT_HEADERS];

/** The download with every row (rows=all): the sheet's row number, the input, the results, the row's problems. */
export const ALL_ROWS_FIRST = '原表行号';
export const ALL_ROWS_LAST = '问题说明';
export const allRowsHeader = (j: Job): string[] => [ALL_ROWS_FIRST, ...j.columns, ...RESULT_HEADERS, ALL_ROWS_LAST];

/** Each bad row's problems as one sentence (a row may have several). */
export function problemsByRow(j: Job): Map<number, string> {
  const m = new Map<number, string>();
  for (const e of j.errors) m.set(e.row, m.has(e.row) ? `${m.get(e.row)}；${e.message}` : e.message);
  return m;
}

/** One results row: the input cells (as many as the job has columns), then the five result cells. */
export function resultRow(columns: readonly string[], r: StoredResult): OutCell[] {
  const row: OutCell[] = new Array(columns.length + RESULT_HEADERS.length);
  for (let i = 0; i < columns.length; i++) row[i] = r.input[i] ?? null;
  const cells = resultCells(r.result);
  for (let i = 0; i < cells.length; i++) row[columns.length + i] = cells[i];
  return row;
}

export function resultJson(names: readonly string[], r: StoredResult) {
  return { row: r.rowNo, input: Object.fromEntries(names.map((n, i) => [n, r.input[i] ?? null])), ...(r.result ?? { best: null }) };
}

/** One row of the results table on the page. */
export interface TableRow {
  row: number;
  /** The row as Excel shows it. */
  line: number;
  name: string | null;
  company: string | null;
  parkName: string | null;
  district: string | null;
  score: number | null;
  alternatives: string | null;
  problem: string | null;
}

export const TABLE_SORTS = ['line', 'score', 'park', 'name'] as const;
export type TableSort = (typeof TABLE_SORTS)[number];

/** Every row of a finished job as the page's table shows it (input order). */
export function tableRows(j: Job, pages: Iterable<StoredResult[]>, headerRow: number): TableRow[] {
  const cols = mapHeaderRow(j.columns, j.columns.length, LEAD_COLUMNS).columns;
  const at = (field: string) => cols.find((c) => c.spec?.field === field)?.index ?? -1;
  const [iName, iCompany] = [at('name'), at('company')];
  const problems = problemsByRow(j);
  const text = (v: unknown) => (v === null || v === undefined || v === '' ? null : String(v));
  const out: TableRow[] = [];
  for (const page of pages)
    for (const r of page) {
      const best = r.result?.best ?? null;
      out.push({
        row: r.rowNo,
        line: headerRow + r.rowNo,
        name: iName >= 0 ? text(r.input[iName]) : null,
        company: iCompany >= 0 ? text(r.input[iCompany]) : null,
        parkName: r.result ? (best?.parkName ?? '无符合准入条件的园区') : null,
        district: best?.district ?? null,
        score: best?.score ?? null,
        alternatives: r.result?.alternatives.map((a) => `${a.parkName}（${a.score}）`).join('；') || null,
        problem: problems.get(r.rowNo) ?? null,
      });
    }
  return out;
}

/** The table sorted (nulls last whichever the order; ties in input order). */
export function sortTable(rows: readonly TableRow[], sort: TableSort, order: 'asc' | 'desc'): TableRow[] {
  const dir = order === 'asc' ? 1 : -1;
  const key = (r: TableRow): string | number | null =>
    sort === 'score' ? r.score : sort === 'park' ? r.parkName : sort === 'name' ? (r.name ?? r.company) : r.line;
  return [...rows].sort((a, b) => {
    const x = key(a);
    const y = key(b);
    if (x === null || y === null) return x === y ? a.line - b.line : x === null ? 1 : -1;
    const c = typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y), 'zh-CN');
    return c * dir || a.line - b.line;
  });
}
