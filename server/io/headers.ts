/**
 * Header row → fields. A column is recognised by its field name (investmentWan) or by a Chinese
 * name and its variants (总投资(万元), 投资额/万元, 总投资（亿元）, 需求面积㎡, *项目名称): the header is
 * normalised (NFKC: full-width brackets and ㎡; lower case; no spaces or required-markers), the
 * unit is read from brackets, after a slash or as a suffix, and converts the column's values.
 */
import { UNITS, norm, cellText, type Dimension } from './cells.js';
import { isBlankRow, type Cell, type TableRow } from './table.js';

export type ColumnKind = 'text' | 'number' | 'integer' | 'list' | 'bool' | 'enum' | 'date';

export interface ColumnSpec<F extends string = string> {
  field: F;
  /** The canonical Chinese header (template, export, messages). */
  label: string;
  /** Other names people use, matched after normalisation. */
  aliases: readonly string[];
  kind: ColumnKind;
  /** Numeric columns: the dimension whose units the header and cells may state. */
  dim?: Dimension;
  /** Enum columns: every accepted spelling → the value. */
  words?: Readonly<Record<string, string>>;
}

export interface MappedColumn<F extends string = string> {
  /** Position in the row. */
  index: number;
  /** The header as written in the file (the input column's name in results). */
  header: string;
  spec: ColumnSpec<F> | null;
  /** Multiplies the column's numbers into the field's unit (亿元 column → 10000). */
  factor: number;
}

export interface HeaderMatch<F extends string = string> {
  /** Row index in Table.rows of the header. */
  at: number;
  columns: MappedColumn<F>[];
  /** Columns the file has twice (the first one is used). */
  duplicates: string[];
  /** Two columns that claim one field (两列“项目简介”, 面积 and 厂房面积): the file is refused naming both. */
  conflicts: ColumnConflict[];
}

export interface ColumnConflict {
  field: string;
  /** The field's Chinese name. */
  label: string;
  first: string;
  second: string;
}

/** The sentence refusing a header whose columns claim one field twice, naming both columns. */
export function conflictMessage(c: readonly ColumnConflict[]): string {
  const parts = c.map((x) =>
    x.first === x.second ? `有两列“${x.first}”（都对应「${x.label}」）` : `“${x.first}”和“${x.second}”两列都对应「${x.label}」`,
  );
  return `表头${parts.join('；')}，无法确定使用哪一列：请删除或重命名其中一列后再上传`;
}

/** Splits a normalised header into its name and unit: 总投资(亿元) → 总投资 + 亿元; 需求面积m2 → 需求面积 + m2. */
export function splitHeader(h: string, dim?: Dimension): { name: string; unit: string | null } {
  let s = norm(h).replace(/^[*＊※]+|[*＊※]+$/g, '');
  let unit: string | null = null;
  const bracket = s.match(/[([{【〔](.*?)[)\]}】〕]/);
  if (bracket) {
    unit = bracket[1] || null;
    s = (s.slice(0, bracket.index) + s.slice(bracket.index! + bracket[0].length)).trim();
  }
  const slash = s.indexOf('/');
  if (unit === null && slash > 0) {
    unit = s.slice(slash + 1) || null;
    s = s.slice(0, slash);
  }
  if (unit === null && dim) {
    for (const u of Object.keys(UNITS[dim]).sort((a, b) => b.length - a.length)) {
      if (s.length > u.length && s.endsWith(u)) {
        unit = u;
        s = s.slice(0, -u.length);
        break;
      }
    }
  }
  return { name: s.replace(/[:：]$/, ''), unit };
}

/** The factor a header unit implies for a dimension; null when the unit does not fit the field. */
export function unitFactor(unit: string | null, dim: Dimension | undefined): number | null {
  if (unit === null || !dim || dim === 'plain') return 1;
  const f = UNITS[dim][unit];
  return f === undefined ? null : f;
}

function byName<F extends string>(specs: readonly ColumnSpec<F>[]): Map<string, ColumnSpec<F>> {
  const m = new Map<string, ColumnSpec<F>>();
  for (const s of specs) {
    for (const n of [s.field, s.label, ...s.aliases]) {
      const key = splitHeader(n, s.dim).name;
      if (!m.has(key)) m.set(key, s);
    }
  }
  return m;
}

/** Maps one header cell to a column spec (or null when unknown or when its unit does not fit). */
export function matchHeader<F extends string>(
  header: string,
  specs: readonly ColumnSpec<F>[],
  names = byName(specs),
): { spec: ColumnSpec<F>; factor: number } | null {
  // try the plain name first (项目名称), then with units split off for each candidate dimension
  const plain = splitHeader(header);
  const direct = names.get(plain.name) ?? names.get(norm(header));
  if (direct) {
    const f = unitFactor(plain.unit, direct.dim);
    if (f !== null) return { spec: direct, factor: f };
  }
  for (const dim of new Set(specs.map((s) => s.dim).filter(Boolean))) {
    const { name, unit } = splitHeader(header, dim);
    const spec = names.get(name);
    if (spec && spec.dim === dim) {
      const f = unitFactor(unit, dim);
      if (f !== null) return { spec, factor: f };
    }
  }
  return null;
}

/** Maps a header row; a field claimed twice keeps its first column. */
export function mapHeaderRow<F extends string>(cells: Cell[], width: number, specs: readonly ColumnSpec<F>[]): Omit<HeaderMatch<F>, 'at'> {
  const names = byName(specs);
  const seen = new Map<F, string>();
  const duplicates: string[] = [];
  const conflicts: ColumnConflict[] = [];
  const columns: MappedColumn<F>[] = [];
  for (let i = 0; i < width; i++) {
    const header = cellText(cells[i] ?? null).replace(/\s+/g, ' ') || `第${i + 1}列`;
    const m = matchHeader(header, specs, names);
    const first = m ? seen.get(m.spec.field) : undefined;
    if (m && first !== undefined) {
      duplicates.push(header);
      conflicts.push({ field: m.spec.field, label: m.spec.label, first, second: header });
    }
    const use = m && first === undefined ? m : null;
    if (use) seen.set(use.spec.field, header);
    columns.push({ index: i, header, spec: use?.spec ?? null, factor: use?.factor ?? 1 });
  }
  return { columns, duplicates, conflicts };
}

/** Widest row, ignoring trailing empty cells. */
export function tableWidth(rows: TableRow[]): number {
  let w = 0;
  for (const r of rows) {
    let n = r.cells.length;
    while (n > 0 && cellText(r.cells[n - 1] ?? null) === '') n--;
    if (n > w) w = n;
  }
  return w;
}

/**
 * Finds the header among the first non-empty rows (title rows above it are allowed): the first row
 * that `accept` takes. Returns null when none does.
 */
export function findHeader<F extends string>(
  rows: TableRow[],
  specs: readonly ColumnSpec<F>[],
  accept: (fields: Set<F>) => boolean,
  scan = 10,
): HeaderMatch<F> | null {
  const width = tableWidth(rows);
  let seen = 0;
  for (let at = 0; at < rows.length && seen < scan; at++) {
    if (isBlankRow(rows[at]!.cells)) continue;
    seen++;
    const m = mapHeaderRow(rows[at]!.cells, width, specs);
    const fields = new Set(m.columns.flatMap((c) => (c.spec ? [c.spec.field] : [])));
    if (accept(fields)) return { at, ...m };
  }
  return null;
}
