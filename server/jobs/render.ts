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
  /** Every row, bad ones kept: the sheet's row number first and the row's problems last (rows=all). */
  all?: { headerRow: number; problems: [number, string][] };
}

export function renderPage(t: RenderTask): string {
  const text = textOf(t.strings);
  const all = t.all;
  const problems = new Map(all?.problems ?? []);
  if (t.format === 'json') {
    const names = uniqueNames(t.columns);
    return t.rows
      .map((r) => {
        const json = resultJson(names, parseResult(r, text));
        return JSON.stringify(all ? { ...json, line: all.headerRow + r.rowNo, problem: problems.get(r.rowNo) ?? null } : json);
      })
      .join(',');
  }
  let out = '';
  for (const r of t.rows) {
    const cells = resultRow(t.columns, parseResult(r, text));
    out += csvLine(all ? [all.headerRow + r.rowNo, ...cells, problems.get(r.rowNo) ?? null] : cells);
  }
  return out;
}
