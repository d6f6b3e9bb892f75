/**
 * Scoring a lead against every park. The lead is understood once; the rules it fires are worked out
 * once; then every park gets a fast numeric score (gates by table lookup, factor scores without
 * explanations), and only the parks that will be shown are explained in full (reasons, flags, best
 * spaces). Both paths use the same score functions, so the numbers agree.
 * Excluded parks score 0 and rank after every eligible park. Deterministic: ties break on the
 * industry factor, then on park id.
 */
import type { CompiledPark, Knowledge } from './knowledge.js';
import { understandLead, type LeadFeatures, type UnderstandOptions } from './lead.features.js';
import { FACTOR_KEYS, type FactorKey, type Lead, type WeightsInput } from './lead.schema.js';
import { evaluateGates, isExcluded, leadRules, thresholdValue, type Exclusion, type Flag, type LeadRules } from './gates.js';
import { resolveWeights, type Weights } from './weights.js';
import { reason, type Reason } from './reasons.js';
import type { FactorResult } from './factors/factor.js';
import { industryFactor, industryScore } from './factors/industry.factor.js';
import { chainFactor, chainScore } from './factors/chain.factor.js';
import { rankSpaces, spaceFactor, spaceScore, type SpaceFit } from './factors/space.factor.js';
import { efficiencyFactor, efficiencyScore } from './factors/efficiency.factor.js';
import { policyFactor, policyScore } from './factors/policy.factor.js';
import { locationFactor, locationScore } from './factors/location.factor.js';

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
  return Object.fromEntries(FACTOR_KEYS.map((k) => [k, known[k] ? w[k] / total : 0])) as Weights;
}

const round1 = (x: number) => Math.round(x * 10) / 10;

/** `spaceFit` may be passed when the caller already has the park's best unit fit (scoreParts). */
function quickScore(f: LeadFeatures, lr: LeadRules, cp: CompiledPark, k: Knowledge, ew: Weights, excludedDistricts: ReadonlySet<string>, spaceFit?: number): QuickScore {
  const industry = industryScore(f, cp) ?? 0;
  if (isExcluded(lr, cp, excludedDistricts)) return { park: cp, excluded: true, score: 0, industry };
  let s = ew.industry * industry;
  if (ew.chain) s += ew.chain * (chainScore(f, cp, k) ?? 0);
  if (ew.space) s += ew.space * (spaceFit ?? spaceScore(f, cp) ?? 0);
  if (ew.efficiency) s += ew.efficiency * (efficiencyScore(f, cp) ?? 0);
  if (ew.policy) s += ew.policy * (policyScore(f, cp) ?? 0);
  if (ew.location) s += ew.location * (locationScore(f, cp) ?? 0);
  return { park: cp, excluded: false, score: round1(Math.min(100, Math.max(0, s * 100))), industry };
}

export function compareQuick(a: QuickScore, b: QuickScore): number {
  if (a.excluded !== b.excluded) return a.excluded ? 1 : -1;
  return b.score - a.score || b.industry - a.industry || a.park.order - b.park.order;
}

/** The first `n` of `xs` in compareQuick order, without sorting everything when n is small. */
export function firstN(xs: QuickScore[], n: number): QuickScore[] {
  if (n * 8 >= xs.length) return [...xs].sort(compareQuick).slice(0, n);
  const top: QuickScore[] = [];
  for (const x of xs) {
    if (top.length === n) {
      if (compareQuick(x, top[n - 1]!) >= 0) continue;
      top.pop();
    }
    let lo = 0;
    let hi = top.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (compareQuick(top[mid]!, x) <= 0) lo = mid + 1;
      else hi = mid;
    }
    top.splice(lo, 0, x);
  }
  return top;
}

function explain(q: QuickScore, f: LeadFeatures, lr: LeadRules, k: Knowledge, ew: Weights, excludedDistricts: ReadonlySet<string>, spacesPerPark: number, lf: Flag[]): ParkResult {
  const cp = q.park;
  const gates = evaluateGates(f, lr, cp, k, excludedDistricts);
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
  const ew = effectiveWeights(resolveWeights(opts.weights), knownFactors(f));
  const lr = leadRules(f, k);
  const only = f.lead.districts?.length ? new Set(f.lead.districts) : null;
  const excludedDistricts = new Set(f.lead.excludedDistricts ?? []);
  const out: ParkScoreParts[] = [];
  for (const cp of k.parks) {
    if (only && !only.has(cp.park.district)) continue;
    const bestSpaceFit = ew.space ? (spaceScore(f, cp) ?? 0) : 0;
    const q = quickScore(f, lr, cp, k, ew, excludedDistricts, bestSpaceFit);
    out.push({ park: cp, excluded: q.excluded, score: q.score, spaceWeight: ew.space, bestSpaceFit });
  }
  return out;
}

/** Scores a lead against every park in scope and ranks them. */
export function matchLead(lead: Lead, k: Knowledge, opts: MatchOptions = {}): MatchOutcome {
  return rankFeatures(understandLead(lead, k, opts), k, opts);
}

/** Ranking from already-understood features. */
export function rankFeatures(f: LeadFeatures, k: Knowledge, opts: MatchOptions = {}): MatchOutcome {
  const weights = resolveWeights(opts.weights);
  const ew = effectiveWeights(weights, knownFactors(f));
  const lr = leadRules(f, k);
  const only = f.lead.districts?.length ? new Set(f.lead.districts) : null;
  const excludedDistricts = new Set(f.lead.excludedDistricts ?? []);
  const limit = opts.limit ?? 10;
  const scope = only ? k.parks.filter((cp) => only.has(cp.park.district)) : k.parks;
  let shown: QuickScore[];
  let eligibleCount: number;
  if (opts.includeExcluded) {
    const quick = scope.map((cp) => quickScore(f, lr, cp, k, ew, excludedDistricts));
    eligibleCount = quick.reduce((n, q) => n + (q.excluded ? 0 : 1), 0);
    shown = firstN(quick, limit);
  } else {
    ({ shown, eligibleCount } = bestEligible(f, lr, scope, k, ew, excludedDistricts, limit));
  }
  const lf = leadFlags(f);
  const spacesPerPark = opts.spacesPerPark ?? 3;
  return {
    features: f,
    weights,
    results: shown.map((q) => explain(q, f, lr, k, ew, excludedDistricts, spacesPerPark, lf)),
    eligibleCount,
    excludedCount: scope.length - eligibleCount,
    leadFlags: lf,
  };
}

/**
 * The best `limit` eligible parks, exactly as scoring every park would rank them, without scoring
 * every park in full: the cheap factors (industry, policy, location, efficiency) bound each park's
 * score from above (space and chain at most 1); parks are then scored in full best bound first, and
 * the walk stops when no remaining bound can reach the last shown score.
 */
/** Half a rounding step (scores have one decimal) plus room for floating-point noise. */
const BOUND_SLACK = 0.05 + 1e-6;

function bestEligible(f: LeadFeatures, lr: LeadRules, scope: CompiledPark[], k: Knowledge, ew: Weights, excludedDistricts: ReadonlySet<string>, limit: number): { shown: QuickScore[]; eligibleCount: number } {
  const open = ew.space + ew.chain;
  const cand: { cp: CompiledPark; bound: number }[] = [];
  for (const cp of scope) {
    if (isExcluded(lr, cp, excludedDistricts)) continue;
    let b = open + ew.industry * (industryScore(f, cp) ?? 0);
    if (ew.policy) b += ew.policy * (policyScore(f, cp) ?? 0);
    if (ew.location) b += ew.location * (locationScore(f, cp) ?? 0);
    if (ew.efficiency) b += ew.efficiency * (efficiencyScore(f, cp) ?? 0);
    cand.push({ cp, bound: b * 100 });
  }
  if (open === 0 || limit * 4 >= cand.length) return { shown: firstN(cand.map((c) => quickScore(f, lr, c.cp, k, ew, excludedDistricts)), limit), eligibleCount: cand.length };
  cand.sort((a, b) => b.bound - a.bound || a.cp.order - b.cp.order);
  let top: QuickScore[] = [];
  for (let i = 0; i < cand.length; i++) {
    // a score ≤ bound rounds to at most bound + 0.05; below the last shown score it can neither tie nor beat it
    if (top.length === limit && cand[i]!.bound + BOUND_SLACK < top[limit - 1]!.score) break;
    top = firstN([...top, quickScore(f, lr, cand[i]!.cp, k, ew, excludedDistricts)], limit);
  }
  return { shown: top, eligibleCount: cand.length };
}
