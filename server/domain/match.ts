/**
 * Scoring a lead against the parks. The lead is understood once; what follows from it alone — the
 * rules it fires, the parks those rules rule out (one bitset), the factor weights — is worked out
 * once (`leadContext`), together with the parks its chain evidence reaches and the parks where it
 * wants to be (bitsets). Parks get a fast numeric score read from those sets and the knowledge's flat
 * tables, and only the parks that will be shown are explained in full (reasons, flags, best spaces)
 * by the per-park factor functions; the table readings equal the per-park ones (property-tested in
 * test/domain/park-tables.test.ts), so the numbers agree.
 * Ranking does not score every park: it walks the parks related to the lead's industries best
 * affinity first and stops when no park left could still be shown (`topEligible`); the result is
 * exactly what scoring every park would give (property-tested).
 * Excluded parks score 0 and rank after every eligible park. Deterministic: ties break on the
 * industry factor, then on park id.
 */
import { HOT, PARK_HAS, type CompiledPark, type Knowledge } from './knowledge.js';
import { understandLead, type LeadFeatures, type UnderstandOptions } from './lead.features.js';
import { FACTOR_KEYS, type FactorKey, type Lead, type WeightsInput } from './lead.schema.js';
import { evaluateGates, leadRules, ruledOut, thresholdValue, type Exclusion, type Flag, type LeadRules } from './gates.js';
import { addAll, countBoth, emptySet, forEachOutside, inSet, type ParkSet } from './park-sets.js';
import { resolveWeights, type Weights } from './weights.js';
import { reason, type Reason } from './reasons.js';
import type { FactorResult } from './factors/factor.js';
import { industryFactor, industryScore, UNDETERMINED } from './factors/industry.factor.js';
import { chainAt, chainFactor, leadChainParks, type LeadChainParks } from './factors/chain.factor.js';
import { rankSpaces, spaceAt, spaceBound, spaceFactor, type SpaceFit } from './factors/space.factor.js';
import { efficiencyAt, efficiencyFactor } from './factors/efficiency.factor.js';
import { POLICY_UNRELATED_MAX, policyAt, policyFactor } from './factors/policy.factor.js';
import { locationFactor, locationOf, wantedParks } from './factors/location.factor.js';

export interface MatchOptions extends UnderstandOptions {
  weights?: WeightsInput;
  /** How many results to return (eligible first). */
  limit?: number;
  includeExcluded?: boolean;
  spacesPerPark?: number;
}

export interface ScoredFactor {
  key: FactorKey;
  /** 0..1; 0 when unknown. */
  score: number;
  /** Effective weight: 0 for an unknown factor; the known ones sum to 1. */
  weight: number;
  known: boolean;
  reasons: Reason[];
}

export interface ParkResult {
  park: CompiledPark;
  /** 0..100, one decimal. */
  score: number;
  excluded: boolean;
  exclusions: Exclusion[];
  flags: Flag[];
  factors: ScoredFactor[];
  spaces: SpaceFit[];
}

export interface MatchOutcome {
  features: LeadFeatures;
  weights: Weights;
  results: ParkResult[];
  eligibleCount: number;
  excludedCount: number;
  /** Lead-level flags (unknown data, negations read, currency conversion), also attached to each result. */
  leadFlags: Flag[];
}

/** A park's numeric verdict, computed for every park before any explaining. */
export interface QuickScore {
  park: CompiledPark;
  excluded: boolean;
  score: number;
  industry: number;
}

function leadFlags(f: LeadFeatures): Flag[] {
  const flags: Flag[] = [];
  const sys = '系统提示';
  if (f.industries.length === 0) flags.push({ code: 'industry-unknown', reason: reason('flag.industryUnknown'), source: sys });
  if (f.lead.investmentWan === undefined) flags.push({ code: 'investment-unknown', reason: reason('flag.investmentUnknown'), source: sys });
  if (f.lead.floorAreaM2 === undefined && f.lead.landMu === undefined) flags.push({ code: 'area-unknown', reason: reason('flag.areaUnknown'), source: sys });
  if (f.negatedWords.length) flags.push({ code: 'negation', reason: reason('flag.negated', { words: f.negatedWords.join('、') }), source: sys });
  if (f.usd) flags.push({ code: 'currency-usd', reason: reason('flag.usd', { amount: f.usd.amount, rate: f.usd.rate, wan: f.usd.wan }), source: '配置 USD_CNY_RATE' });
  return flags;
}

/** Which factors the lead gives data for: the same for every park. */
function knownFactors(f: LeadFeatures): Record<FactorKey, boolean> {
  return {
    industry: f.industries.length > 0,
    chain: f.chainNodes.length > 0 || f.leaderRefs.length > 0,
    space: f.need.known,
    efficiency: (['investmentIntensityWanPerMu', 'outputPerMuWan', 'taxPerMuWan'] as const).some((x) => thresholdValue(f, x) !== null),
    policy: f.industries.length > 0,
    location: (f.lead.preferredDistricts?.length ?? 0) > 0 || !!f.lead.sourceTown,
  };
}

/** Effective weights: unknown factors get 0, the known ones are renormalised to sum to 1. */
function effectiveWeights(w: Weights, known: Record<FactorKey, boolean>): Weights {
  const total = FACTOR_KEYS.reduce((s, k) => s + (known[k] ? w[k] : 0), 0);
  if (total === 0) return w;
  const part = (k: FactorKey) => (known[k] ? w[k] / total : 0);
  // one literal, one object shape: the ranking reads these for every park it scores
  return { industry: part('industry'), chain: part('chain'), space: part('space'), efficiency: part('efficiency'), policy: part('policy'), location: part('location') };
}

/** Everything about a lead that does not depend on the park, worked out once per lead. */
export interface LeadContext {
  f: LeadFeatures;
  k: Knowledge;
  /** Requested weights (normalised) and effective weights (unknown factors 0). */
  weights: Weights;
  ew: Weights;
  lr: LeadRules;
  excludedDistricts: ReadonlySet<string>;
  /** The parks the request limits itself to (its districts); null: every park. */
  scope: ParkSet | null;
  /** The parks the lead is ruled out of. */
  out: ParkSet;
  /** The parks the lead's chain evidence reaches (null: no chain information), and the parks where it wants to be (null: no location factor). */
  chain: LeadChainParks | null;
  wanted: ParkSet | null;
  /** How many parks are in scope, and how many of them the lead is not ruled out of. */
  inScope: number;
  eligible: number;
}

export function leadContext(f: LeadFeatures, k: Knowledge, opts: Pick<MatchOptions, 'weights'> = {}): LeadContext {
  const weights = resolveWeights(opts.weights);
  const lr = leadRules(f, k);
  const excludedDistricts = new Set(f.lead.excludedDistricts ?? []);
  let scope: ParkSet | null = null;
  if (f.lead.districts?.length) {
    scope = emptySet(k.parks.length);
    for (const d of f.lead.districts) {
      const parks = k.districtParks.get(d);
      if (parks) addAll(scope, parks);
    }
  }
  const out = ruledOut(lr, k, excludedDistricts);
  const inScope = scope ? countBoth(scope, null) : k.parks.length;
  const ew = effectiveWeights(weights, knownFactors(f));
  const chain = leadChainParks(f, k);
  const wanted = ew.location ? wantedParks(f, k) : null;
  return { f, k, weights, ew, lr, excludedDistricts, scope, out, chain, wanted, inScope, eligible: inScope - countBoth(out, scope) };
}

const isInScope = (c: LeadContext, p: number) => c.scope === null || inSet(c.scope, p);

const round1 = (x: number) => Math.round(x * 10) / 10;

/**
 * Park p's score before rounding, but for its space part: industry at `industry`, and chain,
 * efficiency, policy and location read from the lead's park sets and the knowledge's flat tables.
 * Scores and bounds add the space part to this same sum, so they agree to the last bit.
 */
function sumWithoutSpace(c: LeadContext, p: number, industry: number): number {
  const { f, k, ew } = c;
  const at = p * HOT.stride;
  let s = ew.industry * industry;
  if (ew.chain) s += ew.chain * (c.chain ? chainAt(c.chain, p) : 0);
  if (ew.efficiency) s += ew.efficiency * (efficiencyAt(f, k.hot, at + HOT.standards) ?? 0);
  if (ew.policy) s += ew.policy * (policyAt(f, k.hot[at + HOT.shareTarget]!, k.aff, p * k.taxonomy.positionings.length) ?? 0);
  if (ew.location) s += ew.location * (locationOf(f, inSet(c.wanted!, p)) ?? 0);
  return s;
}

const spaceOf = (c: LeadContext, p: number) => spaceAt(c.f.need, c.k.hot, c.k.units, p * HOT.stride);

/** A score, 0..100 with one decimal, from a park's sum without space and its space fit. */
const scoreOf = (c: LeadContext, rest: number, space: number) => round1(Math.min(100, Math.max(0, (c.ew.space ? rest + c.ew.space * space : rest) * 100)));

/** Park p's numeric verdict. `spaceFit` may be passed when the caller already has it (scoreParts needs the best unit fit). */
function quickScore(c: LeadContext, p: number, spaceFit?: number): QuickScore {
  const cp = c.k.parks[p]!;
  const industry = industryScore(c.f, cp) ?? 0;
  if (inSet(c.out, p)) return { park: cp, excluded: true, score: 0, industry };
  return { park: cp, excluded: false, score: scoreOf(c, sumWithoutSpace(c, p, industry), spaceFit ?? spaceOf(c, p)), industry };
}

export function compareQuick(a: QuickScore, b: QuickScore): number {
  if (a.excluded !== b.excluded) return a.excluded ? 1 : -1;
  return b.score - a.score || b.industry - a.industry || a.park.order - b.park.order;
}

/** Would an eligible park with this score, industry score and order rank before q (compareQuick < 0)? Asked before a park's QuickScore is made. */
const ranksBefore = (score: number, industry: number, order: number, q: QuickScore) =>
  q.excluded || score > q.score || (score === q.score && (industry > q.industry || (industry === q.industry && order < q.park.order)));

/** Inserts x into `top` (sorted by compareQuick, at most n long) if it makes it. */
function offerTop(top: QuickScore[], x: QuickScore, n: number): void {
  if (top.length === n && compareQuick(x, top[n - 1]!) >= 0) return;
  let lo = 0;
  let hi = top.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (compareQuick(top[mid]!, x) <= 0) lo = mid + 1;
    else hi = mid;
  }
  top.splice(lo, 0, x);
  if (top.length > n) top.pop();
}

/** The first `n` of `xs` in compareQuick order, without sorting everything when n is small. */
export function firstN(xs: QuickScore[], n: number): QuickScore[] {
  if (n * 8 >= xs.length) return [...xs].sort(compareQuick).slice(0, n);
  const top: QuickScore[] = [];
  for (const x of xs) offerTop(top, x, n);
  return top;
}

/**
 * Per PARK_HAS bits, the most that policy, efficiency and space can give a park of a lead with known
 * industries (policy 0.5 without a share target; efficiency 0.5 without a standard; space 0 without
 * units, or without land when land is asked), ×100.
 */
function restCaps(c: LeadContext): Float64Array {
  const { ew, f } = c;
  const caps = new Float64Array(16);
  for (let has = 0; has < 16; has++) {
    const space = !(has & PARK_HAS.units) || (f.need.landMu !== null && !(has & PARK_HAS.land)) ? 0 : 1;
    caps[has] = 100 * (ew.policy * (has & PARK_HAS.shareTarget ? 1 : 0.5) + ew.efficiency * (has & PARK_HAS.standard ? 1 : 0.5) + ew.space * space);
  }
  return caps;
}

/** Half a rounding step (scores have one decimal) plus room for floating-point noise. */
const BOUND_SLACK = 0.05 + 1e-6;

/**
 * The best `limit` eligible parks in scope, exactly as scoring every park would rank them, scoring in
 * full only the parks that could still be shown. A park's score is at most its bound: every factor
 * at its value but space, which is at the fit of its largest unit of each kind (spaceBound) — read
 * from the lead's park sets and the knowledge's flat tables. With the lead's
 * industries known, parks are visited best industry fit first (the per-positioning lists merged), so
 * once even a perfect rest cannot lift the next fit to the last shown score the walk stops; parks of
 * undecided industry (fixed fit) and parks unrelated to the lead (fit 0) are visited only if they
 * still could be shown. Without industries, parks are scored best bound first.
 */
export function topEligible(c: LeadContext, limit: number): QuickScore[] {
  const { f, k, ew } = c;
  const top: QuickScore[] = [];
  if (limit <= 0 || c.eligible === 0) return top;
  const { scope, out } = c;
  /** The last shown score once `limit` parks are shown: a park must reach it (less the slack) to be scored. */
  let kth = -Infinity;
  /** Park p at this industry fit, sum without space and space fit: into the top if it makes it (its QuickScore is made only then). */
  const offer = (p: number, fit: number, rest: number, space: number) => {
    const score = scoreOf(c, rest, space);
    if (top.length === limit && !ranksBefore(score, fit, k.parks[p]!.order, top[limit - 1]!)) return;
    offerTop(top, { park: k.parks[p]!, excluded: false, score, industry: fit }, limit);
    if (top.length === limit) kth = top[limit - 1]!.score - BOUND_SLACK;
  };
  const perfectRest = 100 * (ew.space + ew.chain + ew.location + ew.efficiency);
  /** Can a park with this industry fit and a perfect rest still be shown? (policy at most `policy`) */
  const reachable = (fit: number, policy = 1) => 100 * ew.industry * fit + perfectRest + 100 * ew.policy * policy >= kth;
  // a park's bound and score read the lead's park sets and the knowledge's flat tables, not the park's objects
  const bound = (p: number, rest: number) => 100 * (ew.space ? rest + ew.space * spaceBound(f.need, k.hot, p * HOT.stride) : rest);
  const consider = (p: number, fit: number) => {
    if ((scope !== null && !inSet(scope, p)) || inSet(out, p)) return;
    const rest = sumWithoutSpace(c, p, fit);
    if (bound(p, rest) >= kth) offer(p, fit, rest, spaceOf(c, p));
  };

  if (f.industries.length === 0 || ew.industry === 0) {
    const cand: { p: number; fit: number; rest: number; b: number }[] = [];
    forEachOutside(out, scope, k.parks.length, (p) => {
      const fit = industryScore(f, k.parks[p]!) ?? 0;
      const rest = sumWithoutSpace(c, p, fit);
      cand.push({ p, fit, rest, b: bound(p, rest) });
    });
    cand.sort((a, b) => b.b - a.b || k.parks[a.p]!.order - k.parks[b.p]!.order);
    for (const { p, fit, rest, b } of cand) {
      if (b < kth) break;
      offer(p, fit, rest, spaceOf(c, p));
    }
    return top;
  }

  // merge the lead's industry lists, best fit first; a park is seen first at its best fit
  const seen = new Uint8Array(k.parks.length);
  const n = f.industries.length;
  const parks = f.industries.map((li) => k.lists.parks[li.idx]!);
  const affs = f.industries.map((li) => k.lists.aff[li.idx]!);
  const hass = f.industries.map((li) => k.lists.has[li.idx]!);
  const capOf = restCaps(c);
  const strength = Float64Array.from(f.industries, (li) => li.strength);
  const at = new Int32Array(n);
  for (;;) {
    let from = -1;
    let fit = 0;
    for (let i = 0; i < n; i++) {
      if (at[i]! === parks[i]!.length) continue;
      const x = strength[i]! * affs[i]![at[i]!]!;
      if (x > fit) {
        fit = x;
        from = i;
      }
    }
    if (from < 0 || !reachable(fit)) break;
    const idx = parks[from]![at[from]!]!;
    const has = hass[from]![at[from]!++]!;
    if (seen[idx]) continue;
    seen[idx] = 1;
    // what the park lacks caps it before its rows are read (chain and location are bit tests)
    const chain = ew.chain && c.chain ? ew.chain * chainAt(c.chain, idx) : 0;
    const location = ew.location ? ew.location * (locationOf(f, inSet(c.wanted!, idx)) ?? 0) : 0;
    if (100 * (ew.industry * fit + chain + location) + capOf[has]! >= kth) consider(idx, fit);
  }
  // parks of undecided or unrelated industry: none of the lead's industries leads there, so policy is at most POLICY_UNRELATED_MAX
  if (reachable(UNDETERMINED, POLICY_UNRELATED_MAX)) for (const idx of k.lists.undetermined) consider(idx, UNDETERMINED);
  if (reachable(0, POLICY_UNRELATED_MAX)) {
    forEachOutside(out, scope, k.parks.length, (p) => {
      const cp = k.parks[p]!;
      if (!seen[p] && cp.leading.length > 0) consider(p, industryScore(f, cp) ?? 0);
    });
  }
  return top;
}

function explain(c: LeadContext, q: QuickScore, spacesPerPark: number, lf: Flag[]): ParkResult {
  const { f, k, ew } = c;
  const cp = q.park;
  const gates = evaluateGates(f, c.lr, cp, k, c.excludedDistricts);
  const spaces = rankSpaces(cp, f.need, spacesPerPark);
  const factors: FactorResult[] = [industryFactor(f, cp, k), chainFactor(f, cp, k), spaceFactor(f, cp, spaces), efficiencyFactor(f, cp), policyFactor(f, cp), locationFactor(f, cp)];
  const flags = [...gates.flags, ...lf];
  if (spaces.some((s) => s.space.source.includes('示例数据'))) flags.push({ code: 'sample-spaces', reason: reason('flag.sampleSpaces'), source: '示例数据' });
  return {
    park: cp,
    score: q.score,
    excluded: q.excluded,
    exclusions: gates.exclusions,
    flags,
    factors: factors.map((x) => ({ key: x.key, score: x.score ?? 0, weight: ew[x.key], known: x.score !== null, reasons: x.reasons })),
    spaces,
  };
}

/** A park's score split so that a solver can price each of its spaces (routing). */
export interface ParkScoreParts {
  park: CompiledPark;
  excluded: boolean;
  /** The park's score with its best-fitting space, 0..100. */
  score: number;
  /** Effective weight of the space factor (0 when the lead states no space need). */
  spaceWeight: number;
  /** Fit of the best vacant unit (0..1). */
  bestSpaceFit: number;
}

/**
 * Every park in scope, unranked, with the parts a solver needs: the score of the lead in park p with
 * unit s is `score + 100 × spaceWeight × (fitSpace(s, features.need) − bestSpaceFit)`.
 */
export function scoreParts(f: LeadFeatures, k: Knowledge, opts: MatchOptions = {}): ParkScoreParts[] {
  const c = leadContext(f, k, opts);
  const out: ParkScoreParts[] = [];
  for (let p = 0; p < k.parks.length; p++) {
    if (!isInScope(c, p)) continue;
    const bestSpaceFit = c.ew.space ? spaceOf(c, p) : 0;
    const q = quickScore(c, p, bestSpaceFit);
    out.push({ park: q.park, excluded: q.excluded, score: q.score, spaceWeight: c.ew.space, bestSpaceFit });
  }
  return out;
}

/** Scores a lead against every park in scope and ranks them. */
export function matchLead(lead: Lead, k: Knowledge, opts: MatchOptions = {}): MatchOutcome {
  return rankFeatures(understandLead(lead, k, opts), k, opts);
}

/** The ranking without explanations: the shown parks' scores and the counts (bulk scoring explains only the best). */
export interface QuickRanking {
  c: LeadContext;
  shown: QuickScore[];
  eligibleCount: number;
  excludedCount: number;
}

export function rankQuick(f: LeadFeatures, k: Knowledge, opts: MatchOptions = {}): QuickRanking {
  const c = leadContext(f, k, opts);
  const limit = opts.limit ?? 10;
  const shown = opts.includeExcluded ? firstN(k.parks.filter((cp) => isInScope(c, cp.idx)).map((cp) => quickScore(c, cp.idx)), limit) : topEligible(c, limit);
  return { c, shown, eligibleCount: c.eligible, excludedCount: c.inScope - c.eligible };
}

/** One shown park explained: factors with reasons, flags, exclusions, best spaces. */
export function explainPark(c: LeadContext, q: QuickScore, spacesPerPark = 3): ParkResult {
  return explain(c, q, spacesPerPark, leadFlags(c.f));
}

/** Ranking from already-understood features. */
export function rankFeatures(f: LeadFeatures, k: Knowledge, opts: MatchOptions = {}): MatchOutcome {
  const r = rankQuick(f, k, opts);
  const lf = leadFlags(f);
  const spacesPerPark = opts.spacesPerPark ?? 3;
  return {
    features: f,
    weights: r.c.weights,
    results: r.shown.map((q) => explain(r.c, q, spacesPerPark, lf)),
    eligibleCount: r.eligibleCount,
    excludedCount: r.excludedCount,
    leadFlags: lf,
  };
}
