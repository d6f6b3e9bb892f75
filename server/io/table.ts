/**
 * The shape every spreadsheet reader produces, the import limits, and the one error an unreadable
 * file raises. Pure types and helpers: no I/O.
 */
import type { Env } from '../env.js';
import { AppError, type FileProblemCode } from '../domain/errors.js';

/** A cell as read: text, a number (XLSX numeric cells), or empty. */
export type Cell = string | number | null;

export interface TableRow {
  /** 1-based line (CSV record) or row number (XLSX) in the file, for people looking at the sheet. */
  line: number;
  cells: Cell[];
}

export interface TableInfo {
  format: 'csv' | 'xlsx';
  /** How a CSV was decoded (utf-8, utf-8-bom, gb18030, utf-16le); null for XLSX. */
  encoding: string | null;
}

export interface Table extends TableInfo {
  /** Every record in file order, blank ones included (they keep the numbering honest). */
  rows: TableRow[];
}

/** Receives rows a chunk at a time, in file order; may be async (the reader waits for it). */
export type RowSink = (rows: TableRow[]) => void | Promise<void>;

export interface ImportLimits {
  /** Largest file, bytes (UPLOAD_MAX_BYTES). */
  maxBytes: number;
  /** Most data rows (UPLOAD_MAX_ROWS). */
  maxRows: number;
  /** Longest cell, characters (UPLOAD_MAX_CELL_CHARS). */
  maxCellChars: number;
  /** Most columns. */
  maxColumns: number;
  /** XLSX: most bytes all entries may inflate to, by the zip's own directory. */
  maxUnzippedBytes: number;
  /** XLSX: largest inflated/compressed ratio. */
  maxZipRatio: number;
  /** XLSX: most entries in the archive. */
  maxZipEntries: number;
}

export const MAX_COLUMNS = 200;
export const MAX_ZIP_RATIO = 100;
export const MAX_ZIP_ENTRIES = 1000;

export function importLimits(env: Pick<Env, 'UPLOAD_MAX_BYTES' | 'UPLOAD_MAX_ROWS' | 'UPLOAD_MAX_CELL_CHARS'>): ImportLimits {
  return {
    maxBytes: env.UPLOAD_MAX_BYTES,
    maxRows: env.UPLOAD_MAX_ROWS,
    maxCellChars: env.UPLOAD_MAX_CELL_CHARS,
    maxColumns: MAX_COLUMNS,
    maxUnzippedBytes: Math.max(5 * env.UPLOAD_MAX_BYTES, 16 * 1024 * 1024),
    maxZipRatio: MAX_ZIP_RATIO,
    maxZipEntries: MAX_ZIP_ENTRIES,
  };
}

/** A file the importer cannot read at all (not a row problem): the catalog answers 400 with the sentence naming the problem. */
export class FileProblem extends AppError {
  declare readonly code: FileProblemCode;

  constructor(code: FileProblemCode, message: string) {
    super(code, { detail: message }, message);
  }
}

/** The refusal of a file found over UPLOAD_MAX_ROWS before it was read (rows counted with the header). */
export const tooManyRows = (records: number, max: number): string =>
  `文件约有 ${(records - 1).toLocaleString('en')} 行数据，超过 ${max} 行上限（UPLOAD_MAX_ROWS），未读取也未保存：请拆分后分批上传`;

export const isBlank = (c: Cell): boolean => c === null || (typeof c === 'string' && c.trim() === '');
export const isBlankRow = (cells: Cell[]): boolean => cells.every(isBlank);

export const mib = (bytes: number): string =>
  bytes >= 1024 * 1024 ? `${+(bytes / 1024 / 1024).toFixed(1)} MiB` : `${+(bytes / 1024).toFixed(1)} KiB`;

/** Gives the event loop a turn between chunks of synchronous work. */
export const yieldToLoop = (): Promise<void> => new Promise((r) => setImmediate(r));
