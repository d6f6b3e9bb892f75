/**
 * Numbers as Chinese investment-promotion staff write them.
 *
 * parseChineseNumber reads one whole numeral: Arabic (1,200 / 3.5 / ３０００ / ３．５), Chinese small and
 * capital numerals (三千零五, 壹仟贰佰), mixed forms (2.5万, 3千, 1万5), the colloquial trailing digit
 * (三千五 = 3500, 两万三 = 23000, 一亿二 = 1.2亿), 点 decimals (一点二亿), 廿/卅, positional digit strings
 * (二〇二四) and 一个半 = 1.5. Anything else is null. Pure, never throws, bounded work per call.
 */

/** Traditional → simplified, for the characters the number and quantity parsers look at (1:1, keeps offsets). */
const TRADITIONAL: Readonly<Record<string, string>> = {
  萬: '万',
  億: '亿',
  兩: '两',
  貳: '贰',
  參: '叁',
  陸: '陆',
  點: '点',
  個: '个',
  幾: '几',
  餘: '余',
  畝: '亩',
  噸: '吨',
  頃: '顷',
  資: '资',
  總: '总',
  稅: '税',
  產: '产',
  營: '营',
  銷: '销',
  額: '额',
  層: '层',
  樓: '楼',
  淨: '净',
  準: '准',
  標: '标',
  員: '员',
  業: '业',
  約: '约',
  內: '内',
  廠: '厂',
  築: '筑',
  積: '积',
  擬: '拟',
  劃: '划',
  計: '计',
  達: '达',
  過: '过',
  載: '载',
  貨: '货',
  電: '电',
  職: '职',
  崗: '岗',
  僱: '雇',
  團: '团',
  隊: '队',
  繳: '缴',
  納: '纳',
  讓: '让',
  購: '购',
  買: '买',
  設: '设',
  備: '备',
  環: '环',
  發: '发',
  單: '单',
  僅: '仅',
  須: '须',
  優: '优',
  盡: '尽',
  儘: '尽',
  傾: '倾',
  場: '场',
  庫: '库',
  倉: '仓',
  辦: '办',
  規: '规',
  與: '与',
  麼: '么',
  韓: '韩',
  歐: '欧',
  圓: '圆',
  寬: '宽',
  長: '长',
  離: '离',
  進: '进',
  開: '开',
  間: '间',
  車: '车',
  補: '补',
  貼: '贴',
  獎: '奖',
  勵: '励',
  貸: '贷',
  價: '价',
  錢: '钱',
  塊: '块',
  於: '于',
  區: '区',
  鎮: '镇',
  證: '证',
};

/** Codes normalizeChar changes (a typed-array test per character; most text has none). */
const NEEDS_MAP = new Uint8Array(0x10000);
for (let c = 0x41; c <= 0x5a; c++) NEEDS_MAP[c] = 1;
for (let c = 0xff01; c <= 0xff5e; c++) NEEDS_MAP[c] = c === 0xff0c ? 0 : 1;
for (const ch of ['\u3000', '\u00a0', '\u301c', ...Object.keys(TRADITIONAL)]) NEEDS_MAP[ch.charCodeAt(0)] = 1;

function normalizeChar(ch: string): string {
  const c = ch.charCodeAt(0);
  if (c >= 0x41 && c <= 0x5a) return String.fromCharCode(c + 32);
  if (c >= 0xff01 && c <= 0xff5e) {
    const a = c - 0xfee0;
    return String.fromCharCode(a >= 0x41 && a <= 0x5a ? a + 32 : a);
  }
  if (c === 0x3000 || c === 0xa0) return ' ';
  if (c === 0x301c) return '~';
  return TRADITIONAL[ch] ?? ch;
}

/**
 * Same-length normalisation (offsets stay valid): full-width ASCII → ASCII except the full-width comma
 * (a clause separator in Chinese text), ASCII upper → lower case, ideographic/no-break space → space,
 * 〜 → ~, and the traditional characters above → simplified.
 */
export function normalizeChars(s: string): string {
  let out = '';
  let from = 0;
  for (let i = 0; i < s.length; i++) {
    if (NEEDS_MAP[s.charCodeAt(i)] === 0) continue;
    out += s.slice(from, i) + normalizeChar(s[i] as string);
    from = i + 1;
  }
  return from === 0 ? s : out + s.slice(from);
}

export const CN_DIGITS: Readonly<Record<string, number>> = {
  〇: 0,
  零: 0,
  一: 1,
  壹: 1,
  幺: 1,
  二: 2,
  贰: 2,
  两: 2,
  俩: 2,
  三: 3,
  叁: 3,
  四: 4,
  肆: 4,
  五: 5,
  伍: 5,
  六: 6,
  陆: 6,
  七: 7,
  柒: 7,
  八: 8,
  捌: 8,
  九: 9,
  玖: 9,
};
export const CN_SMALL_UNITS: Readonly<Record<string, number>> = { 十: 10, 拾: 10, 百: 100, 佰: 100, 千: 1000, 仟: 1000 };
export const CN_BIG_UNITS: Readonly<Record<string, number>> = { 万: 1e4, 亿: 1e8 };
/** 廿 = 二十, 卅 = 三十, 卌 = 四十: a digit followed by 十. */
const CN_TENS: Readonly<Record<string, number>> = { 廿: 2, 卅: 3, 卌: 4 };

/** Longest numeral parseChineseNumber accepts; real numerals are far shorter. */
const MAX_NUMERAL_LENGTH = 64;

// Character classes and values by UTF-16 code: one typed-array read per character, no string allocation.
const C_DIGIT = 1;
const C_ZERO = 2;
const C_TENS = 4;
const C_UNIT = 8;
const CLASS = new Uint8Array(0x10000);
const VALUE = new Int32Array(0x10000);
for (const [table, cls] of [
  [CN_DIGITS, C_DIGIT],
  [CN_TENS, C_TENS],
  [CN_SMALL_UNITS, C_UNIT],
  [CN_BIG_UNITS, C_UNIT],
] as const) {
  for (const [ch, v] of Object.entries(table)) {
    CLASS[ch.charCodeAt(0)] = v === 0 ? C_ZERO : cls;
    VALUE[ch.charCodeAt(0)] = v;
  }
}
/** Class of the character at i (0 past the ends: charCodeAt gives NaN). */
const classAt = (s: string, i: number): number => CLASS[s.charCodeAt(i) & 0xffff] as number; // NaN → 0 (NUL)

export const isAsciiDigit = (s: string, i: number): boolean => {
  const c = s.charCodeAt(i);
  return c >= 48 && c <= 57;
};
/** A Chinese digit at i (including 零/〇 and 廿卅卌). */
export const isCnDigitAt = (s: string, i: number): boolean => (classAt(s, i) & (C_DIGIT | C_ZERO | C_TENS)) !== 0;
/** A Chinese digit other than zero at i: the numeral states an amount. */
export const isCnNonZeroDigitAt = (s: string, i: number): boolean => (classAt(s, i) & (C_DIGIT | C_TENS)) !== 0;
/** 10, 100, 1000, 1e4 or 1e8 for a unit character at i (十百千万亿 and capitals), else undefined. */
export const unitValueAt = (s: string, i: number): number | undefined =>
  classAt(s, i) === C_UNIT ? VALUE[s.charCodeAt(i) & 0xffff] : undefined;
/** A numeral can start at i: a digit (Arabic or Chinese) or 十百千, not 万/亿 (万一 is not a number). */
export function isNumeralStartAt(s: string, i: number): boolean {
  const c = s.charCodeAt(i);
  if (c >= 48 && c <= 57) return true;
  const cls = CLASS[c & 0xffff] as number;
  return cls !== 0 && (cls !== C_UNIT || (VALUE[c] as number) < 1e4);
}
/** A character that can be part of a Chinese numeral (digit, 廿, or a unit 十百千万亿). */
export const isCnNumeralAt = (s: string, i: number): boolean => classAt(s, i) !== 0;

export interface ArabicRead {
  value: number;
  end: number;
  /** "2024.5.1", "1.2.3": a dotted sequence, not a number. */
  dotted: boolean;
}

/** End of the Arabic number at i: digits, 1,200-style groups (three digits after each comma), decimals. i if none. */
export function arabicEnd(s: string, i: number): number {
  let j = i;
  while (isAsciiDigit(s, j)) j++;
  if (j === i) return i;
  if (j - i <= 3) {
    while (s.charCodeAt(j) === 44 && isAsciiDigit(s, j + 1) && isAsciiDigit(s, j + 2) && isAsciiDigit(s, j + 3) && !isAsciiDigit(s, j + 4))
      j += 4;
  }
  if (s.charCodeAt(j) === 46 && isAsciiDigit(s, j + 1)) {
    j++;
    while (isAsciiDigit(s, j)) j++;
  }
  return j;
}

/**
 * Reads an Arabic number starting at i (see arabicEnd). Expects ASCII (run normalizeChars first).
 * Returns null when s[i] is not a digit.
 */
export function readArabic(s: string, i: number): ArabicRead | null {
  const end = arabicEnd(s, i);
  if (end === i) return null;
  const dotted = s.charCodeAt(end) === 46 && isAsciiDigit(s, end + 1);
  const text = s.slice(i, end);
  const plain = text.includes(',') ? text.split(',').join('') : text;
  const dot = plain.indexOf('.');
  const value = (dot < 0 ? plain.length : dot) > 16 ? Infinity : Number(plain);
  return { value, end, dotted };
}

/** Removes binary floating-point noise (1.2 × 1e8, 0.1 × 3). */
const tidy = (x: number): number => (Number.isInteger(x) ? x : Number(x.toPrecision(15)));

/**
 * Digits only (二〇二四, 一二三): read positionally when unambiguous. Two digits without 零 are a
 * colloquial range (三五 = three or five), not 35.
 */
function positional(s: string): number | null {
  let v = 0;
  let zero = false;
  for (let i = 0; i < s.length; i++) {
    const cls = classAt(s, i);
    if (cls !== C_DIGIT && cls !== C_ZERO) return null;
    zero ||= cls === C_ZERO;
    v = v * 10 + (VALUE[s.charCodeAt(i)] as number);
  }
  return s.length === 1 || zero || s.length >= 3 ? v : null;
}

/**
 * The unit grammar in one pass: [digit] 千 [digit] 百 … 万 … 亿, with 零 gaps, Arabic coefficients
 * (2.5万, 3千) and one colloquial trailing digit (三千五 → 5 × 100).
 */
function evaluateUnits(s: string): number | null {
  let total = 0; // the 亿 group (already × 1e8)
  let wan = 0; // the 万 group (already × 1e4)
  let section = 0; // below 万
  let pending = -1; // a digit waiting for its unit (-1: none)
  let lastSmall = Infinity; // units inside a section must decrease: 三十百 is not a number
  let lastMag = 0; // the last unit seen, for the trailing digit
  let zero = false;
  let seenWan = false;
  let seenYi = false;
  for (let i = 0; i < s.length;) {
    let digit = -1;
    let unit = 0;
    if (isAsciiDigit(s, i)) {
      const a = readArabic(s, i) as ArabicRead;
      if (a.dotted) return null;
      digit = a.value;
      i = a.end;
    } else {
      const cls = classAt(s, i);
      const v = VALUE[s.charCodeAt(i)] as number;
      i++;
      if (cls === C_DIGIT) digit = v;
      else if (cls === C_ZERO) {
        if (pending >= 0) return null;
        zero = true;
        continue;
      } else if (cls === C_TENS) {
        digit = v;
        unit = 10;
      } else if (cls === C_UNIT) unit = v;
      else return null;
    }
    if (digit >= 0) {
      if (pending >= 0) return null; // 三五百: two digits in a row
      pending = digit;
    }
    if (unit === 0) continue;
    if (unit < 1e4) {
      let coef = pending;
      if (coef < 0) {
        if (i === 1 || (unit === 10 && zero))
          coef = 1; // 十五, 百万, 一千零十
        else return null;
      }
      if (unit >= lastSmall) return null;
      section += coef * unit;
      lastSmall = unit;
    } else {
      const group = section + Math.max(pending, 0);
      if (unit === 1e4) {
        if (seenWan || group === 0) return null;
        wan = group * 1e4;
        seenWan = true;
      } else {
        if (seenYi || wan + group === 0) return null;
        total = (wan + group) * 1e8; // 一万亿 = 1e12
        wan = 0;
        seenWan = false;
        seenYi = true;
      }
      section = 0;
      lastSmall = Infinity;
    }
    lastMag = unit;
    pending = -1;
    zero = false;
  }
  let tail = 0;
  if (pending >= 0) {
    if (zero || lastMag === 0)
      tail = pending; // 三千零五
    else if (!Number.isInteger(pending) || pending < 1 || pending > 9) return null;
    else tail = (pending * lastMag) / 10; // 三千五, 一亿二, 1万5
  }
  return total + wan + section + tail;
}

/** One character that is not a Chinese digit: an Arabic digit, 十, 廿…, else null. */
function parseSingle(s: string): number | null {
  if (isAsciiDigit(s, 0)) return s.charCodeAt(0) - 48;
  const cls = classAt(s, 0);
  if (cls === C_TENS) return (VALUE[s.charCodeAt(0)] as number) * 10;
  return cls === C_UNIT && (VALUE[s.charCodeAt(0)] as number) < 1e4 ? (VALUE[s.charCodeAt(0)] as number) : null; // 十, 百, 千
}

const DIAN = '点'.charCodeAt(0);
const BAN = '半'.charCodeAt(0);
const HALF_SUFFIXES: readonly (readonly [string, number])[] = [
  ['个半', 1],
  ['个半万', 1e4],
  ['个半亿', 1e8],
];

function parseNormalized(s: string): number | null {
  if (s.length === 1) return classAt(s, 0) & (C_DIGIT | C_ZERO) ? (VALUE[s.charCodeAt(0)] as number) : parseSingle(s);
  let dot = -1;
  let half = false;
  let units = false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === DIAN) dot = dot < 0 ? i : dot;
    else if (c === BAN) half = true;
    else units ||= ((CLASS[c] as number) & (C_UNIT | C_TENS)) !== 0;
  }
  // 一个半, 两个半万
  const halfSuffix = half ? HALF_SUFFIXES.find(([suffix]) => s.length > suffix.length && s.endsWith(suffix)) : undefined;
  if (halfSuffix) {
    const n = parseNormalized(s.slice(0, -halfSuffix[0].length));
    return n !== null && Number.isInteger(n) ? (n + 0.5) * halfSuffix[1] : null;
  }
  // 三点五, 一点二亿, 十二点五万
  if (dot >= 0) {
    const int = dot > 0 ? parseNormalized(s.slice(0, dot)) : null;
    if (int === null || !Number.isInteger(int)) return null;
    let j = dot + 1;
    let frac = '';
    for (; j < s.length; j++) {
      if (isAsciiDigit(s, j)) frac += s[j];
      else if (classAt(s, j) === C_DIGIT || classAt(s, j) === C_ZERO) frac += String(VALUE[s.charCodeAt(j)]);
      else break;
    }
    if (!frac) return null;
    let mag = 1;
    for (; j < s.length; j++) {
      const u = unitValueAt(s, j);
      if (u === undefined) return null;
      mag *= u;
    }
    return Number(`${int}.${frac}`) * mag;
  }
  if (!units) {
    if (isAsciiDigit(s, 0)) {
      const a = readArabic(s, 0) as ArabicRead;
      return a.end === s.length && !a.dotted ? a.value : null;
    }
    return positional(s);
  }
  return evaluateUnits(s);
}

/** Parses one whole numeral (see the module comment). Null when the string is not exactly a number. Never throws. */
export function parseChineseNumber(input: string): number | null {
  try {
    if (typeof input !== 'string') return null;
    const t = input.trim();
    return t.length > MAX_NUMERAL_LENGTH ? null : parseNormalizedNumeral(normalizeChars(t));
  } catch {
    return null; // a safety net only: the property tests run parseNormalizedNumeral without it
  }
}

/** parseChineseNumber for text already passed through normalizeChars and trimmed. */
export function parseNormalizedNumeral(s: string): number | null {
  if (s.length === 0 || s.length > MAX_NUMERAL_LENGTH) return null;
  const v = parseNormalized(s);
  return v === null || !Number.isFinite(v) || v > Number.MAX_SAFE_INTEGER ? null : tidy(v);
}

/**
 * Colloquial adjacent-digit ranges: 三四千 = 3000–4000, 一两万 = 1–2万, 七八十 = 70–80.
 * The first digit must be smaller than the second, and only units may follow.
 */
export function parseColloquialRange(input: string): { min: number; max: number } | null {
  if (typeof input !== 'string' || input.length < 3 || input.length > MAX_NUMERAL_LENGTH) return null;
  const s = normalizeChars(input.trim());
  if (classAt(s, 0) !== C_DIGIT || classAt(s, 1) !== C_DIGIT) return null;
  const d1 = VALUE[s.charCodeAt(0)] as number;
  const d2 = VALUE[s.charCodeAt(1)] as number;
  let mag = 1;
  for (let i = 2; i < s.length; i++) {
    const u = unitValueAt(s, i);
    if (u === undefined) return null;
    mag *= u;
  }
  return d2 > d1 && mag > 1 ? { min: d1 * mag, max: d2 * mag } : null;
}

/**
 * A numeral, or the lower end of a colloquial range of two adjacent digits wherever they stand (三四千 → 3000, 十五六 →
 * 15, 一百五六十 → 150): how much is held, said in talk, at least. Null when neither.
 */
export function parseNumberOrRangeLow(input: string): number | null {
  const v = parseChineseNumber(input);
  if (v !== null) return v;
  const r = parseColloquialRange(input);
  if (r) return r.min;
  if (typeof input !== 'string' || input.length > MAX_NUMERAL_LENGTH) return null;
  const s = normalizeChars(input.trim());
  for (let i = 0; i + 1 < s.length; i++) {
    if (classAt(s, i) !== C_DIGIT || classAt(s, i + 1) !== C_DIGIT) continue;
    if ((VALUE[s.charCodeAt(i + 1)] as number) !== (VALUE[s.charCodeAt(i)] as number) + 1) return null;
    return parseChineseNumber(s.slice(0, i + 1) + s.slice(i + 2));
  }
  return null;
}

/** Product of the unit characters a numeral ends with: 五千万 → 1e7, 2.5万 → 1e4, 十五 → 1. */
export function trailingMagnitude(s: string): number {
  let m = 1;
  for (let i = s.length - 1; i >= 0; i--) {
    const u = unitValueAt(s, i);
    if (u === undefined) break;
    m *= u;
  }
  return m;
}

/** True when the numeral contains a unit character (十百千万亿) or 廿卅卌. */
export function hasUnitChar(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (classAt(s, i) & (C_UNIT | C_TENS)) return true;
  return false;
}

/** English numbers as a mail counts tanks and containers (two 400 m³ tanks; two on line and six full spares). */
export const ENGLISH_SMALL_NUMBERS = [
  'one',
  'two',
  'three',
  'four',
  'five',
  'six',
  'seven',
  'eight',
  'nine',
  'ten',
  'eleven',
  'twelve',
] as const;
/** An English small number's value (two → 2), or null. */
export function englishSmallNumber(word: string): number | null {
  const i = (ENGLISH_SMALL_NUMBERS as readonly string[]).indexOf(word);
  return i < 0 ? null : i + 1;
}
