import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { parseBoolCell, parseDateCell, parseListCell, parseNumberCell } from '../../server/io/cells.js';

const num = (c: string | number, dim: Parameters<typeof parseNumberCell>[1], factor = 1) => {
  const p = parseNumberCell(c, dim, factor);
  return p.ok ? p.value : p.message;
};

describe('number cells as staff type them', () => {
  it('reads amounts in the column unit, or in 元 magnitudes when the cell says so', () => {
    expect(num('5000', 'money')).toBe(5000);
    expect(num('5,000', 'money')).toBe(5000);
    expect(num('５０００', 'money')).toBe(5000);
    expect(num(5000, 'money')).toBe(5000);
    expect(num('5000万', 'money')).toBe(5000);
    expect(num('5000万元', 'money')).toBe(5000);
    expect(num('1.2亿', 'money')).toBe(12000);
    expect(num('1.2亿元', 'money')).toBe(12000);
    expect(num('六千万', 'money')).toBe(6000);
    expect(num('3000000元', 'money')).toBe(300);
    expect(num('1.2', 'money', 10_000)).toBe(12000); // a 总投资(亿元) column
    expect(num('100万美元', 'money')).toBeCloseTo(710);
  });
  it('reads areas and land with their units', () => {
    expect(num('3000', 'area')).toBe(3000);
    expect(num('3000㎡', 'area')).toBe(3000);
    expect(num('3000平方米', 'area')).toBe(3000);
    expect(num('1.2万', 'area')).toBe(12000);
    expect(num('三千五', 'area')).toBe(3500);
    expect(num('5亩', 'area')).toBeCloseTo(3333.35);
    expect(num('50', 'land')).toBe(50);
    expect(num('2公顷', 'land')).toBe(30);
  });
  it('names what is not a number', () => {
    for (const bad of ['abc', '待定', '约五千万?', '5000万平方米', '12a', '-'])
      expect(String(num(bad, bad.includes('平方米') ? 'money' : 'money'))).toMatch(/不是数字|无法理解/);
    expect(num('一百左右', 'area')).toMatch(/不是数字/);
  });
  it('never throws', () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 40 }),
        fc.constantFrom('money', 'area', 'land', 'length', 'plain', 'ratio') as fc.Arbitrary<'money'>,
        (s, d) => typeof parseNumberCell(s, d).ok === 'boolean',
      ),
    );
  });
});

describe('other cells', () => {
  it('reads yes/no', () => {
    expect(parseBoolCell('是')).toEqual({ ok: true, value: true });
    expect(parseBoolCell('否')).toEqual({ ok: true, value: false });
    expect(parseBoolCell('TRUE')).toEqual({ ok: true, value: true });
    expect(parseBoolCell('也许').ok).toBe(false);
  });
  it('splits lists on Chinese and ASCII separators', () => {
    expect(parseListCell('医疗器械、智能物联；传感器, 集成电路')).toEqual(['医疗器械', '智能物联', '传感器', '集成电路']);
  });
  it('reads dates in the usual ways and Excel serial days', () => {
    for (const d of ['2025-03-01', '2025/3/1', '2025年3月1日', '2025.3.1', 45717])
      expect(parseDateCell(d)).toEqual({ ok: true, value: '2025-03-01' });
    expect(parseDateCell('2025-02-30').ok).toBe(false);
  });
});
