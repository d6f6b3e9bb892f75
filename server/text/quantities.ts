/**
 * Quantities in staff free text: areas, land, money, heights, floor loads, headcount, energy, 一楼.
 *
 * One left-to-right pass over the (same-length normalised) text finds numerals; the unit after a
 * numeral decides what it measures, and for money, m² and bare units the nearest keyword before it in
 * the same clause decides the field (a keyword right after it is the fallback: "5亿元产值").
 * Choices (documented because staff text is ambiguous):
 *  - Unknown is never 0: a field is absent unless the text states it; zero values are ignored.
 *  - Last mention wins ("面积改成6000平米"), approx/currency notes follow the winning mention.
 *  - Money needs a keyword (投资/产值/税收…); un-keyed money and blocked money (注册资本, 租金,
 *    亩均税收, 设备投资, clauses starting 其中…) are ignored. A bare number after a money keyword
 *    is 万元 (the form convention "总投资(万元)500") unless it is ≥ 1,000,000 (then 元).
 *  - Ranges ("3000-5000平米", "三到五千", "三四千") give value = lower bound, approx {min, max}.
 *  - m² is floor area unless the nearest area keyword is a land word (用地/土地/拿地/占地…): then 亩.
 *  - groundFloorOnly: true for a requirement (只要/要/需/必须 一楼|首层|底层…), false for 不要一楼 /
 *    不限楼层; a mere preference (最好一楼) or a bare mention leaves it unset.
 * Linear time (bounded look-behind/ahead per numeral), no backtracking regexes, never throws.
 */
import * as numbers from './numbers.js';
import { DEFAULT_USD_CNY_RATE, M2_PER_MU } from './units.js';

// Bound once: runners that rewrite imports into namespace getters (vite's SSR transform under vitest)
// would otherwise pay a getter call per character in the hot loops.
const {
  normalizeChars,
  parseNormalizedNumeral,
  parseColloquialRange,
  arabicEnd,
  isAsciiDigit,
  isCnDigitAt,
  isCnNonZeroDigitAt,
  isCnNumeralAt,
  isNumeralStartAt,
  unitValueAt,
  trailingMagnitude,
  hasUnitChar,
} = numbers;

export type MoneyField = 'investmentWan' | 'annualOutputWan' | 'annualTaxWan';
export type ApproxField = 'floorAreaM2' | 'landMu' | MoneyField;

/** 约/左右 → approx; 以上/至少/多 → min; 以下/不超过/以内 → max; ranges → min & max (value = min). */
export interface Approx {
  approx?: boolean;
  min?: number;
  max?: number;
}

/** A foreign-currency amount that was converted: amount in 万美元, the field got amount × rate. */
export interface CurrencyNote {
  code: 'USD';
  amount: number;
  field: MoneyField;
  rate: number;
}

/** The Lead fields a text's quantities can fill, in one order for every reader. */
export const QUANTITY_FIELDS = [
  'floorAreaM2',
  'landMu',
  'investmentWan',
  'annualOutputWan',
  'annualTaxWan',
  'minClearHeightM',
  'minFloorLoadKnM2',
  'groundFloorOnly',
  'employees',
  'energyTce',
] as const;

export interface Quantities {
  floorAreaM2?: number;
  landMu?: number;
  investmentWan?: number;
  annualOutputWan?: number;
  annualTaxWan?: number;
  currency?: CurrencyNote;
  minClearHeightM?: number;
  minFloorLoadKnM2?: number;
  groundFloorOnly?: boolean;
  employees?: number;
  energyTce?: number;
  approx?: Partial<Record<ApproxField, Approx>>;
}

export interface ExtractOptions {
  usdCnyRate?: number;
}

export { DEFAULT_USD_CNY_RATE, M2_PER_MU };
const KN_PER_TONNE = 9.80665;
const KN_PER_KG = 0.00980665;

// ---------------------------------------------------------------- character helpers
// Hot loops compare UTF-16 codes: s[i] on a CJK character allocates a fresh string every time.

/** Character sets as bits of one shared table: has() is a typed-array read (false for NaN, past the ends). */
const CHAR_BITS = new Int32Array(0x10000);
let nextBit = 0;
class CharSet {
  private readonly bit: number;
  constructor(chars: Iterable<number>) {
    if (nextBit > 31) throw new Error('CharSet: out of bits');
    this.bit = 1 << nextBit++;
    for (const code of chars) CHAR_BITS[code] = (CHAR_BITS[code] as number) | this.bit;
  }
  has(code: number): boolean {
    return ((CHAR_BITS[code & 0xffff] as number) & this.bit) !== 0; // NaN & 0xffff = 0: NUL has no bits
  }
}
const codes = (chars: string): CharSet => new CharSet([...chars].map((ch) => ch.charCodeAt(0)));
const SPACE = 32;
const skipSpaces = (s: string, i: number): number => {
  while (s.charCodeAt(i) === SPACE) i++;
  return i;
};
const isLetterAt = (s: string, i: number): boolean => {
  const c = s.charCodeAt(i);
  return c >= 97 && c <= 122; // text is lower-cased by normalizeChars
};
const is = (s: string, i: number, ch: string): boolean => s.charCodeAt(i) === ch.charCodeAt(0);

/** Word lists indexed by the code of their first (or last) character, longest first (typed-array slots). */
class WordIndex<T> {
  private readonly slot = new Int16Array(0x10000).fill(-1);
  private readonly lists: [string, T][][] = [];
  constructor(
    entries: [string, T][],
    readonly key: 'first' | 'last',
  ) {
    for (const e of entries) {
      const code = e[0].charCodeAt(key === 'first' ? 0 : e[0].length - 1);
      if ((this.slot[code] as number) < 0) this.slot[code] = this.lists.push([]) - 1;
      (this.lists[this.slot[code] as number] as [string, T][]).push(e);
    }
    for (const list of this.lists) list.sort((a, b) => b[0].length - a[0].length);
  }
  /** The key characters. */
  keyChars(): CharSet {
    const out: number[] = [];
    for (let code = 0; code < this.slot.length; code++) if ((this.slot[code] as number) >= 0) out.push(code);
    return new CharSet(out);
  }
  /** Entries whose key character is the code (NaN past the ends → none). */
  get(code: number): [string, T][] | undefined {
    const k = this.slot[code & 0xffff] as number; // NaN → slot 0 (NUL), which is -1
    return k >= 0 ? this.lists[k] : undefined;
  }
}
const words = <T>(list: string, tag: T): [string, T][] => list.split(' ').map((w) => [w, tag]);

/** s has w at position i (plain code comparison; w is short). */
function hasAt(s: string, i: number, w: string): boolean {
  if (i < 0 || i + w.length > s.length) return false;
  for (let k = 0; k < w.length; k++) if (s.charCodeAt(i + k) !== w.charCodeAt(k)) return false;
  return true;
}
/** The longest entry starting at i. */
function startingAt<T>(idx: WordIndex<T>, s: string, i: number): [string, T] | undefined {
  const list = idx.get(s.charCodeAt(i));
  if (list) for (const e of list) if (hasAt(s, i, e[0])) return e;
  return undefined;
}
/** The longest entry ending just before j and starting at or after floor (a 'last'-keyed index). */
function endingAt<T>(idx: WordIndex<T>, s: string, j: number, floor: number): [string, T] | undefined {
  const list = idx.get(s.charCodeAt(j - 1));
  if (list) for (const e of list) if (j - e[0].length >= floor && hasAt(s, j - e[0].length, e[0])) return e;
  return undefined;
}

// ---------------------------------------------------------------- keywords

type Cat =
  'invest' | 'output' | 'tax' | 'moneyBlock' | 'land' | 'floor' | 'height' | 'dim' | 'load' | 'lift' | 'people' | 'ground' | 'anyFloor';

const KEYWORDS: Record<Cat, string> = {
  invest: '投资 总投资 总投资额 投资总额 投资额 投资规模 计划投资 拟投资 预计投资 固定资产投资 投入 总投入',
  output: '产值 年产值 营收 年营收 营业收入 营业额 销售收入 销售额 年销售 年销售额 销售 主营业务收入 主营收入 年收入 收入 产出',
  tax: '税收 年税收 纳税 年纳税 利税 税金 缴税 上缴税金 税费 交税 年税',
  // money that is not investment/output/tax, and intensities (亩均税收: 亩均 blocks the keyword after it)
  moneyBlock:
    '注册资本 注册资金 资本金 融资 估值 市值 租金 房租 地价 价格 单价 售价 总价 利润 净利润 补贴 奖励 补助 资助 基金 ' +
    '贷款 工资 薪资 薪酬 成本 预算 出让金 设备投资 环保投资 研发投入 土建投资 装修投资 投资强度 亩均 每亩 人均 地均 ' +
    '亩产 单位产值 单位面积 单位税收 研发费用 保证金 押金 物业费',
  land: '用地 土地 拿地 占地 地块 宗地 出让 征地 买地 供地 用地面积 土地面积 占地面积 净用地',
  floor: '厂房 建筑面积 建面 面积 车间 楼宇 办公 研发 仓库 仓储 租赁 租用 租 空间 场地 楼层 载体 物业 写字楼',
  height: '层高 净高 高度 檐高 挑高 净空 檐口高度 梁下高度',
  dim: '跨度 柱距 柱网 进深 开间 面宽 宽度 长度 宽 长 距离 深度 门高 门宽 限高 半径 直径 间距',
  load: '荷载 承重 载荷 承载 承载力 楼面荷载 地面荷载 活荷载 地坪荷载',
  lift: '货梯 电梯 行车 吊车 起重 载重 叉车 天车 吊装',
  people: '员工 人员 用工 就业 职工 雇员 工人 人数 招工 用人 招聘 团队 岗位 人才 劳动力',
  // 一楼 as a requirement, and phrases that lift it
  ground: '一楼 1楼 一层 1层 底楼 底层 首层 地面层 单层 1f',
  anyFloor: '不限楼层 楼层不限 楼层无要求 可以上楼 能上楼 楼上也行 楼上也可以 接受楼上',
};
const CATS = Object.keys(KEYWORDS) as Cat[];
const KEYWORD_INDEX = new WordIndex(
  CATS.flatMap((cat, id) => words(KEYWORDS[cat], id)),
  'first',
);

/** Keyword hits of one group, in text order, as parallel arrays (no object per hit). */
interface Hits {
  start: number[];
  end: number[];
  cat: number[];
  /** Queries move forward with the scan: walking from the last answer makes look-ups amortised O(1). */
  cursor: number;
}

/** Hits are kept per group, so a query never walks past keywords of other kinds. */
type Group = 'money' | 'area' | 'height' | 'load' | 'people' | 'floorReq';
const GROUP_OF: Record<Cat, Group> = {
  invest: 'money',
  output: 'money',
  tax: 'money',
  moneyBlock: 'money',
  land: 'area',
  floor: 'area',
  height: 'height',
  dim: 'height',
  load: 'load',
  lift: 'load',
  people: 'people',
  ground: 'floorReq',
  anyFloor: 'floorReq',
};
const GROUPS = [...new Set(Object.values(GROUP_OF))];
const GROUP_INDEX = CATS.map((cat) => GROUPS.indexOf(GROUP_OF[cat]));

/** Greedy longest-match, non-overlapping, left to right: "占地面积" is one land hit, not 面积. */
function scanKeywords(s: string): Hits[] {
  const groups: Hits[] = GROUPS.map(() => ({ start: [], end: [], cat: [], cursor: -1 }));
  for (let i = 0; i < s.length;) {
    const hit = startingAt(KEYWORD_INDEX, s, i);
    if (hit) {
      const g = groups[GROUP_INDEX[hit[1]] as number] as Hits;
      g.start.push(i);
      g.end.push(i + hit[0].length);
      g.cat.push(hit[1]);
      i += hit[0].length;
    } else i++;
  }
  return groups;
}

/** A category mask within one group. */
interface Want {
  group: number;
  mask: number;
}
const cats = (...list: Cat[]): Want => ({
  group: GROUPS.indexOf(GROUP_OF[list[0] as Cat]),
  mask: list.reduce((m, cat) => m | (1 << CATS.indexOf(cat)), 0),
});
const MONEY_CATS = cats('invest', 'output', 'tax', 'moneyBlock');
const AREA_CATS = cats('land', 'floor');
const HEIGHT_CATS = cats('height', 'dim');
const LOAD_CATS = cats('load', 'lift');
const PEOPLE_CATS = cats('people');
const LIFT_CATS = cats('lift');
const HEIGHT_ONLY = cats('height');
const FLOOR_REQ = GROUPS.indexOf('floorReq');
const MONEY_FIELD: Partial<Record<Cat, MoneyField>> = { invest: 'investmentWan', output: 'annualOutputWan', tax: 'annualTaxWan' };

interface Ctx {
  s: string;
  groups: Hits[];
  /** clause[i] = start of the clause holding position i. */
  clause: Int32Array;
  usdRate: number;
}

/** The category of hit k of a group. */
const catOf = (h: Hits, k: number): Cat => CATS[h.cat[k] as number] as Cat;

/** Index of the last hit ending at or before pos (-1 if none), walking from the cursor. */
function lastEndingBy(h: Hits, pos: number): number {
  const { end } = h;
  let k = h.cursor;
  while (k + 1 < end.length && (end[k + 1] as number) <= pos) k++;
  while (k >= 0 && (end[k] as number) > pos) k--;
  h.cursor = k;
  return k;
}

/** Index (in want's group) of the nearest hit in want ending at or before pos, within window chars and the clause; -1 if none. */
function findBefore(c: Ctx, pos: number, want: Want, window: number): number {
  const h = c.groups[want.group] as Hits;
  const { start, cat } = h;
  let k = lastEndingBy(h, pos);
  const from = Math.max(c.clause[pos] ?? 0, pos - window);
  for (; k >= 0 && (start[k] as number) >= from; k--) if (want.mask & (1 << (cat[k] as number))) return k;
  return -1;
}

/** Index (in want's group) of the nearest hit in want starting within window chars after pos, in the clause; -1 if none. */
function findAfter(c: Ctx, pos: number, want: Want, window: number): number {
  const h = c.groups[want.group] as Hits;
  const { start, cat } = h;
  let lo = lastEndingBy(h, pos) + 1;
  if (lo < start.length && (start[lo] as number) < pos) lo++; // a hit straddling pos
  for (let k = lo; k < start.length; k++) {
    const st = start[k] as number;
    if (st - pos > window || c.clause[st] !== c.clause[pos]) return -1;
    if (want.mask & (1 << (cat[k] as number))) return k;
  }
  return -1;
}

// ---------------------------------------------------------------- units

type UnitKind = 'area' | 'land' | 'cny' | 'usd' | 'fx' | 'load' | 'loadBare' | 'energy' | 'length' | 'people';
interface UnitDef {
  kind: UnitKind;
  /** Factor to the field's unit (m², 亩, 元, kN/m², m, 人). */
  f: number;
  /** Weak units (平, 方) need Arabic digits or a unit character in the numeral: not "四方". */
  weak?: boolean;
  /** Characters that must not follow (方案, 平台). */
  notBefore?: CharSet;
}

const units = (kind: UnitKind, f: number, names: string, extra: Partial<UnitDef> = {}): [string, UnitDef][] =>
  words(names, { kind, f, ...extra });

const UNIT_INDEX = new WordIndex(
  [
    ...units('area', 1, '平方米 平米 平方 ㎡ m² m2 sqm'),
    ...units('area', 1, '平', { weak: true, notBefore: codes('均台衡安面行层稳时价常原等板') }),
    ...units('area', 1, '方', { weak: true, notBefore: codes('案向面便式法可能位针圆形正舟言才') }),
    ...units('land', 1, '亩'),
    ...units('land', 15, '公顷'),
    ...units('land', 1500, '平方公里 平方千米 km² km2'),
    ...units('cny', 1, '元 人民币 rmb cny'),
    // 5000w: staff shorthand for 万 (万元), money only (it needs a money keyword like every amount)
    ...units('cny', 1e4, 'w'),
    ...units('usd', 1, '美元 美金 usd'),
    ...units('fx', 1, '港元 港币 欧元 日元 英镑 韩元 澳元 加元 新元 台币'),
    ...units('load', KN_PER_TONNE, '吨/平方米 吨/平米 吨/平 吨/㎡ 吨/m² 吨/m2 吨每平方米 吨每平米 吨每平 t/m² t/m2 t/㎡'),
    ...units('load', 1, 'kn/m² kn/m2 kn/㎡ 千牛/平方米 千牛/平米 千牛/㎡ kpa'),
    ...units('load', KN_PER_KG, 'kg/m² kg/m2 kg/㎡ 公斤/平方米 公斤/平米 公斤/㎡ 千克/平方米 千克/平米 千克/㎡ 公斤每平方米 公斤每平米'),
    ...units('energy', 1, '吨标准煤 吨标煤 tce 吨ce'),
    ...units('loadBare', KN_PER_TONNE, '吨 t'),
    ...units('loadBare', 1, 'kn 千牛'),
    ...units('loadBare', KN_PER_KG, 'kg 公斤 千克'),
    ...units('length', 1, '米 m'),
    ...units('people', 1, '人 名 位 个'),
  ],
  'first',
);

function matchUnit(s: string, p: number): { def: UnitDef; end: number } | null {
  const list = UNIT_INDEX.get(s.charCodeAt(p));
  if (!list) return null;
  for (let e = 0; e < list.length; e++) {
    const name = (list[e] as [string, UnitDef])[0];
    const def = (list[e] as [string, UnitDef])[1];
    if (!hasAt(s, p, name)) continue;
    const end = p + name.length;
    const last = name.charCodeAt(name.length - 1);
    if (last >= 97 && last <= 122 && isLetterAt(s, end)) continue; // 8mm, 5tb
    if (last >= 48 && last <= 57 && (isLetterAt(s, end) || isAsciiDigit(s, end))) continue; // m23
    if (def.notBefore?.has(s.charCodeAt(end))) continue;
    return { def, end };
  }
  return null;
}

// ---------------------------------------------------------------- modifiers

const APPROX = 1;
const MIN = 2;
const MAX = 4;

/** Before the numeral (indexed by last character): 约3000, 不少于3000, 至少要3000. */
const PREFIX_MODS = new WordIndex(
  [
    ...words('约 大约 大概 大致 将近 接近 近 差不多 估计', APPROX),
    ...words('不少于 不低于 不小于 不得低于 不能低于 至少 最少 最低 超过 多于 大于 高于 超 逾 起码 ≥ >= >', MIN),
    ...words('不超过 不高于 不大于 不多于 不要超过 不能超过 不得超过 最多 至多 最大 最高 少于 低于 小于 不到 不足 控制在 ≤ <= <', MAX),
  ],
  'last',
);
/** After the unit (indexed by first character): 3000平米左右, 5000平米以上. */
const SUFFIX_MODS = new WordIndex(
  [...words('左右 上下', APPROX), ...words('及以上 以上 出头 开外 多 余 起 +', MIN), ...words('及以下 以下 以内 之内', MAX)],
  'first',
);
const PREFIX_FILLER = codes('在为是达到要需有得: ');
const NOT_NEAR = codes('最附靠'); // 最近, 附近 are not 近 = approximately

function prefixMods(s: string, start: number, clauseStart: number): number {
  let j = start;
  for (let skipped = 0; skipped <= 2 && j > clauseStart; skipped++) {
    const hit = endingAt(PREFIX_MODS, s, j, clauseStart);
    if (hit && !(hit[0] === '近' && NOT_NEAR.has(s.charCodeAt(j - 2)))) return hit[1];
    if (!PREFIX_FILLER.has(s.charCodeAt(j - 1))) break;
    j--;
  }
  return 0;
}

function suffixMods(s: string, p: number): { mods: number; end: number } {
  let mods = 0;
  for (let n = 0; n < 2; n++) {
    const q = skipSpaces(s, p);
    const hit = startingAt(SUFFIX_MODS, s, q);
    if (!hit || (hit[0] === '上下' && is(s, q + 2, '游'))) break;
    mods |= hit[1];
    p = q + hit[0].length;
  }
  return { mods, end: p };
}

// ---------------------------------------------------------------- numerals in text

const SEPARATORS = codes('，。；;！!？?\n\r、…');
const RANGE_SEPS = codes('-~—–到至');
const COMMA = 44;

function isSeparator(s: string, i: number): boolean {
  const c = s.charCodeAt(i);
  if (c !== COMMA) return SEPARATORS.has(c);
  // 1,200: a thousands separator, not a clause break
  return !(isAsciiDigit(s, i - 1) && isAsciiDigit(s, i + 1) && isAsciiDigit(s, i + 2) && isAsciiDigit(s, i + 3) && !isAsciiDigit(s, i + 4));
}

function clauseStarts(s: string): Int32Array {
  const a = new Int32Array(s.length + 1);
  let start = 0;
  for (let i = 0; i < s.length; i++) {
    a[i] = start;
    if (isSeparator(s, i)) start = i + 1;
  }
  a[s.length] = start;
  return a;
}

const KILO_UNIT_NEXT = codes('克牛米瓦帕');
const GE = '个'.charCodeAt(0);
const isRunStart = isNumeralStartAt;

/** End of the maximal numeral run starting at i: digits, Chinese numerals, 点 decimals, 个半. */
function runEnd(s: string, i: number): number {
  let j = i;
  while (j < s.length) {
    if (isAsciiDigit(s, j)) {
      j = arabicEnd(s, j);
      while (is(s, j, '.') && isAsciiDigit(s, j + 1)) j++; // swallow the rest of 2024.5.1 (never a number)
    } else if (isCnNumeralAt(s, j)) {
      if (j > i && is(s, j, '千') && KILO_UNIT_NEXT.has(s.charCodeAt(j + 1))) break; // 650千克 is 650 kg, not 650千
      j++;
    } else if (j > i && is(s, j, '点') && (isCnDigitAt(s, j + 1) || isAsciiDigit(s, j + 1))) j++;
    else if (j > i && is(s, j, '个') && is(s, j + 1, '半')) return j + 2;
    else break;
  }
  return j;
}

/** Numerals that are labels, not amounts: M2用地, 第二批, #3, .5 */
const LABEL_BEFORE = codes('第#._');
const blockedBefore = (s: string, i: number): boolean => isLetterAt(s, i - 1) || LABEL_BEFORE.has(s.charCodeAt(i - 1));

/** Always built with every property (min/max may be undefined) so the hot code stays monomorphic. */
interface Num {
  value: number;
  min: number | undefined;
  max: number | undefined;
  /** Has Arabic digits or a unit character (weak units 平/方 need it). */
  strong: boolean;
  /** Contains 万 or 亿: an amount of money even without 元. */
  big: boolean;
  /** Contains a unit character (十百千万亿): 三 in 三到五千 has none and takes 五千's magnitude. */
  units: boolean;
}

const MAX_RUN = 64; // longer runs are never one number (parseChineseNumber's limit too)

function numeral(text: string): Num | null {
  if (text.length > MAX_RUN) return null;
  let digit = false;
  let arabic = false;
  let big = false;
  for (let i = 0; i < text.length; i++) {
    if (isAsciiDigit(text, i)) digit = arabic = true;
    else if (isCnNonZeroDigitAt(text, i)) digit = true;
    else big ||= (unitValueAt(text, i) ?? 0) >= 1e4;
  }
  if (!digit && !is(text, 0, '十') && !is(text, 0, '拾')) return null; // 千万不要, 百亩千亿 (but 十多万)
  const units = hasUnitChar(text);
  const strong = arabic || units;
  const v = parseNormalizedNumeral(text);
  if (v !== null) return { value: v, min: undefined, max: undefined, strong, big, units };
  const r = parseColloquialRange(text);
  return r ? { value: r.min, min: r.min, max: r.max, strong: true, big, units } : null;
}

const POW10 = [1, 10, 100, 1000, 10000];
const round = (x: number, d: number): number => Math.round(x * (POW10[d] as number)) / (POW10[d] as number);

// ---------------------------------------------------------------- mentions

type Field = keyof Omit<Quantities, 'currency' | 'approx' | 'groundFloorOnly'>;
interface Mention {
  field: Field;
  value: number;
  approx: Approx | undefined;
  usdAmount: number | undefined;
}

const APPROX_FIELDS: ReadonlySet<string> = new Set(['floorAreaM2', 'landMu', 'investmentWan', 'annualOutputWan', 'annualTaxWan']);
const MIDDLE_MODS = codes('多余来几+');
const COUNTERS = codes('件台套个只辆片支条张块瓶盒箱吨颗粒项家');
const BARE_GAP = codes('约大概致近将接超过逾不少于低高至多最为是达到在了额总金规模计划预计估拟共合要需:()（） ');
const BARE_END = codes('左上以多余的及)）(（ ');
const OPEN = codes('(（');
const CLOSE = codes(')）');

/** Records n × f in the field (rounded to digits decimals), with its approx note. */
function push(out: Mention[], field: Field, n: Num, f: number, digits: number, mods: number, usdAmount?: number): void {
  const value = field === 'employees' ? Math.round(n.value * f) : round(n.value * f, digits);
  if (!(value > 0) || !Number.isFinite(value)) return; // unknown is never 0
  let approx: Approx | undefined;
  if (APPROX_FIELDS.has(field) && (mods !== 0 || n.min !== undefined || n.max !== undefined)) {
    approx = {};
    if (mods & APPROX) approx.approx = true;
    if (n.min !== undefined) approx.min = round(n.min * f, digits);
    else if (mods & MIN) approx.min = value;
    if (n.max !== undefined) approx.max = round(n.max * f, digits);
    else if (mods & MAX) approx.max = value;
  }
  out.push({ field, value, approx, usdAmount });
}

/** "(万元)" just before a numeral: the unit of a form column, "总投资(万元)500". */
function headerUnit(s: string, start: number, clauseStart: number): { def: UnitDef; mag: number; open: number } | null {
  let j = start - 1;
  while (j >= clauseStart && (is(s, j, ' ') || is(s, j, ':'))) j--;
  if (j < clauseStart || !CLOSE.has(s.charCodeAt(j))) return null;
  let open = j - 1;
  while (open >= clauseStart && open > j - 10 && !OPEN.has(s.charCodeAt(open))) open--;
  if (open < clauseStart || !OPEN.has(s.charCodeAt(open))) return null;
  let p = open + 1;
  let mag = 1;
  for (let u = unitValueAt(s, p); u !== undefined; u = unitValueAt(s, ++p)) mag *= u;
  const unit = matchUnit(s, p);
  return unit && unit.end === j ? { def: unit.def, mag, open } : null;
}

/** "其中设备投资5000万", "其中办公500平米": a part of a total stated before, not the total. */
const isPartClause = (s: string, clauseStart: number): boolean => hasAt(s, skipSpaces(s, clauseStart), '其中');

/** The money field named by the nearest keyword (before, else just after); null when none or blocked. */
function moneyField(c: Ctx, kwPos: number, afterPos: number): { field: MoneyField; kwEnd: number } | null {
  const cs = c.clause[kwPos] ?? 0;
  if (isPartClause(c.s, cs)) return null;
  const h = c.groups[MONEY_CATS.group] as Hits;
  const { start, end } = h;
  const k = findBefore(c, kwPos, MONEY_CATS, 24);
  if (k >= 0) {
    // 亩均税收, 每亩投资: an intensity word right before the keyword blocks it
    if (k > 0 && catOf(h, k - 1) === 'moneyBlock' && (end[k - 1] as number) >= (start[k] as number) - 1 && (start[k - 1] as number) >= cs)
      return null;
    const field = MONEY_FIELD[catOf(h, k)];
    return field ? { field, kwEnd: end[k] as number } : null;
  }
  const after = findAfter(c, afterPos, MONEY_CATS, 3);
  const field = after >= 0 ? MONEY_FIELD[catOf(h, after)] : undefined;
  return field ? { field, kwEnd: -1 } : null;
}

/** Money: n × wanFactor 万 (万美元 for USD, converted at the rate and noted). */
function pushMoney(c: Ctx, out: Mention[], field: MoneyField, n: Num, wanFactor: number, usd: boolean, mods: number): void {
  if (usd) push(out, field, n, wanFactor * c.usdRate, 4, mods, round(n.value * wanFactor, 4));
  else push(out, field, n, wanFactor, 4, mods);
}

/** 3000-5000, 三到五千 (三 takes 五千's magnitude), 1.5~2万: the range, or null. */
function readRange(s: string, n1: Num, from: number): { n: Num; end: number } | null {
  let q = skipSpaces(s, from);
  if (n1.min !== undefined || !RANGE_SEPS.has(s.charCodeAt(q))) return null;
  q = skipSpaces(s, q + 1);
  if (!isRunStart(s, q)) return null;
  const r2 = runEnd(s, q);
  const t2 = s.slice(q, r2);
  const n2 = numeral(t2);
  if (!n2 || n2.min !== undefined) return null;
  const mag = trailingMagnitude(t2);
  const lo = !n1.units && mag > 1 && n1.value * mag <= n2.value ? n1.value * mag : n1.value;
  if (!(lo < n2.value)) return null;
  return { n: { value: lo, min: lo, max: n2.value, strong: n1.strong || n2.strong, big: n2.big, units: true }, end: r2 };
}

const UNIT_START = UNIT_INDEX.keyChars();
const MONEY_WORD_AFTER = 8;

/**
 * Cheap test before any parsing: can the numeral at [i, r1) (or a range starting there) be a quantity?
 * It needs a unit, a middle modifier (多/余/个亿), a form header "(万元)" or a money keyword nearby.
 */
function worthReading(c: Ctx, i: number, r1: number, clauseStart: number): boolean {
  const s = c.s;
  let q = skipSpaces(s, r1);
  if (RANGE_SEPS.has(s.charCodeAt(q))) {
    const q2 = skipSpaces(s, q + 1);
    if (isRunStart(s, q2)) q = skipSpaces(s, runEnd(s, q2));
  }
  const follow = s.charCodeAt(q);
  if (UNIT_START.has(follow) || MIDDLE_MODS.has(follow) || follow === GE) return true;
  let b = i - 1;
  while (b > clauseStart && (is(s, b, ' ') || is(s, b, ':'))) b--;
  if (CLOSE.has(s.charCodeAt(b))) return true;
  return findBefore(c, i, MONEY_CATS, 24) >= 0 || findAfter(c, q, MONEY_CATS, MONEY_WORD_AFTER) >= 0;
}

/** Reads the numeral at i and what follows it; pushes at most one mention; returns where to continue. */
function readMention(c: Ctx, i: number, out: Mention[]): number {
  const s = c.s;
  const r1 = runEnd(s, i);
  if (blockedBefore(s, i)) return r1;
  const clauseStart = c.clause[i] ?? 0;
  if (!worthReading(c, i, r1, clauseStart)) return r1;
  const n1 = numeral(s.slice(i, r1));
  if (!n1) return r1;
  const range = readRange(s, n1, r1);
  let n = range ? range.n : n1;
  let p = skipSpaces(s, range ? range.end : r1);
  let mods = 0;
  let mult = 1; // magnitude written after the numeral: 2000多万, 3个亿, (万元)
  // 2000多万, 三十来亩, 3个亿
  if (MIDDLE_MODS.has(s.charCodeAt(p)) || (is(s, p, '个') && (is(s, p + 1, '亿') || is(s, p + 1, '万')))) {
    if (!is(s, p, '个')) mods |= is(s, p, '来') ? APPROX : MIN;
    for (let u = unitValueAt(s, ++p); u !== undefined; u = unitValueAt(s, ++p)) mult *= u;
    p = skipSpaces(s, p);
  }
  let unit = matchUnit(s, p);
  let kwPos = i;
  if (!unit) {
    const h = headerUnit(s, i, clauseStart);
    if (h) {
      unit = { def: h.def, end: p };
      mult *= h.mag;
      kwPos = h.open;
    }
  }
  mods |= prefixMods(s, i, clauseStart);
  if (unit && n === n1 && mult === 1) {
    // 3000㎡～5000㎡: the unit repeated after the second number
    const r = readRange(s, n1, unit.end);
    const name = s.slice(p, unit.end);
    if (r && hasAt(s, skipSpaces(s, r.end), name)) {
      n = r.n;
      unit = { def: unit.def, end: skipSpaces(s, r.end) + name.length };
    }
  }
  const suffix = suffixMods(s, unit ? unit.end : p);
  mods |= suffix.mods;
  const end = suffix.end;
  // rates are not totals: 480元/平方米, 25万元/亩, 0.5吨标煤/万元 (but 吨标煤/年 is a total per year)
  if ((is(s, end, '/') || is(s, end, '每')) && !is(s, end + 1, '年') && !is(s, end + 1, 'a')) return end + 1;
  const next = Math.max(end, r1);

  if (!unit) {
    // bare money after a keyword: 投资六千万 (元), 投资3000 (万元)
    const m = moneyField(c, kwPos, end);
    if (!m) return next;
    if (n.big || mult >= 1e4) {
      if (!COUNTERS.has(s.charCodeAt(p))) pushMoney(c, out, m.field, n, mult * 1e-4, false, mods);
    } else if (m.kwEnd >= 0 && gapOf(s, m.kwEnd, i, BARE_GAP) && (p >= s.length || BARE_END.has(s.charCodeAt(p)) || isSeparator(s, p))) {
      pushMoney(c, out, m.field, n, n.value * mult >= 1e6 ? mult * 1e-4 : mult, false, mods);
    }
    return next;
  }
  const { def } = unit;
  const additive = def.kind !== 'length' && def.kind !== 'load' && def.kind !== 'loadBare';
  if (additive && isPartClause(s, clauseStart)) return next; // heights and loads of a part still apply
  switch (def.kind) {
    case 'area': {
      if (def.weak && !n.strong) break;
      const k = findBefore(c, kwPos, AREA_CATS, 24);
      const after = k >= 0 ? k : findAfter(c, end, AREA_CATS, 6);
      const cat = after >= 0 ? catOf(c.groups[AREA_CATS.group] as Hits, after) : undefined;
      if (cat === 'land') push(out, 'landMu', n, (mult * def.f) / M2_PER_MU, 2, mods);
      else push(out, 'floorAreaM2', n, mult * def.f, 2, mods);
      break;
    }
    case 'land':
      push(out, 'landMu', n, mult * def.f, 2, mods);
      break;
    case 'cny':
    case 'usd': {
      const m = moneyField(c, kwPos, end);
      if (m) pushMoney(c, out, m.field, n, (mult * def.f) / 1e4, def.kind === 'usd', mods);
      break;
    }
    case 'load':
      push(out, 'minFloorLoadKnM2', n, mult * def.f, def.f === 1 ? 2 : 1, mods);
      break;
    case 'loadBare': {
      // 承重2吨 is a floor load; 货梯3吨 / 载重5吨 is a lift
      const k = findBefore(c, kwPos, LOAD_CATS, 12);
      if (k >= 0 && catOf(c.groups[LOAD_CATS.group] as Hits, k) === 'load' && findAfter(c, end, LIFT_CATS, 4) < 0) {
        push(out, 'minFloorLoadKnM2', n, mult * def.f, def.f === 1 ? 2 : 1, mods);
      }
      break;
    }
    case 'energy':
      push(out, 'energyTce', n, mult * def.f, 2, mods);
      break;
    case 'length': {
      // 层高8米, 8米层高, 8米高; not 柱距9米
      const k = findBefore(c, kwPos, HEIGHT_CATS, 12);
      const after = is(s, end, '的') ? end + 1 : end;
      const isHeight =
        k >= 0
          ? catOf(c.groups[HEIGHT_CATS.group] as Hits, k) === 'height'
          : is(s, after, '高') || findAfter(c, after, HEIGHT_ONLY, 1) >= 0;
      if (isHeight) push(out, 'minClearHeightM', n, mult * def.f, 2, mods);
      break;
    }
    case 'people':
      if (findBefore(c, kwPos, PEOPLE_CATS, 16) >= 0 || findAfter(c, end, PEOPLE_CATS, 3) >= 0) push(out, 'employees', n, mult, 0, mods);
      break;
    case 'fx': // other currencies: not converted, not guessed
      break;
  }
  return next;
}

function gapOf(s: string, from: number, to: number, allowed: CharSet): boolean {
  if (to - from > 8) return false;
  for (let j = from; j < to; j++) if (!allowed.has(s.charCodeAt(j))) return false;
  return true;
}

// ---------------------------------------------------------------- 一楼

const NOT_ONLY_NEXT = new WordIndex(words('或 、 和 及 与 至 到 - ~ / 以上 也 都 二 2 两 面积 建筑', true), 'first');
/** Verbs before 一楼 (indexed by last character): false = not required, true = required, null = only preferred. */
const FLOOR_VERBS = new WordIndex<boolean | null>(
  [
    ...words('不要 不需要 不用 不必 不一定 不一定要 不需 无需 不是 不限 不要求 不非得 不必须 不想要 不想 别 不能是 不考虑 不接受', false),
    ...words('只要 只能 只考虑 只接受 只需 只限 只 仅限 仅 限 必须 需要 需 要 要求 想要 得是 得 必 非要 一定要 务必 就要 指定', true),
    ...words<boolean | null>('最好 最好是 优先 尽量 倾向 倾向于 希望 首选', null),
  ],
  'last',
);

/** The nearest verb within 6 characters before i, in the clause. */
function floorVerb(s: string, i: number, clauseStart: number): boolean | null | undefined {
  for (let j = i; j > Math.max(clauseStart, i - 6); j--) {
    const hit = endingAt(FLOOR_VERBS, s, j, clauseStart);
    if (hit) return hit[1];
  }
  return undefined;
}

/** true = 只要一楼, false = 不要一楼 / 不限楼层, undefined = no requirement stated. Last statement wins. */
function groundFloor(c: Ctx): boolean | undefined {
  const { s } = c;
  const hits = c.groups[FLOOR_REQ] as Hits;
  let result: boolean | undefined;
  for (let k = 0; k < hits.start.length; k++) {
    const cat = catOf(hits, k);
    if (cat === 'anyFloor') result = false;
    if (cat !== 'ground') continue;
    const i = hits.start[k] as number;
    if (isCnNumeralAt(s, i - 1) || isAsciiDigit(s, i - 1) || isLetterAt(s, i - 1)) continue; // 十一楼, 21层
    if (startingAt(NOT_ONLY_NEXT, s, hits.end[k] as number)) continue; // 一楼或二楼, 一层面积
    const verb = floorVerb(s, i, c.clause[i] ?? 0);
    if (typeof verb === 'boolean') result = verb;
  }
  return result;
}

// ---------------------------------------------------------------- entry point

const FIELD_ORDER: (keyof Quantities)[] = [
  'floorAreaM2',
  'landMu',
  'investmentWan',
  'annualOutputWan',
  'annualTaxWan',
  'currency',
  'minClearHeightM',
  'minFloorLoadKnM2',
  'groundFloorOnly',
  'employees',
  'energyTce',
  'approx',
];

const FIELD_COUNT = 9; // numeric fields a mention can set

/** Reads the quantities a staff message states. Never throws; absent fields were not stated. */
export function extractQuantities(text: string, opts?: ExtractOptions): Quantities {
  try {
    return readQuantities(text, opts);
  } catch {
    return {}; // a safety net only: the property tests run readQuantities without it
  }
}

/** extractQuantities without the safety net (exported for the property tests). */
export function readQuantities(text: string, opts?: ExtractOptions): Quantities {
  if (typeof text !== 'string' || text.length === 0) return {};
  const rate = opts?.usdCnyRate;
  const usdRate = typeof rate === 'number' && Number.isFinite(rate) && rate > 0 ? rate : DEFAULT_USD_CNY_RATE;
  const s = normalizeChars(text);
  const c: Ctx = { s, groups: scanKeywords(s), clause: clauseStarts(s), usdRate };
  const mentions: Mention[] = [];
  for (let i = 0; i < s.length;) i = isRunStart(s, i) ? Math.max(i + 1, readMention(c, i, mentions)) : i + 1;

  // Last mention wins: walk backwards and keep the first mention of each field. The currency note
  // belongs to the latest winning mention that was in USD.
  const q: Quantities = {};
  const approx: Partial<Record<ApproxField, Approx>> = {};
  const seen = new Set<Field>();
  for (let k = mentions.length - 1; k >= 0 && seen.size < FIELD_COUNT; k--) {
    const m = mentions[k] as Mention;
    if (seen.has(m.field)) continue;
    seen.add(m.field);
    q[m.field] = m.value;
    if (m.approx) approx[m.field as ApproxField] = m.approx;
    if (m.usdAmount !== undefined && !q.currency) {
      q.currency = { code: 'USD', amount: m.usdAmount, field: m.field as MoneyField, rate: usdRate };
    }
  }
  if (Object.keys(approx).length > 0) q.approx = approx;
  const gf = groundFloor(c);
  if (gf !== undefined) q.groundFloorOnly = gf;
  const ordered: Record<string, unknown> = {};
  for (const k of FIELD_ORDER) if (q[k] !== undefined) ordered[k] = q[k];
  return ordered as Quantities;
}
