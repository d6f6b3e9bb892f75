/**
 * Issue 15 item 1: the 嘉兴 jurisdiction holds its main platforms (重大产业平台) beyond the 20 都市型工业
 * blocks, positioned from public sources, so a project that does not suit an urban block still gets a
 * true answer: the best 嘉兴 park is a platform, and the reason cites where its positioning is stated.
 * The leads are written the way firms and 招商 staff put them, not in the lexicon's words.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, demoSeed, type Requester } from '../helpers/app.js';

const JX = new Set(['南湖区', '秀洲区', '经开区']);
const seed = demoSeed();
const parkOf = new Map(seed.parks.map((p) => [p.id, p]));
const statedSource = (id: string) => parkOf.get(id)!.facts.find((f) => f.key === 'leadingIndustries')!.source;

let jx: Requester;
beforeAll(() => {
  const t = createTestApp();
  jx = t.as(t.userCookie({ username: 'jx-platforms', role: 'admin', jurisdictionId: 'jiaxing' }));
});

async function bestFor(lead: Record<string, unknown>) {
  const { status, body } = await jx.post('/api/match?limit=50', lead);
  expect(status).toBe(200);
  expect(body.results.length).toBeGreaterThan(0);
  for (const r of body.results) expect(JX.has(r.district)).toBe(true); // answered within 嘉兴 only
  return body.results as any[];
}

describe('projects that do not suit a 都市型工业 block land on a 嘉兴 platform', () => {
  it('a 光伏组件 maker that prefers 秀洲: 秀洲国家高新区 or its 光伏小镇, citing the 秀洲 public source', async () => {
    const results = await bestFor({
      summary: '我们是做光伏组件的，210大尺寸高效组件，规划年产5GW，组件车间要2万平左右，老板倾向放在秀洲那边',
      preferredDistricts: ['秀洲区'],
    });
    const top = results[0];
    expect(['jx-xiuzhou-gaoxin', 'jx-xiuzhou-pv-town']).toContain(top.parkId);
    expect(parkOf.get(top.parkId)!.program).toBe('重大产业平台');
    const why = top.factors.find((f: any) => f.key === 'industry').reasons[0];
    expect(why).toContain('新能源');
    expect(why).toContain(`园区定位依据：${statedSource(top.parkId)}`);
    // no 都市型工业 block is positioned for it: each ranks below the platform
    const block = results.find((r) => parkOf.get(r.parkId)!.program === '都市型工业');
    if (block) expect(block.score).toBeLessThan(top.score);
  });

  it('a 新能源汽车 parts plant that needs 80 亩 of land: 嘉兴经济技术开发区 with a plot of at least 80 亩', async () => {
    const results = await bestFor({
      summary: '新能源车电驱系统壳体和副车架，铝合金压铸后再机加工，准备拿地80亩自己建厂，总投资15亿',
    });
    const top = results[0];
    expect(top.parkId).toBe('jx-jingkai-etdz');
    expect(top.factors.find((f: any) => f.key === 'industry').reasons[0]).toContain(`园区定位依据：${statedSource('jx-jingkai-etdz')}`);
    expect(top.spaces[0].landMu).toBeGreaterThanOrEqual(80);
    // the blocks have no land of that size: none of them offers a plot of 80 亩
    for (const r of results.filter((x) => parkOf.get(x.parkId)!.program === '都市型工业'))
      expect(r.spaces.every((s: any) => (s.landMu ?? 0) < 80)).toBe(true);
  });

  it('a 生物医药 research team renting labs: 南湖高新区（嘉兴科技城）, positioned for 生物医药 by a public source', async () => {
    const results = await bestFor({ summary: '创新药研发团队，做小分子靶向药的临床前研究，想租2000平左右的实验室和办公，不做生产' });
    const top = results[0];
    expect(top.parkId).toBe('jx-nanhu-gaoxin');
    const why = top.factors.find((f: any) => f.key === 'industry').reasons[0];
    expect(why).toContain('生物医药');
    expect(why).toMatch(/园区定位依据：公开资料：.*https?:\/\//);
  });

  it('an urban block keeps its own answer: an 内窥镜 maker still goes to 微创产业园 first', async () => {
    const results = await bestFor({ summary: '研发生产内窥镜，需要3000平方米厂房' });
    expect(results[0].parkId).toBe('jx-weichuang');
    expect(results[0].factors[0].reasons[0]).not.toContain('园区定位依据'); // the table row is the block's source
  });
});
