/**
 * The candidate graph of a routing plan: which (lead, space) pairs are allowed and what each is worth.
 *
 * A lead may take a unit only in a park whose gates admit it (scoreParts: excluded = false), within the
 * lead's and the request's districts, and only a unit that serves its need (fit ≥ minSpaceFit). The
 * value of lead L in park p with unit s is the match score with that unit in place of the park's best
 * one: `score + 100 × spaceWeight × (fit(s) − bestSpaceFit)`, in tenths of a point (the scale the
 * API shows), so totals are exact integers. Ties prefer a landing in the reporting town, then a lead
 * staying in the unit it already holds: the solver's weight encodes the three goals lexicographically
 * (`weightOf`), so one tenth of a point outweighs every cross-town move together, and so on.
 *
 * Per lead only the best K edges go to the solver (parks in score order; a park's best unit is worth
 * its score, so the scan stops once no park left can beat the K-th edge). `droppedMax` bounds what was
 * left out, so the plan can prove afterwards that nothing left out would have helped (see plan.ts).
 */
import type { CompiledPark, Knowledge } from '../knowledge.js';
import { understandLead, type LeadFeatures, type UnderstandOptions } from '../lead.features.js';
import { scoreParts } from '../match.js';
import { fitSpace } from '../factors/space.factor.js';
import type { SpaceSeed } from '../space.schema.js';
import type { PlanLead } from './plan.types.js';

export interface SpaceSlot {
  space: SpaceSeed;
  park: CompiledPark;
  /** Lead index this slot is reserved for (its own held space), or −1 for vacant units open to all. */
  onlyFor: number;
}

/** Every unit the plan may hand out: the vacancy of the knowledge base, then spaces leads already hold. */
export interface SpaceRegistry {
  slots: SpaceSlot[];
  /** Slots [offset[p], offset[p + 1]) are the vacant units of park p (by CompiledPark.idx); offset has one entry per park plus the end. */
  offset: Int32Array;
  /** Per lead: the slot of the space it holds, or −1. */
  heldSlot: Int32Array;
}

export function registerSpaces(k: Knowledge, leads: readonly PlanLead[]): SpaceRegistry {
  const slots: SpaceSlot[] = [];
  const offset = new Int32Array(k.parks.length + 1);
  const byId = new Map<string, number>();
  for (const cp of k.parks) {
    offset[cp.idx] = slots.length;
    for (const space of cp.spaces) {
      byId.set(space.id, slots.length);
      slots.push({ space, park: cp, onlyFor: -1 });
    }
  }
  offset[k.parks.length] = slots.length;
  const heldSlot = new Int32Array(leads.length).fill(-1);
  leads.forEach((l, i) => {
    const held = l.current?.space;
    if (!held) return;
    const known = byId.get(held.id);
    if (known !== undefined) heldSlot[i] = known;
    else {
      const park = k.parkById.get(held.parkId);
      if (!park) return;
      heldSlot[i] = slots.length;
      slots.push({ space: held, park, onlyFor: i });
    }
  });
  return { slots, offset, heldSlot };
}

export interface ScopeOptions {
  districts?: readonly string[];
  excludedDistricts?: readonly string[];
}

/** A lead understood and scored against every park once; edges are priced from these numbers. */
export interface LeadScoring {
  f: LeadFeatures;
  /** Effective weight of the space factor (0: the lead states no space need). */
  spaceWeight: number;
  /** Per park (CompiledPark.idx): match score, NaN when out of scope or excluded. */
  score: Float64Array;
  /** Per park: fit of its best vacant unit. */
  best: Float64Array;
  /** Eligible parks in scope, best first (score desc, then park id order). */
  eligible: Int32Array;
  /** Parks in scope that exclude the lead. */
  excluded: number[];
  inScope: number;
}

export function scoreLead(pl: PlanLead, k: Knowledge, opts: UnderstandOptions & ScopeOptions): LeadScoring {
  const f = understandLead(pl.lead, k, opts);
  const only = opts.districts?.length ? new Set(opts.districts) : null;
  const not = new Set(opts.excludedDistricts ?? []);
  const score = new Float64Array(k.parks.length).fill(NaN);
  const best = new Float64Array(k.parks.length);
  const eligible: number[] = [];
  const excluded: number[] = [];
  let spaceWeight = 0;
  let inScope = 0;
  for (const p of scoreParts(f, k)) {
    const d = p.park.park.district;
    if ((only && !only.has(d)) || not.has(d)) continue;
    inScope++;
    spaceWeight = p.spaceWeight;
    if (p.excluded) {
      excluded.push(p.park.idx);
      continue;
    }
    score[p.park.idx] = p.score;
    best[p.park.idx] = p.bestSpaceFit;
    eligible.push(p.park.idx);
  }
  return { f, spaceWeight, score, best, eligible: sortByScore(eligible, score, k), excluded, inScope };
}

const ORDER_BITS = 2 ** 21;

/** Parks best first (score desc, then id order), sorted as numbers: (1000 − tenths) · 2²¹ + order. */
function sortByScore(parks: number[], score: Float64Array, k: Knowledge): Int32Array {
  const byOrder = new Int32Array(k.parks.length);
  for (const cp of k.parks) byOrder[cp.order] = cp.idx;
  const keys = new Float64Array(parks.length);
  parks.forEach((p, i) => (keys[i] = (1000 - tenthsOf(score[p]!)) * ORDER_BITS + k.parks[p]!.order));
  keys.sort();
  return Int32Array.from(keys, (x) => byOrder[x % ORDER_BITS]!);
}

/** Same town as the reporting town (the location factor's reading: either name contains the other). */
export function sameTown(sourceTown: string | undefined | null, parkTown: string): boolean {
  if (!sourceTown) return true;
  return parkTown.includes(sourceTown) || sourceTown.includes(parkTown);
}

export interface EdgeRules {
  /** The number of competing leads: it sizes the lexicographic weights. */
  n: number;
  minTenths: number;
  minSpaceFit: number;
}

export interface Edge {
  space: number;
  weight: number;
}

export const tenthsOf = (score: number) => Math.round(Math.min(100, Math.max(0, score)) * 10);

/**
 * One integer for three goals in order: score (tenths), then fewer cross-town moves, then keeping a
 * lead in the unit it holds. With n leads, B = n + 1 outweighs every keep together and A = B² every
 * cross-town move and keep together, so maximising the sum maximises the score first, and so on.
 */
export function weightOf(tenths: number, crossTown: boolean, keeps: boolean, r: EdgeRules): number {
  const B = r.n + 1;
  return tenths * B * B - (crossTown ? B : 0) + (keeps ? 1 : 0);
}

/** Score tenths, cross-town and keep back from a weight. */
export function decodeWeight(w: number, r: EdgeRules): { tenths: number; crossTown: boolean; keeps: boolean } {
  const B = r.n + 1;
  const tenths = Math.round(w / (B * B));
  const rest = w - tenths * B * B; // one of −B, −B + 1, 0, 1
  return { tenths, crossTown: rest < 0, keeps: rest === 1 || rest === 1 - B };
}

/** The weight of lead `s` on slot `slot`, or 0 when the unit cannot serve it. */
export function edgeWeight(s: LeadScoring, slot: SpaceSlot, sourceTown: string | undefined, r: EdgeRules): { weight: number; fit: number } {
  const p = slot.park.idx;
  const parkScore = s.score[p]!;
  if (Number.isNaN(parkScore)) return { weight: 0, fit: 0 };
  const fit = fitSpace(slot.space, s.f.need);
  if (fit < r.minSpaceFit) return { weight: 0, fit };
  const tenths = tenthsOf(parkScore + 100 * s.spaceWeight * (fit - s.best[p]!));
  if (tenths < r.minTenths) return { weight: 0, fit };
  return { weight: weightOf(tenths, !sameTown(sourceTown, slot.park.park.town), false, r), fit };
}

const byBest = (a: Edge, b: Edge) => b.weight - a.weight || a.space - b.space;

export interface LeadCandidates {
  /** The best edges, best first (at most K, plus the lead's held space). */
  top: Edge[];
  /** An upper bound on every edge left out of `top` (0: `top` is every edge the lead has). */
  droppedMax: number;
  /** How many units serve the need (fit ≥ minSpaceFit) in eligible parks, whatever their score. */
  fitting: number;
}

/** The K best edges of lead `i`, scanning parks best first and stopping when no park left can compete. */
export function topCandidates(
  i: number,
  s: LeadScoring,
  reg: SpaceRegistry,
  sourceTown: string | undefined,
  r: EdgeRules,
  K: number,
): LeadCandidates {
  let buf: Edge[] = [];
  let droppedMax = 0;
  let fitting = 0;
  const trim = () => {
    buf.sort(byBest);
    if (buf.length > K) {
      droppedMax = Math.max(droppedMax, buf[K]!.weight);
      buf = buf.slice(0, K);
    }
  };
  for (const p of s.eligible) {
    if (buf.length >= K) {
      // a park's best unit is worth its score: no unit here or in any later park can beat the K-th edge
      // (the K-th best so far: the buffer sorted first, not the K-th pushed)
      trim();
      const bound = weightOf(tenthsOf(s.score[p]!), false, false, r);
      if (bound < buf[K - 1]!.weight) {
        droppedMax = Math.max(droppedMax, bound);
        break;
      }
    }
    for (let j = reg.offset[p]!; j < reg.offset[p + 1]!; j++) {
      const { weight, fit } = edgeWeight(s, reg.slots[j]!, sourceTown, r);
      if (fit >= r.minSpaceFit) fitting++;
      if (weight > 0) buf.push({ space: j, weight });
    }
    if (buf.length >= 2 * K) trim();
  }
  trim();
  const held = heldEdge(i, s, reg, sourceTown, r);
  if (held && !buf.some((e) => e.space === held.space)) {
    buf.push(held);
    buf.sort(byBest);
  }
  return { top: buf, droppedMax, fitting };
}

/** The space a lead already holds stays open to it (and only to it), whatever its rank or fit, while its park admits it. */
export function heldEdge(i: number, s: LeadScoring, reg: SpaceRegistry, sourceTown: string | undefined, r: EdgeRules): Edge | null {
  const j = reg.heldSlot[i]!;
  if (j < 0) return null;
  const slot = reg.slots[j]!;
  const p = slot.park.idx;
  if (Number.isNaN(s.score[p]!)) return null;
  const fit = fitSpace(slot.space, s.f.need);
  const tenths = Math.max(1, tenthsOf(s.score[p]! + 100 * s.spaceWeight * (fit - s.best[p]!)));
  return { space: j, weight: weightOf(tenths, !sameTown(sourceTown, slot.park.park.town), true, r) };
}

/** Every vacant-unit edge of a lead, best first (to price what was left out, and for the greedy fallback). */
export function allCandidates(s: LeadScoring, reg: SpaceRegistry, sourceTown: string | undefined, r: EdgeRules): Edge[] {
  const out: Edge[] = [];
  for (const p of s.eligible) {
    for (let j = reg.offset[p]!; j < reg.offset[p + 1]!; j++) {
      const { weight } = edgeWeight(s, reg.slots[j]!, sourceTown, r);
      if (weight > 0) out.push({ space: j, weight });
    }
  }
  return out.sort(byBest);
}

/** A lead that competes for units, and its edges in the graph the solver sees. */
export interface Competitor {
  /** Index into the open leads. */
  lead: number;
  cands: LeadCandidates;
  held: Edge | null;
  /** Edges the solver sees (top ∪ held ∪ added by pricing), by space. */
  inGraph: Set<number>;
  edges: Edge[];
  /** An upper bound on the edges still outside the solver's graph (0: none). */
  outsideMax: number;
}
