/** Policy: does placing the lead here move the park toward its leading-industry share target? */
import type { CompiledPark } from '../knowledge.js';
import type { LeadFeatures } from '../lead.features.js';
import { reason } from '../reasons.js';
import type { FactorResult } from './factor.js';

const NEUTRAL = 0.5;
const RAISES = 1;
const LOWERS = 0.1;

const inLeading = (f: LeadFeatures, cp: CompiledPark) => f.industries.some((li) => cp.affValue[li.idx]! >= 0.9);

/** 0..1, or null when the lead's industry is unknown. */
export function policyScore(f: LeadFeatures, cp: CompiledPark): number | null {
  if (f.industries.length === 0) return null;
  if (cp.park.leadingShareTarget === null) return NEUTRAL;
  return inLeading(f, cp) ? RAISES : LOWERS;
}

export function policyFactor(f: LeadFeatures, cp: CompiledPark): FactorResult {
  const score = policyScore(f, cp);
  const target = cp.park.leadingShareTarget;
  if (score === null) return { key: 'policy', score, reasons: [reason('policy.unknown')] };
  if (target === null) return { key: 'policy', score, reasons: [reason('policy.noTarget')] };
  return { key: 'policy', score, reasons: [reason(score === RAISES ? 'policy.raisesShare' : 'policy.lowersShare', { target })] };
}
