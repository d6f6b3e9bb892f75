import { describe, expect, it } from 'vitest';
import { cellsUnder, headerOf, tableStart } from '../../server/text/tables.js';
import { blankScopeBoilerplate } from '../../server/text/business-scope.js';

describe('pasted tables', () => {
  const t = '说明\n企业|产品|年产量（吨）\n甲厂|铸件|20000\n乙厂 | 阀体 | 约3万吨\n\n备注';
  it('gives every cell under a header, with the header, its offset and the table’s header cells', () => {
    const cells = cellsUnder(t, (h) => h.startsWith('年产量'));
    expect(cells.map((c) => c.cell)).toEqual(['20000', '约3万吨']);
    for (const c of cells) expect(t.slice(c.at, c.at + c.cell.length)).toBe(c.cell);
    expect(cells[0]!.table).toEqual(['企业', '产品', '年产量（吨）']);
  });
  it('skips a Markdown rule row, and a line without cells ends the table', () => {
    const md = '| 企业 | 原方案 |\n|---|---|\n| 甲 | 自建电镀线 |\n说明\n| 乙 | 电镀 |';
    expect(cellsUnder(md, (h) => h === '原方案').map((c) => c.cell)).toEqual(['自建电镀线']);
  });
  it('finds a row’s table start and header; the header row has none', () => {
    const row = t.indexOf('乙厂');
    expect(tableStart(t, row)).toBe(t.indexOf('企业'));
    expect(headerOf(t, row)).toEqual(['企业', '产品', '年产量（吨）']);
    expect(headerOf(t, t.indexOf('企业'))).toBeNull();
  });
});

describe('business scopes (经营范围)', () => {
  it('blanks the generic items, the same length, and keeps what the firm makes', () => {
    const t = '某公司 经营范围：一般项目：工业机器人制造；技术服务、技术开发、技术咨询、技术交流、技术转让、技术推广；货物进出口。';
    const b = blankScopeBoilerplate(t);
    expect(b).toHaveLength(t.length);
    expect(b).toContain('工业机器人制造');
    expect(b).not.toMatch(/技术转让|货物进出口|一般项目/);
  });
  it('leaves a text without a business scope, and words outside the field, as they are', () => {
    expect(blankScopeBoilerplate('我们提供技术服务和货物进出口代理')).toBe('我们提供技术服务和货物进出口代理');
    const t = '经营范围：货物进出口\n主营：技术转让';
    expect(blankScopeBoilerplate(t)).toContain('技术转让');
  });
});
