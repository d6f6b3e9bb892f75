/** Each factor and gate on a hand-made knowledge base, so every expected number can be checked by hand. */
import { describe, it, expect } from 'vitest';
import { knowledge, park, positioning, rule, space } from '../helpers/builders.js';
import { demoKb } from '../helpers/app.js';
import { understandLead } from '../../server/domain/lead.features.js';
import { rankSpaces, fitSpace } from '../../server/domain/factors/space.factor.js';
import { explainFactor } from '../../server/domain/factors/index.js';
import { evaluateGates, leadRules } from '../../server/domain/gates.js';
import { renderReason } from '../../server/domain/reasons.js';
import type { Lead } from '../../server/domain/lead.schema.js';

const med = positioning({
  id: 'med',
  name: '医疗器械',
  terms: ['监护仪', '内窥镜', '呼吸机', '导管', '超声', 'b1', 'b2', 'b3', 'b4', 'b5', 'b6', 'b7', 'b8', 'b9', 'b10'],
  parents: ['大健康'],
});
const health = positioning({
  id: 'health',
  name: '大健康',
  kind: 'mixed',
  terms: ['康养', '健康管理', 'c1', 'c2', 'c3', 'c4', 'c5', 'c6', 'c7', 'c8', 'c9', 'c10', 'c11', 'c12', 'c13'],
});
const sensor = positioning({
  id: 'sensor',
  name: '智能传感',
  codes: ['3983'],
  terms: ['传感器', 'MEMS', 'd1', 'd2', 'd3', 'd4', 'd5', 'd6', 'd7', 'd8', 'd9', 'd10', 'd11', 'd12', 'd13'],
});
const finance = positioning({
  id: 'fin',
  name: '科创金融',
  kind: 'service',
  codes: ['6731'],
  terms: ['私募基金', '创投', 'e1', 'e2', 'e3', 'e4', 'e5', 'e6', 'e7', 'e8', 'e9', 'e10', 'e11', 'e12', 'e13'],
});

const medPark = park({
  id: 'med-park',
  name: '医疗园',
  leadingIndustries: ['医疗器械'],
  leadingShareTarget: 0.7,
  district: '甲区',
  town: '一街道',
});
const healthPark = park({ id: 'health-park', name: '健康园', leadingIndustries: ['大健康'], district: '乙区', town: '二街道' });
const sensorPark = park({
  id: 'sensor-park',
  name: '传感园',
  leadingIndustries: ['智能传感'],
  supportingIndustries: ['医疗器械'],
  district: '乙区',
  standards: { investmentIntensityWanPerMu: 300, outputPerMuWan: null, taxPerMuWan: null, source: 'test' },
});
const plot = park({ id: 'plot', name: '待定地块', leadingIndustries: [], envClass: 'general' });

const k = knowledge({
  parks: [medPark, healthPark, sensorPark, plot],
  positionings: [med, health, sensor, finance],
  spaces: [
    space({ id: 's-small', parkId: 'med-park', areaM2: 1500, floor: 2 }),
    space({ id: 's-fit', parkId: 'med-park', areaM2: 3200, floor: 1 }),
    space({ id: 's-huge', parkId: 'health-park', areaM2: 20000, floor: 1 }),
    space({ id: 's-office', parkId: 'sensor-park', areaM2: 3000, kind: 'office', floor: 5, clearHeightM: 3.8, floorLoadKnM2: 4 }),
    space({ id: 's-land', parkId: 'plot', kind: 'land', floor: 0, areaM2: 20000, landMu: 30, clearHeightM: null, floorLoadKnM2: null }),
  ],
  rules: [
    rule({
      id: 'no-plating',
      scope: { level: 'envClass', value: 'clean' },
      match: { terms: ['电镀'], industryCodes: ['3360'], unlessTerms: ['外购电镀件'], pollution: null },
      source: '名录 第67项',
    }),
    rule({
      id: 'flex',
      effect: 'review',
      scope: { level: 'district', value: '甲区' },
      match: { terms: ['小试'], industryCodes: [], unlessTerms: [], pollution: null },
      reason: '小试阶段可柔性审批',
      source: '南政发 二(二)6',
    }),
    rule({
      id: 'intensity',
      effect: 'require',
      scope: { level: 'park', value: 'sensor-park' },
      match: { terms: [], industryCodes: [], unlessTerms: [], pollution: null },
      threshold: { field: 'investmentIntensityWanPerMu', min: 300, max: null },
      source: '标准地',
    }),
  ],
});
const cp = (id: string) => k.parkById.get(id)!;
const f = (lead: Lead) => understandLead(lead, k);
const text = (rs: { code: string; params: Record<string, string | number> }[]) => rs.map((r) => renderReason(r as never)).join('；');

describe('industry factor', () => {
  it('a product word of the leading industry scores 0.9 (product-word strength × leading)', () => {
    const r = explainFactor('industry', f({ summary: '生产监护仪' }), k, cp('med-park'));
    expect(r.score).toBeCloseTo(0.9);
    expect(text(r.reasons)).toContain('依据“监护仪”');
  });
  it('a narrower industry in a broader park scores 0.9 × 0.9', () => {
    expect(explainFactor('industry', f({ summary: '生产监护仪' }), k, cp('health-park')).score).toBeCloseTo(0.81);
  });
  it('a supporting industry scores 0.6 of its strength', () => {
    expect(explainFactor('industry', f({ summary: '生产监护仪' }), k, cp('sensor-park')).score).toBeCloseTo(0.54);
  });
  it('an unrelated park scores 0 and says so; an undetermined park 0.15, below a related industry (0.35)', () => {
    const none = explainFactor('industry', f({ summary: '私募基金管理' }), k, cp('med-park'));
    expect(none.score).toBe(0);
    expect(text(none.reasons)).toContain('不相关');
    expect(explainFactor('industry', f({ summary: '私募基金管理' }), k, cp('plot')).score).toBe(0.15);
  });
  it('an explicit industry outranks a word in the text', () => {
    expect(explainFactor('industry', f({ industries: ['医疗器械'] }), k, cp('med-park')).score).toBe(1);
  });
  it('unknown industry is unknown, not zero', () => {
    const r = explainFactor('industry', f({ summary: '一个项目' }), k, cp('med-park'));
    expect(r.score).toBeNull();
  });
});

describe('space factor', () => {
  it('picks the unit that fits the area, not the biggest', () => {
    const feat = f({ summary: '监护仪', floorAreaM2: 3000 });
    const ranked = rankSpaces(cp('med-park'), feat.need, 3);
    expect(ranked[0]!.space.id).toBe('s-fit');
    expect(explainFactor('space', feat, k, cp('med-park')).score).toBe(1);
  });
  it('a unit far larger than needed fits less; a smaller one much less', () => {
    const need = f({ summary: '监护仪', floorAreaM2: 3000 }).need;
    // 20,000㎡ for 3,000㎡: 1 − (6.67 − 1.5) × 0.25 < 0, floored at 0.25 (several times too big is no fit)
    expect(fitSpace(k.parkById.get('health-park')!.spaces[0]!, need)).toBe(0.25);
    expect(
      fitSpace(
        k.parkById.get('med-park')!.spaces.find((s) => s.id === 's-fit')!,
        { ...need, areaM2: 1600 },
      ),
    ).toBeCloseTo(1 - (3200 / 1600 - 1.5) * 0.25);
    expect(
      fitSpace(
        k.parkById.get('med-park')!.spaces.find((s) => s.id === 's-small')!,
        need,
      ),
    ).toBeCloseTo((1500 / 3000) ** 2 * 0.8);
  });
  it('ground floor only, clear height and floor load each cut the fit', () => {
    const office = cp('sensor-park').spaces[0]!;
    expect(fitSpace(office, f({ summary: '传感器', floorAreaM2: 3000, spaceType: 'office' }).need)).toBe(1);
    expect(fitSpace(office, f({ summary: '传感器', floorAreaM2: 3000, spaceType: 'office', groundFloorOnly: true }).need)).toBeCloseTo(0.2);
    expect(fitSpace(office, f({ summary: '传感器', floorAreaM2: 3000, spaceType: 'office', minClearHeightM: 6 }).need)).toBeCloseTo(0.3);
    expect(fitSpace(office, f({ summary: '传感器', floorAreaM2: 3000, spaceType: 'office', minFloorLoadKnM2: 10 }).need)).toBeCloseTo(0.3);
  });
  it("each check that cuts a unit's fit gives its reason, with the figures it compared", () => {
    const office = cp('sensor-park').spaces[0]!; // 3,000㎡ office, 5th floor, 3.8 m, 4 kN/㎡
    const why = (lead: Partial<Lead>, s = office) => {
      const out: Parameters<typeof fitSpace>[2] = [];
      const fit = fitSpace(s, f({ summary: '传感器', ...lead }).need, out);
      return { fit, codes: out!.map((r) => r.code), text: text(out!) };
    };
    expect(why({ floorAreaM2: 3000, spaceType: 'office' })).toMatchObject({ fit: 1, codes: ['space.fits'] });
    expect(why({ floorAreaM2: 6000, spaceType: 'office' })).toMatchObject({
      codes: ['space.tooSmall'],
      text: expect.stringContaining('3,000㎡，小于需求 6,000㎡'),
    });
    expect(why({ floorAreaM2: 600, spaceType: 'office' })).toMatchObject({ fit: 0.25, codes: ['space.tooLarge'] }); // 5× the need: floored at 0.25
    expect(why({ floorAreaM2: 1200, spaceType: 'office' })).toMatchObject({ fit: expect.closeTo(0.75), codes: ['space.tooLarge'] }); // 2.5×: 1 − (2.5 − 1.5) × 0.25
    expect(why({ floorAreaM2: 3000, spaceType: 'factory' })).toMatchObject({
      fit: 0.1,
      codes: ['space.kindMismatch', 'space.altArea'],
      text: expect.stringContaining('需要厂房，这里是办公楼宇（可改造，仅作备选）'),
    });
    const cuts = why({ floorAreaM2: 3000, spaceType: 'office', minClearHeightM: 6, minFloorLoadKnM2: 10, groundFloorOnly: true });
    expect(cuts.fit).toBeCloseTo(0.3 * 0.3 * 0.2);
    expect(cuts.codes).toEqual(['space.fits', 'space.heightShort', 'space.loadShort', 'space.notGround']);
    // ranked, an area that fits a unit failing a hard requirement is not called 有合适空间
    const ranked = rankSpaces(
      cp('sensor-park'),
      f({ summary: '传感器', floorAreaM2: 3000, spaceType: 'office', minClearHeightM: 6 }).need,
      1,
    )[0]!;
    expect(ranked.reasons.map((r) => r.code)).toEqual(['space.areaOnly', 'space.heightShort']);
    expect(text(ranked.reasons)).not.toContain('有合适空间');
    expect(cuts.text).toContain('层高 3.8m 低于要求 6m');
    expect(cuts.text).toContain('楼面荷载 4kN/㎡ 低于要求 10kN/㎡');
    const land = cp('plot').spaces[0]!; // 30 亩
    expect(why({ landMu: 25 }, land)).toMatchObject({
      fit: 1,
      codes: ['space.landFits'],
      text: expect.stringContaining('30亩（需求 25亩）'),
    });
    expect(why({ landMu: 60 }, land)).toMatchObject({
      codes: ['space.landTooSmall'],
      text: expect.stringContaining('最大可用地块 30亩，小于需求 60亩'),
    });
  });
  it('land in 亩 goes to land parcels; a park without land says so', () => {
    const feat = f({ summary: '监护仪', landMu: 25 });
    expect(explainFactor('space', feat, k, cp('plot')).score).toBe(1);
    const none = explainFactor('space', feat, k, cp('med-park'));
    expect(none.score).toBe(0);
    expect(text(none.reasons)).toContain('暂无可出让地块');
  });
  it('no space need is unknown', () => {
    expect(explainFactor('space', f({ summary: '监护仪' }), k, cp('med-park')).score).toBeNull();
  });
});

describe('efficiency, policy and location factors', () => {
  it('投资强度 against the park standard', () => {
    expect(explainFactor('efficiency', f({ summary: '传感器', investmentWan: 9000, landMu: 30 }), k, cp('sensor-park')).score).toBe(1);
    expect(explainFactor('efficiency', f({ summary: '传感器', investmentWan: 4500, landMu: 30 }), k, cp('sensor-park')).score).toBeCloseTo(
      0.25,
    );
    expect(explainFactor('efficiency', f({ summary: '传感器', investmentWan: 4500, landMu: 30 }), k, cp('med-park')).score).toBe(0.5);
    expect(explainFactor('efficiency', f({ summary: '传感器', investmentWan: 4500 }), k, cp('sensor-park')).score).toBeNull();
  });
  it('a leading-industry lead raises the share; another lowers it; no target is neutral', () => {
    expect(explainFactor('policy', f({ summary: '监护仪' }), k, cp('med-park')).score).toBe(1);
    expect(explainFactor('policy', f({ summary: '传感器' }), k, cp('med-park')).score).toBe(0.1);
    expect(explainFactor('policy', f({ summary: '传感器' }), k, cp('sensor-park')).score).toBe(0.5);
  });
  it('preferred district and reporting town', () => {
    expect(explainFactor('location', f({ summary: '监护仪', preferredDistricts: ['乙区'] }), k, cp('health-park')).score).toBe(1);
    expect(explainFactor('location', f({ summary: '监护仪', preferredDistricts: ['乙区'] }), k, cp('med-park')).score).toBe(0);
    expect(explainFactor('location', f({ summary: '监护仪', sourceTown: '一街道' }), k, cp('med-park')).score).toBe(1);
    expect(explainFactor('location', f({ summary: '监护仪' }), k, cp('med-park')).score).toBeNull();
  });
  it('chain without chain information is unknown', () => {
    expect(explainFactor('chain', f({ summary: '监护仪' }), k, cp('med-park')).score).toBeNull();
  });
});

describe('gates', () => {
  const gates = (lead: Lead, id: string) => {
    const feat = f(lead);
    return evaluateGates(feat, leadRules(feat, k), cp(id), k, new Set(lead.excludedDistricts ?? []));
  };
  it('an exclude rule in scope excludes with its id, reason and source', () => {
    const g = gates({ summary: '做电镀' }, 'med-park');
    expect(g.exclusions).toHaveLength(1);
    expect(g.exclusions[0]).toMatchObject({ ruleId: 'no-plating', source: '名录 第67项' });
    expect(renderReason(g.exclusions[0]!.reason)).toBe('据原文“做电镀”，项目涉及电镀，不予准入');
  });
  it('the reason quotes the clause of the lead the word stands in, as written, cut around the word when long; not the word alone', () => {
    const quote = (summary: string) => gates({ summary }, 'med-park').exclusions[0]?.reason.params.quote;
    expect(quote('监护仪组装，外壳喷漆后电镀自己做，年产5万台')).toBe('外壳喷漆后电镀自己做');
    expect(quote('电镀')).toBeUndefined();
    const long = String(quote(`监护仪${'组装测试包装'.repeat(6)}以及电镀${'和装配和检验'.repeat(6)}`));
    expect(long).toMatch(/^….*电镀.*…$/);
    expect(long.length).toBeLessThanOrEqual(42);
  });
  it('out of scope (a general park) it does not', () => {
    expect(gates({ summary: '做电镀' }, 'plot').exclusions).toEqual([]);
  });
  it('matches by GB/T code, negation and exception words', () => {
    expect(gates({ summary: '监护仪', industries: ['3360'] }, 'med-park').exclusions).toHaveLength(1);
    expect(gates({ summary: '监护仪组装，本项目不涉及电镀' }, 'med-park').exclusions).toEqual([]);
    expect(gates({ summary: '监护仪组装，使用外购电镀件' }, 'med-park').exclusions).toEqual([]);
  });
  it('a review rule flags but does not exclude', () => {
    const g = gates({ summary: '监护仪研发，小试阶段' }, 'med-park');
    expect(g.exclusions).toEqual([]);
    expect(g.flags.map((x) => renderReason(x.reason)).join()).toContain('柔性审批');
  });
  it('a require threshold excludes when missed, flags when unknown, passes when met', () => {
    expect(gates({ summary: '传感器', investmentWan: 3000, landMu: 30 }, 'sensor-park').exclusions[0]?.ruleId).toBe('intensity');
    expect(gates({ summary: '传感器' }, 'sensor-park').flags.some((x) => x.code.startsWith('require-unknown'))).toBe(true);
    expect(gates({ summary: '传感器', investmentWan: 9000, landMu: 30 }, 'sensor-park').exclusions).toEqual([]);
  });
  it('an excluded district', () => {
    expect(gates({ summary: '监护仪', excludedDistricts: ['甲区'] }, 'med-park').exclusions[0]?.ruleId).toBe('request-excluded-district');
  });
});

describe('chain factor on the demo chains', () => {
  const dk = demoKb().k;
  const weichuang = dk.parks.find((p) => p.park.id === 'jx-weichuang')!;
  const chain = (summary: string) => {
    const r = explainFactor('chain', understandLead({ summary }, dk), dk, weichuang);
    return { score: r.score, why: renderReason(r.reasons[0]!) };
  };

  it('a link upstream of the park’s 链主 supplies it (0.9); the 链主’s own link and links downstream of it only join the chain (0.6)', () => {
    // 医疗器械产业链: 嘉兴微创 (链主, 植介入器械, link 7) is in 微创产业园
    expect(chain('钛合金骨科材料')).toMatchObject({ score: 0.9, why: expect.stringContaining('嘉兴微创医疗科技有限公司') }); // link 0
    expect(chain('研发生产监护仪')).toMatchObject({ score: 0.9 }); // link 6
    expect(chain('心脏支架')).toMatchObject({ score: 0.6 }); // link 7: the 链主's own
    expect(chain('医疗器械经销代理商')).toMatchObject({ score: 0.6 }); // link 13: downstream
  });
});
