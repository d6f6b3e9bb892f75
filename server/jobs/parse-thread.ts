/**
 * Reads a lead spreadsheet on a thread of its own (parse.worker.ts), so parsing and validating a
 * 200,000-row upload never holds the request thread: the rows come back a chunk at a time, each
 * stored by `onRows` before the thread reads on. Same contract as `streamLeadSheet`: resolves with the
 * summary, or rejects with the file's FileProblem (or the sink's own error).
 */
import { Worker } from 'node:worker_threads';
import type { FileProblemCode } from '../domain/errors.js';
import type { LeadSheetSummary, SheetRow } from '../io/lead-sheet.js';
import { FileProblem, tooManyRows, type ImportLimits } from '../io/table.js';
import { countCsvRecords, HEADER_ALLOWANCE } from '../io/row-count.js';

const ENTRY = new URL('./parse-entry.mjs', import.meta.url);

type Reply = { rows: SheetRow[] } | { done: LeadSheetSummary } | { error: { code?: FileProblemCode; message: string } };

export function parseLeadSheetOffThread(
  bytes: Uint8Array,
  limits: ImportLimits,
  usdCnyRate: number | undefined,
  onRows: (rows: SheetRow[]) => void | Promise<void>,
  entry: URL = ENTRY,
): Promise<LeadSheetSummary> {
  // a CSV over the row limit is refused here from a byte scan (~10 ms for 20 MB), without starting a thread
  const isZip = bytes[0] === 0x50 && bytes[1] === 0x4b;
  const records = isZip ? null : countCsvRecords(bytes);
  if (records !== null && records - HEADER_ALLOWANCE > limits.maxRows)
    return Promise.reject(new FileProblem('too_many_rows', tooManyRows(records, limits.maxRows)));
  return new Promise((resolve, reject) => {
    const worker = new Worker(entry, { workerData: { bytes, limits, usdCnyRate }, execArgv: [] });
    let settled = false;
    const finish = (fn: () => void) => {
      if (settled) return;
      settled = true;
      void worker.terminate();
      fn();
    };
    worker.on('message', (m: Reply) => {
      if ('rows' in m) {
        Promise.resolve()
          .then(() => onRows(m.rows))
          .then(
            () => worker.postMessage('next'),
            (e: unknown) => finish(() => reject(e)),
          );
      } else if ('done' in m) finish(() => resolve(m.done));
      else finish(() => reject(m.error.code ? new FileProblem(m.error.code, m.error.message) : new Error(m.error.message)));
    });
    worker.on('error', (e) => finish(() => reject(e)));
    worker.on('exit', (code) => finish(() => reject(new Error(`表格解析线程异常退出（${code}）`))));
  });
}
