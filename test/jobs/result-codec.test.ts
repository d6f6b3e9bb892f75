/** The compact result form: whatever the result, decoding what was encoded (and renumbered) gives it back exactly. */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createInterner, decodeResult, encodeResult, mapRefs, refsOf } from '../../server/jobs/result-codec.js';
import { createScorer, type RowResult } from '../../server/jobs/score-row.js';
import { syntheticLeads } from '../../scripts/synthetic.js';
import { demoKb, demoSeed } from '../helpers/app.js';

const pick = fc.record({
  parkId: fc.string({ maxLength: 20 }),
  parkName: fc.string({ unit: 'grapheme', maxLength: 20 }),
  district: fc.string({ unit: 'grapheme', maxLength: 6 }),
  score: fc.oneof(
    fc.integer({ min: 0, max: 1000 }).map((n) => n / 10),
    fc.double({ noNaN: true, noDefaultInfinity: true }).map((x) => (x === 0 ? 0 : x)), // -0 is 0 in JSON too
  ),
});
const result: fc.Arbitrary<RowResult> = fc.record({
  best: fc.option(pick, { nil: null }),
  alternatives: fc.array(pick, { maxLength: 4 }),
  reasons: fc.array(fc.string({ unit: 'grapheme', maxLength: 40 }), { maxLength: 12 }),
  exclusions: fc.array(
    fc.record({
      ruleId: fc.string({ maxLength: 12 }),
      reason: fc.string({ unit: 'grapheme', maxLength: 60 }),
      source: fc.string({ unit: 'grapheme', maxLength: 60 }),
      parks: fc.nat(100_000),
    }),
    { maxLength: 4 },
  ),
  eligible: fc.nat(100_000),
  excluded: fc.nat(100_000),
});

/** What the worker and the runner do together: batch-local numbers, then the job's numbers (shifted here). */
function roundTrip(rs: RowResult[], shift: number): RowResult[] {
  const { intern, strings } = createInterner();
  const encoded = rs.map((r) => encodeResult(r, intern));
  const job = new Map<number, string>(strings.map((s, i) => [i + shift, s]));
  return encoded.map((b) => {
    const stored = mapRefs(b, (i) => i + shift);
    const used = new Set<number>();
    refsOf(stored, used);
    for (const id of used) expect(job.has(id)).toBe(true);
    return decodeResult(stored, (id) => job.get(id)!);
  });
}

describe('compact results', () => {
  it('decode(encode(r)) is r, through the renumbering, for any results', () => {
    fc.assert(
      fc.property(fc.array(result, { maxLength: 8 }), fc.nat(1_000_000), (rs, shift) => {
        expect(roundTrip(rs, shift)).toEqual(rs);
      }),
      { numRuns: 300 },
    );
  });

  it('the scorer’s results come back the same, in a small fraction of their JSON size', () => {
    const kb = demoKb();
    const scorer = createScorer(kb.k, kb.guessIndustries);
    const rs = syntheticLeads(demoSeed(), 400, 8).map((l) => scorer.score(l));
    expect(JSON.stringify(roundTrip(rs, 7))).toBe(JSON.stringify(rs));
    const { intern } = createInterner();
    const compact = rs.reduce((n, r) => n + encodeResult(r, intern).length, 0);
    const json = rs.reduce((n, r) => n + Buffer.byteLength(JSON.stringify(r)), 0);
    expect(compact * 4).toBeLessThan(json);
  });

  it('still reads results stored as JSON before the compact form', () => {
    const r: RowResult = { best: null, alternatives: [], reasons: ['x'], exclusions: [], eligible: 0, excluded: 40 };
    const bytes = new TextEncoder().encode(JSON.stringify(r));
    expect(
      decodeResult(
        mapRefs(bytes, () => 99),
        () => 'never',
      ),
    ).toEqual(r);
  });
});
