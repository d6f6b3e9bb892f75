/** Industry fit: the lead's positionings against the park's leading and supporting industries. */
import { Aff, type CompiledPark, type Knowledge } from '../knowledge.js';
import type { LeadFeatures } from '../lead.features.js';
import { reason, type ReasonCode } from '../reasons.js';
import { AFFINITY } from '../scoring.constants.js';
import type { Factor, FactorResult } from './factor.js';

/** Score for a park whose leading industry is not yet decided (未定): open to most projects, no bonus. */
export const UNDETERMINED = AFFINITY.undetermined;

/** The best lead positioning for this park (index into f.industries), or -1 when none relates. */
function bestIndustry(f: LeadFeatures, cp: CompiledPark): { at: number; score: number } {
  let at = -1;
  let score = 0;
  for (let i = 0; i < f.industries.length; i++) {
    const li = f.industries[i]!;
    const s = li.strength * cp.affValue[li.idx]!;
    if (s > score) {
      score = s;
      at = i;
    }
  }
  return { at, score };
}

/** 0..1, or null when the lead's industry is unknown. */
export function industryScore(f: LeadFeatures, cp: CompiledPark): number | null {
  const inds = f.industries;
  if (inds.length === 0) return null;
  if (cp.leading.length === 0) return UNDETERMINED;
  // the same maximum as bestIndustry, without allocating: read for every park of every lead
  let score = 0;
  for (let i = 0; i < inds.length; i++) {
    const s = inds[i]!.strength * cp.affValue[inds[i]!.idx]!;
    if (s > score) score = s;
  }
  return score;
}

const CODE: Record<Aff, ReasonCode> = {
  [Aff.Leading]: 'industry.leading',
  [Aff.Narrower]: 'industry.narrower',
  [Aff.Broader]: 'industry.broader',
  [Aff.Supporting]: 'industry.supporting',
  [Aff.Related]: 'industry.related',
  [Aff.None]: 'industry.none',
};

function explain(f: LeadFeatures, k: Knowledge, cp: CompiledPark): FactorResult {
  const score = industryScore(f, cp);
  if (score === null) return { key: 'industry', score, reasons: [reason('industry.unknown')] };
  if (cp.leading.length === 0) return { key: 'industry', score, reasons: [reason('industry.parkUndetermined')] };
  const names = k.taxonomy.positionings;
  const { at } = bestIndustry(f, cp);
  if (at < 0) {
    return {
      key: 'industry',
      score,
      reasons: [
        reason('industry.none', { industry: f.industries[0]!.name, parkIndustries: cp.leading.map((i) => names[i]!.name).join('、') }),
      ],
    };
  }
  const li = f.industries[at]!;
  const from = cp.affFrom[li.idx]!;
  const basis = positioningBasis(cp);
  return {
    key: 'industry',
    score,
    reasons: [
      reason(CODE[cp.affKind[li.idx]! as Aff], {
        industry: li.name,
        via: li.via,
        parkIndustry: from >= 0 ? names[from]!.name : '',
        ...(basis ? { basis } : {}),
      }),
    ],
  };
}

/** Where the park's leading industries are stated, when its record names it (a `leadingIndustries` fact: 公开资料 with its URL). */
function positioningBasis(cp: CompiledPark): string | null {
  return cp.park.facts.find((x) => x.key === 'leadingIndustries')?.source ?? null;
}

/**
 * The ranking walks the per-positioning park lists best fit first (match.ts), so a park's industry
 * score there is the fit it is first met at: the same maximum `at` computes.
 */
export const industry: Factor<null> = {
  key: 'industry',
  known: (f) => f.industries.length > 0,
  prepare: () => null,
  at: (_, f, k, p) => industryScore(f, k.parks[p]!) ?? 0,
  cap: () => 1,
  byHas: true,
  max: 1,
  unrelatedMax: Math.max(0, UNDETERMINED),
  explain: (_, f, k, cp) => explain(f, k, cp),
};
