import { describe, it, expect } from 'vitest';
import iconv from 'iconv-lite';
import { readLeadSheet } from '../../server/io/lead-sheet.js';
import { FileProblem } from '../../server/io/table.js';
import { LIMITS, limitsWith, utf8, xlsxOf } from './helpers.js';

const HEADER = '项目名称,企业名称,项目简介,所属行业,总投资(万元),面积需求(平方米),用地需求(亩),年产值(万元),年税收(万元),报送镇街';

describe('reading a lead sheet', () => {
  it('turns good rows into leads and leaves empty cells unknown, never 0', async () => {
    const s = await readLeadSheet(utf8(`${HEADER}\n内窥镜项目,某医疗,研发生产内窥镜,,,3000,,,,南湖街道\n`), LIMITS);
    expect(s.rows).toHaveLength(1);
    const lead = s.rows[0]!.lead!;
    expect(lead).toEqual({ name: '内窥镜项目', company: '某医疗', summary: '研发生产内窥镜', floorAreaM2: 3000, sourceTown: '南湖街道' });
    expect('investmentWan' in lead).toBe(false);
    expect(s.rows[0]!.input).toEqual(['内窥镜项目', '某医疗', '研发生产内窥镜', '', '', '3000', '', '', '', '南湖街道']);
  });

  it('reports each bad row as {row, field, message} naming row and column, and keeps going', async () => {
    const csv = [
      HEADER,
      '甲,,研发生产内窥镜,,5000,,,,,', // good: row 1
      '乙,,做传感器,,五千万?,,,,,', // bad amount: row 2
      '丙,,,,100,,,,,', // no summary and no industry: row 3
      '', // blank line: skipped, keeps its number
      '丁,,智能家居,,-5,,,,,', // negative: row 5
      `戊,,${'长'.repeat(2100)},,,,,,,`, // over-long cell: row 6
      '己,,,医疗器械,,,20000000,,,', // out of range: row 7
      '庚,,做传感器,,1.2亿,,,,,', // good: row 8
    ].join('\r\n');
    const s = await readLeadSheet(utf8(csv), LIMITS);
    expect(s.rows.map((r) => [r.rowNo, r.lead ? 'ok' : r.errors.map((e) => e.field).join('+')])).toEqual([
      [1, 'ok'],
      [2, 'investmentWan'],
      [3, 'summary'],
      [5, 'investmentWan'],
      [6, 'summary'],
      [7, 'landMu'],
      [8, 'ok'],
    ]);
    const errors = s.rows.flatMap((r) => r.errors);
    expect(errors[0]).toMatchObject({ row: 2, line: 3, field: 'investmentWan', column: '总投资(万元)' });
    // messages name the row as Excel shows it (the header is row 1): data row 2 is the sheet's row 3
    expect(errors[0]!.message).toBe('第 3 行「总投资(万元)」不是数字：“五千万?”');
    expect(errors[1]!.message).toBe('第 4 行：项目简介和所属行业至少填写一项');
    expect(errors[2]!.message).toContain('第 6 行「总投资(万元)」不能为负数');
    expect(errors[3]!.message).toMatch(/第 7 行「项目简介」超过 2000 个字符/);
    expect(errors[4]!.message).toMatch(/第 8 行「用地需求\(亩\)」数值过大/);
    expect(s.rows.at(-1)!.lead!.investmentWan).toBe(12000);
  });

  it('reads a GBK file with Chinese headers and variants', async () => {
    const csv = '项目名称,项目简介,投资额/万元,需求面积㎡,所属行业\r\n监护仪项目,生产监护仪,6000,3500,医疗器械、智能物联\r\n';
    const s = await readLeadSheet(iconv.encode(csv, 'gbk'), LIMITS);
    expect(s.encoding).toBe('gb18030');
    expect(s.rows[0]!.lead).toEqual({
      name: '监护仪项目',
      summary: '生产监护仪',
      investmentWan: 6000,
      floorAreaM2: 3500,
      industries: ['医疗器械', '智能物联'],
    });
  });

  it('finds the header under a title row, and numbers data rows from it', async () => {
    const s = await readLeadSheet(utf8('2025年招商线索汇总表,,\n项目名称,项目简介,备注\n甲,做传感器,\n乙,,\n'), LIMITS);
    expect(s.rows.map((r) => [r.rowNo, r.line, !!r.lead])).toEqual([
      [1, 3, true],
      [2, 4, false],
    ]);
    expect(s.columns.map((c) => [c.header, c.spec?.field ?? null])).toEqual([
      ['项目名称', 'name'],
      ['项目简介', 'summary'],
      ['备注', null],
    ]);
  });

  it('reads an XLSX with numbers, formulas (their values, never the formula) and rich text', async () => {
    const bytes = await xlsxOf([
      {
        name: '线索',
        rows: [
          ['项目名称', '项目简介', '总投资(万元)', '备注'],
          ['甲', '=HYPERLINK("http://x/?a","点击")', 5000, { formula: 'HYPERLINK("http://x","点击")', result: '点击' }],
          ['乙', { richText: [{ text: '研发' }, { text: '内窥镜' }] }, { formula: '1+1', result: 2 }, null],
        ],
      },
      { name: '第二页', rows: [['无关'], ['x']] },
    ]);
    const s = await readLeadSheet(bytes, LIMITS);
    expect(s.format).toBe('xlsx');
    expect(s.rows.map((r) => r.input)).toEqual([
      ['甲', '=HYPERLINK("http://x/?a","点击")', 5000, '点击'],
      ['乙', '研发内窥镜', 2],
    ]);
    expect(s.rows[1]!.lead).toEqual({ name: '乙', summary: '研发内窥镜', investmentWan: 2 });
  });

  it('refuses files it cannot use, naming the problem', async () => {
    const problem = async (b: Uint8Array, l = LIMITS) => {
      const e = await readLeadSheet(b, l).catch((x) => x);
      expect(e).toBeInstanceOf(FileProblem);
      return e as FileProblem;
    };
    expect((await problem(new Uint8Array())).message).toBe('文件为空');
    expect((await problem(utf8('\uFEFF\r\n'))).code).toBe('empty');
    expect((await problem(utf8('项目名称,项目简介\r\n'))).message).toContain('只有表头');
    expect((await problem(utf8('联系人,电话\n张三,123\n'))).message).toContain('未找到可识别的表头');
    expect((await problem(utf8('项目名称,总投资(万元)\n甲,100\n'))).message).toContain('缺少“项目简介”或“所属行业”');
    expect((await problem(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0]))).code).toBe('not_spreadsheet');
    expect((await problem(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]))).message).toContain('.xls');
    expect((await problem(utf8('项目简介\n' + 'a\n'.repeat(6)), limitsWith({ maxRows: 5 }))).message).toContain('超过 5 行上限');
    expect((await problem(utf8('项目简介\n' + 'a\n'.repeat(600)), limitsWith({ maxBytes: 1024 }))).message).toContain('超过上限');
    expect((await problem(utf8('PK\u0003\u0004 not really a zip'))).code).toBe('bad_xlsx');
  });
});
