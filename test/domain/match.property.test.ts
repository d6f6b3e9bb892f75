import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { demoKb } from '../helpers/app.js';
import { matchLead } from '../../server/domain/match.js';
import type { Lead } from '../../server/domain/lead.schema.js';

const kb = demoKb();
const products = kb.k.taxonomy.positionings.flatMap((p) => p.terms.slice(0, 6));
const processes = [...new Set(kb.k.rules.filter((r) => r.effect === 'exclude').flatMap((r) => r.match.terms.slice(0, 3)))];
const NEG = ['不涉及', '不含', '无', '没有', '不需要'];

const leadArb: fc.Arbitrary<Lead> = fc.record(
  {
    summary: fc
      .tuple(fc.constantFrom(...products), fc.option(fc.constantFrom(...processes)), fc.option(fc.constantFrom(...products)))
      .map(([a, b, c]) => [a, b ? `含${b}工序` : '', c ?? ''].filter(Boolean).join('，')),
    floorAreaM2: fc.option(fc.integer({ min: 100, max: 50_000 }), { nil: undefined }),
    landMu: fc.option(fc.integer({ min: 1, max: 300 }), { nil: undefined }),
    investmentWan: fc.option(fc.integer({ min: 0, max: 500_000 }), { nil: undefined }),
    groundFloorOnly: fc.option(fc.boolean(), { nil: undefined }),
    preferredDistricts: fc.option(fc.subarray(['南湖区', '秀洲区', '经开区', '萧山区']), { nil: undefined }),
  },
  { requiredKeys: ['summary'] },
);

const opts = { limit: 1000, includeExcluded: true, guessIndustries: kb.guessIndustries };

describe('matching invariants (property tests)', () => {
  it('an excluded park never outranks an eligible one; scores stay in 0..100; excluded parks score 0', () => {
    fc.assert(
      fc.property(leadArb, (lead) => {
        const o = matchLead(lead, kb.k, opts);
        let seenExcluded = false;
        for (const r of o.results) {
          expect(r.score).toBeGreaterThanOrEqual(0);
          expect(r.score).toBeLessThanOrEqual(100);
          if (r.excluded) {
            seenExcluded = true;
            expect(r.score).toBe(0);
            expect(r.exclusions.length).toBeGreaterThan(0);
          } else expect(seenExcluded).toBe(false);
        }
      }),
      { numRuns: 150 },
    );
  });

  it('eligible results are sorted by score, and weights sum to 1 for every park', () => {
    fc.assert(
      fc.property(leadArb, (lead) => {
        const o = matchLead(lead, kb.k, opts);
        const eligible = o.results.filter((r) => !r.excluded);
        for (let i = 1; i < eligible.length; i++) expect(eligible[i - 1]!.score).toBeGreaterThanOrEqual(eligible[i]!.score);
        for (const r of o.results) expect(r.factors.reduce((s, f) => s + f.weight, 0)).toBeCloseTo(1, 6);
      }),
      { numRuns: 100 },
    );
  });

  it('the same input gives the same output', () => {
    fc.assert(
      fc.property(leadArb, (lead) => {
        const a = matchLead(lead, kb.k, opts);
        const b = matchLead(structuredClone(lead), kb.k, opts);
        expect(b.results.map((r) => [r.park.park.id, r.score, r.excluded])).toEqual(
          a.results.map((r) => [r.park.park.id, r.score, r.excluded]),
        );
      }),
      { numRuns: 60 },
    );
  });

  it('a negated process never excludes a park', () => {
    fc.assert(
      fc.property(fc.constantFrom(...products), fc.constantFrom(...processes), fc.constantFrom(...NEG), (product, process, neg) => {
        // a product that is itself the process ("原料药生产，不涉及原料药") contradicts itself: not this property
        fc.pre(!product.includes(process) && !process.includes(product));
        const withNegation = matchLead({ summary: `${product}生产，本项目${neg}${process}` }, kb.k, opts);
        const without = matchLead({ summary: `${product}生产` }, kb.k, opts);
        expect([...withNegation.features.fired.values()]).not.toContain(process);
        const excludedIds = (o: typeof without) =>
          o.results
            .filter((r) => r.excluded)
            .map((r) => r.park.park.id)
            .sort();
        // (it adds none; it may lift one: the whole text's doubt reads 本项目不涉及… as a near-miss's words, a measured trade-off,
        // docs/CONTEXT.md — 晶圆代工生产，本项目不涉及电镀 is then flagged 需环保核实 instead of refused)
        const before = new Set(excludedIds(without));
        expect(excludedIds(withNegation).filter((id) => !before.has(id))).toEqual([]);
      }),
      { numRuns: 200 },
    );
  });
});
