/** The bounded ranking (score in full only the parks that can still be shown) equals scoring every park. */
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { buildKnowledgeBase } from '../../server/search/knowledge-base.js';
import { demoSeed } from '../helpers/app.js';
import { matchLead } from '../../server/domain/match.js';
import type { Lead } from '../../server/domain/lead.schema.js';
import { scaleParks, syntheticLeads } from '../../scripts/synthetic.js';

const kb = buildKnowledgeBase(scaleParks(demoSeed(), 400));
const leads = syntheticLeads(demoSeed(), 300, 5);

describe('bounded ranking', () => {
  it('shows the same parks with the same scores as ranking every park', () => {
    fc.assert(
      fc.property(fc.constantFrom(...leads), fc.integer({ min: 1, max: 12 }), (lead, limit) => {
        const opts = { guessIndustries: kb.guessIndustries };
        const fast = matchLead(lead, kb.k, { ...opts, limit });
        const full = matchLead(lead, kb.k, { ...opts, limit: 10_000, includeExcluded: true });
        const want = full.results.filter((r) => !r.excluded).slice(0, limit);
        expect(fast.results.map((r) => [r.park.park.id, r.score])).toEqual(want.map((r) => [r.park.park.id, r.score]));
        expect(fast.eligibleCount).toBe(full.eligibleCount);
        expect(fast.excludedCount).toBe(full.excludedCount);
      }),
      { numRuns: 300 },
    );
  });

  it('holds whatever the lead asks: rule words, districts, excluded districts, towns, quantities, weights (property)', () => {
    const seed = demoSeed();
    const terms = seed.positionings.flatMap((p) => p.terms.slice(0, 4));
    const districts = [...new Set(seed.parks.map((p) => p.district))];
    const towns = [...new Set(seed.parks.map((p) => p.town))];
    const weight = fc.option(fc.double({ min: 0, max: 1, noNaN: true }), { nil: undefined });
    const lead: fc.Arbitrary<Lead> = fc.record(
      {
        summary: fc
          .array(fc.constantFrom(...terms, '不涉及铸造', '含电镀工序', '小试阶段使用危化品', '需要一楼', '链主配套', '一些说不清的业务'), {
            minLength: 1,
            maxLength: 3,
          })
          .map((xs) => xs.join('，')),
        floorAreaM2: fc.integer({ min: 100, max: 20_000 }),
        landMu: fc.integer({ min: 1, max: 200 }),
        investmentWan: fc.integer({ min: 0, max: 500_000 }),
        annualOutputWan: fc.integer({ min: 0, max: 500_000 }),
        sourceTown: fc.constantFrom(...towns),
        districts: fc.subarray(districts, { minLength: 1, maxLength: 2 }),
        preferredDistricts: fc.subarray(districts, { minLength: 1, maxLength: 2 }),
        excludedDistricts: fc.subarray(districts, { minLength: 1, maxLength: 1 }),
      },
      { requiredKeys: ['summary'] },
    );
    const weights = fc.record({
      industry: weight,
      space: weight,
      chain: weight,
      efficiency: weight,
      policy: weight,
      location: fc.constant(0.05),
    });
    fc.assert(
      fc.property(lead, weights, fc.integer({ min: 1, max: 8 }), (l, w, limit) => {
        const opts = { guessIndustries: kb.guessIndustries, weights: w };
        const fast = matchLead(l, kb.k, { ...opts, limit });
        const full = matchLead(l, kb.k, { ...opts, limit: 10_000, includeExcluded: true });
        const want = full.results.filter((r) => !r.excluded).slice(0, limit);
        expect(fast.results.map((r) => [r.park.park.id, r.score])).toEqual(want.map((r) => [r.park.park.id, r.score]));
        expect([fast.eligibleCount, fast.excludedCount]).toEqual([full.eligibleCount, full.excludedCount]);
      }),
      { numRuns: 300 },
    );
  });
});
