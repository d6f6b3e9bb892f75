/**
 * The baseline the optimal plan is compared with: first come, first served, as CRMs assign leads.
 * Each lead in turn (reporting order) takes its best space that is still free. Pure.
 */
import type { AssignmentInput } from './assignment.js';

export interface Candidate {
  space: number;
  weight: number;
}

export interface GreedyLead {
  /** The lead's best candidates, best first (weight desc, then space asc). */
  top: readonly Candidate[];
  /** Every candidate, best first; asked for only when every `top` space is taken. */
  all?: () => readonly Candidate[];
}

export interface GreedyResult {
  /** Per lead: its space, or −1. */
  spaceOf: Int32Array;
  /** Per lead: the weight it got (0 when unassigned). */
  weightOf: Float64Array;
  total: number;
}

export const byBest = (a: Candidate, b: Candidate) => b.weight - a.weight || a.space - b.space;

export function greedyAssign(leads: readonly GreedyLead[], spaces: number, order: readonly number[]): GreedyResult {
  const taken = new Uint8Array(spaces);
  const spaceOf = new Int32Array(leads.length).fill(-1);
  const weightOf = new Float64Array(leads.length);
  let total = 0;
  const take = (i: number, list: readonly Candidate[]) => {
    for (const c of list) {
      if (c.weight <= 0 || taken[c.space]) continue;
      taken[c.space] = 1;
      spaceOf[i] = c.space;
      weightOf[i] = c.weight;
      total += c.weight;
      return true;
    }
    return false;
  };
  for (const i of order) {
    const l = leads[i]!;
    if (!take(i, l.top) && l.all) take(i, l.all());
  }
  return { spaceOf, weightOf, total };
}

/** The greedy baseline on a plain assignment instance (every edge a candidate). */
export function greedyOnInstance(input: AssignmentInput): GreedyResult {
  const lists: Candidate[][] = Array.from({ length: input.leads }, () => []);
  for (const e of input.edges) lists[e.lead]!.push({ space: e.space, weight: e.weight });
  for (const l of lists) l.sort(byBest);
  return greedyAssign(
    lists.map((top) => ({ top })),
    input.spaces,
    input.order ?? lists.map((_, i) => i),
  );
}
