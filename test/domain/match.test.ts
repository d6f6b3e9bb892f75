import { describe, it, expect } from 'vitest';
import { demoKb } from '../helpers/app.js';
import { matchLead } from '../../server/domain/match.js';
import { renderReason } from '../../server/domain/reasons.js';
import type { Lead } from '../../server/domain/lead.schema.js';

const JX = ['南湖区', '秀洲区', '经开区'];
const kb = demoKb();
const run = (lead: Lead, opts = {}) =>
  matchLead(lead, kb.k, { limit: 100, includeExcluded: true, guessIndustries: kb.guessIndustries, ...opts });
const byId = (o: ReturnType<typeof run>, id: string) => o.results.find((r) => r.park.park.id === id)!;
const text = (rs: { reason: any }[]) => rs.map((x) => renderReason(x.reason)).join('；');

describe('gates', () => {
  it('when the lead says 不涉及铸造, the 铸造 rule does not fire', () => {
    const o = run({ summary: '精密零部件加工，本项目不涉及铸造', districts: JX });
    const jiaye = byId(o, 'jx-jiaye');
    expect(jiaye.excluded).toBe(false);
    expect(text(jiaye.exclusions)).not.toContain('铸造');
    expect(o.features.negatedWords).toContain('铸造');
  });

  it('the same lead that does 铸造 is excluded from clean parks, citing the clause', () => {
    const o = run({ summary: '精密零部件加工，含铸造工序', districts: JX });
    const jiaye = byId(o, 'jx-jiaye');
    expect(jiaye.excluded).toBe(true);
    expect(jiaye.score).toBe(0);
    const ex = jiaye.exclusions.find((e) => renderReason(e.reason).includes('铸造'))!;
    expect(ex.ruleId).toBeTruthy();
    expect(ex.source).toMatch(/名录|嘉政发/);
  });

  it('电镀 is excluded at every park, each exclusion naming 电镀 and its source', () => {
    const o = run({ summary: '五金件电镀加工' });
    expect(o.eligibleCount).toBe(0);
    for (const r of o.results) {
      expect(r.excluded).toBe(true);
      expect(r.exclusions.some((e) => renderReason(e.reason).includes('电镀') && e.source.length > 2)).toBe(true);
    }
  });

  it('excludedDistricts rules a district out with a reason; districts limits the parks considered', () => {
    const o = run({ summary: '医疗器械生产', excludedDistricts: ['南湖区'], districts: JX });
    expect(o.results.every((r) => JX.includes(r.park.park.district))).toBe(true);
    const nh = o.results.filter((r) => r.park.park.district === '南湖区');
    expect(nh.length).toBeGreaterThan(0);
    expect(nh.every((r) => r.excluded && text(r.exclusions).includes('南湖区'))).toBe(true);
  });

  it('南湖 hazardous chemicals at 小试 stage stay eligible with a 柔性审批 flag', () => {
    const o = run({ summary: '生物医药研发，小试阶段使用少量危化品', districts: ['南湖区'] });
    const r = byId(o, 'jx-weichuang');
    expect(r.excluded).toBe(false);
    expect(r.flags.map((f) => renderReason(f.reason)).join()).toContain('柔性审批');
  });
});

describe('factors and ranking', () => {
  it('a product word the parks never mention finds the 医疗器械 park', () => {
    const o = run({ summary: '研发生产内窥镜，需要3000平方米厂房', districts: JX });
    expect(o.results[0]!.park.park.id).toBe('jx-weichuang');
    const industry = o.results[0]!.factors.find((f) => f.key === 'industry')!;
    expect(industry.score).toBeGreaterThan(0.8);
    expect(text(industry.reasons.map((reason) => ({ reason })))).toContain('内窥镜');
    expect(o.features.lead.floorAreaM2).toBe(3000);
    expect(o.results[0]!.spaces[0]!.space.areaM2).toBeGreaterThanOrEqual(3000);
  });

  it('an unknown factor says so and carries no weight; weights of the rest sum to 1', () => {
    const o = run({ summary: '智能传感器研发制造', districts: JX });
    const r = o.results[0]!;
    const space = r.factors.find((f) => f.key === 'space')!;
    expect(space.known).toBe(false);
    expect(space.weight).toBe(0);
    expect(renderReason(space.reasons[0]!)).toContain('未提供');
    expect(r.factors.reduce((s, f) => s + f.weight, 0)).toBeCloseTo(1, 6);
  });

  it('a space need the park cannot meet lowers the space factor', () => {
    const small = run({ summary: '医疗器械生产', floorAreaM2: 2000, districts: JX });
    const huge = run({ summary: '医疗器械生产', floorAreaM2: 200000, districts: JX });
    const s = (o: ReturnType<typeof run>) => byId(o, 'jx-weichuang').factors.find((f) => f.key === 'space')!.score;
    expect(s(small)).toBeGreaterThan(s(huge));
  });

  it('groundFloorOnly prefers first-floor units', () => {
    const o = run({ summary: '高端装备制造', floorAreaM2: 1500, groundFloorOnly: true, districts: JX });
    const r = byId(o, 'jx-xinghui');
    expect(r.spaces[0]!.space.floor).toBe(1);
  });

  it("a 链主 supplier gets the chain factor at the 链主's park", () => {
    const o = run({ summary: '为微创医疗配套生产导管' });
    const r = byId(o, 'jx-weichuang');
    const chain = r.factors.find((f) => f.key === 'chain')!;
    expect(chain.known).toBe(true);
    expect(chain.score).toBeGreaterThanOrEqual(0.9);
  });

  it('request weights override the defaults and are normalised', () => {
    const o = run(
      { summary: '医疗器械', floorAreaM2: 3000 },
      { weights: { industry: 1, space: 1, chain: 0, efficiency: 0, policy: 0, location: 0 } },
    );
    expect(o.weights.industry).toBeCloseTo(0.5);
    expect(o.weights.space).toBeCloseTo(0.5);
  });

  it('a lead no factor can judge (an industry term nobody knows, nothing else) is ranked, every park at 0, with the requested weights kept', () => {
    for (const weights of [undefined, { industry: 0, space: 0, chain: 0, efficiency: 0, policy: 0, location: 1 }]) {
      const o = matchLead({ industries: ['某个不认识的词'] }, kb.k, { limit: 5, weights, guessIndustries: kb.guessIndustries });
      expect(o.results).toHaveLength(5);
      expect(o.results.every((r) => r.score === 0 && r.factors.every((x) => !x.known))).toBe(true);
      expect(o.results[0]!.factors.reduce((s, x) => s + x.weight, 0)).toBeCloseTo(1, 6);
    }
  });
});
