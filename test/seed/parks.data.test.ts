import { describe, it, expect } from 'vitest';
import { demoSeed } from '../helpers/app.js';

/** The 都市型工业建设重点推进区块表 of 嘉政发〔2024〕20号, row by row: 序号, 地区, 批次, 名称, 街道, 亩, 土地性质, 开工, 定位, 开发主体. */
const TABLE: [number, string, string, string, string, number, string, string, string, string][] = [
  [
    1,
    '南湖区',
    '第一批',
    '南湖新区嘉兴国际创意文化产业园区域（由拳路以南地块）',
    '东栅街道',
    328,
    'M1',
    '2024年12月',
    '创意制造',
    '嘉兴创意投资开发有限公司',
  ],
  [2, '南湖区', '第一批', '亚太路科创工业社区（微创产业园）', '南湖高新区', 140, 'M1', '已开工', '医疗器械', '嘉兴微创医疗科技有限公司'],
  [
    3,
    '南湖区',
    '第一批',
    '渡船桥港北、章基浜等地块',
    '新嘉街道',
    146.9,
    'M0',
    '2024年12月',
    '数字经济',
    '嘉兴城市建设投资开发有限公司（国资）',
  ],
  [4, '秀洲区', '第一批', '闻川科创园', '王江泾镇', 131, 'M1', '已开工', '智能家居', '省建设投资集团与嘉兴市运河湾城投集团合资公司'],
  [
    5,
    '秀洲区',
    '第一批',
    '未来智造产业谷',
    '嘉兴国家高新区（新城街道）',
    25,
    'M0',
    '2024年12月',
    '计算机、通信及其他电子设备高端制造',
    '中国能建集团与嘉兴市运河湾城投集团合资公司',
  ],
  [
    6,
    '经开区',
    '第一批',
    '艺+PARK时尚产业园',
    '嘉北街道',
    91,
    'M0',
    '已开工',
    '服装生产、时尚设计、文化创意',
    '嘉兴经济开发区佳园实业开发有限公司',
  ],
  [7, '经开区', '第一批', '兴汇智造产业园', '塘汇街道', 73, 'M1', '已开工', '高端装备制造', '浙江兴汇实业有限公司'],
  [8, '经开区', '第一批', '智能智造公共平台', '城南街道', 128, 'M1', '已开工', '智能制造', '嘉兴经济技术开发区产业创新投资集团有限公司'],
  [9, '经开区', '第一批', '城南工业园（博尔玛）', '城南街道', 45.8, 'M0', '2024年12月', '智能装配制造', '博尔玛集团有限公司'],
  [10, '南湖区', '第二批', '1921南湖都市经济园', '南湖街道', 39.7, 'M1', '2025年', '高端生产性服务', '南湖街道'],
  [11, '南湖区', '第二批', '嘉冶厂区（原嘉兴冶金机械厂）', '南湖街道', 100, 'M1', '未定', '精密制造', '未定'],
  [
    12,
    '南湖区',
    '第二批',
    '南湖基金小镇先进制造业园',
    '东栅街道（南湖新区）',
    187.5,
    'M1',
    '未定',
    '科创金融',
    '嘉兴市南湖金融区建设开发有限公司',
  ],
  [13, '南湖区', '第二批', '外贸弄三角区域（中外运）地块', '解放街道', 70, 'R2', '未定', '智能视听', '中外运、南湖区国资'],
  [
    14,
    '南湖区',
    '第二批',
    '人工智能产业带（汇智之环产业园）',
    '南湖高新区',
    102,
    'M1',
    '未定',
    '人工智能',
    '嘉兴科技城城市投资发展有限公司',
  ],
  [15, '南湖区', '第二批', '甪里大健康产业园', '湘家荡', 225, 'M0', '未定', '大健康', '嘉兴市东部建设开发集团有限公司'],
  [
    16,
    '经开区',
    '第二批',
    '智能传感创新产业园',
    '长水街道',
    231,
    'M0',
    '2025年',
    '智能传感',
    '嘉兴经济技术开发区产业创新投资集团有限公司与中建国际与第三方公司',
  ],
  [17, '经开区', '第二批', '金鹰绢纺地块', '塘汇街道', 101.2, '宅地', '2025年', '未定', '未定'],
  [18, '经开区', '第二批', '高铁新城南站东侧地块', '长水街道', 80, 'M0', '2025年', '未定', '未定'],
  [19, '经开区', '第二批', '坤鼎科技创新未来园区', '嘉北街道', 88, 'M0', '2025年', '数字经济', '坤鼎集团'],
  [20, '经开区', '第二批', '欧美科技生命健康创新园区', '嘉北街道', 49, 'M0', '2025年', '总部科技研发', '浙江欧美湾源科技产业集团有限公司'],
];

describe('the 嘉兴 都市型工业 table in the demo data set', () => {
  const jx = demoSeed().parks.filter((p) => p.city === '嘉兴市' && p.program === '都市型工业');
  it('has all 20 parks', () => expect(jx).toHaveLength(20));
  it.each(TABLE)(
    'row %i: %s %s %s has every column as the table gives it',
    (seq, district, batch, name, town, mu, use, start, positioning, developer) => {
      const p = jx.find((x) => x.seq === seq)!;
      expect(p).toBeDefined();
      expect({
        district: p.district,
        batch: p.batch,
        name: p.name,
        town: p.town,
        landAreaMu: p.landAreaMu,
        landUse: p.landUse,
        startTime: p.startTime,
        positioning: p.positioning,
        developer: p.developer,
      }).toEqual({
        district,
        batch,
        name,
        town,
        landAreaMu: mu,
        landUse: use,
        startTime: start,
        positioning,
        developer,
      });
      expect(p.program).toBe('都市型工业');
      expect(p.envClass).toBe('clean');
      expect(p.source).toMatch(/嘉政发〔2024〕20号/);
      if (positioning === '未定') expect(p.leadingIndustries).toEqual([]);
      else expect(p.leadingIndustries.length).toBeGreaterThanOrEqual(1);
    },
  );
});

describe('the 萧山 4286 carriers', () => {
  const xs = demoSeed().parks.filter((p) => p.district === '萧山区' && p.program === '4286');
  it('has at least 15 carriers, each with 1–3 leading industries and a source', () => {
    expect(xs.length).toBeGreaterThanOrEqual(15);
    for (const p of xs) {
      expect(p.leadingIndustries.length).toBeGreaterThanOrEqual(1);
      expect(p.leadingIndustries.length).toBeLessThanOrEqual(3);
      expect(p.source).toMatch(/4286/);
    }
  });
  it('names the carriers of 003 四(二)1', () => {
    const names = xs.map((p) => p.name).join('|');
    for (const n of [
      '钱塘江金融城',
      '图灵小镇',
      '机器人小镇',
      '湘湖金融小镇',
      '信息港小镇',
      '空港小镇',
      '万向创新聚能城',
      '智联科技城',
      '国际健康小镇',
      '杭州红山生物产业园',
    ])
      expect(names).toContain(n);
  });
});

describe('the 重大产业平台 (issue 15: the main platforms beyond the 都市型工业 blocks and the 4286 carriers)', () => {
  const platforms = demoSeed().parks.filter((p) => p.program === '重大产业平台');
  it('holds the 嘉兴 platforms the issue names and the main 萧山 ones', () => {
    const byCity = (c: string) => platforms.filter((p) => p.city === c).map((p) => p.name);
    expect(byCity('嘉兴市')).toEqual([
      '嘉兴秀洲国家高新技术产业开发区',
      '秀洲光伏小镇',
      '嘉兴南湖高新技术产业园区（嘉兴科技城）',
      '浙江南湖经济开发区',
      '嘉兴经济技术开发区',
    ]);
    expect(byCity('杭州市')).toEqual(['萧山经济技术开发区（市北区块）', '杭州临空经济示范区']);
  });
  it.each(platforms.map((p) => [p.name, p] as const))('%s: positioned from a public source with its URL, never clean', (_n, p) => {
    expect(p.source).toMatch(/^公开资料：.*https?:\/\//);
    const stated = p.facts.find((f) => f.key === 'leadingIndustries');
    expect(stated?.source).toMatch(/^公开资料：.*https?:\/\//);
    expect(p.facts.find((f) => f.key === 'platformLevel')?.source).toMatch(/^公开资料/);
    expect(p.leadingIndustries.length).toBeGreaterThanOrEqual(1);
    // a development zone hosts what an urban block cannot: its class is light or general, and says why
    expect(p.envClass).not.toBe('clean');
    expect(p.facts.find((f) => f.key === 'envClass')?.source).toMatch(/本数据集归类/);
    // nothing invented may gate a real lead: no admission thresholds of our own
    expect(p.standards).toBeNull();
  });
  it('gives each platform vacant units, every one 示例数据, with land a development zone still supplies', () => {
    for (const p of platforms) {
      const mine = demoSeed().spaces.filter((s) => s.parkId === p.id);
      expect(mine.length, p.id).toBeGreaterThanOrEqual(3);
      expect(mine.every((s) => s.source === '示例数据')).toBe(true);
      expect(mine.some((s) => s.kind === 'land')).toBe(true);
    }
  });
});

describe('invented data is marked', () => {
  it('every space is 示例数据', () => {
    for (const s of demoSeed().spaces) expect(s.source).toContain('示例数据');
  });
  it('every park has vacant space', () => {
    const withSpace = new Set(demoSeed().spaces.map((s) => s.parkId));
    for (const p of demoSeed().parks) expect(withSpace.has(p.id)).toBe(true);
  });
});
