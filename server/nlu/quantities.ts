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
import {
  normalizeChars, parseChineseNumber, parseColloquialRange, readArabic, isAsciiDigit, isCnDigit,
  isCnNumeralChar, unitValue, trailingMagnitude, hasUnitChar, CN_SMALL_UNITS,
} from './numbers.js';

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

export const DEFAULT_USD_CNY_RATE = 7.1;
export const M2_PER_MU = 666.67;
const KN_PER_TONNE = 9.80665;
const KN_PER_KG = 0.00980665;

// ---------------------------------------------------------------- keywords

type Cat = 'invest' | 'output' | 'tax' | 'moneyBlock' | 'land' | 'floor' | 'height' | 'dim' | 'load' | 'lift' | 'people';

const KEYWORDS: Record<Cat, string> = {
  invest: '投资 总投资 总投资额 投资总额 投资额 投资规模 计划投资 拟投资 预计投资 固定资产投资 投入 总投入',
  output: '产值 年产值 营收 年营收 营业收入 营业额 销售收入 销售额 年销售 年销售额 销售 主营业务收入 主营收入 年收入 收入 产出',
  tax: '税收 年税收 纳税 年纳税 利税 税金 缴税 上缴税金 税费 交税 年税',
  moneyBlock:
    '注册资本 注册资金 资本金 融资 估值 市值 租金 房租 地价 价格 单价 售价 总价 利润 净利润 补贴 奖励 补助 资助 基金 ' +
    '贷款 工资 薪资 薪酬 成本 预算 出让金 设备投资 环保投资 研发投入 土建投资 装修投资 投资强度 亩均 每亩 人均 地均 ' +
    '亩产 单位 研发费用 保证金 押金 物业费',
  land: '用地 土地 拿地 占地 地块 宗地 出让 征地 买地 供地 用地面积 土地面积 占地面积 净用地',
  floor: '厂房 建筑面积 建面 面积 车间 楼宇 办公 研发 仓库 仓储 租赁 租用 租 空间 场地 楼层 载体 物业 写字楼',
  height: '层高 净高 高度 檐高 挑高 净空 檐口高度 梁下高度',
  dim: '跨度 柱距 柱网 进深 开间 面宽 宽度 长度 宽 长 距离 深度 门高 门宽 限高 半径 直径 间距',
  load: '荷载 承重 载荷 承载 承载力 楼面荷载 地面荷载 活荷载 地坪荷载',
  lift: '货梯 电梯 行车 吊车 起重 载重 叉车 天车 吊装',
  people: '员工 人员 用工 就业 职工 雇员 工人 人数 招工 用人 招聘 团队 岗位 人才 劳动力',
};

interface Hit {
  start: number;
  end: number;
  cat: Cat;
}

/** First character → keywords starting with it, longest first. */
const KEYWORD_INDEX: ReadonlyMap<string, readonly [string, Cat][]> = (() => {
  const m = new Map<string, [string, Cat][]>();
  for (const cat of Object.keys(KEYWORDS) as Cat[]) {
    for (const w of KEYWORDS[cat].split(' ')) {
      const list = m.get(w[0] as string) ?? [];
      list.push([w, cat]);
      m.set(w[0] as string, list);
    }
  }
  for (const list of m.values()) list.sort((a, b) => b[0].length - a[0].length);
  return m;
})();

/** Greedy longest-match, non-overlapping, left to right: "占地面积" is one land hit, not 面积. */
function scanKeywords(s: string): Hit[] {
  const hits: Hit[] = [];
  let i = 0;
  while (i < s.length) {
    const hit = KEYWORD_INDEX.get(s[i] as string)?.find(([w]) => s.startsWith(w, i));
    if (hit) {
      hits.push({ start: i, end: i + hit[0].length, cat: hit[1] });
      i += hit[0].length;
    } else i++;
  }
  return hits;
}

const MONEY_CATS: ReadonlySet<Cat> = new Set(['invest', 'output', 'tax', 'moneyBlock']);
const AREA_CATS: ReadonlySet<Cat> = new Set(['land', 'floor']);
const HEIGHT_CATS: ReadonlySet<Cat> = new Set(['height', 'dim']);
const LOAD_CATS: ReadonlySet<Cat> = new Set(['load', 'lift']);
const PEOPLE_CATS: ReadonlySet<Cat> = new Set(['people']);
const MONEY_FIELD: Partial<Record<Cat, MoneyField>> = { invest: 'investmentWan', output: 'annualOutputWan', tax: 'annualTaxWan' };

interface Ctx {
  s: string;
  hits: Hit[];
  clause: Int32Array; // clause[i] = start of the clause holding i
  usdRate: number;
}

/** Index of the nearest hit of one of cats ending at or before pos, within window chars and the clause. */
function findBefore(c: Ctx, pos: number, cats: ReadonlySet<Cat>, window: number): number {
  let lo = 0;
  let hi = c.hits.length - 1;
  let k = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if ((c.hits[mid] as Hit).end <= pos) {
      k = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  const from = Math.max(c.clause[pos] ?? 0, pos - window);
  for (; k >= 0; k--) {
    const h = c.hits[k] as Hit;
    if (h.start < from) return -1;
    if (cats.has(h.cat)) return k;
  }
  return -1;
}

/** Nearest hit of one of cats starting within window chars after pos, in the same clause. */
function findAfter(c: Ctx, pos: number, cats: ReadonlySet<Cat>, window: number): Hit | undefined {
  let lo = 0;
  let hi = c.hits.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((c.hits[mid] as Hit).start < pos) lo = mid + 1;
    else hi = mid;
  }
  for (let k = lo; k < c.hits.length; k++) {
    const h = c.hits[k] as Hit;
    if (h.start - pos > window || c.clause[h.start] !== c.clause[pos]) return undefined;
    if (cats.has(h.cat)) return h;
  }
  return undefined;
}

// ---------------------------------------------------------------- units

type UnitKind = 'area' | 'land' | 'cny' | 'usd' | 'fx' | 'load' | 'loadBare' | 'energy' | 'length' | 'people';
interface UnitDef {
  kind: UnitKind;
  /** Factor to the field's unit (m², 亩, 元, kN/m², m, 人). */
  f: number;
  /** Weak units (平, 方) need a numeral with Arabic digits or a unit character: not "四方". */
  weak?: boolean;
  notBefore?: string;
}

const units = (kind: UnitKind, f: number, names: string, extra: Partial<UnitDef> = {}): [string, UnitDef][] =>
  names.split(' ').map((n) => [n, { kind, f, ...extra }]);

const UNIT_INDEX: ReadonlyMap<string, readonly [string, UnitDef][]> = (() => {
  const all: [string, UnitDef][] = [
    ...units('area', 1, '平方米 平米 平方 ㎡ m² m2 sqm'),
    ...units('area', 1, '平', { weak: true, notBefore: '均台衡安面行层稳时价常原等板' }),
    ...units('area', 1, '方', { weak: true, notBefore: '案向面便式法可能位针圆形正舟言才' }),
    ...units('land', 1, '亩'),
    ...units('land', 15, '公顷'),
    ...units('land', 1500, '平方公里 平方千米 km² km2'),
    ...units('cny', 1, '元 人民币 rmb cny'),
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
  ];
  const m = new Map<string, [string, UnitDef][]>();
  for (const e of all) m.set(e[0][0] as string, [...(m.get(e[0][0] as string) ?? []), e]);
  for (const list of m.values()) list.sort((a, b) => b[0].length - a[0].length);
  return m;
})();

const isAsciiLetter = (ch: string | undefined): boolean => ch !== undefined && ch >= 'a' && ch <= 'z';

function matchUnit(s: string, p: number): { def: UnitDef; end: number } | null {
  for (const [name, def] of UNIT_INDEX.get(s[p] as string) ?? []) {
    if (!s.startsWith(name, p)) continue;
    const end = p + name.length;
    const next = s[end];
    const last = name[name.length - 1];
    if (isAsciiLetter(last) && isAsciiLetter(next)) continue; // 8mm, 5tb
    if (last !== undefined && last >= '0' && last <= '9' && (isAsciiLetter(next) || isAsciiDigit(s, end))) continue;
    if (def.notBefore && next !== undefined && def.notBefore.includes(next)) continue;
    return { def, end };
  }
  return null;
}

// ---------------------------------------------------------------- modifiers

type Mod = 'approx' | 'min' | 'max';
const words = (list: string, mod: Mod): [string, Mod][] => list.split(' ').map((w) => [w, mod]);
const byLength = (a: [string, unknown], b: [string, unknown]): number => b[0].length - a[0].length;

const PREFIX_MODS: [string, Mod][] = [
  ...words('约 大约 大概 大致 将近 接近 近 差不多 估计', 'approx'),
  ...words('不少于 不低于 不小于 不得低于 不能低于 至少 最少 最低 超过 多于 大于 高于 超 逾 起码 ≥ >= >', 'min'),
  ...words('不超过 不高于 不大于 不多于 不要超过 不能超过 不得超过 最多 至多 最大 最高 少于 低于 小于 不到 不足 控制在 ≤ <= <', 'max'),
].sort(byLength);
const SUFFIX_MODS: [string, Mod][] = [
  ...words('左右 上下', 'approx'),
  ...words('及以上 以上 出头 开外 多 余 起 +', 'min'),
  ...words('及以下 以下 以内 之内', 'max'),
].sort(byLength);
const PREFIX_FILLER = '在为是达到要需有得: ';

function prefixMod(s: string, start: number, clauseStart: number): Mod | null {
  let j = start;
  for (let skipped = 0; skipped <= 2; skipped++) {
    for (const [w, mod] of PREFIX_MODS) {
      if (j - w.length < clauseStart || !s.startsWith(w, j - w.length)) continue;
      if (w === '近' && '最附靠'.includes(s[j - 2] ?? 'x')) continue;
      return mod;
    }
    if (j - 1 < clauseStart || !PREFIX_FILLER.includes(s[j - 1] as string)) break;
    j--;
  }
  return null;
}

function suffixMods(s: string, p: number, mods: Set<Mod>): number {
  for (let n = 0; n < 2; n++) {
    while (s[p] === ' ') p++;
    const hit = SUFFIX_MODS.find(([w]) => s.startsWith(w, p));
    if (!hit || (hit[0] === '上下' && s[p + 2] === '游')) break;
    mods.add(hit[1]);
    p += hit[0].length;
  }
  return p;
}

// ---------------------------------------------------------------- numerals in text

const SEPARATORS = '，。；;！!？?\n\r、…';
const RANGE_SEPS = '-~—–到至';

function isSeparator(s: string, i: number): boolean {
  const ch = s[i] as string;
  if (ch === ',') return !(isAsciiDigit(s, i - 1) && isAsciiDigit(s, i + 1) && isAsciiDigit(s, i + 2) && isAsciiDigit(s, i + 3) && !isAsciiDigit(s, i + 4));
  return SEPARATORS.includes(ch);
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

const isRunStart = (s: string, i: number): boolean =>
  isAsciiDigit(s, i) || isCnDigit(s[i]) || CN_SMALL_UNITS[s[i] as string] !== undefined;

/** End of the maximal numeral run starting at i: digits, Chinese numerals, 点 decimals, 个半. */
function runEnd(s: string, i: number): number {
  let j = i;
  while (j < s.length) {
    if (isAsciiDigit(s, j)) {
      const a = readArabic(s, j) as NonNullable<ReturnType<typeof readArabic>>;
      j = a.end;
      if (a.dotted) while (isAsciiDigit(s, j) || (s[j] === '.' && isAsciiDigit(s, j + 1))) j++;
      continue;
    }
    const ch = s[j];
    if (isCnNumeralChar(ch)) j++;
    else if (ch === '点' && j > i && (isCnDigit(s[j + 1]) || isAsciiDigit(s, j + 1))) j++;
    else if (ch === '个' && s[j + 1] === '半' && j > i) return j + 2;
    else break;
  }
  return j;
}

/** Numerals that are labels, not amounts: M2, 5G's neighbours, 第二批, #3, .5 */
const blockedBefore = (s: string, i: number): boolean => isAsciiLetter(s[i - 1]) || '第#._'.includes(s[i - 1] ?? ' ');

interface Num {
  value: number;
  min?: number;
  max?: number;
  /** Has Arabic digits or a unit character (for weak units 平/方). */
  strong: boolean;
  /** Contains 万 or 亿 (an amount in 元 even without 元). */
  big: boolean;
}

function numeral(text: string): Num | null {
  let digit = false;
  let arabic = false;
  for (let i = 0; i < text.length && !digit; i++) {
    arabic = isAsciiDigit(text, i);
    digit = arabic || (isCnDigit(text[i]) && text[i] !== '零' && text[i] !== '〇');
  }
  if (!digit && text[0] !== '十' && text[0] !== '拾') return null; // 千万不要, 百亩千亿 (but 十多万)
  const big = text.includes('万') || text.includes('亿');
  const strong = arabic || /[0-9]/.test(text) || hasUnitChar(text);
  const v = parseChineseNumber(text);
  if (v !== null) return { value: v, strong, big };
  const r = parseColloquialRange(text);
  return r ? { value: r.min, min: r.min, max: r.max, strong: true, big } : null;
}

// ---------------------------------------------------------------- mentions

type Field = keyof Omit<Quantities, 'currency' | 'approx' | 'groundFloorOnly'>;
interface Mention {
  field: Field;
  value: number;
  approx?: Approx;
  usdAmount?: number;
}

const APPROX_FIELDS: ReadonlySet<string> = new Set(['floorAreaM2', 'landMu', 'investmentWan', 'annualOutputWan', 'annualTaxWan']);
const round = (x: number, d: number): number => Math.round(x * 10 ** d) / 10 ** d;
const times = (x: number | undefined, f: number): number | undefined => (x === undefined ? undefined : x * f);
const COUNTERS = '件台套个只辆片支条张块瓶盒箱吨颗粒项家';
const BARE_GAP = '约大概致近将接超过逾不少于低高至多最为是达到在了额总金规模计划预计估拟共合要需:()（） ';
const BARE_END = '左上以多余的及)）(（ ';

/** "(万元)" just before a numeral: the unit of a form column, "总投资(万元)500". */
function headerUnit(s: string, start: number, clauseStart: number): { def: UnitDef; mag: number; open: number } | null {
  let j = start - 1;
  while (j >= clauseStart && (s[j] === ' ' || s[j] === ':')) j--;
  if (s[j] !== ')' && s[j] !== '）') return null;
  let open = j - 1;
  while (open >= clauseStart && open > j - 10 && s[open] !== '(' && s[open] !== '（') open--;
  if (open < clauseStart || (s[open] !== '(' && s[open] !== '（')) return null;
  let p = open + 1;
  let mag = 1;
  for (let u = unitValue(s[p]); u !== undefined; u = unitValue(s[++p])) mag *= u;
  const unit = matchUnit(s, p);
  return unit && unit.end === j ? { def: unit.def, mag, open } : null;
}

function moneyField(c: Ctx, kwPos: number, afterPos: number): MoneyField | null {
  const cs = c.clause[kwPos] ?? 0;
  let q = cs;
  while (c.s[q] === ' ') q++;
  if (c.s.startsWith('其中', q)) return null; // a part of a total already given
  const k = findBefore(c, kwPos, MONEY_CATS, 24);
  if (k >= 0) {
    const h = c.hits[k] as Hit;
    const prev = c.hits[k - 1];
    if (prev && prev.cat === 'moneyBlock' && prev.end >= h.start - 1 && prev.start >= cs) return null; // 亩均税收
    return MONEY_FIELD[h.cat] ?? null;
  }
  const after = findAfter(c, afterPos, MONEY_CATS, 3);
  return after ? (MONEY_FIELD[after.cat] ?? null) : null;
}

/** Reads the numeral at i and what follows it; pushes at most one mention; returns where to continue. */
function readMention(c: Ctx, i: number, out: Mention[]): number {
  const s = c.s;
  const r1 = runEnd(s, i);
  if (blockedBefore(s, i)) return r1;
  const n1 = numeral(s.slice(i, r1));
  if (!n1) return r1;
  const clauseStart = c.clause[i] ?? 0;
  let n: Num = n1;
  let p = r1;
  // ranges: 3000-5000, 三到五千, 1.5~2万
  let q = r1;
  while (s[q] === ' ') q++;
  if (n1.min === undefined && RANGE_SEPS.includes(s[q] ?? 'x')) {
    q++;
    while (s[q] === ' ') q++;
    if (isRunStart(s, q)) {
      const r2 = runEnd(s, q);
      const t2 = s.slice(q, r2);
      const n2 = numeral(t2);
      if (n2 && n2.min === undefined) {
        const mag = trailingMagnitude(t2);
        const lo = !hasUnitChar(s.slice(i, r1)) && mag > 1 && n1.value * mag <= n2.value ? n1.value * mag : n1.value;
        if (lo < n2.value) {
          n = { value: lo, min: lo, max: n2.value, strong: n1.strong || n2.strong, big: n2.big };
          p = r2;
        }
      }
    }
  }
  const mods = new Set<Mod>();
  const pre = prefixMod(s, i, clauseStart);
  if (pre) mods.add(pre);
  // 2000多万, 三十来亩, 3个亿
  let mult = 1;
  while (s[p] === ' ') p++;
  if ('多余来几+'.includes(s[p] ?? 'x') || (s[p] === '个' && (s[p + 1] === '亿' || s[p + 1] === '万'))) {
    if (s[p] !== '个') mods.add(s[p] === '来' ? 'approx' : 'min');
    p++;
    for (let u = unitValue(s[p]); u !== undefined; u = unitValue(s[++p])) mult *= u;
    if (mult >= 1e4) n = { ...n, big: true };
  }
  while (s[p] === ' ') p++;
  let unit = matchUnit(s, p);
  let kwPos = i;
  let end = unit ? unit.end : p;
  if (!unit) {
    const h = headerUnit(s, i, clauseStart);
    if (h) {
      unit = { def: h.def, end: p };
      mult *= h.mag;
      kwPos = h.open;
    }
  }
  end = suffixMods(s, end, mods);
  // rates are not totals: 480元/平方米, 25万元/亩, 0.5吨标煤/万元 (but 吨标煤/年 is a total per year)
  if ((s[end] === '/' || s[end] === '每') && !'年a'.includes(s[end + 1] ?? 'x')) return end + 1;

  const scale = (f: number): Num => ({ ...n, value: n.value * mult * f, min: times(n.min, mult * f), max: times(n.max, mult * f) });
  const push = (field: Field, m: Num, digits: number, usdAmount?: number): void => {
    if (!(m.value > 0) || !Number.isFinite(m.value)) return;
    const approx: Approx = {};
    if (mods.has('approx')) approx.approx = true;
    if (m.min !== undefined) approx.min = round(m.min, digits);
    if (m.max !== undefined) approx.max = round(m.max, digits);
    if (mods.has('min') && approx.min === undefined) approx.min = round(m.value, digits);
    if (mods.has('max') && approx.max === undefined) approx.max = round(m.value, digits);
    const mention: Mention = { field, value: field === 'employees' ? Math.round(m.value) : round(m.value, digits) };
    if (APPROX_FIELDS.has(field) && Object.keys(approx).length > 0) mention.approx = approx;
    if (usdAmount !== undefined) mention.usdAmount = usdAmount;
    out.push(mention);
  };
  const money = (yuanFactor: number, usd: boolean): void => {
    const field = moneyField(c, kwPos, end);
    if (!field) return;
    const wan = scale(yuanFactor / 1e4);
    if (usd) {
      const rate = c.usdRate;
      const cny = { ...wan, value: wan.value * rate, min: times(wan.min, rate), max: times(wan.max, rate) };
      push(field, cny, 4, round(wan.value, 4));
    } else push(field, wan, 4);
  };

  if (!unit) {
    // bare money after a keyword: 投资六千万, 投资3000(万元)
    const field = moneyField(c, kwPos, end);
    if (!field) return p > r1 ? p : r1;
    const kw = c.hits[findBefore(c, kwPos, MONEY_CATS, 24)];
    if (n.big) {
      if (COUNTERS.includes(s[p] ?? 'x')) return p;
      money(1, false);
    } else if (kw && gapIs(s, kw.end, i, BARE_GAP) && (p >= s.length || BARE_END.includes(s[p] as string) || isSeparator(s, p))) {
      money(n.value * mult >= 1e6 ? 1 : 1e4, false);
    }
    return Math.max(end, r1);
  }
  const { def } = unit;
  switch (def.kind) {
    case 'area': {
      if (def.weak && !n.strong) break;
      const k = findBefore(c, kwPos, AREA_CATS, 24);
      const cat = k >= 0 ? (c.hits[k] as Hit).cat : findAfter(c, end, AREA_CATS, 6)?.cat;
      if (cat === 'land') push('landMu', scale(def.f / M2_PER_MU), 2);
      else push('floorAreaM2', scale(def.f), 2);
      break;
    }
    case 'land':
      push('landMu', scale(def.f), 2);
      break;
    case 'cny':
    case 'usd':
      money(def.f, def.kind === 'usd');
      break;
    case 'load':
      push('minFloorLoadKnM2', scale(def.f), def.f === 1 ? 2 : 1);
      break;
    case 'loadBare': {
      const k = findBefore(c, kwPos, LOAD_CATS, 12);
      if (k >= 0 && (c.hits[k] as Hit).cat === 'load' && !findAfter(c, end, new Set<Cat>(['lift']), 4)) {
        push('minFloorLoadKnM2', scale(def.f), def.f === 1 ? 2 : 1);
      }
      break;
    }
    case 'energy':
      push('energyTce', scale(def.f), 2);
      break;
    case 'length': {
      const k = findBefore(c, kwPos, HEIGHT_CATS, 12);
      let after = end;
      if (s[after] === '的') after++;
      const isHeight = k >= 0 ? (c.hits[k] as Hit).cat === 'height' : s[after] === '高' || findAfter(c, after, new Set<Cat>(['height']), 1) !== undefined;
      if (isHeight) push('minClearHeightM', scale(def.f), 2);
      break;
    }
    case 'people':
      if (findBefore(c, kwPos, PEOPLE_CATS, 16) >= 0 || findAfter(c, end, PEOPLE_CATS, 3)) push('employees', scale(def.f), 0);
      break;
    case 'fx':
      break;
  }
  return Math.max(end, r1);
}

function gapIs(s: string, from: number, to: number, allowed: string): boolean {
  if (to - from > 8) return false;
  for (let j = from; j < to; j++) if (!allowed.includes(s[j] as string)) return false;
  return true;
}

// ---------------------------------------------------------------- 一楼

const GROUND_TOKENS = '一楼 1楼 一层 1层 底楼 底层 首层 地面层 单层 1f'.split(' ');
const ANY_FLOOR_PHRASES = '不限楼层 楼层不限 楼层无要求 可以上楼 能上楼 楼上也行 楼上也可以 接受楼上'.split(' ');
const NOT_ONLY_NEXT = '或 、 和 及 与 至 到 - ~ / 以上 也 都 二 2 两 面积 建筑'.split(' ');
const FLOOR_VERBS: [string, boolean | null][] = [
  ...'不要 不需要 不用 不必 不一定 不一定要 不需 无需 不是 不限 不要求 不非得 不必须 不想要 不想 别 不能是 不考虑 不接受'
    .split(' ').map((w): [string, boolean] => [w, false]),
  ...'只要 只能 只考虑 只接受 只需 只限 只 仅限 仅 限 必须 需要 需 要 要求 想要 得是 得 必 非要 一定要 务必 就要 指定'
    .split(' ').map((w): [string, boolean] => [w, true]),
  ...'最好 最好是 优先 尽量 倾向 倾向于 希望 首选'.split(' ').map((w): [string, null] => [w, null]),
];
FLOOR_VERBS.sort(byLength);

/** true = 只要一楼, false = 不要一楼 / 不限楼层, undefined = no requirement stated. Last statement wins. */
function groundFloor(c: Ctx): boolean | undefined {
  const s = c.s;
  let result: boolean | undefined;
  for (let i = 0; i < s.length; i++) {
    const ch = s[i];
    if (ch === '不' || ch === '楼' || ch === '可' || ch === '能' || ch === '接') {
      if (ANY_FLOOR_PHRASES.some((w) => s.startsWith(w, i))) result = false;
      continue;
    }
    const tok = GROUND_TOKENS.find((w) => s.startsWith(w, i));
    if (!tok) continue;
    if (isCnNumeralChar(s[i - 1]) || isAsciiDigit(s, i - 1) || isAsciiLetter(s[i - 1])) continue; // 十一楼, 21层
    const next = i + tok.length;
    if (NOT_ONLY_NEXT.some((w) => s.startsWith(w, next))) continue; // 一楼或二楼, 一层面积
    const cs = c.clause[i] ?? 0;
    let verdict: boolean | null | undefined;
    for (let j = i; j >= Math.max(cs, i - 6) && verdict === undefined; j--) {
      verdict = FLOOR_VERBS.find(([w]) => j - w.length >= cs && s.startsWith(w, j - w.length))?.[1];
    }
    if (typeof verdict === 'boolean') result = verdict;
  }
  return result;
}

// ---------------------------------------------------------------- entry point

/** Reads the quantities a staff message states. Never throws; absent fields were not stated. */
export function extractQuantities(text: string, opts?: ExtractOptions): Quantities {
  try {
    if (typeof text !== 'string' || text.length === 0) return {};
    const rate = opts?.usdCnyRate;
    const usdRate = typeof rate === 'number' && Number.isFinite(rate) && rate > 0 ? rate : DEFAULT_USD_CNY_RATE;
    const s = normalizeChars(text);
    const c: Ctx = { s, hits: scanKeywords(s), clause: clauseStarts(s), usdRate };
    const mentions: Mention[] = [];
    let i = 0;
    while (i < s.length) i = isRunStart(s, i) ? Math.max(i + 1, readMention(c, i, mentions)) : i + 1;

    const q: Quantities = {};
    for (const m of mentions) {
      (q as Record<Field, number>)[m.field] = m.value;
      if (APPROX_FIELDS.has(m.field)) {
        const f = m.field as ApproxField;
        if (m.approx) (q.approx ??= {})[f] = m.approx;
        else if (q.approx) delete q.approx[f];
        if (m.usdAmount !== undefined) q.currency = { code: 'USD', amount: m.usdAmount, field: f as MoneyField, rate: usdRate };
        else if (q.currency?.field === f) delete q.currency;
      }
    }
    if (q.approx && Object.keys(q.approx).length === 0) delete q.approx;
    const gf = groundFloor(c);
    if (gf !== undefined) q.groundFloorOnly = gf;
    return q;
  } catch {
    return {};
  }
}
