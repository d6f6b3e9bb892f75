/**
 * One spreadsheet row → a validated record, or the row's problems as {row, field, message}. Cells are
 * read by their column's kind (number with units, list, yes/no, enum, date); an empty cell is left
 * out (unknown), never 0; an over-long cell is a problem of that row. The record is then validated
 * with the domain's zod schema, whose messages name the limit.
 */
import type { z } from 'zod';
import { LeadSchema, type Lead } from '../domain/lead.schema.js';
import { cellText, parseBoolCell, parseDateCell, parseEnumCell, parseListCell, parseNumberCell, type Parsed } from './cells.js';
import type { MappedColumn } from './headers.js';
import { isBlank, type Cell } from './table.js';

export interface RowError {
  /** Data row number: 1 = the first row under the header (the header is row 0). */
  row: number;
  /** The field (Lead field name), or the column header when the column maps to no field. */
  field: string;
  message: string;
  /** The column as headed in the file. */
  column?: string;
  /** Row number in the spreadsheet itself (Excel's row number). */
  line?: number;
}

export interface ReadOptions {
  maxCellChars: number;
  usdCnyRate?: number;
}

export type RowOutcome<T> = { ok: true; value: T } | { ok: false; errors: RowError[] };

/** A row as the person sees it in Excel or WPS: the sheet's own row number (the header is usually row 1). */
export const where = (sheetRow: number, column: string) => `第 ${sheetRow} 行「${column}」`;

function readCell(col: MappedColumn, cell: Cell, opts: ReadOptions): Parsed<unknown> {
  const spec = col.spec!;
  switch (spec.kind) {
    case 'text':
      return { ok: true, value: cellText(cell) };
    case 'number':
      return parseNumberCell(cell, spec.dim ?? 'plain', col.factor, opts.usdCnyRate);
    case 'integer': {
      const p = parseNumberCell(cell, spec.dim ?? 'plain', col.factor, opts.usdCnyRate);
      return p.ok && !Number.isInteger(p.value) ? { ok: false, message: `必须是整数：“${cellText(cell)}”` } : p;
    }
    case 'list':
      return { ok: true, value: parseListCell(cell) };
    case 'bool':
      return parseBoolCell(cell);
    case 'enum':
      return parseEnumCell(cell, spec.words ?? {}, spec.label);
    case 'date':
      return parseDateCell(cell);
  }
}

/** Reads the mapped cells of a row into field values; problems per cell. */
export function readRecord(
  rowNo: number,
  line: number,
  cells: Cell[],
  columns: MappedColumn[],
  opts: ReadOptions,
): { values: Record<string, unknown>; errors: RowError[] } {
  const values: Record<string, unknown> = {};
  const errors: RowError[] = [];
  for (const col of columns) {
    const cell = cells[col.index] ?? null;
    if (isBlank(cell)) continue;
    const field = col.spec?.field ?? col.header;
    if (typeof cell === 'string' && cell.length > opts.maxCellChars) {
      errors.push({
        row: rowNo,
        line,
        field,
        column: col.header,
        message: `${where(line, col.header)}超过 ${opts.maxCellChars} 个字符（${cell.length} 个），请精简后再导入`,
      });
      continue;
    }
    if (!col.spec) continue;
    const p = readCell(col, cell, opts);
    if (p.ok) values[col.spec.field] = p.value;
    else errors.push({ row: rowNo, line, field, column: col.header, message: `${where(line, col.header)}${p.message}` });
  }
  return { values, errors };
}

/** zod issues → row errors naming the column as the file heads it. */
export function schemaErrors(
  rowNo: number,
  line: number,
  error: z.ZodError,
  columns: MappedColumn[],
  labels: Record<string, string>,
): RowError[] {
  return error.issues.map((i) => {
    const field = String(i.path[0] ?? '(row)');
    const column = columns.find((c) => c.spec?.field === field)?.header ?? labels[field] ?? field;
    const text = i.message.split(' / ')[0]!; // the domain's messages are "中文 / English"
    return {
      row: rowNo,
      line,
      field,
      column,
      message: i.code === 'custom' ? `第 ${line} 行：${text.replace(/\([a-zA-Z]+\)/g, '')}` : `${where(line, column)}${text}`,
    };
  });
}

const LEAD_LABELS: Record<string, string> = { summary: '项目简介', industries: '所属行业' };

/** A row of the lead sheet → a Lead, or its problems. */
export function leadFromRow(rowNo: number, line: number, cells: Cell[], columns: MappedColumn[], opts: ReadOptions): RowOutcome<Lead> {
  const { values, errors } = readRecord(rowNo, line, cells, columns, opts);
  if (Array.isArray(values.industries) && values.industries.length === 0) delete values.industries;
  if (Array.isArray(values.preferredDistricts) && values.preferredDistricts.length === 0) delete values.preferredDistricts;
  const r = LeadSchema.safeParse(values);
  if (r.success && errors.length === 0) return { ok: true, value: r.data };
  const bad = new Set(errors.map((e) => e.field));
  const more = r.success ? [] : schemaErrors(rowNo, line, r.error, columns, LEAD_LABELS).filter((e) => !bad.has(e.field));
  return { ok: false, errors: [...errors, ...more] };
}
