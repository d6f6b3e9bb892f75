/**
 * 招商一盘棋: one plan for a set of leads across every park (seeds 000 二(二)5, 002 四(一)8).
 *
 * 1. Each open lead is understood and scored against every park once (gates first: a park that
 *    excludes the lead is never a destination; the lead's and the request's districts hold).
 * 2. Leads that state a space need compete for units: the candidate graph (candidates.ts) goes to
 *    the exact solver (assignment.ts), which maximises the total score, then prefers fewer
 *    cross-town moves, then a fixed order. Leads that state no need get their best park, no unit.
 * 3. Pricing: the solver's duals (u, v) are checked against every edge left out of the graph; an edge
 *    with w > u + v could improve the plan, so it is added and the graph solved again. When no edge
 *    is left that could help, the duals are feasible for the full graph: the plan is optimal over
 *    every admissible (lead, unit) pair, not just over the candidates.
 * 4. The greedy baseline (first come, first served) runs on the same edges for comparison.
 * 5. Every lead is placed with reasons, or unassigned with one (banned — naming the rule, no eligible
 *    park, no fitting unit, out-competed — naming who took the units).
 * Pure: the same leads and knowledge give the same plan.
 */
import type { Knowledge } from '../knowledge.js';
import { isOpenStage } from '../pipeline.schema.js';
import { solveAssignment, type AssignmentEdge } from './assignment.js';
import { greedyAssign, type GreedyLead } from './greedy.js';
import {
  allCandidates,
  decodeWeight,
  heldEdge,
  registerSpaces,
  sameTown,
  scoreLead,
  tenthsOf,
  topCandidates,
  type Competitor,
  type Edge,
  type EdgeRules,
  type LeadScoring,
  type SpaceRegistry,
} from './candidates.js';
import { currentOf, describeAssignment, explainUnplaced, findConflicts, leadName } from './explain.js';
import { routingReason } from './routing.reasons.js';
import type { Plan, PlanAssignment, PlanLead, PlanOptions, PlanUnassigned } from './plan.types.js';
import { ROUTING } from '../scoring.constants.js';

const byBest = (a: Edge, b: Edge) => b.weight - a.weight || a.space - b.space;
const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** First come, first served: reporting time, then id. */
export function reportingOrder(leads: readonly PlanLead[]): PlanLead[] {
  return [...leads].sort((a, b) => cmp(a.reportedAt, b.reportedAt) || cmp(a.id, b.id));
}

/** Leads understood and scored against every park: the expensive part, done once per plan. */
export interface PreparedLeads {
  count: number;
  open: PlanLead[];
  closed: PlanLead[];
  reg: SpaceRegistry;
  scorings: LeadScoring[];
}

export function prepareLeads(leads: readonly PlanLead[], k: Knowledge, opts: PlanOptions = {}): PreparedLeads {
  const ordered = reportingOrder(leads);
  const open = ordered.filter((l) => isOpenStage(l.stage));
  const closed = ordered.filter((l) => !isOpenStage(l.stage));
  return { count: leads.length, open, closed, reg: registerSpaces(k, open), scorings: open.map((pl) => scoreLead(pl, k, opts)) };
}

export function buildPlan(leads: readonly PlanLead[], k: Knowledge, opts: PlanOptions = {}): Plan {
  return solvePlan(prepareLeads(leads, k, opts), k, opts);
}

/** The plan from prepared leads: candidate graph, exact solve with pricing, baseline, explanations. */
export function solvePlan(prep: PreparedLeads, k: Knowledge, opts: PlanOptions = {}): Plan {
  const { open, closed, reg, scorings } = prep;
  const K = Math.max(1, opts.candidatesPerLead ?? ROUTING.candidatesPerLead);
  const competingIdx = open.flatMap((_, i) => (scorings[i]!.f.need.known ? [i] : []));
  const rules: EdgeRules = {
    n: competingIdx.length,
    minTenths: Math.max(1, Math.round((opts.minScore ?? ROUTING.minScore) * 10)),
    minSpaceFit: opts.minSpaceFit ?? ROUTING.minSpaceFit,
  };
  const town = (i: number) => open[i]!.lead.sourceTown;

  // the candidate graph
  const comps: Competitor[] = competingIdx.map((i) => {
    const s = scorings[i]!;
    const cands = topCandidates(i, s, reg, town(i), rules, K);
    const held = heldEdge(i, s, reg, town(i), rules);
    const edges = [...cands.top];
    if (held && !edges.some((e) => e.space === held.space)) edges.push(held);
    edges.sort(byBest);
    return { lead: i, cands, held, edges, inGraph: new Set(edges.map((e) => e.space)), outsideMax: cands.droppedMax };
  });

  // solve, then price what was left out until nothing left out could help
  let pricingRounds = 0;
  let addedEdges = 0;
  let solved = solveComps(comps, reg);
  for (;;) {
    let added = 0;
    comps.forEach((c, a) => {
      if (c.outsideMax <= solved.u[a]!) return; // v ≥ 0: nothing left out can beat u
      const outside = allCandidates(scorings[c.lead]!, reg, town(c.lead), rules).filter((e) => !c.inGraph.has(e.space));
      const better = outside.filter((e) => e.weight > solved.u[a]! + solved.v[e.space]!);
      const take = pricingRounds < 8 ? better.slice(0, 2 * K) : better;
      for (const e of take) {
        c.edges.push(e);
        c.inGraph.add(e.space);
      }
      if (take.length) c.edges.sort(byBest);
      added += take.length;
      c.outsideMax = outside.find((e) => !c.inGraph.has(e.space))?.weight ?? 0;
    });
    if (!added) break;
    addedEdges += added;
    pricingRounds++;
    solved = solveComps(comps, reg);
  }

  // the baseline: first come, first served over the same edges
  const greedy = greedyAssign(
    comps.map((c) => greedyLead(c, scorings[c.lead]!, reg, town(c.lead), rules)),
    reg.slots.length,
    comps.map((_, a) => a),
  );

  const assignments: PlanAssignment[] = [];
  const unassigned: PlanUnassigned[] = closed.map((pl) => ({
    leadId: pl.id,
    leadName: leadName(pl),
    code: 'notOpen',
    reason: routingReason('unassigned.notOpen', { stage: pl.stage }),
    rules: [],
    current: currentOf(pl),
  }));
  let totalTenths = 0;
  let baseTenths = 0;
  let baseAssigned = 0;
  let baseCross = 0;
  const holderOf = new Map<number, number>(); // slot → open lead index
  comps.forEach((c, a) => {
    const j = solved.spaceOf[a]!;
    if (j >= 0) holderOf.set(j, c.lead);
  });
  const compOf = new Map(comps.map((c, a) => [c.lead, a]));

  open.forEach((pl, i) => {
    const s = scorings[i]!;
    const a = compOf.get(i);
    if (a === undefined) {
      // no space need: the best park, no unit (parks have room for a lead that takes no unit)
      const p = bestPark(s, k, pl.lead.sourceTown, rules.minTenths);
      if (p < 0) {
        unassigned.push(explainUnplaced(pl, s, k, opts, null, reg, holderOf, open));
        return;
      }
      const tenths = tenthsOf(s.score[p]!);
      totalTenths += tenths;
      baseTenths += tenths;
      baseAssigned++;
      if (!sameTown(pl.lead.sourceTown, k.parks[p]!.park.town)) baseCross++;
      assignments.push(describeAssignment(pl, s, k, p, null, tenths, reg, holderOf, open, null));
      return;
    }
    const c = comps[a]!;
    const gj = greedy.spaceOf[a]!;
    if (gj >= 0) {
      const g = decodeWeight(greedy.weightOf[a]!, rules);
      baseTenths += g.tenths;
      baseAssigned++;
      if (g.crossTown) baseCross++;
    }
    const e = solved.edgeOf[a]!;
    if (e < 0) {
      unassigned.push(explainUnplaced(pl, s, k, opts, c, reg, holderOf, open));
      return;
    }
    const edge = solved.edges[e]!;
    const { tenths } = decodeWeight(edge.weight, rules);
    totalTenths += tenths;
    const slot = reg.slots[edge.space]!;
    assignments.push(describeAssignment(pl, s, k, slot.park.idx, edge.space, tenths, reg, holderOf, open, c));
  });

  const conflicts = findConflicts(comps, reg, open, holderOf);
  const crossTown = assignments.filter((x) => x.crossTown).length;
  return {
    assignments,
    unassigned,
    totalScore: totalTenths / 10,
    baseline: { totalScore: baseTenths / 10, assigned: baseAssigned, crossTown: baseCross },
    conflicts,
    stats: {
      leads: prep.count,
      competing: comps.length,
      candidateEdges: comps.reduce((n, c) => n + c.edges.length, 0),
      pricingRounds,
      addedEdges,
      crossTown,
      exact: true,
    },
  };
}

function solveComps(comps: Competitor[], reg: SpaceRegistry) {
  const edges: AssignmentEdge[] = [];
  comps.forEach((c, a) => {
    for (const e of c.edges) edges.push({ lead: a, space: e.space, weight: e.weight });
  });
  const r = solveAssignment({ leads: comps.length, spaces: reg.slots.length, edges });
  return { ...r, edges: edges.map((e) => ({ space: e.space, weight: e.weight })) };
}

/** Greedy sees the same edges: its top list must be a true prefix of everything the lead could take. */
function greedyLead(c: Competitor, s: LeadScoring, reg: SpaceRegistry, town: string | undefined, rules: EdgeRules): GreedyLead {
  const top = [...c.cands.top];
  const complete = c.cands.droppedMax === 0;
  if (c.held && (complete || top.length === 0 || c.held.weight >= top[top.length - 1]!.weight)) {
    top.push(c.held);
    top.sort(byBest);
  }
  return {
    top,
    all: () => {
      const all = allCandidates(s, reg, town, rules);
      if (c.held) all.push(c.held);
      return all.sort(byBest);
    },
  };
}

function bestPark(s: LeadScoring, k: Knowledge, sourceTown: string | undefined, minTenths: number): number {
  let best = -1;
  let bestKey = -1;
  for (const p of s.eligible) {
    const t = tenthsOf(s.score[p]!);
    if (t < minTenths) break; // eligible is sorted by score
    const key = t * 2 + (sameTown(sourceTown, k.parks[p]!.park.town) ? 1 : 0);
    if (key > bestKey) {
      bestKey = key;
      best = p;
    }
  }
  return best;
}
