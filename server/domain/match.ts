/**
 * Scoring a lead against every park: understand the lead once, then per park run the gates, the
 * factors and the space ranking. Excluded parks score 0 and rank after every eligible park.
 * Deterministic: ties break on the industry factor, then on park id.
 */
import type { CompiledPark, Knowledge } from './knowledge.js';
import { understandLead, type LeadFeatures, type UnderstandOptions } from './lead.features.js';
import type { FactorKey, Lead, WeightsInput } from './lead.schema.js';
import { FACTOR_KEYS } from './lead.schema.js';
import { evaluateGates, type Exclusion, type Flag } from './gates.js';
import { resolveWeights, type Weights } from './weights.js';
import { reason } from './reasons.js';
import type { Reason } from './reasons.js';
import type { FactorResult } from './factors/factor.js';
import { industryFactor } from './factors/industry.factor.js';
import { chainFactor } from './factors/chain.factor.js';
import { rankSpaces, spaceFactor, type SpaceFit } from './factors/space.factor.js';
import { efficiencyFactor } from './factors/efficiency.factor.js';
import { policyFactor } from './factors/policy.factor.js';
import { locationFactor } from './factors/location.factor.js';

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
  /** Lead-level flags (unknown data, negations read, currency conversion) also attached to each result. */
  leadFlags: Flag[];
}

function leadFlags(f: LeadFeatures): Flag[] {
  const flags: Flag[] = [];
  if (f.industries.length === 0) flags.push({ code: 'industry-unknown', reason: reason('flag.industryUnknown'), source: '系统提示' });
  if (f.lead.investmentWan === undefined) flags.push({ code: 'investment-unknown', reason: reason('flag.investmentUnknown'), source: '系统提示' });
  if (f.lead.floorAreaM2 === undefined && f.lead.landMu === undefined) flags.push({ code: 'area-unknown', reason: reason('flag.areaUnknown'), source: '系统提示' });
  if (f.negatedWords.length) flags.push({ code: 'negation', reason: reason('flag.negated', { words: f.negatedWords.join('、') }), source: '系统提示' });
  if (f.usd) flags.push({ code: 'currency-usd', reason: reason('flag.usd', { amount: f.usd.amount, rate: f.usd.rate, wan: f.usd.wan }), source: '配置 USD_CNY_RATE' });
  return flags;
}

function combine(factors: FactorResult[], w: Weights): { score: number; scored: ScoredFactor[] } {
  const knownWeight = factors.reduce((s, x) => s + (x.score === null ? 0 : w[x.key]), 0);
  const scored = factors.map((x) => ({
    key: x.key,
    score: x.score === null ? 0 : round(x.score, 3),
    weight: x.score === null ? 0 : knownWeight > 0 ? w[x.key] / knownWeight : 0,
    known: x.score !== null,
    reasons: x.reasons,
  }));
  if (knownWeight === 0) {
    for (const s of scored) s.weight = w[s.key];
    return { score: 0, scored };
  }
  const total = scored.reduce((s, x) => s + x.score * x.weight, 0);
  return { score: round(Math.min(100, Math.max(0, total * 100)), 1), scored };
}

const round = (x: number, d: number) => Math.round(x * 10 ** d) / 10 ** d;

/** Scores one lead against one compiled park (features computed once per lead). */
export function scorePark(f: LeadFeatures, cp: CompiledPark, k: Knowledge, w: Weights, excludedDistricts: ReadonlySet<string>, spacesPerPark: number, lf: Flag[]): ParkResult {
  const gates = evaluateGates(f, cp, k, excludedDistricts);
  const spaces = rankSpaces(cp, f.need, spacesPerPark);
  const factors: FactorResult[] = [
    industryFactor(f, cp, k),
    chainFactor(f, cp, k),
    spaceFactor(f, spaces, cp),
    efficiencyFactor(f, cp),
    policyFactor(f, cp),
    locationFactor(f, cp),
  ];
  factors.sort((a, b) => FACTOR_KEYS.indexOf(a.key) - FACTOR_KEYS.indexOf(b.key));
  const { score, scored } = combine(factors, w);
  const excluded = gates.exclusions.length > 0;
  const flags = [...gates.flags, ...lf];
  if (spaces.length && spaces.some((s) => s.space.source.includes('示例数据'))) flags.push({ code: 'sample-spaces', reason: reason('flag.sampleSpaces'), source: '示例数据' });
  return { park: cp, score: excluded ? 0 : score, excluded, exclusions: gates.exclusions, flags, factors: scored, spaces };
}

function industryScore(r: ParkResult): number {
  return r.factors.find((x) => x.key === 'industry')?.score ?? 0;
}

export function compareResults(a: ParkResult, b: ParkResult): number {
  if (a.excluded !== b.excluded) return a.excluded ? 1 : -1;
  return b.score - a.score || industryScore(b) - industryScore(a) || (a.park.park.id < b.park.park.id ? -1 : a.park.park.id > b.park.park.id ? 1 : 0);
}

/** Scores a lead against every park in scope and ranks them. */
export function matchLead(lead: Lead, k: Knowledge, opts: MatchOptions = {}): MatchOutcome {
  const f = understandLead(lead, k, opts);
  return rankFeatures(f, k, opts);
}

/** Ranking from already-understood features (bulk scoring reuses features). */
export function rankFeatures(f: LeadFeatures, k: Knowledge, opts: MatchOptions = {}): MatchOutcome {
  const w = resolveWeights(opts.weights);
  const only = f.lead.districts?.length ? new Set(f.lead.districts) : null;
  const excludedDistricts = new Set(f.lead.excludedDistricts ?? []);
  const lf = leadFlags(f);
  const spacesPerPark = opts.spacesPerPark ?? 3;
  const all: ParkResult[] = [];
  for (const cp of k.parks) {
    if (only && !only.has(cp.park.district)) continue;
    all.push(scorePark(f, cp, k, w, excludedDistricts, spacesPerPark, lf));
  }
  all.sort(compareResults);
  const eligibleCount = all.filter((r) => !r.excluded).length;
  const visible = opts.includeExcluded ? all : all.slice(0, eligibleCount);
  return { features: f, weights: w, results: visible.slice(0, opts.limit ?? 10), eligibleCount, excludedCount: all.length - eligibleCount, leadFlags: lf };
}
