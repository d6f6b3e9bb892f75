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

/**
 * A page's text as UTF-8, written line by line (CSV) or item by item (JSON) into one growing buffer:
 * the same bytes as encoding the page's text, without ever holding the page as one string (a
 * 1,000-row page is about 1 MB of text; built with += and flattened to be encoded, it left two
 * copies of that size per page in the old generation of whichever thread rendered it).
 */
export function renderPageBytes(t: RenderTask): Uint8Array {
  const out = new ByteSink(t.rows.length * 1024);
  renderInto(t, (piece) => out.write(piece));
  return out.bytes();
}

/** The page's text (the same as renderPageBytes decoded). */
export function renderPage(t: RenderTask): string {
  let out = '';
  renderInto(t, (piece) => (out += piece));
  return out;
}

/** Hands each piece of the page's text to `put`, in order. */
function renderInto(t: RenderTask, put: (piece: string) => void): void {
  const text = textOf(t.strings);
  const all = t.all;
  const problems = new Map(all?.problems ?? []);
  if (t.format === 'json') {
    const names = uniqueNames(t.columns);
    let first = true;
    for (const r of t.rows) {
      const json = resultJson(names, parseResult(r, text));
      if (!first) put(',');
      first = false;
      put(JSON.stringify(all ? { ...json, line: all.headerRow + r.rowNo, problem: problems.get(r.rowNo) ?? null } : json));
    }
    return;
  }
  for (const r of t.rows) {
    const cells = resultRow(t.columns, parseResult(r, text));
    put(csvLine(all ? [all.headerRow + r.rowNo, ...cells, problems.get(r.rowNo) ?? null] : cells));
  }
}

const encoder = new TextEncoder();

/** UTF-8 bytes appended piece by piece into one buffer that doubles when full. */
class ByteSink {
  private buf: Uint8Array;
  private at = 0;
  constructor(capacity: number) {
    this.buf = new Uint8Array(Math.max(64, capacity));
  }
  write(s: string): void {
    // UTF-8 takes at most 3 bytes per UTF-16 code unit
    if (this.buf.length - this.at < s.length * 3) {
      const grown = new Uint8Array(Math.max(this.buf.length * 2, this.at + s.length * 3));
      grown.set(this.buf.subarray(0, this.at));
      this.buf = grown;
    }
    this.at += encoder.encodeInto(s, this.buf.subarray(this.at)).written;
  }
  /** The bytes written (a copy of the used part: the buffer's spare room is not sent along). */
  bytes(): Uint8Array {
    return this.buf.slice(0, this.at);
  }
}
