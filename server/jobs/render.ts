/**
 * A page of a job's results rendered as download text (CSV lines, or JSON items joined by commas).
 * Pure and the same wherever it runs: on a scoring worker thread while the pool is up (pages render
 * in parallel and the main thread only reads and sends), or on the main thread when it is not.
 */
import { csvLine } from '../io/export.js';
import { parseResult, textOf, type RawResult } from './jobs.repo.js';
import { resultJson, resultRow, uniqueNames } from './present.js';

export type RenderFormat = 'csv' | 'json';

export interface RenderTask {
  format: RenderFormat;
  /** The job's input column names. */
  columns: string[];
  rows: RawResult[];
  /** The texts the rows' results refer to. */
  strings: [number, string][];
}

export function renderPage(t: RenderTask): string {
  const text = textOf(t.strings);
  if (t.format === 'json') {
    const names = uniqueNames(t.columns);
    return t.rows.map((r) => JSON.stringify(resultJson(names, parseResult(r, text)))).join(',');
  }
  let out = '';
  for (const r of t.rows) out += csvLine(resultRow(t.columns, parseResult(r, text)));
  return out;
}
