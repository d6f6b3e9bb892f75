/**
 * Tables out: CSV in UTF-8 with a BOM (Excel opens Chinese correctly) and XLSX through exceljs's
 * streaming writer. Both are safe to open: in CSV a text cell that a spreadsheet would run as a
 * formula (starting with = + - @, tab, CR or NUL) gets a leading ' ; numbers stay numbers; XLSX cells
 * are typed values, text as text (never formulas, no ' needed). Rows are pulled lazily, so a 100,000-row export streams.
 */
import { excel } from './exceljs.js';
import { PassThrough, Readable } from 'node:stream';

export type OutCell = string | number | boolean | null | undefined;

const TRIGGER = /^[=+\-@\t\r\0]/;
const NUMERIC = /^[+-]?(\d+(\.\d+)?|\.\d+)([eE][+-]?\d+)?$/;

/** A text cell a spreadsheet would not run: numbers (and numeric text such as -5) stay as they are. */
export function neutralize(v: OutCell): string | number | null {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  if (typeof v === 'boolean') return v ? '是' : '否';
  return needsGuard(v) ? `'${v}` : v;
}

/**
 * A text a spreadsheet would read as a formula gets a leading apostrophe; so does a text that already starts
 * with apostrophes before such a start ('+1 → ''+1), so that unguard takes exactly one off and the round trip
 * is lossless.
 */
function needsGuard(v: string): boolean {
  if (TRIGGER.test(v) && !NUMERIC.test(v)) return true;
  return v.length > 1 && v[0] === "'" && needsGuard(v.slice(1));
}

const csvField = (v: OutCell): string => {
  const x = neutralize(v);
  if (x === null) return '';
  const s = String(x);
  return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
};

export const csvLine = (cells: readonly OutCell[]): string => cells.map(csvField).join(',') + '\r\n';

export const CSV_BOM = '\uFEFF';

/** CSV text of a whole small table (BOM, CRLF). */
export function toCsv(header: readonly string[], rows: Iterable<readonly OutCell[]>): string {
  let out = CSV_BOM + csvLine(header);
  for (const r of rows) out += csvLine(r);
  return out;
}

/** Rows come in pages (e.g. 1,000 from the database at a time); the stream asks for the next when it needs it. */
export type RowPages = Iterator<readonly (readonly OutCell[])[]>;

/** A CSV download (BOM, header, then each page's lines as the client takes them): rendered here, one page at a time. */
export function csvStream(header: readonly string[], pages: RowPages): ReadableStream<Uint8Array> {
  const enc = new TextEncoder();
  const render = async (rows: readonly (readonly OutCell[])[]) => {
    let chunk = '';
    for (const r of rows) chunk += csvLine(r);
    return enc.encode(chunk);
  };
  return renderedStream({ head: CSV_BOM + csvLine(header), tail: '', pages, ahead: 1, render });
}

/**
 * Streams `head`, every page rendered (pages render `ahead` at a time, possibly in parallel
 * elsewhere, and are sent in order, `between` separating them), then `tail`. The next pages are
 * read only as the client takes the bytes.
 */
export function renderedStream<P>(o: {
  head: string;
  tail: string;
  between?: string;
  pages: Iterator<P>;
  ahead: number;
  render: (page: P) => Promise<Uint8Array>;
}): ReadableStream<Uint8Array> {
  const enc = new TextEncoder();
  const inFlight: Promise<Uint8Array>[] = [];
  let more = true;
  let first = true;
  return new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(enc.encode(o.head));
    },
    // each pull enqueues something (or closes): a pull that enqueued nothing would not be called again
    async pull(controller) {
      for (;;) {
        while (more && inFlight.length < Math.max(1, o.ahead)) {
          const next = o.pages.next();
          if (next.done) more = false;
          else {
            const p = o.render(next.value);
            p.catch(() => undefined); // awaited in order below
            inFlight.push(p);
          }
        }
        const p = inFlight.shift();
        if (!p) {
          controller.enqueue(enc.encode(o.tail));
          return controller.close();
        }
        const bytes = await p;
        if (bytes.length === 0) continue;
        if (!first && o.between) controller.enqueue(enc.encode(o.between));
        first = false;
        return controller.enqueue(bytes);
      }
    },
  });
}

/**
 * An XLSX cell value: numbers as numbers, canonical numeric text as numbers, other text as text. An
 * XLSX string cell is never run as a formula (the writer never emits <f>), so it needs no leading '
 * (that guard is for CSV, which a spreadsheet re-parses); a visible ' would only corrupt the value.
 */
export function xlsxValue(v: OutCell): string | number | null {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  if (typeof v === 'boolean') return v ? '是' : '否';
  if (NUMERIC.test(v) && v.length <= 15 && String(Number(v)) === v) return Number(v);
  return v;
}

/**
 * The reverse of the CSV guard, for files this service wrote and staff import back (park and space
 * sheets): '=HYPERLINK(…) → =HYPERLINK(…), so an export → import round trip changes nothing. A cell
 * is unguarded only when the guard could have produced it (a ' then a trigger, not numeric text).
 */
export function unguard(s: string): string {
  if (s.length < 2 || s[0] !== "'") return s;
  const rest = s.slice(1);
  return needsGuard(rest) ? rest : s;
}

/** How wide a text is in a spreadsheet column: CJK and full-width characters count two. */
export function displayWidth(v: OutCell): number {
  if (v === null || v === undefined) return 0;
  let w = 0;
  for (const ch of String(v))
    w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 1;
  return w;
}

/**
 * XLSX column widths from the header and a sample of rows: wide enough for the header and for most
 * cells (the 90th percentile, so one long note does not stretch a column), between 6 and `max`.
 */
export function columnWidths(header: readonly string[], sample: readonly (readonly OutCell[])[], max = 60): number[] {
  return header.map((h, i) => {
    const ws = sample.map((r) => displayWidth(r[i])).sort((a, b) => a - b);
    const p90 = ws.length ? ws[Math.min(ws.length - 1, Math.floor(ws.length * 0.9))]! : 0;
    return Math.max(6, Math.min(max, Math.max(displayWidth(h), p90) + 2));
  });
}

/** Streams an XLSX workbook with one sheet; cells are plain values. */
export function xlsxStream(sheetName: string, header: readonly string[], pages: RowPages, widths?: readonly number[]): Readable {
  const out = new PassThrough();
  const { WorkbookWriter } = excel().stream.xlsx;
  const wb = new WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  const ws = wb.addWorksheet(sheetName.slice(0, 31) || 'Sheet1', { views: [{ state: 'frozen', ySplit: 1 }] });
  if (widths) ws.columns = header.map((_, i) => ({ width: widths[i] ?? 14 }));
  (async () => {
    const h = ws.addRow(header.map((x) => xlsxValue(x)));
    h.font = { bold: true };
    h.commit();
    for (let next = pages.next(); !next.done; next = pages.next()) {
      for (const r of next.value) ws.addRow(r.map(xlsxValue)).commit();
      await new Promise((res) => setImmediate(res));
    }
    ws.commit();
    await wb.commit();
  })().catch((e) => out.destroy(e as Error));
  return out;
}

/** A whole small workbook as bytes (templates, tests). */
export async function toXlsx(
  sheetName: string,
  header: readonly string[],
  rows: readonly (readonly OutCell[])[],
  widths?: readonly number[],
): Promise<Buffer> {
  const chunks: Buffer[] = [];
  const s = xlsxStream(sheetName, header, [rows][Symbol.iterator](), widths);
  for await (const c of s) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}

export const toWebStream = (r: Readable): ReadableStream<Uint8Array> => Readable.toWeb(r) as unknown as ReadableStream<Uint8Array>;

/** Content-Disposition for a download with a Chinese file name (RFC 6266 / 5987). */
export function attachment(fileName: string, fallback: string): string {
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}
