/** Policy: does placing the lead here move the park toward its leading-industry share target? */
import type { CompiledPark } from '../knowledge.js';
import type { LeadFeatures } from '../lead.features.js';
import { reason } from '../reasons.js';
import type { FactorResult } from './factor.js';

const NEUTRAL = 0.5;
const RAISES = 1;
const LOWERS = 0.1;
/** The most a park scores when none of the lead's industries is (near) its leading one. */
export const POLICY_UNRELATED_MAX = Math.max(NEUTRAL, LOWERS);

/**
 * The one implementation, on plain numbers: a park's share target (NaN: none) and its affinities,
 * `aff[at + positioning]` (the park's own array, or its row of the knowledge's flat table).
 */
export function policyAt(f: LeadFeatures, shareTarget: number, aff: ArrayLike<number>, at: number): number | null {
  if (f.industries.length === 0) return null;
  if (Number.isNaN(shareTarget)) return NEUTRAL;
  for (const li of f.industries) if (aff[at + li.idx]! >= 0.9) return RAISES;
  return LOWERS;
}

/** 0..1, or null when the lead's industry is unknown. */
export function policyScore(f: LeadFeatures, cp: CompiledPark): number | null {
  return policyAt(f, cp.shareTarget ?? NaN, cp.affValue, 0);
}

export function policyFactor(f: LeadFeatures, cp: CompiledPark): FactorResult {
  const score = policyScore(f, cp);
  const target = cp.shareTarget;
  if (score === null) return { key: 'policy', score, reasons: [reason('policy.unknown')] };
  if (target === null) return { key: 'policy', score, reasons: [reason('policy.noTarget')] };
  return { key: 'policy', score, reasons: [reason(score === RAISES ? 'policy.raisesShare' : 'policy.lowersShare', { target })] };
}
