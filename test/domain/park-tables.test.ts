/** The flat park tables and park sets ranking reads agree with the parks' own records. */
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { compileKnowledge, HOT, withPark, type Knowledge } from '../../server/domain/knowledge.js';
import { understandLead } from '../../server/domain/lead.features.js';
import { spaceAt, spaceBound, spaceScore } from '../../server/domain/factors/space.factor.js';
import { policyAt, policyScore } from '../../server/domain/factors/policy.factor.js';
import { efficiencyAt, efficiencyScore } from '../../server/domain/factors/efficiency.factor.js';
import { locationScore, wantedParks } from '../../server/domain/factors/location.factor.js';
import { chainAt, leadChainParks, walkChain } from '../../server/domain/factors/chain.factor.js';
import { FACTORS } from '../../server/domain/factors/index.js';
import { rankSpaces } from '../../server/domain/factors/space.factor.js';
import { countBoth, firstBoth, forEachOutside, inSet, setOf } from '../../server/domain/park-sets.js';
import type { Lead } from '../../server/domain/lead.schema.js';
import { scaleParks } from '../../scripts/synthetic.js';
import { demoSeed } from '../helpers/app.js';

const seed = demoSeed();
const k = compileKnowledge(scaleParks(seed, 90));
const P = k.taxonomy.positionings.length;
const districts = [...new Set(seed.parks.map((p) => p.district))];
const towns = [...new Set(seed.parks.map((p) => p.town))];
const lead: fc.Arbitrary<Lead> = fc.record(
  {
    summary: fc.constantFrom(...seed.positionings.flatMap((p) => p.terms.slice(0, 3))),
    floorAreaM2: fc.integer({ min: 50, max: 30_000 }),
    landMu: fc.integer({ min: 1, max: 300 }),
    investmentWan: fc.integer({ min: 1, max: 500_000 }),
    annualOutputWan: fc.integer({ min: 1, max: 500_000 }),
    annualTaxWan: fc.integer({ min: 1, max: 50_000 }),
    spaceType: fc.constantFrom('factory', 'rnd', 'office', 'land'),
    minClearHeightM: fc.integer({ min: 3, max: 15 }),
    groundFloorOnly: fc.boolean(),
    sourceTown: fc.constantFrom(...towns, '某个不存在的镇'),
    preferredDistricts: fc.subarray(districts, { minLength: 1, maxLength: 2 }),
  },
  { requiredKeys: ['summary'] },
);

describe('flat park tables', () => {
  it('space bound is never below the best unit fit; policy, efficiency and location from the tables equal the per-park scores (property)', () => {
    fc.assert(
      fc.property(lead, (l) => {
        const f = understandLead(l, k);
        const wanted = wantedParks(f, k);
        for (const cp of k.parks) {
          const at = cp.idx * HOT.stride;
          expect(spaceBound(f.need, k.hot, at)).toBeGreaterThanOrEqual(spaceScore(f, cp) ?? 0);
          expect(spaceAt(f.need, k.hot, k.units, at)).toBe(spaceScore(f, cp) ?? 0);
          expect(policyAt(f, k.hot[at + HOT.shareTarget]!, k.aff, cp.idx * P)).toBe(policyScore(f, cp));
          expect(efficiencyAt(f, k.hot, at + HOT.standards)).toBe(efficiencyScore(f, cp));
          expect(locationScore(f, cp) === 1).toBe(inSet(wanted, cp.idx));
        }
      }),
      { numRuns: 150 },
    );
  });

  it('every factor, defined once: explain gives the score `at` gives; at ≤ bound ≤ cap ≤ max; unrelated parks ≤ unrelatedMax (property)', () => {
    const chainWords = seed.chains.flatMap((c) => c.nodes.flatMap((n) => n.terms.slice(0, 1)));
    fc.assert(
      fc.property(lead, fc.option(fc.constantFrom(...chainWords), { nil: undefined }), (l, chainWord) => {
        const f = understandLead(chainWord ? { ...l, summary: `${l.summary}，${chainWord}` } : l, k);
        for (const def of FACTORS) {
          const known = def.known(f);
          const part = known ? def.prepare(f, k) : null;
          for (const cp of k.parks) {
            const explained = def.explain(part, f, k, cp, { spaces: rankSpaces(cp, f.need, 3) });
            expect(explained.key).toBe(def.key);
            if (!known) {
              expect(explained.score).toBeNull();
              continue;
            }
            const at = def.at(part, f, k, cp.idx);
            expect(explained.score).toBe(at);
            const bound = def.bound ? def.bound(part, f, k, cp.idx) : at;
            expect(bound).toBeGreaterThanOrEqual(at);
            expect(def.cap(part, f, cp.has, cp.idx)).toBeGreaterThanOrEqual(bound);
            expect(def.max).toBeGreaterThanOrEqual(def.cap(part, f, cp.has, cp.idx));
            const related = cp.leading.length > 0 && f.industries.some((li) => cp.affValue[li.idx]! > 0);
            if (!related) expect(at).toBeLessThanOrEqual(def.unrelatedMax);
          }
        }
      }),
      { numRuns: 60 },
    );
  });

  it('the chain score from the lead’s chain park sets equals the chain walk in every park (property)', () => {
    // chain words from every link, the chains' names and the 链主 companies, alone or combined
    const words = [
      ...seed.chains.flatMap((c) => [c.name, ...c.nodes.flatMap((n) => n.terms.slice(0, 2)), ...c.leaders.map((l) => l.company)]),
      '监护仪',
      '一些说不清的业务',
    ];
    let reached = 0;
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...words), { minLength: 1, maxLength: 3 }), (xs) => {
        const f = understandLead({ summary: xs.join('，') }, k);
        const lc = leadChainParks(f, k);
        for (const cp of k.parks) {
          const walked = walkChain(f, cp, k).score;
          expect(lc === null ? null : chainAt(lc, cp.idx)).toBe(walked);
          if (walked) reached++;
        }
      }),
      { numRuns: 300 },
    );
    expect(reached).toBeGreaterThan(0); // the words do reach parks: the property is not about zeros only
  });

  it('the per-park arrays ranking reads (undecided industry, tie-break order) agree with the parks, also after a park’s positioning changes', () => {
    const agree = (kk: Knowledge) => {
      for (const cp of kk.parks) {
        expect(inSet(kk.lists.undeterminedSet, cp.idx)).toBe(cp.leading.length === 0);
        expect(kk.lists.order[cp.idx]).toBe(cp.order);
      }
      expect([...kk.lists.undetermined]).toEqual(kk.parks.filter((cp) => cp.leading.length === 0).map((cp) => cp.idx));
    };
    agree(k);
    const input = scaleParks(seed, 90);
    const decided = input.parks.find((p) => p.leadingIndustries.length > 0)!;
    const undecided = withPark(k, input, { ...decided, leadingIndustries: [] });
    expect(inSet(undecided.lists.undeterminedSet, undecided.parkById.get(decided.id)!.idx)).toBe(true);
    agree(undecided);
    const back = withPark(undecided, input, decided);
    expect(inSet(back.lists.undeterminedSet, back.parkById.get(decided.id)!.idx)).toBe(false);
    agree(back);
  });

  it('park sets count, find and walk exactly the parks a plain loop does (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 200 }),
        fc.array(fc.boolean(), { minLength: 400, maxLength: 400 }),
        fc.option(fc.array(fc.boolean(), { minLength: 200, maxLength: 200 }), { nil: null }),
        (n, bits, scopeBits) => {
          const out = setOf(n, (i) => bits[i]!);
          const scope = scopeBits ? setOf(n, (i) => scopeBits[i]!) : null;
          const inScope = (i: number) => !scopeBits || scopeBits[i]!;
          const plain = [...Array(n).keys()];
          expect(countBoth(out, scope)).toBe(plain.filter((i) => bits[i] && inScope(i)).length);
          expect(firstBoth(out, scope)).toBe(plain.find((i) => bits[i] && inScope(i)) ?? -1);
          const walked: number[] = [];
          forEachOutside(out, scope, n, (i) => walked.push(i));
          expect(walked).toEqual(plain.filter((i) => !bits[i] && inScope(i)));
        },
      ),
      { numRuns: 300 },
    );
  });
});
