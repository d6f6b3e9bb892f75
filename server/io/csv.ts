/**
 * CSV → Table. Any line ending (CRLF, LF, CR), comma, tab or semicolon as delimiter (whichever the
 * first line uses most), quotes tolerated where Excel would tolerate them. Parsed in chunks with a
 * turn of the event loop between them, so a 20 MiB file never stalls the server. Bounded: a record
 * longer than the record limit, or more rows than allowed, stops the parse with a FileProblem.
 */
import { parse, CsvError } from 'csv-parse';
import { decodeText, looksBinary } from './encoding.js';
import { countCsvRecords, HEADER_ALLOWANCE } from './row-count.js';
import {
  FileProblem,
  tooManyRows,
  yieldToLoop,
  type ImportLimits,
  type RowSink,
  type Table,
  type TableInfo,
  type TableRow,
} from './table.js';

/** Characters parsed (and their rows validated and stored) between turns of the event loop: about 1,500 rows, ~30 ms. */
const CHUNK_CHARS = 64 * 1024;

/** The delimiter the first non-empty line uses most (outside quotes); comma when none. */
export function detectDelimiter(text: string): ',' | '\t' | ';' {
  const start = text.search(/[^\r\n]/);
  if (start < 0) return ',';
  const end = text.slice(start, start + 65536).search(/[\r\n]/);
  const line = text.slice(start, end < 0 ? start + 65536 : start + end).replace(/"[^"]*"/g, '');
  const count = (c: string) => line.split(c).length - 1;
  const candidates = [',', '\t', ';'] as const;
  let best: ',' | '\t' | ';' = ',';
  for (const c of candidates) if (count(c) > count(best)) best = c;
  return best;
}

/** Longest CSV record accepted (all fields together): generous for real rows, fatal for a 50 MB field. */
export const maxRecordChars = (limits: ImportLimits): number => Math.max(65_536, limits.maxCellChars * 64);

/**
 * Parses CSV text, handing rows to `sink` a chunk at a time (so a caller can store them as they come
 * and nothing holds every row); rows carry their record number (1 = the first record, as Excel
 * numbers rows). Returns the number of records.
 */
export async function streamCsvText(text: string, limits: ImportLimits, sink: RowSink): Promise<number> {
  const maxRecord = maxRecordChars(limits);
  // a few rows above the header (titles) are allowed; the exact limit is checked once the header is known
  const rowCap = limits.maxRows + 11;
  const parser = parse({
    delimiter: detectDelimiter(text),
    record_delimiter: ['\r\n', '\n', '\r'],
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: false,
    max_record_size: maxRecord,
  });
  let records = 0;
  let pending: TableRow[] = [];
  let failure: unknown = null;
  parser.on('data', (cells: string[]) => {
    if (failure) return;
    if (cells.length > limits.maxColumns)
      failure = new FileProblem('too_many_columns', `第 ${records + 1} 行有 ${cells.length} 列，超过上限 ${limits.maxColumns} 列`);
    else if (records >= rowCap) failure = new FileProblem('too_many_rows', `数据超过 ${limits.maxRows} 行上限（UPLOAD_MAX_ROWS）`);
    else pending.push({ line: ++records, cells: cells.length === 1 && cells[0] === '' ? [] : cells });
  });
  parser.on('error', (e) => {
    failure ??= e;
  });
  const done = new Promise<void>((resolve) => {
    parser.on('end', resolve);
    parser.on('error', () => resolve());
    parser.on('close', resolve);
  });
  const flush = async () => {
    if (!pending.length || failure) return;
    const rows = pending;
    pending = [];
    await sink(rows);
  };
  try {
    for (let i = 0; i < text.length && !failure; i += CHUNK_CHARS) {
      parser.write(text.slice(i, i + CHUNK_CHARS));
      await yieldToLoop();
      await flush();
    }
    if (!failure) {
      parser.end();
      await done;
      await flush();
    }
  } catch (e) {
    parser.destroy();
    throw e; // the sink's own error
  }
  if (failure) {
    parser.destroy();
    throw toProblem(failure, records, maxRecord);
  }
  return records;
}

/** All rows of a CSV text (small files, tests). */
export async function parseCsvText(text: string, limits: ImportLimits): Promise<TableRow[]> {
  const all: TableRow[] = [];
  await streamCsvText(text, limits, (rows) => void all.push(...rows));
  return all;
}

function toProblem(e: unknown, rowsSoFar: number, maxRecord: number): Error {
  // csv-parse reports the record it stopped in: the next after those already emitted
  if (e instanceof FileProblem) return e;
  if (e instanceof CsvError) {
    const line = rowsSoFar + 1;
    if (e.code === 'CSV_MAX_RECORD_SIZE')
      return new FileProblem('bad_csv', `CSV 第 ${line} 行超过 ${maxRecord} 个字符的单行上限，文件可能已损坏`);
    if (e.code === 'CSV_QUOTE_NOT_CLOSED') return new FileProblem('bad_csv', `CSV 第 ${line} 行起的引号没有闭合，请检查该行的双引号`);
    return new FileProblem('bad_csv', `CSV 第 ${line} 行无法解析：${e.message}`);
  }
  return e as Error;
}

/** Bytes → rows: decodes (BOM, strict UTF-8, then GB18030) and parses, a chunk at a time. */
export async function streamCsv(bytes: Uint8Array, limits: ImportLimits, sink: RowSink): Promise<TableInfo> {
  if (looksBinary(bytes)) throw new FileProblem('not_spreadsheet', '文件不是表格：既不是 CSV 文本，也不是 XLSX');
  // over the row limit: refused from a scan of the bytes, before anything is decoded, parsed or stored
  const records = countCsvRecords(bytes);
  if (records !== null && records - HEADER_ALLOWANCE > limits.maxRows)
    throw new FileProblem('too_many_rows', tooManyRows(records, limits.maxRows));
  const { text, encoding } = decodeText(bytes);
  if (text.trim() === '') throw new FileProblem('empty', '文件为空');
  await streamCsvText(text, limits, sink);
  return { format: 'csv', encoding };
}

export async function readCsv(bytes: Uint8Array, limits: ImportLimits): Promise<Table> {
  const rows: TableRow[] = [];
  return { ...(await streamCsv(bytes, limits, (r) => void rows.push(...r))), rows };
}
