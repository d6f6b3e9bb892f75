/** Policy: does placing the lead here move the park toward its leading-industry share target? */
import type { CompiledPark } from '../knowledge.js';
import type { LeadFeatures } from '../lead.features.js';
import { reason } from '../reasons.js';
import type { FactorResult } from './factor.js';

const NEUTRAL = 0.5;

export function policyFactor(f: LeadFeatures, cp: CompiledPark): FactorResult {
  if (f.industries.length === 0) return { key: 'policy', score: null, reasons: [reason('policy.unknown')] };
  const target = cp.park.leadingShareTarget;
  if (target === null) return { key: 'policy', score: NEUTRAL, reasons: [reason('policy.noTarget')] };
  const inLeading = f.industries.some((li) => cp.affValue[li.idx]! >= 0.9);
  return inLeading
    ? { key: 'policy', score: 1, reasons: [reason('policy.raisesShare', { target })] }
    : { key: 'policy', score: 0.1, reasons: [reason('policy.lowersShare', { target })] };
}
