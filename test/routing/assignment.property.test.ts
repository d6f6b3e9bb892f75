import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { certifies, solveAssignment, type AssignmentInput } from '../../server/domain/routing/assignment.js';
import { greedyOnInstance } from '../../server/domain/routing/greedy.js';

/** Random sparse instances: a few leads, a few spaces, random positive integer weights, no duplicate edges. */
const instance = (maxLeads: number, maxSpaces: number, maxWeight = 1000) =>
  fc.record({ leads: fc.integer({ min: 0, max: maxLeads }), spaces: fc.integer({ min: 0, max: maxSpaces }) }).chain(({ leads, spaces }) =>
    fc
      .uniqueArray(
        fc.record({
          lead: fc.nat(Math.max(0, leads - 1)),
          space: fc.nat(Math.max(0, spaces - 1)),
          weight: fc.integer({ min: 1, max: maxWeight }),
        }),
        {
          selector: (e) => `${e.lead}:${e.space}`,
          maxLength: leads && spaces ? leads * spaces : 0,
        },
      )
      .map((edges): AssignmentInput => ({ leads, spaces, edges })),
  );

/** The true optimum by trying every assignment (tiny instances only). */
function bruteForce(input: AssignmentInput): number {
  const byLead = Array.from({ length: input.leads }, (_, i) => input.edges.filter((e) => e.lead === i));
  const used = new Uint8Array(input.spaces);
  const go = (i: number): number => {
    if (i === input.leads) return 0;
    let best = go(i + 1); // lead i unassigned
    for (const e of byLead[i]!) {
      if (used[e.space]) continue;
      used[e.space] = 1;
      best = Math.max(best, e.weight + go(i + 1));
      used[e.space] = 0;
    }
    return best;
  };
  return go(0);
}

describe('solveAssignment (exact min-cost flow)', () => {
  it('equals the brute-force optimum on every tiny instance', () => {
    fc.assert(
      fc.property(instance(6, 5, 50), (inst) => {
        expect(solveAssignment(inst).total).toBe(bruteForce(inst));
      }),
      { numRuns: 600 },
    );
  });

  it('never gives a space to two leads, and every chosen edge exists', () => {
    fc.assert(
      fc.property(instance(30, 20), (inst) => {
        const r = solveAssignment(inst);
        const seen = new Set<number>();
        r.spaceOf.forEach((j, i) => {
          if (j < 0) return;
          expect(seen.has(j)).toBe(false);
          seen.add(j);
          expect(r.leadOf[j]).toBe(i);
          const e = inst.edges[r.edgeOf[i]!]!;
          expect(e.lead).toBe(i);
          expect(e.space).toBe(j);
        });
      }),
    );
  });

  it('returns duals that certify optimality (feasible on every edge, no gap)', () => {
    fc.assert(
      fc.property(instance(40, 30), (inst) => {
        expect(certifies(inst, solveAssignment(inst))).toBe(true);
      }),
    );
  });

  it('is never worse than first come, first served', () => {
    fc.assert(
      fc.property(instance(40, 25), (inst) => {
        expect(solveAssignment(inst).total).toBeGreaterThanOrEqual(greedyOnInstance(inst).total);
      }),
    );
  });

  it('gives the same plan for the same input', () => {
    fc.assert(
      fc.property(instance(30, 20, 5), (inst) => {
        const a = solveAssignment(inst);
        const b = solveAssignment({ ...inst, edges: inst.edges.map((e) => ({ ...e })) });
        expect(Array.from(b.spaceOf)).toEqual(Array.from(a.spaceOf));
      }),
    );
  });

  it('finds the same optimum whatever order the leads are added in', () => {
    fc.assert(
      fc.property(
        instance(12, 10, 20).chain((inst) =>
          fc
            .shuffledSubarray([...Array(inst.leads).keys()], { minLength: inst.leads, maxLength: inst.leads })
            .map((order) => ({ inst, order })),
        ),
        ({ inst, order }) => {
          expect(solveAssignment({ ...inst, order }).total).toBe(solveAssignment(inst).total);
        },
      ),
    );
  });

  it('beats greedy where first come, first served goes wrong', () => {
    // lead 0 comes first and takes space 0 (10 vs 9); lead 1 can only use space 0 (8)
    const inst: AssignmentInput = {
      leads: 2,
      spaces: 2,
      edges: [
        { lead: 0, space: 0, weight: 10 },
        { lead: 0, space: 1, weight: 9 },
        { lead: 1, space: 0, weight: 8 },
      ],
    };
    expect(greedyOnInstance(inst).total).toBe(10);
    const r = solveAssignment(inst);
    expect(r.total).toBe(17);
    expect(Array.from(r.spaceOf)).toEqual([1, 0]);
  });

  it('rejects non-integer weights and out-of-range edges', () => {
    expect(() => solveAssignment({ leads: 1, spaces: 1, edges: [{ lead: 0, space: 0, weight: 1.5 }] })).toThrow(RangeError);
    expect(() => solveAssignment({ leads: 1, spaces: 1, edges: [{ lead: 0, space: 3, weight: 1 }] })).toThrow(RangeError);
  });
});
