/**
 * Property tests of the pure plan on the real knowledge (demo parks, rules, taxonomy) with random leads
 * and random vacancy: every lead placed once or explained, no unit twice, no excluded park, districts
 * honoured, optimal ≥ first come first served, deterministic, and exact (= brute force on small cases,
 * and independent of how many candidates the solver is first given).
 */
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { compileKnowledge, type Knowledge } from '../../server/domain/knowledge.js';
import { understandLead } from '../../server/domain/lead.features.js';
import { scoreParts } from '../../server/domain/match.js';
import { buildPlan, prepareLeads } from '../../server/domain/routing/plan.js';
import { allCandidates, decodeWeight, heldEdge } from '../../server/domain/routing/candidates.js';
import type { PlanLead } from '../../server/domain/routing/plan.types.js';
import { demoKb, demoSeed } from '../helpers/app.js';

const guess = { guessIndustries: demoKb().guessIndustries };

/** Knowledge with only some units vacant (scarcity), built once per shape. */
const kCache = new Map<string, Knowledge>();
function knowledgeWith(keepEvery: number, offset: number): Knowledge {
  const key = `${keepEvery}:${offset}`;
  let k = kCache.get(key);
  if (!k) {
    const seed = demoSeed();
    k = compileKnowledge({ ...seed, spaces: seed.spaces.filter((_, i) => i % keepEvery === offset % keepEvery) });
    kCache.set(key, k);
  }
  return k;
}

const PRODUCTS = [
  '内窥镜',
  '监护仪',
  '骨科植入物',
  '呼吸机',
  '传感器',
  '智能门锁',
  '服务器',
  '动力电池',
  '精密加工',
  '机械臂',
  '服装设计',
  '软件开发',
  '检测',
  '碳纤维',
  '创新药',
  '五金件',
];
const PROCESSES = ['', '', '', '，含电镀工序', '，不涉及铸造', '，有喷涂', '，小试阶段使用少量危化品', '，涉及印染'];
const TOWNS = ['东栅街道', '南湖高新区', '嘉北街道', '长水街道', '萧山经济技术开发区', '宁围街道'];
const DISTRICTS = ['南湖区', '秀洲区', '经开区', '萧山区'];

const leadArb = fc.record({
  product: fc.constantFrom(...PRODUCTS),
  process: fc.constantFrom(...PROCESSES),
  need: fc.oneof(
    fc.record({ floorAreaM2: fc.integer({ min: 300, max: 9000 }) }),
    fc.record({ landMu: fc.integer({ min: 5, max: 80 }) }),
    fc.record({ floorAreaM2: fc.integer({ min: 500, max: 5000 }), groundFloorOnly: fc.constant(true) }),
    fc.constant({}),
  ),
  town: fc.constantFrom(...TOWNS),
  districts: fc.option(fc.subarray(DISTRICTS, { minLength: 1, maxLength: 2 }), { nil: undefined, freq: 4 }),
  stage: fc.constantFrom('线索', '在谈', '签约', '线索', '流失' as const),
  day: fc.integer({ min: 1, max: 28 }),
});

const leadsArb = (min: number, max: number) =>
  fc.array(leadArb, { minLength: min, maxLength: max }).map((xs) =>
    xs.map((x, i): PlanLead => ({
      id: `L${String(i).padStart(3, '0')}`,
      lead: {
        name: `项目${i}`,
        summary: `研发生产${x.product}${x.process}`,
        sourceTown: x.town,
        ...x.need,
        ...(x.districts ? { districts: x.districts } : {}),
      },
      stage: x.stage,
      reportedAt: `2025-03-${String(x.day).padStart(2, '0')}T09:00:00Z`,
    })),
  );

const scarcity = fc.record({ keepEvery: fc.constantFrom(1, 3, 8, 20), offset: fc.nat(19) });

describe('the routing plan on random leads and vacancy', () => {
  it('places every open lead at most once, explains the rest, and never gives a unit twice', () => {
    fc.assert(
      fc.property(leadsArb(1, 25), scarcity, (leads, sc) => {
        const k = knowledgeWith(sc.keepEvery, sc.offset);
        const plan = buildPlan(leads, k, guess);
        const ids = [...plan.assignments.map((a) => a.leadId), ...plan.unassigned.map((u) => u.leadId)].sort();
        expect(ids).toEqual(leads.map((l) => l.id).sort());
        const units = plan.assignments.flatMap((a) => (a.spaceId ? [a.spaceId] : []));
        expect(new Set(units).size).toBe(units.length);
        for (const u of plan.unassigned) expect(u.reason.code).toMatch(/^unassigned\./);
        for (const a of plan.assignments) {
          expect(leads.find((l) => l.id === a.leadId)!.stage).not.toBe('流失');
          if (a.spaceId) expect(k.parkById.get(a.parkId)!.spaces.some((s) => s.id === a.spaceId)).toBe(true);
        }
      }),
      { numRuns: 60 },
    );
  });

  it('gives a unit a lead already holds to nobody else, and counts it like any other', () => {
    fc.assert(
      fc.property(
        leadsArb(2, 20),
        fc.record({ keepEvery: fc.constantFrom(3, 8), offset: fc.nat(7) }),
        fc.array(fc.nat(), { maxLength: 8 }),
        (leads, sc, picks) => {
          const k = knowledgeWith(sc.keepEvery, sc.offset);
          const notVacant = demoSeed().spaces.filter((_, i) => i % sc.keepEvery !== sc.offset % sc.keepEvery);
          const holders = new Map<string, string>();
          picks.forEach((p, i) => {
            const l = leads[p % leads.length]!;
            const unit = notVacant[(p * 7 + i) % notVacant.length]!;
            if (l.current || [...holders.keys()].includes(unit.id)) return;
            l.current = { parkId: unit.parkId, space: unit };
            holders.set(unit.id, l.id);
          });
          const plan = buildPlan(leads, k, guess);
          const units = plan.assignments.flatMap((a) => (a.spaceId ? [a.spaceId] : []));
          expect(new Set(units).size).toBe(units.length);
          for (const a of plan.assignments) {
            if (a.spaceId && holders.has(a.spaceId)) expect(a.leadId).toBe(holders.get(a.spaceId));
            expect(a.changed).toBe(!(a.current && a.current.parkId === a.parkId && a.current.spaceId === a.spaceId));
          }
          expect(plan.totalScore).toBeGreaterThanOrEqual(plan.baseline.totalScore - 1e-9);
        },
      ),
      { numRuns: 50 },
    );
  });

  it('never uses a park that excludes the lead, nor one outside its districts', () => {
    fc.assert(
      fc.property(leadsArb(1, 20), scarcity, (leads, sc) => {
        const k = knowledgeWith(sc.keepEvery, sc.offset);
        const plan = buildPlan(leads, k, guess);
        for (const a of plan.assignments) {
          const pl = leads.find((l) => l.id === a.leadId)!;
          const part = scoreParts(understandLead(pl.lead, k, guess), k).find((p) => p.park.park.id === a.parkId);
          expect(part, `${a.parkId} is out of the lead's districts`).toBeDefined();
          expect(part!.excluded).toBe(false);
        }
      }),
      { numRuns: 60 },
    );
  });

  it('scores at least as much as first come, first served', () => {
    fc.assert(
      fc.property(leadsArb(5, 40), scarcity, (leads, sc) => {
        const k = knowledgeWith(sc.keepEvery, sc.offset);
        const plan = buildPlan(leads, k, { ...guess, candidatesPerLead: 3 });
        expect(plan.totalScore).toBeGreaterThanOrEqual(plan.baseline.totalScore - 1e-9);
        // the baseline is honest: the same as a plain first-come pass over every edge
        expect(plan.baseline.totalScore).toBeCloseTo(plainGreedy(leads, k), 6);
        expect(plan.totalScore).toBeCloseTo(
          plan.assignments.reduce((s, a) => s + a.score, 0),
          6,
        );
      }),
      { numRuns: 60 },
    );
  });

  it('keeps the K best edges even when a park pushes several units unsorted (a counterexample fast-check found)', () => {
    const lead = (id: string, summary: string, extra: Record<string, unknown>, at = '2025-03-01T09:00:00Z'): PlanLead => ({
      id,
      lead: { name: id, summary, sourceTown: '东栅街道', ...extra },
      stage: '线索',
      reportedAt: at,
    });
    const leads = [
      lead('L000', '研发生产智能门锁', { floorAreaM2: 1761, groundFloorOnly: true, districts: ['萧山区'] }, '2025-03-02T09:00:00Z'),
      lead('L001', '研发生产内窥镜', { floorAreaM2: 500, groundFloorOnly: true }),
      lead('L002', '研发生产内窥镜', { floorAreaM2: 300 }),
      lead('L003', '研发生产内窥镜', { floorAreaM2: 300 }),
      lead('L004', '研发生产内窥镜', {}),
      lead('L005', '研发生产智能门锁', { floorAreaM2: 1095, groundFloorOnly: true, districts: ['萧山区'] }),
    ];
    const k = knowledgeWith(3, 4);
    const plan = buildPlan(leads, k, { ...guess, candidatesPerLead: 3 });
    expect(plan.baseline.totalScore).toBeCloseTo(plainGreedy(leads, k), 6);
    expect(plan.totalScore).toBeGreaterThanOrEqual(plan.baseline.totalScore - 1e-9);
  });

  it('gives the same plan for the same input, in whatever order the leads come', () => {
    fc.assert(
      fc.property(leadsArb(2, 20), scarcity, (leads, sc) => {
        const k = knowledgeWith(sc.keepEvery, sc.offset);
        const a = buildPlan(leads, k, guess);
        const b = buildPlan([...leads].reverse(), k, guess);
        const key = (p: typeof a) =>
          JSON.stringify({
            a: p.assignments.map((x) => [x.leadId, x.parkId, x.spaceId, x.score]),
            u: p.unassigned.map((x) => [x.leadId, x.code]),
            t: p.totalScore,
          });
        expect(key(b)).toBe(key(a));
        expect(key(buildPlan(leads, k, guess))).toBe(key(a));
      }),
      { numRuns: 40 },
    );
  });

  it('finds the same optimum however few candidates the solver starts with (pricing adds what helps)', () => {
    fc.assert(
      fc.property(
        leadsArb(5, 30),
        fc.record({ keepEvery: fc.constantFrom(3, 8), offset: fc.nat(7) }),
        fc.integer({ min: 1, max: 4 }),
        (leads, sc, K) => {
          const k = knowledgeWith(sc.keepEvery, sc.offset);
          const full = buildPlan(leads, k, { ...guess, candidatesPerLead: 10_000 });
          const lean = buildPlan(leads, k, { ...guess, candidatesPerLead: K });
          expect(lean.totalScore).toBe(full.totalScore);
          expect(lean.stats.crossTown).toBe(full.stats.crossTown);
          expect(lean.stats.exact).toBe(true);
        },
      ),
      { numRuns: 40 },
    );
  });

  it('equals the brute-force optimum on small cases (every admissible lead–unit pair tried)', () => {
    fc.assert(
      fc.property(leadsArb(1, 5), fc.record({ keepEvery: fc.constantFrom(12, 20, 40), offset: fc.nat(39) }), (leads, sc) => {
        const k = knowledgeWith(sc.keepEvery, sc.offset);
        const plan = buildPlan(leads, k, guess);
        expect(plan.totalScore).toBe(bruteForceBest(leads, k));
      }),
      { numRuns: 80 },
    );
  });
});

/** First come, first served over every admissible edge, written the plain way. */
function plainGreedy(leads: PlanLead[], k: Knowledge): number {
  const prep = prepareLeads(leads, k, guess);
  const rules = { n: prep.scorings.filter((s) => s.f.need.known).length, minTenths: 1, minSpaceFit: 0.5 };
  const taken = new Set<number>();
  let total = 0;
  prep.open.forEach((pl, i) => {
    const s = prep.scorings[i]!;
    if (!s.f.need.known) {
      const p = s.eligible[0];
      if (p !== undefined) total += Math.round(s.score[p]! * 10);
      return;
    }
    const held = heldEdge(i, s, prep.reg, pl.lead.sourceTown, rules);
    const all = [...allCandidates(s, prep.reg, pl.lead.sourceTown, rules), ...(held ? [held] : [])].sort(
      (a, b) => b.weight - a.weight || a.space - b.space,
    );
    const e = all.find((x) => !taken.has(x.space));
    if (!e) return;
    taken.add(e.space);
    total += decodeWeight(e.weight, rules).tenths;
  });
  return total / 10;
}

/** The best total score (tenths) over every way of giving units to leads, by exhaustive search. */
function bruteForceBest(leads: PlanLead[], k: Knowledge): number {
  const prep = prepareLeads(leads, k, guess);
  const rules = { n: leads.length, minTenths: 1, minSpaceFit: 0.5 };
  let fixed = 0; // leads with no space need take their best park, no unit
  const options: { space: number; tenths: number }[][] = [];
  prep.open.forEach((pl, i) => {
    const s = prep.scorings[i]!;
    if (!s.f.need.known) {
      const p = s.eligible[0];
      if (p !== undefined) fixed += Math.round(s.score[p]! * 10);
      return;
    }
    const held = heldEdge(i, s, prep.reg, pl.lead.sourceTown, rules);
    options.push(
      [...allCandidates(s, prep.reg, pl.lead.sourceTown, rules), ...(held ? [held] : [])].map((e) => ({
        space: e.space,
        tenths: decodeWeight(e.weight, rules).tenths,
      })),
    );
  });
  const used = new Set<number>();
  const go = (i: number): number => {
    if (i === options.length) return 0;
    let best = go(i + 1);
    for (const o of options[i]!) {
      if (used.has(o.space)) continue;
      used.add(o.space);
      best = Math.max(best, o.tenths + go(i + 1));
      used.delete(o.space);
    }
    return best;
  };
  return (fixed + go(0)) / 10;
}
