/** Industry fit: the lead's positionings against the park's leading and supporting industries. */
import { Aff, type CompiledPark, type Knowledge } from '../knowledge.js';
import type { LeadFeatures } from '../lead.features.js';
import { reason } from '../reasons.js';
import type { FactorResult } from './factor.js';

/** Score for a park whose leading industry is not yet decided (未定): open to most projects, no bonus. */
const UNDETERMINED = 0.3;

export function industryFactor(f: LeadFeatures, cp: CompiledPark, k: Knowledge): FactorResult {
  if (f.industries.length === 0) return { key: 'industry', score: null, reasons: [reason('industry.unknown')] };
  if (cp.leading.length === 0) return { key: 'industry', score: UNDETERMINED, reasons: [reason('industry.parkUndetermined')] };
  let best = -1;
  let bestScore = 0;
  for (let i = 0; i < f.industries.length; i++) {
    const li = f.industries[i]!;
    const s = li.strength * cp.affValue[li.idx]!;
    if (s > bestScore) {
      bestScore = s;
      best = i;
    }
  }
  const names = k.taxonomy.positionings;
  if (best < 0) {
    const top = f.industries[0]!;
    return {
      key: 'industry',
      score: 0,
      reasons: [reason('industry.none', { industry: top.name, parkIndustries: cp.leading.map((i) => names[i]!.name).join('、') })],
    };
  }
  const li = f.industries[best]!;
  const from = cp.affFrom[li.idx]!;
  const params = { industry: li.name, via: li.via, parkIndustry: from >= 0 ? names[from]!.name : '' };
  const code = {
    [Aff.Leading]: 'industry.leading',
    [Aff.Narrower]: 'industry.narrower',
    [Aff.Broader]: 'industry.broader',
    [Aff.Supporting]: 'industry.supporting',
    [Aff.Related]: 'industry.related',
    [Aff.None]: 'industry.none',
  }[cp.affKind[li.idx]! as Aff] as Parameters<typeof reason>[0];
  return { key: 'industry', score: bestScore, reasons: [reason(code, params)] };
}
