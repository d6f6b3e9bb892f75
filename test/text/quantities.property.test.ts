import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { parseChineseNumber, parseNormalizedNumeral, normalizeChars } from '../../server/text/numbers.js';
import { extractQuantities, readQuantities, type Quantities } from '../../server/text/quantities.js';

const DIGITS = '零一二三四五六七八九';
const SMALL_UNITS = ['', '十', '百', '千'];

/** 1..9999 in standard form, with 零 for inner gaps: 1005 → 一千零五, 1050 → 一千零五十. */
function section(n: number): string {
  let out = '';
  let gap = false;
  for (let p = 3; p >= 0; p--) {
    const d = Math.floor(n / 10 ** p) % 10;
    if (d === 0) gap = out !== '';
    else {
      out += (gap ? '零' : '') + DIGITS[d] + SMALL_UNITS[p];
      gap = false;
    }
  }
  return out;
}

/** 1..99,999,999 as a standard Chinese numeral (10 → 十, 10010 → 一万零一十). */
function toChineseNumeral(n: number): string {
  const hi = Math.floor(n / 10000);
  const lo = n % 10000;
  let out = hi ? `${section(hi)}万` : '';
  if (lo) out += (hi && lo < 1000 ? '零' : '') + section(lo);
  return out.startsWith('一十') ? out.slice(1) : out;
}

const CAPITAL: Record<string, string> = {
  零: '零',
  一: '壹',
  二: '贰',
  三: '叁',
  四: '肆',
  五: '伍',
  六: '陆',
  七: '柒',
  八: '捌',
  九: '玖',
  十: '拾',
  百: '佰',
  千: '仟',
  万: '萬',
};
const toCapital = (s: string): string => [...s].map((ch) => CAPITAL[ch] ?? ch).join('');

const amount = fc.integer({ min: 1, max: 99_999_999 });

describe('huge adversarial input', () => {
  const realistic = '有个做监护仪的客户，投资六千万，要三千五平米厂房，层高8米以上，荷载2.5吨/平方米，只要一楼；年产值约5亿元，员工200人。';
  const inputs: Record<string, string> = {
    '三千五 × 20000': '三千五'.repeat(20000),
    '1 × 100000': '1'.repeat(100000),
    '投资 × 50000': '投资'.repeat(50000),
    '一楼 × 50000': '一楼'.repeat(50000),
    '1- × 50000': '1-'.repeat(50000),
    '三到五千平米 × 16667': '三到五千平米'.repeat(16667),
    realistic: realistic.repeat(Math.ceil(100000 / realistic.length)).slice(0, 100000),
  };

  it('is read without throwing, and the last mention wins', () => {
    for (const text of Object.values(inputs)) {
      expect(() => parseChineseNumber(text)).not.toThrow();
      expect(() => extractQuantities(text)).not.toThrow();
    }
    expect(extractQuantities(inputs.realistic as string).floorAreaM2).toBe(3500);
  });

  // Tests never assert wall-clock time, not even as a ratio (a busy box hits one size and not the
  // other): the time for 100,000 characters, and how it grows from 10,000 (≈ 10× when linear), is
  // printed by `npm run bench` (scripts/bench.ts, "Chinese numbers and quantities").
});

describe('parseChineseNumber round trips', () => {
  it('reads String(n)', () => fc.assert(fc.property(amount, (n) => parseChineseNumber(String(n)) === n)));
  it('reads n with thousands separators', () => fc.assert(fc.property(amount, (n) => parseChineseNumber(n.toLocaleString('en-US')) === n)));
  it('reads toChineseNumeral(n)', () => fc.assert(fc.property(amount, (n) => parseChineseNumber(toChineseNumeral(n)) === n)));
  it('reads capital numerals', () => fc.assert(fc.property(amount, (n) => parseChineseNumber(toCapital(toChineseNumeral(n))) === n)));
  it('toChineseNumeral writes the standard forms', () => {
    expect([10, 15, 105, 1005, 1050, 10010, 100000, 110000, 30500000].map(toChineseNumeral)).toEqual([
      '十',
      '十五',
      '一百零五',
      '一千零五',
      '一千零五十',
      '一万零一十',
      '十万',
      '十一万',
      '三千零五十万',
    ]);
  });
});

/** Pieces that exercise every branch: numerals, units, keywords, modifiers, separators. */
const PIECES = [
  '三千五',
  '2.5',
  '万',
  '亿',
  '1,200',
  '３０００',
  '六千万',
  '两',
  '十',
  '零',
  '个半',
  '点',
  '〇',
  '平米',
  '平方米',
  '㎡',
  'm2',
  '方',
  '平',
  '亩',
  '畝',
  '公顷',
  '平方公里',
  '元',
  '美元',
  '港元',
  '吨',
  '吨/平方米',
  'kn/m²',
  '米',
  '人',
  '吨标煤',
  '投资',
  '总投资',
  '产值',
  '税收',
  '用地',
  '厂房',
  '层高',
  '荷载',
  '货梯',
  '员工',
  '注册资本',
  '亩均',
  '其中',
  '约',
  '以上',
  '以下',
  '左右',
  '多',
  '余',
  '至少',
  '不超过',
  '-',
  '~',
  '到',
  '个',
  '一楼',
  '只要',
  '不要',
  '最好',
  '楼层不限',
  '(万元)',
  '(',
  ')',
  '/',
  '每',
  '，',
  '。',
  ',',
  ' ',
  '第',
  'M',
];
const pieceText = fc.array(fc.constantFrom(...PIECES), { maxLength: 40 }).map((a) => a.join(''));
/** Any UTF-16 code unit, lone surrogates included. */
const codeUnit = fc.nat(0xffff).map((c) => String.fromCharCode(c));
const anyText = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 200 }),
  fc.string({ unit: 'grapheme', maxLength: 200 }),
  fc.string({ unit: codeUnit, maxLength: 200 }),
  pieceText,
);

function wellFormed(q: Quantities): boolean {
  for (const [k, v] of Object.entries(q)) {
    if (k === 'groundFloorOnly') {
      if (typeof v !== 'boolean') return false;
    } else if (k === 'currency') {
      const c = q.currency;
      if (!c || c.code !== 'USD' || !(c.amount > 0) || q[c.field] === undefined) return false;
    } else if (k === 'approx') {
      for (const f of Object.keys(v as object)) if (q[f as keyof Quantities] === undefined) return false;
    } else if (typeof v !== 'number' || !Number.isFinite(v) || v <= 0) return false;
  }
  return q.employees === undefined || Number.isInteger(q.employees);
}

// The public functions also catch as a safety net; these run the code under it, so a throw fails here.
describe('never throws', () => {
  it('parseChineseNumber on arbitrary strings', () =>
    fc.assert(
      fc.property(anyText, (s) => {
        const v = parseNormalizedNumeral(normalizeChars(s.trim()));
        return (v === null || Number.isFinite(v)) && parseChineseNumber(s) === v;
      }),
    ));

  it('extractQuantities on arbitrary strings returns well-formed quantities', () =>
    fc.assert(fc.property(anyText, (s) => wellFormed(readQuantities(s)))));

  it('extractQuantities with arbitrary rates', () =>
    fc.assert(fc.property(pieceText, fc.double(), (s, usdCnyRate) => wellFormed(readQuantities(s, { usdCnyRate })))));

  it('the huge inputs', () => {
    for (const text of ['三千五'.repeat(20000), '1'.repeat(100000), '投资'.repeat(50000), '\ud800'.repeat(1000)]) {
      expect(() => readQuantities(text)).not.toThrow();
      expect(() => parseNormalizedNumeral(normalizeChars(text))).not.toThrow();
    }
  });
});
