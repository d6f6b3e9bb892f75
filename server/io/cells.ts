/**
 * Cell text → typed values, as staff type them in Excel/WPS. Pure; every function returns either a
 * value or a Chinese problem description, never throws. An empty cell never reaches these: empty is
 * unknown (the field is left out), never 0.
 */
import { parseChineseNumber } from '../text/numbers.js';
import type { Cell } from './table.js';
import { DEFAULT_USD_CNY_RATE, M2_PER_MU } from '../text/units.js';

export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };
const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const fail = <T>(message: string): Parsed<T> => ({ ok: false, message });

/** Physical dimensions a numeric column can have, each unit with its factor to the field's unit. */
export type Dimension = 'money' | 'area' | 'land' | 'length' | 'load' | 'energy' | 'count' | 'ratio' | 'rent' | 'plain';

export { M2_PER_MU };

/** Units by dimension: text (NFKC, lower case) → factor to the dimension's base unit. */
export const UNITS: Record<Dimension, Record<string, number>> = {
  money: { 万元: 1, 万: 1, 亿元: 10_000, 亿: 10_000, 元: 1e-4, 千万元: 1000, 百万元: 100, 千元: 0.1 },
  area: { 平方米: 1, 平米: 1, 平方: 1, m2: 1, 'm^2': 1, 万平方米: 10_000, 亩: M2_PER_MU, 公顷: 10_000 },
  land: { 亩: 1, 公顷: 15, 平方米: 1 / M2_PER_MU, 平米: 1 / M2_PER_MU, m2: 1 / M2_PER_MU },
  length: { 米: 1, m: 1 },
  load: { 'kn/m2': 1, kn: 1, 千牛: 1, '千牛/平方米': 1, 'kn/平方米': 1 },
  energy: { 吨标煤: 1, 吨标准煤: 1, tce: 1, 万吨标煤: 10_000 },
  count: { 人: 1, 个: 1, 名: 1 },
  ratio: { '%': 0.01 },
  rent: { '元/m2·天': 1, '元/m2/天': 1, '元/平方米·天': 1, '元/平方米/天': 1, '元/m2.天': 1, 元: 1 },
  plain: {},
};

/** Header and cell text normalised for matching: NFKC (full-width → half-width, ㎡ → m2), lower case. */
export const norm = (s: string): string => s.normalize('NFKC').toLowerCase().replace(/\s+/g, '');

const ARABIC = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;
const AMOUNT_UNIT = /(万美元|美元|千万元|百万元|千元|亿元|万元|元)$/;

export const cellText = (c: Cell): string => (c === null ? '' : typeof c === 'number' ? String(c) : c.trim());

/** Splits "1.2万平方米" into a numeral and a unit of the dimension (longest unit first). */
function splitUnit(s: string, dim: Dimension): { numeral: string; unit: string | null } {
  const units = Object.keys(UNITS[dim]).sort((a, b) => b.length - a.length);
  for (const u of units) if (s.endsWith(u) && s.length > u.length) return { numeral: s.slice(0, -u.length), unit: u };
  return { numeral: s, unit: null };
}

const fmt = (s: string) => (s.length > 40 ? `${s.slice(0, 40)}…` : s);

/**
 * A number in the column's unit. `factor` converts the header's unit to the field's (总投资(亿元) → 10000).
 * Money: 5000 (in the column's unit), 5000万 / 5000万元 / 1.2亿 / 六千万 (amounts in 元 magnitudes), 50万美元.
 * Others: 3000, 3,000, ３０００, 1.2万, 3000㎡, 50亩 (converted to the field's unit), 三千.
 */
export function parseNumberCell(c: Cell, dim: Dimension, factor = 1, usdRate = DEFAULT_USD_CNY_RATE): Parsed<number> {
  if (typeof c === 'number') return Number.isFinite(c) ? ok(c * factor) : fail('不是有效数字');
  const raw = cellText(c);
  const s = norm(raw).replace(/(?<=\d),(?=\d{3}(\D|$))/g, '');
  if (dim === 'money') {
    const m = s.match(AMOUNT_UNIT);
    const unit = m?.[1] ?? null;
    const numeral = unit ? s.slice(0, -unit.length) : s;
    if (numeral === '') return fail(`不是数字：“${fmt(raw)}”`);
    const usd = unit === '美元' || unit === '万美元' ? usdRate : 1;
    if (ARABIC.test(numeral)) {
      const v = Number(numeral);
      if (!unit) return ok(v * factor);
      return ok(unit === '美元' ? (v * usd) / 1e4 : unit === '万美元' ? v * usd : v * UNITS.money[unit]!);
    }
    const cn = parseChineseNumber(numeral);
    if (cn === null) return fail(`不是数字：“${fmt(raw)}”`);
    // 五千万 / 1.2亿 count 元; a numeral without 万/亿 (三千) counts the stated or the column's unit
    if (/[万亿]/.test(numeral))
      return unit && unit !== '元' && unit !== '美元' ? fail(`无法理解的金额：“${fmt(raw)}”`) : ok((cn / 1e4) * usd);
    if (!unit) return ok(cn * factor);
    return ok(unit === '美元' ? (cn * usd) / 1e4 : unit === '万美元' ? cn * usd : cn * UNITS.money[unit]!);
  }
  const { numeral, unit } = splitUnit(s, dim);
  if (numeral === '' || (unit === null && /[^\d.+\-一二三四五六七八九十百千万亿零〇两壹贰叁肆伍陆柒捌玖拾佰仟点]/.test(numeral))) {
    return fail(`不是数字：“${fmt(raw)}”`);
  }
  const v = ARABIC.test(numeral) ? Number(numeral) : parseChineseNumber(numeral);
  if (v === null || !Number.isFinite(v)) return fail(`不是数字：“${fmt(raw)}”`);
  return ok(unit ? v * UNITS[dim][unit]! : v * factor);
}

const TRUE_WORDS = new Set(['是', '要', '需要', '必须', '仅限', 'y', 'yes', 'true', '1', '√', '✓']);
const FALSE_WORDS = new Set(['否', '不', '不要', '不需要', '不限', 'n', 'no', 'false', '0', '×', '✗']);

export function parseBoolCell(c: Cell): Parsed<boolean> {
  const s = norm(cellText(c));
  if (TRUE_WORDS.has(s)) return ok(true);
  if (FALSE_WORDS.has(s)) return ok(false);
  return fail(`应填“是”或“否”，而不是“${fmt(cellText(c))}”`);
}

/** "医疗器械、智能物联；传感器" → ["医疗器械", "智能物联", "传感器"]. */
export function parseListCell(c: Cell): string[] {
  return cellText(c)
    .split(/[、,，;；|｜/／\n]+/)
    .map((x) => x.trim())
    .filter(Boolean);
}

/** A value from a fixed set, by any of its spellings (keys normalised). */
export function parseEnumCell<T extends string>(c: Cell, words: Record<string, T>, label: string): Parsed<T> {
  const s = norm(cellText(c));
  const hit = words[s];
  if (hit !== undefined) return ok(hit);
  const allowed = [...new Set(Object.keys(words).filter((k) => /[\u4e00-\u9fff]/.test(k)))].slice(0, 8).join('、');
  return fail(`${label}应为 ${allowed} 之一，而不是“${fmt(cellText(c))}”`);
}

const pad = (n: number) => String(n).padStart(2, '0');

/** 2025-03-01, 2025/3/1, 2025年3月1日, 2025.3.1, or an Excel serial day number → YYYY-MM-DD. */
export function parseDateCell(c: Cell): Parsed<string> {
  if (typeof c === 'number' && c > 20_000 && c < 80_000) {
    const d = new Date(Date.UTC(1899, 11, 30) + Math.round(c) * 86_400_000);
    return ok(`${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`);
  }
  const m = norm(cellText(c)).match(/^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/);
  if (m) {
    const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    const dt = new Date(Date.UTC(y, mo - 1, d));
    if (dt.getUTCMonth() === mo - 1 && dt.getUTCDate() === d) return ok(`${y}-${pad(mo)}-${pad(d)}`);
  }
  return fail(`不是有效日期：“${fmt(cellText(c))}”（格式如 2025-03-01）`);
}
