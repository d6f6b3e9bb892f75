import { describe, it, expect } from 'vitest';
import {
  englishSmallNumber,
  parseChineseNumber,
  parseColloquialRange,
  parseNumberOrRangeLow,
  normalizeChars,
  trailingMagnitude,
} from '../../server/text/numbers.js';

describe('parseChineseNumber', () => {
  it.each([
    // Arabic
    ['3000', 3000],
    ['1,200', 1200],
    ['12,345,678', 12345678],
    ['3.5', 3.5],
    ['68507.52', 68507.52],
    ['  42 ', 42],
    ['0', 0],
    // full-width
    ['３０００', 3000],
    ['３．５', 3.5],
    // Chinese, small
    ['五', 5],
    ['十', 10],
    ['十五', 15],
    ['二十', 20],
    ['廿', 20],
    ['廿五', 25],
    ['卅', 30],
    ['一百二十', 120],
    ['一百零八', 108],
    ['两千', 2000],
    ['两百', 200],
    ['三千五百', 3500],
    ['三千零五', 3005],
    ['一千零二十', 1020],
    ['十万', 100000],
    ['十二万五千', 125000],
    ['三万零五百', 30500],
    ['五百万', 5000000],
    ['六千万', 60000000],
    ['一千万零一', 10000001],
    ['三亿', 300000000],
    ['一亿二千万', 120000000],
    ['三万亿', 3e12],
    ['〇', 0],
    ['零', 0],
    // colloquial trailing digit
    ['三千五', 3500],
    ['两万三', 23000],
    ['一万二', 12000],
    ['一亿二', 120000000],
    ['三百五', 350],
    ['十万五', 105000],
    // capital numerals and traditional characters
    ['壹仟', 1000],
    ['贰', 2],
    ['壹仟贰佰叁拾肆万伍仟陆佰柒拾捌', 12345678],
    ['叁萬', 30000],
    ['兩億', 200000000],
    ['貳拾', 20],
    // mixed Arabic and Chinese units
    ['3千', 3000],
    ['2.5万', 25000],
    ['1.2亿', 120000000],
    ['1万5', 15000],
    ['3千5百', 3500],
    ['2亿5000万', 250000000],
    ['１．５万', 15000],
    // implicit 一
    ['百万', 1000000],
    ['千万', 10000000],
    // 点 decimals, 个半
    ['三点五', 3.5],
    ['一点二亿', 120000000],
    ['十二点五万', 125000],
    ['一个半', 1.5],
    ['两个半', 2.5],
    ['一个半亿', 150000000],
    // positional digit strings
    ['二〇二四', 2024],
    ['一二三', 123],
  ])('%s → %d', (text, value) => expect(parseChineseNumber(text)).toBe(value));

  it.each([
    '',
    '   ',
    'abc',
    '万',
    '亿',
    '半',
    '一半',
    '三五', // colloquial "three or five", not 35
    '三五百',
    '三十百',
    '一万二万',
    '1.2.3',
    '2024.5.1',
    '1,20',
    '-5',
    '+5',
    '.5',
    '5.',
    '1e5',
    '三千五平米',
    '一楼',
    '第二',
    '5G',
    'NaN',
    'Infinity',
    '1'.repeat(30),
    '三千五'.repeat(100),
  ])('%s → null', (text) => expect(parseChineseNumber(text)).toBeNull());

  it('never throws on non-strings passed from untyped callers', () => {
    for (const bad of [undefined, null, 5, {}, [], Symbol('x')]) {
      expect(parseChineseNumber(bad as unknown as string)).toBeNull();
    }
  });
});

describe('parseColloquialRange', () => {
  it.each([
    ['三四千', 3000, 4000],
    ['五六千', 5000, 6000],
    ['一两万', 10000, 20000],
    ['七八十', 70, 80],
    ['二三十', 20, 30],
    ['五六百万', 5e6, 6e6],
  ])('%s → %d..%d', (text, min, max) => expect(parseColloquialRange(text)).toEqual({ min, max }));

  it.each(['三四', '四三千', '三千', '3四千', ''])('%s → null', (text) => expect(parseColloquialRange(text)).toBeNull());
});

describe('helpers', () => {
  it('normalizeChars keeps offsets and maps full-width, case and traditional characters', () => {
    const raw = 'ＡＢ３０００㎡，萬元畝噸層樓';
    const n = normalizeChars(raw);
    expect(n.length).toBe(raw.length);
    expect(n).toBe('ab3000㎡，万元亩吨层楼');
  });
  it('trailingMagnitude multiplies the trailing unit characters', () => {
    expect(trailingMagnitude('五千万')).toBe(1e7);
    expect(trailingMagnitude('2.5万')).toBe(1e4);
    expect(trailingMagnitude('十五')).toBe(1);
  });
});

describe('parseNumberOrRangeLow: a colloquial range read at its lower end', () => {
  it.each([
    ['十五六', 15],
    ['一百五六十', 150],
    ['三四千', 3000],
    ['两三百', 200],
    ['十五', 15],
    ['1,000', 1000],
  ])('%s → %d', (s, n) => {
    expect(parseNumberOrRangeLow(s)).toBe(n);
  });

  it.each(['五五', '十六五', '', '吨'])('%s is no number', (s) => {
    expect(parseNumberOrRangeLow(s)).toBeNull();
  });
});

describe('englishSmallNumber', () => {
  it('reads the English numbers a mail counts tanks by, and nothing else', () => {
    expect(englishSmallNumber('two')).toBe(2);
    expect(englishSmallNumber('twelve')).toBe(12);
    expect(englishSmallNumber('twenty')).toBeNull();
    expect(englishSmallNumber('tons')).toBeNull();
  });
});
