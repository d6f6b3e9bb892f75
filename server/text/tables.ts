/**
 * Tables pasted into a lead (rows cut into cells by ｜, | or a tab): which header a cell stands under. Staff paste 台账,
 * 公示 and spreadsheet rows; a cell's meaning is its column's header (用途｜下游客户, 原辅材料, 年产量).
 */

/** A cell separator: ASCII or full-width bar, or a tab. */
export const CELL = /[|｜\t]/;
const lineEnd = (text: string, from: number) => (text.indexOf('\n', from) + 1 || text.length + 1) - 1;
const isRow = (text: string, from: number) => CELL.test(text.slice(from, lineEnd(text, from)));

/**
 * The start of the table the line at `lineStart` belongs to: up the rows that are cut into cells (at most 30), to the
 * first of them, its header. `lineStart` itself when the line above is no row.
 */
export function tableStart(text: string, lineStart: number): number {
  let head = lineStart;
  for (let n = 0; head > 0 && n < 30; n++) {
    const prev = text.lastIndexOf('\n', head - 2) + 1;
    if (!isRow(text, prev)) break;
    head = prev;
  }
  return head;
}

/** The header row's cells of the table whose row starts at `lineStart`, or null when the row is the header itself. */
export function headerOf(text: string, lineStart: number): string[] | null {
  const head = tableStart(text, lineStart);
  return head === lineStart ? null : text.slice(head, lineEnd(text, head)).split(CELL);
}

/** The header cell of the column `at` stands in, where `at` is in a row below a table's header; else null. */
export function columnHeaderAt(text: string, at: number): string | null {
  const ls = text.lastIndexOf('\n', at - 1) + 1;
  if (!isRow(text, ls)) return null;
  const header = headerOf(text, ls);
  if (!header) return null;
  let column = 0;
  for (let i = ls; i < at; i++) if (CELL.test(text[i]!)) column++;
  return header[column]?.trim() ?? null;
}

/**
 * Is [start, end) a column's name in a table's header row (| 企业 | 产品 | 灭菌方式 | 危化品储存 | 投资 |, rows below it)? The
 * word fills its header cell but for a short tail (情况, 方式, （吨）), the header has three cells or more, and a row follows:
 * a column name says what the rows tell, not what the lead does.
 */
export function isColumnName(text: string, start: number, end: number): boolean {
  const ls = text.lastIndexOf('\n', start - 1) + 1;
  const le = lineEnd(text, ls);
  if (!isRow(text, ls) || tableStart(text, ls) !== ls || le >= text.length || !isRow(text, le + 1)) return false;
  const cells = text.slice(ls, le).split(CELL);
  if (cells.filter((c) => c.trim()).length < 3) return false;
  let from = ls;
  for (const c of cells) {
    const to = from + c.length;
    if (start >= from && end <= to) {
      const cell = c.trim();
      const at = c.indexOf(cell) + from;
      return start === at && cell.length - (end - start) <= 4;
    }
    from = to + 1;
  }
  return false;
}

/**
 * Every cell under a header cell the test accepts, in the rows below it, with that header cell (年产量（吨）| 约2万吨), the
 * cell's offset in the text and the table's header cells.
 * (A table's markdown rule row, |---|---|, is no row of cells.)
 */
export function cellsUnder(
  text: string,
  header: (cell: string) => boolean,
): { cell: string; header: string; at: number; table: string[] }[] {
  const out: { cell: string; header: string; at: number; table: string[] }[] = [];
  let table: string[] | null = null;
  let columns: number[] = [];
  for (const row of rowsOf(text)) {
    if (row.header !== table) {
      table = row.header;
      columns = table.flatMap((c, i) => (header(c) ? [i] : []));
    }
    for (const i of columns) {
      const cell = row.cells[i]?.trim();
      if (cell) out.push({ cell, header: table[i]!, at: cellAt(row, i), table });
    }
  }
  return out;
}

/** The rows below a header row in the text's tables: each with its cells, its line's offset and its table's header cells. */
function* rowsOf(text: string): Generator<{ cells: string[]; lineAt: number; header: string[] }> {
  if (!CELL.test(text)) return;
  let header: string[] | null = null;
  let from = 0;
  for (const line of text.split('\n')) {
    const lineAt = from;
    from += line.length + 1;
    if (!CELL.test(line)) {
      header = null;
      continue;
    }
    const cells = line.split(CELL);
    if (!header) {
      header = cells.map((c) => c.trim());
      continue;
    }
    // (a table's markdown rule row, |---|---|, is no row of cells)
    if (/^[\s|｜:：-]+$/.test(line)) continue;
    yield { cells, lineAt, header };
  }
}
/** A cell's offset in the text: the cells before it and their separators, then its leading blanks. */
function cellAt(row: { cells: string[]; lineAt: number }, i: number): number {
  const before = row.cells.slice(0, i).reduce((n, c) => n + c.length + 1, 0);
  const cell = row.cells[i] ?? '';
  return row.lineAt + before + (cell.length - cell.trimStart().length);
}

/** A row of a tank table (储罐 | 介质 | 容积(m³) | 数量 | 充装系数): what one row holds, where its medium cell stands. */
export interface TankRow {
  /** The medium cell's text and offset. */
  medium: string;
  at: number;
  /** Volume of all the row's tanks (m³): each one's times the count. */
  volumeM3: number;
  fill: number | null;
  density: number | null;
}
const MEDIUM_HEAD =
  /^(?:储存)?(?:介质|物料|物料名称|储存物料|储存物质|物质|物质名称|品名|名称|储存介质|化学品|化学品名称|medium|substance|product|material)/;
// (a 规格 only with a volume's unit: 规格(m³), not 规格 | φ2600×8000)
const VOLUME_HEAD = /(?:单罐)?(?:容积|容量|罐容|公称容积|规格(?=.*(?:m3|m³|立方))|体积|capacity|volume)/;
const COUNT_HEAD = /^(?:数量|台数|个数|座数|罐数|数目|qty|quantity|number|no\.?\s*of)/;
const FILL_HEAD = /充装系数|装填系数|充装率|装填率|fill/;
const DENSITY_HEAD = /密度|density/;
const NUMBER = /(\d+(?:\.\d+)?)/;

/**
 * The rows of tank tables in the text: a header with a medium column and a volume column (a count, a fill and a density
 * column where it has them); a row's volume is its tanks' together. A volume header in another unit than m³ (吨, t) is no
 * tank's volume. Rows whose volume cell holds no number are left out.
 */
export function tankRows(text: string): TankRow[] {
  const out: TankRow[] = [];
  let table: string[] | null = null;
  let head: { medium: number; volume: number; count: number; fill: number; density: number } | null = null;
  for (const row of rowsOf(text)) {
    if (row.header !== table) {
      table = row.header;
      const find = (re: RegExp) => table!.findIndex((c) => re.test(c));
      const medium = find(MEDIUM_HEAD);
      const volume = find(VOLUME_HEAD);
      head =
        medium >= 0 && volume >= 0 && !/吨|\bt\b|tonnes?/.test(table[volume]!)
          ? { medium, volume, count: find(COUNT_HEAD), fill: find(FILL_HEAD), density: find(DENSITY_HEAD) }
          : null;
    }
    if (!head) continue;
    const cell = (i: number) => (i >= 0 ? (row.cells[i]?.trim() ?? '') : '');
    const vol = NUMBER.exec(cell(head.volume).replace(/m3|m³/g, ''));
    if (!vol) continue;
    const count = head.count >= 0 ? Number(NUMBER.exec(cell(head.count))?.[1] ?? 1) : 1;
    const fillCell = NUMBER.exec(cell(head.fill))?.[1];
    const fill = fillCell === undefined ? null : Number(fillCell) > 1 ? Number(fillCell) / 100 : Number(fillCell);
    const densityCell = NUMBER.exec(cell(head.density))?.[1];
    out.push({
      medium: cell(head.medium),
      at: cellAt(row, head.medium),
      volumeM3: Number(vol[1]) * (count > 0 ? count : 1),
      fill: fill !== null && fill >= 0.3 && fill <= 1 ? fill : null,
      density: densityCell === undefined ? null : Number(densityCell),
    });
  }
  return out;
}
