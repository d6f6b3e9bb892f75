/** The bounded ranking (score in full only the parks that can still be shown) equals scoring every park. */
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { buildKnowledgeBase } from '../../server/search/knowledge-base.js';
import { demoSeed } from '../helpers/app.js';
import { matchLead } from '../../server/domain/match.js';
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
});
