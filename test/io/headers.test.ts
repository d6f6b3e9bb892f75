import { describe, it, expect } from 'vitest';
import { matchHeader, mapHeaderRow, splitHeader } from '../../server/io/headers.js';
import { LEAD_COLUMNS } from '../../server/io/lead-columns.js';

const field = (h: string) => matchHeader(h, LEAD_COLUMNS)?.spec.field ?? null;
const factor = (h: string) => matchHeader(h, LEAD_COLUMNS)?.factor ?? null;

describe('lead column headers', () => {
  it.each([
    ['项目名称', 'name'],
    ['*项目名称', 'name'],
    ['企业名称', 'company'],
    ['公司名称', 'company'],
    ['项目简介', 'summary'],
    ['项目概况', 'summary'],
    ['所属行业', 'industries'],
    ['总投资(万元)', 'investmentWan'],
    ['总投资（万元）', 'investmentWan'],
    ['投资额/万元', 'investmentWan'],
    ['投资额（万元）', 'investmentWan'],
    ['计划总投资', 'investmentWan'],
    ['面积需求(平方米)', 'floorAreaM2'],
    ['需求面积㎡', 'floorAreaM2'],
    ['需求面积（m²）', 'floorAreaM2'],
    ['厂房面积(平米)', 'floorAreaM2'],
    ['用地需求(亩)', 'landMu'],
    ['用地需求（亩）', 'landMu'],
    ['年产值(万元)', 'annualOutputWan'],
    ['年税收(万元)', 'annualTaxWan'],
    ['报送镇街', 'sourceTown'],
    ['报送镇（街道）', 'sourceTown'],
    [' 项目 简介 ', 'summary'],
    ['investmentWan', 'investmentWan'],
    ['FLOORAREAM2', 'floorAreaM2'],
    ['summary', 'summary'],
  ])('%s → %s', (h, f) => expect(field(h)).toBe(f));

  it('reads the unit in the header and converts the column', () => {
    expect(factor('总投资(亿元)')).toBe(10_000);
    expect(factor('总投资（亿元）')).toBe(10_000);
    expect(factor('总投资(万元)')).toBe(1);
    expect(factor('投资额/元')).toBe(1e-4);
    expect(factor('用地需求(公顷)')).toBe(15);
    expect(factor('面积需求(亩)')).toBeCloseTo(666.67);
  });
  it('does not take a unit that does not fit the field', () => {
    expect(matchHeader('总投资(平方米)', LEAD_COLUMNS)).toBeNull();
  });
  it('does not recognise unrelated columns', () => {
    for (const h of ['备注', '联系人', '电话', '序号', '']) expect(field(h)).toBeNull();
  });
  it('keeps the first of two columns for the same field and names the other', () => {
    const m = mapHeaderRow(['项目简介', '项目概况', '备注'], 3, LEAD_COLUMNS);
    expect(m.columns.map((c) => c.spec?.field ?? null)).toEqual(['summary', null, null]);
    expect(m.duplicates).toEqual(['项目概况']);
  });
  it('names headerless columns by position', () => {
    expect(mapHeaderRow(['项目简介', ''], 3, LEAD_COLUMNS).columns.map((c) => c.header)).toEqual(['项目简介', '第2列', '第3列']);
  });
  it('splits names and units', () => {
    expect(splitHeader('总投资（亿元）')).toEqual({ name: '总投资', unit: '亿元' });
    expect(splitHeader('投资额/万元')).toEqual({ name: '投资额', unit: '万元' });
    expect(splitHeader('需求面积㎡', 'area')).toEqual({ name: '需求面积', unit: 'm2' });
  });
});
