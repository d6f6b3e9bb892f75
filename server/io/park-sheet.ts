/**
 * Park and space spreadsheets → validated records to upsert by id, each bad row reported as
 * {row, field, message} and left out. An existing record is updated with the cells given (an empty
 * cell keeps the stored value: empty is unknown, never a reset); a new record needs every required
 * column. Pure: the caller passes what is stored and the taxonomy's industry names.
 */
import type { z } from 'zod';
import { ParkSeedSchema, type ParkSeed } from '../domain/park.schema.js';
import { SpaceSeedSchema, type SpaceSeed } from '../domain/space.schema.js';
import { M2_PER_MU } from './cells.js';
import { unguard } from './export.js';
import { conflictMessage, findHeader, type HeaderMatch } from './headers.js';
import { PARK_COLUMNS, SPACE_COLUMNS, type ParkField, type SpaceField } from './park-columns.js';
import { readRecord, type RowError } from './rows.js';
import { FileProblem, isBlankRow, type ImportLimits, type Table } from './table.js';

export interface SheetImport<T> {
  records: { rowNo: number; record: T; created: boolean }[];
  errors: RowError[];
  total: number;
}

/** zod's messages in Chinese for the seed schemas (the lead schema has its own). */
export function zhIssue(i: z.core.$ZodIssue): string {
  const x = i as unknown as { code: string; maximum?: number | bigint; minimum?: number | bigint; origin?: string; format?: string };
  switch (x.code) {
    case 'too_big':
      return x.origin === 'string'
        ? `不能超过 ${x.maximum} 个字符`
        : x.origin === 'array'
          ? `最多 ${x.maximum} 项`
          : `不能大于 ${x.maximum}`;
    case 'too_small':
      return x.origin === 'string'
        ? x.minimum === 1
          ? '不能为空'
          : `至少 ${x.minimum} 个字符`
        : x.origin === 'array'
          ? `至少 ${x.minimum} 项`
          : `不能小于 ${x.minimum}`;
    case 'invalid_format':
      return x.format === 'regex' ? '格式不正确（编号只能用小写字母、数字和连字符）' : '格式不正确';
    case 'invalid_value':
      return '取值不在允许范围内';
    case 'invalid_type':
      return i.input === undefined ? '必填，不能为空' : '类型不正确';
    default:
      return i.message;
  }
}

function header<F extends string>(table: Table, specs: Parameters<typeof findHeader<F>>[1], needs: F[], what: string): HeaderMatch<F> {
  if (table.rows.every((r) => isBlankRow(r.cells))) throw new FileProblem('empty', '文件中没有任何数据');
  const h = findHeader(table.rows, specs, (f) => needs.some((n) => f.has(n)));
  if (!h) {
    const labels = specs
      .slice(0, 8)
      .map((s) => s.label)
      .join('、');
    throw new FileProblem(
      'no_header',
      `未找到可识别的${what}表头，第一行应为列名，如 ${labels}（可下载模板：/api/import/template?kind=${what === '园区' ? 'parks' : 'spaces'}）`,
    );
  }
  if (h.conflicts.length) throw new FileProblem('duplicate_columns', conflictMessage(h.conflicts));
  return h;
}

const where = (row: number, column: string) => `第 ${row} 行「${column}」`;

function each<F extends string>(
  table: Table,
  h: HeaderMatch<F>,
  limits: ImportLimits,
  fn: (rowNo: number, line: number, values: Record<string, unknown>, errors: RowError[]) => void,
): number {
  const data = table.rows.slice(h.at + 1);
  let total = 0;
  data.forEach((r, i) => {
    if (isBlankRow(r.cells)) return;
    total++;
    // a sheet exported here and edited comes back with the CSV formula guard: take it off (lossless round trip)
    const cells = r.cells.map((c) => (typeof c === 'string' ? unguard(c) : c));
    const { values, errors } = readRecord(i + 1, r.line, cells, h.columns, { maxCellChars: limits.maxCellChars });
    fn(i + 1, r.line, values, errors);
  });
  if (total > limits.maxRows)
    throw new FileProblem('too_many_rows', `数据有 ${total} 行，超过上限 ${limits.maxRows} 行（UPLOAD_MAX_ROWS）`);
  return total;
}

function schemaErrors<F extends string>(
  rowNo: number,
  line: number,
  error: z.ZodError,
  h: HeaderMatch<F>,
  labels: Map<string, string>,
  field = (p: PropertyKey[]) => String(p[0] ?? ''),
): RowError[] {
  return error.issues.map((i) => {
    const f = field(i.path as PropertyKey[]);
    const column = h.columns.find((c) => c.spec?.field === f)?.header ?? labels.get(f) ?? f;
    return { row: rowNo, line, field: f, column, message: `${where(line, column)}${zhIssue(i)}` };
  });
}

const STANDARD_FIELDS = ['investmentIntensityWanPerMu', 'outputPerMuWan', 'taxPerMuWan'] as const;

export function importParks(
  table: Table,
  limits: ImportLimits,
  stored: ReadonlyMap<string, ParkSeed>,
  industries: ReadonlySet<string>,
  defaultSource: string,
): SheetImport<ParkSeed> {
  const h = header<ParkField>(table, PARK_COLUMNS, ['id'], '园区');
  const labels = new Map(PARK_COLUMNS.map((c) => [c.field as string, c.label]));
  const out: SheetImport<ParkSeed> = { records: [], errors: [], total: 0 };
  const seenAt = new Map<string, number>();
  out.total = each(table, h, limits, (rowNo, line, v, errors) => {
    const err = (field: string, message: string) =>
      errors.push({ row: rowNo, line, field, column: labels.get(field), message: `${where(line, labels.get(field) ?? field)}${message}` });
    const id = typeof v.id === 'string' ? v.id : '';
    if (!id) err('id', '园区编号不能为空');
    else if (seenAt.has(id)) err('id', `园区编号 ${id} 与第 ${seenAt.get(id)} 行重复`);
    else seenAt.set(id, line);
    for (const f of ['leadingIndustries', 'supportingIndustries'] as const) {
      for (const n of (v[f] as string[] | undefined) ?? [])
        if (!industries.has(n)) err(f, `「${n}」不在产业目录中，请使用产业目录里的名称（如 医疗器械、智能物联）`);
    }
    if (errors.length) return void out.errors.push(...errors);
    const before = stored.get(id);
    const { investmentIntensityWanPerMu, outputPerMuWan, taxPerMuWan, standardsSource, ...given } = v as Record<string, unknown>;
    const base: Record<string, unknown> = before ? { ...before } : { leadingIndustries: [], source: defaultSource };
    const merged: Record<string, unknown> = { ...base, ...given };
    if (STANDARD_FIELDS.some((f) => v[f] !== undefined) || standardsSource !== undefined) {
      const prev = before?.standards ?? null;
      merged.standards = {
        investmentIntensityWanPerMu: (investmentIntensityWanPerMu as number | undefined) ?? prev?.investmentIntensityWanPerMu ?? null,
        outputPerMuWan: (outputPerMuWan as number | undefined) ?? prev?.outputPerMuWan ?? null,
        taxPerMuWan: (taxPerMuWan as number | undefined) ?? prev?.taxPerMuWan ?? null,
        source: (standardsSource as string | undefined) ?? prev?.source ?? defaultSource,
      };
    }
    const r = ParkSeedSchema.safeParse(merged);
    if (!r.success) {
      const toField = (p: PropertyKey[]) =>
        p[0] === 'standards' ? (p[1] === 'source' ? 'standardsSource' : String(p[1] ?? 'standards')) : String(p[0] ?? '');
      return void out.errors.push(...schemaErrors(rowNo, line, r.error, h, labels, toField));
    }
    out.records.push({ rowNo, record: r.data, created: !before });
  });
  return out;
}

export function importSpaces(
  table: Table,
  limits: ImportLimits,
  stored: ReadonlyMap<string, SpaceSeed>,
  parks: { ids: ReadonlySet<string>; byName: ReadonlyMap<string, string> },
  defaultSource: string,
): SheetImport<SpaceSeed> {
  const h = header<SpaceField>(table, SPACE_COLUMNS, ['id'], '空间');
  const labels = new Map(SPACE_COLUMNS.map((c) => [c.field as string, c.label]));
  const out: SheetImport<SpaceSeed> = { records: [], errors: [], total: 0 };
  const seenAt = new Map<string, number>();
  out.total = each(table, h, limits, (rowNo, line, v, errors) => {
    const err = (field: string, message: string) =>
      errors.push({ row: rowNo, line, field, column: labels.get(field), message: `${where(line, labels.get(field) ?? field)}${message}` });
    const id = typeof v.id === 'string' ? v.id : '';
    if (!id) err('id', '空间编号不能为空');
    else if (seenAt.has(id)) err('id', `空间编号 ${id} 与第 ${seenAt.get(id)} 行重复`);
    else seenAt.set(id, line);
    const { parkName, ...given } = v as Record<string, unknown>;
    if (given.parkId === undefined && typeof parkName === 'string') {
      const pid = parks.byName.get(parkName.replace(/\s+/g, ''));
      if (pid) given.parkId = pid;
      else err('parkName', `园区「${parkName}」不存在，请填写园区编号`);
    }
    if (typeof given.parkId === 'string' && !parks.ids.has(given.parkId)) err('parkId', `园区编号 ${given.parkId} 不存在，请先导入该园区`);
    if (errors.length) return void out.errors.push(...errors);
    const before = stored.get(id);
    const merged: Record<string, unknown> = { ...(before ?? { source: defaultSource, status: 'vacant' }), ...given };
    if (merged.kind === 'land' && merged.areaM2 === undefined && typeof merged.landMu === 'number')
      merged.areaM2 = Math.round(merged.landMu * M2_PER_MU);
    if (merged.kind === 'land' && merged.floor === undefined) merged.floor = 0;
    const r = SpaceSeedSchema.safeParse(merged);
    if (!r.success) return void out.errors.push(...schemaErrors(rowNo, line, r.error, h, labels));
    out.records.push({ rowNo, record: r.data, created: !before });
  });
  return out;
}
