/**
 * The impact of a change to the knowledge (a rule, a park's positioning) on the open leads of a
 * jurisdiction (issue 18): each lead is scored against the knowledge before and after, and what
 * changed is reported — the leads newly ruled out of parks (with the rules and clauses), the leads no
 * longer ruled out, the leads whose best park changes, and the placements now at risk (a lead holding a
 * unit in a park that would now exclude it). Pure: the preview worker and the tests call it alike.
 *
 * Cheap where it can be: a lead's best park changes only when the parks it is ruled out of change or
 * when the change touches scoring (`scoring`, a positioning); for a positioning the other parks' scores
 * stay, so the new best is the old best or the changed park unless the old best was the changed park.
 */
import type { Knowledge } from './knowledge.js';
import { understandLead, type LeadFeatures, type UnderstandOptions } from './lead.features.js';
import type { Lead } from './lead.schema.js';
import { exclusionSummary, leadRules, ruledOut } from './gates.js';
import { compareQuick, leadContext, scoreOnePark, topEligible, type LeadContext, type QuickScore } from './match.js';
import { countBoth, emptySet, inSet, type ParkSet } from './park-sets.js';
import { renderReason } from './reasons.js';
import { provenanceOf, type Provenance } from './rule.schema.js';

/** An open lead as the impact reads it: `lead.districts` already narrowed to its jurisdiction. */
export interface ImpactLead {
  id: string;
  name: string | null;
  lead: Lead;
  /** Where it is placed (a held or reserved unit), if anywhere. */
  parkId: string | null;
  spaceId: string | null;
  /** Names this version of the lead (id and when it last changed): a memo keeps its reading under it. */
  key?: string;
}

/**
 * A lead read against the knowledge before (its features, the parks it is ruled out of, its best park
 * once asked), kept by a preview thread between previews of the same knowledge: what a change does not
 * touch is not read or ranked again. The per-park factor preparations (the lead's context) are not
 * kept: they are large and are rebuilt when needed.
 */
export interface BeforeReading {
  f: LeadFeatures;
  out: ParkSet;
  scope: ParkSet | null;
  /** The best eligible park before (null: none), once computed. */
  best?: QuickScore | null;
}
export type ImpactMemo = Map<string, BeforeReading>;

export interface LeadRef {
  id: string;
  name: string | null;
}

/** A rule behind an exclusion, with how many of the lead's parks it rules out. */
export interface ImpactRule {
  ruleId: string;
  rule: string;
  reason: string;
  source: string;
  provenance: Provenance | null;
  parks: number;
}

export interface ParkRef {
  parkId: string;
  parkName: string;
  score: number;
}

export interface Impact {
  /** Open leads considered. */
  leads: number;
  newlyExcluded: (LeadRef & { parks: number; everywhere: boolean; rules: ImpactRule[] })[];
  noLongerExcluded: (LeadRef & { parks: number; rules: ImpactRule[] })[];
  bestParkChanged: { lead: LeadRef; from: ParkRef | null; to: ParkRef | null }[];
  placementsAtRisk: (LeadRef & { parkId: string; parkName: string; spaceId: string | null; rules: ImpactRule[] })[];
}

export interface ImpactChange {
  /** The change touches scores (a park's positioning): parks' scores may move, not only exclusions. */
  scoring: boolean;
  /** For a positioning change: the park whose positioning changed (the other parks score as before). */
  parkId?: string;
  /** Reading a lead is the same before and after (no rule words changed): read once. */
  sameReading: boolean;
}

export const emptyImpact = (): Impact => ({ leads: 0, newlyExcluded: [], noLongerExcluded: [], bestParkChanged: [], placementsAtRisk: [] });

interface Side {
  k: Knowledge;
  f: LeadFeatures;
  out: ParkSet;
  scope: ParkSet | null;
  ctx?: LeadContext;
}

function side(k: Knowledge, f: LeadFeatures): Side {
  const lr = leadRules(f, k);
  const out = ruledOut(lr, k, new Set(f.lead.excludedDistricts ?? []));
  let scope: ParkSet | null = null;
  if (f.lead.districts?.length) {
    scope = emptySet(k.parks.length);
    for (const d of f.lead.districts) {
      const parks = k.districtParks.get(d);
      if (parks) for (let w = 0; w < scope.length; w++) scope[w]! |= parks[w]!;
    }
  }
  return { k, f, out, scope };
}

const ctxOf = (s: Side) => (s.ctx ??= leadContext(s.f, s.k));

/** The parks in scope that `a` rules out and `b` does not. */
function outOnly(a: Side, b: Side): ParkSet {
  const s = emptySet(a.k.parks.length);
  for (let w = 0; w < s.length; w++) s[w] = a.out[w]! & ~b.out[w]! & (a.scope ? a.scope[w]! : -1);
  return s;
}

const isEmpty = (s: ParkSet) => s.every((w) => w === 0);

/** Why the parks of `set` are ruled out on side `s`: one entry per rule. */
function rulesFor(s: Side, set: ParkSet): ImpactRule[] {
  const c = ctxOf(s);
  return exclusionSummary(s.f, c.lr, s.k, c.excludedDistricts, set).map((e) => {
    const r = s.k.rules.find((x) => x.id === e.ruleId);
    return {
      ruleId: e.ruleId,
      rule: r?.name ?? e.ruleId,
      reason: renderReason(e.reason),
      source: e.source,
      provenance: r ? provenanceOf(r) : null,
      parks: e.parks,
    };
  });
}

const parkRef = (q: QuickScore | undefined): ParkRef | null =>
  q ? { parkId: q.park.park.id, parkName: q.park.park.name, score: q.score } : null;

/** The best eligible park after a positioning change, from the best before: the changed park's new score decides unless the best was the changed park. */
function bestAfterPositioning(before: QuickScore | undefined, after: Side, parkIdx: number): QuickScore | undefined {
  if (!before || before.park.idx === parkIdx) return topEligible(ctxOf(after), 1)[0];
  const changed = scoreOnePark(ctxOf(after), parkIdx);
  const kept = { ...before, park: after.k.parks[before.park.idx]! };
  return changed && compareQuick(changed, kept) < 0 ? changed : kept;
}

/** The lead read against the knowledge before: from the memo when it holds this version of it. */
function readBefore(before: Knowledge, l: ImpactLead, opts: UnderstandOptions, memo?: ImpactMemo): { r: BeforeReading; a: Side } {
  const kept = memo && l.key !== undefined ? memo.get(l.key) : undefined;
  if (kept) return { r: kept, a: { k: before, f: kept.f, out: kept.out, scope: kept.scope } };
  const a = side(before, understandLead(l.lead, before, opts));
  const r: BeforeReading = { f: a.f, out: a.out, scope: a.scope };
  if (memo && l.key !== undefined) memo.set(l.key, r);
  return { r, a };
}

const bestBefore = (r: BeforeReading, a: Side): QuickScore | undefined => {
  if (r.best === undefined) r.best = topEligible(ctxOf(a), 1)[0] ?? null;
  return r.best ?? undefined;
};

/**
 * Reads the leads against the knowledge before and ranks their best park, into the memo (a preview
 * thread getting ready: the previews that follow read and rank only what the change touches).
 */
export function primeImpact(before: Knowledge, leads: readonly ImpactLead[], memo: ImpactMemo, opts: UnderstandOptions = {}): void {
  for (const l of leads) {
    const { r, a } = readBefore(before, l, opts, memo);
    bestBefore(r, a);
  }
}

/**
 * The impact of going from knowledge `before` to `after` (the same parks in the same order) on `leads`.
 * Leads that fail to read are skipped (they are counted). With a memo (of this `before` only), a lead
 * read or ranked against `before` earlier is not read or ranked again: the result is the same.
 */
export function computeImpact(
  before: Knowledge,
  after: Knowledge,
  leads: readonly ImpactLead[],
  change: ImpactChange,
  opts: UnderstandOptions = {},
  memo?: ImpactMemo,
): Impact {
  const out = emptyImpact();
  const changedIdx = change.parkId !== undefined ? (before.parkById.get(change.parkId)?.idx ?? -1) : -1;
  for (const l of leads) {
    out.leads++;
    const ref = { id: l.id, name: l.name };
    const { r, a } = readBefore(before, l, opts, memo);
    const f0 = r.f;
    const f1 = change.sameReading ? f0 : understandLead(l.lead, after, opts);
    const b = side(after, f1);
    const added = outOnly(b, a);
    const removed = outOnly(a, b);
    const inScope = b.scope ? countBoth(b.scope, null) : after.parks.length;
    if (!isEmpty(added)) {
      const n = countBoth(added, null);
      out.newlyExcluded.push({ ...ref, parks: n, everywhere: countBoth(b.out, b.scope) >= inScope, rules: rulesFor(b, added) });
    }
    if (!isEmpty(removed)) out.noLongerExcluded.push({ ...ref, parks: countBoth(removed, null), rules: rulesFor(a, removed) });
    const p = l.parkId !== null ? (after.parkById.get(l.parkId)?.idx ?? -1) : -1;
    if (p >= 0 && inSet(added, p)) {
      const only = emptySet(after.parks.length);
      only[p >>> 5]! |= 1 << (p & 31);
      out.placementsAtRisk.push({
        ...ref,
        parkId: l.parkId!,
        parkName: after.parks[p]!.park.name,
        spaceId: l.spaceId,
        rules: rulesFor(b, only),
      });
    }
    if (!change.scoring && isEmpty(added) && isEmpty(removed)) continue; // same parks ruled out, same scores: same best
    const best0 = bestBefore(r, a);
    const best1 =
      change.scoring && changedIdx >= 0 && isEmpty(added) && isEmpty(removed)
        ? bestAfterPositioning(best0, b, changedIdx)
        : topEligible(ctxOf(b), 1)[0];
    if ((best0?.park.park.id ?? null) !== (best1?.park.park.id ?? null))
      out.bestParkChanged.push({ lead: ref, from: parkRef(best0), to: parkRef(best1) });
  }
  return out;
}
