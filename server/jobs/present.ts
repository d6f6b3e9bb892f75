/** Jobs and their results as the API and the downloads show them. */
import type { OutCell } from '../io/export.js';
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
