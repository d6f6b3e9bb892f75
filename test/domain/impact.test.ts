/** The impact of a knowledge change on leads (server/domain/impact.ts), on the demo data. */
import { describe, expect, it } from 'vitest';
import { demoKb, demoSeed } from '../helpers/app.js';
import { compileKnowledge, withPark, withRules } from '../../server/domain/knowledge.js';
import { leadContext, topEligible } from '../../server/domain/match.js';
import { understandLead } from '../../server/domain/lead.features.js';
import { leadRules } from '../../server/domain/gates.js';
import { computeImpact, primeImpact, type ImpactLead, type ImpactMemo } from '../../server/domain/impact.js';

const seed = demoSeed();
const k0 = demoKb().k;
const adoption = { by: 'test', at: '2026-12-01T00:00:00.000Z', reason: '测试' };
const SUMMARIES = [
  // a yearly use above the 临界量 (not a stock held on site, which env-clean-major-hazard-source already excludes)
  '冷库项目，液氨制冷，液氨年用量约30吨',
  '电子级溶剂灌装，生产线规模化使用危险化学品',
  '新能源汽车零部件生产，有喷涂',
  '研发生产内窥镜，需要3000平方米厂房',
  '汽车零部件电镀加工',
];
const leads: ImpactLead[] = SUMMARIES.map((summary, i) => ({
  id: `L${i}`,
  name: `项目${i}`,
  lead: { summary, districts: ['南湖区', '秀洲区', '经开区'], investmentWan: 3000, landMu: 20 },
  parkId: null,
  spaceId: null,
}));

describe('withRules: the knowledge with other rules, rebuilt only where the rules matter', () => {
  it('fires the same rules as compiling the whole knowledge with those rules', () => {
    const rules = seed.rules
      .map((r) => (r.sample || r.reference ? { ...r, adoption } : r))
      .filter((r) => r.id !== 'nat-electroplating-zone');
    const fast = withRules(k0, seed, rules);
    const full = compileKnowledge({ ...seed, rules });
    for (const l of leads) {
      const a = leadRules(understandLead(l.lead, fast), fast);
      const b = leadRules(understandLead(l.lead, full), full);
      expect(a).toEqual(b);
    }
    expect(fast.parks.map((p) => [...p.applies])).toEqual(full.parks.map((p) => [...p.applies]));
  });
});

describe('withPark: the knowledge with one park’s positioning changed', () => {
  it('ranks every lead as compiling the whole knowledge with that park would', () => {
    const park = { ...seed.parks.find((p) => p.id === 'jx-weichuang')!, leadingIndustries: ['智能物联'], supportingIndustries: [] };
    const fast = withPark(k0, seed, park);
    const full = compileKnowledge({ ...seed, parks: seed.parks.map((p) => (p.id === park.id ? park : p)) });
    for (const l of leads) {
      const rank = (k: typeof k0) => topEligible(leadContext(understandLead(l.lead, k), k), 5).map((q) => [q.park.park.id, q.score]);
      expect(rank(fast)).toEqual(rank(full));
    }
    expect(fast.parkById.get(park.id)!.park.leadingIndustries).toEqual(['智能物联']);
    expect(k0.parkById.get(park.id)!.park.leadingIndustries).not.toEqual(['智能物联']); // the knowledge before is untouched
  });
});

describe('computeImpact', () => {
  it('adopting the 示例规则 on large-scale hazardous chemicals newly excludes exactly the leads it fires for, naming the rule', () => {
    const after = withRules(
      k0,
      seed,
      seed.rules.map((r) => (r.id === 'env-clean-hazchem-not-pilot' ? { ...r, adoption } : r)),
    );
    const impact = computeImpact(k0, after, leads, { scoring: false, sameReading: true });
    expect(impact.leads).toBe(leads.length);
    expect(impact.newlyExcluded.map((x) => x.id).sort()).toEqual(['L0', 'L1']);
    for (const x of impact.newlyExcluded) expect(x.rules.map((r) => r.ruleId)).toEqual(['env-clean-hazchem-not-pilot']);
    expect(impact.noLongerExcluded).toEqual([]);
    // the reverse change gives the same leads back
    const back = computeImpact(after, k0, leads, { scoring: false, sameReading: true });
    expect(back.noLongerExcluded.map((x) => x.id).sort()).toEqual(['L0', 'L1']);
  });

  it('no change, no impact', () => {
    expect(computeImpact(k0, k0, leads, { scoring: true, parkId: 'jx-weichuang', sameReading: true })).toMatchObject({
      newlyExcluded: [],
      noLongerExcluded: [],
      bestParkChanged: [],
      placementsAtRisk: [],
    });
  });

  it('a preview thread’s memo (leads read and ranked before, kept per lead version) gives exactly the impact without it', () => {
    const keyed = leads.map((l) => ({ ...l, key: `${l.id}@v1`, parkId: l.id === 'L3' ? 'jx-weichuang' : null }));
    const changes = [
      {
        after: withRules(
          k0,
          seed,
          seed.rules.map((r) => (r.id === 'env-clean-hazchem-not-pilot' ? { ...r, adoption } : r)),
        ),
        change: { scoring: false, sameReading: true },
      },
      {
        after: withRules(
          k0,
          seed,
          seed.rules.filter((r) => r.id !== 'nat-electroplating-zone'),
        ),
        change: { scoring: false, sameReading: false },
      },
      {
        after: withPark(k0, seed, {
          ...seed.parks.find((p) => p.id === 'jx-weichuang')!,
          leadingIndustries: ['智能物联'],
          supportingIndustries: [],
        }),
        change: { scoring: true, parkId: 'jx-weichuang', sameReading: true },
      },
    ];
    const primed: ImpactMemo = new Map();
    primeImpact(k0, keyed, primed);
    expect([...primed.values()].every((r) => r.best !== undefined)).toBe(true);
    const lazy: ImpactMemo = new Map();
    let moved = 0;
    for (const { after, change } of changes) {
      const plain = computeImpact(k0, after, keyed, change);
      moved += plain.newlyExcluded.length + plain.noLongerExcluded.length + plain.bestParkChanged.length;
      expect(computeImpact(k0, after, keyed, change, {}, primed)).toEqual(plain);
      // filled on the way, then used
      expect(computeImpact(k0, after, keyed, change, {}, lazy)).toEqual(plain);
      expect(computeImpact(k0, after, keyed, change, {}, lazy)).toEqual(plain);
    }
    expect(moved).toBeGreaterThan(0);
    expect(lazy.size).toBe(keyed.length);
  });
});
