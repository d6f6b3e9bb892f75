/** Policy: does placing the lead here move the park toward its leading-industry share target? */
import { HOT, PARK_HAS, type CompiledPark } from '../knowledge.js';
import type { LeadFeatures } from '../lead.features.js';
import { reason } from '../reasons.js';
import { POLICY } from '../scoring.constants.js';
import type { Factor } from './factor.js';

/** The most a park scores when none of the lead's industries is (near) its leading one. */
export const POLICY_UNRELATED_MAX = Math.max(POLICY.noTarget, POLICY.lowers);

/**
 * The one implementation, on plain numbers: a park's share target (NaN: none) and its affinities,
 * `aff[at + positioning]` (the park's own array, or its row of the knowledge's flat table).
 */
export function policyAt(f: LeadFeatures, shareTarget: number, aff: ArrayLike<number>, at: number): number | null {
  if (f.industries.length === 0) return null;
  if (Number.isNaN(shareTarget)) return POLICY.noTarget;
  for (const li of f.industries) if (aff[at + li.idx]! >= POLICY.leadingAffinity) return POLICY.raises;
  return POLICY.lowers;
}

/** 0..1, or null when the lead's industry is unknown. */
export function policyScore(f: LeadFeatures, cp: CompiledPark): number | null {
  return policyAt(f, cp.shareTarget ?? NaN, cp.affValue, 0);
}

/** Without a share target a park scores `noTarget` whatever the lead: that caps it before its row is read. */
export const policy: Factor<null> = {
  key: 'policy',
  known: (f) => f.industries.length > 0,
  prepare: () => null,
  at: (_, f, k, p) => policyAt(f, k.hot[p * HOT.stride + HOT.shareTarget]!, k.aff, p * k.taxonomy.positionings.length) ?? 0,
  cap: (_, _f, has) => (has & PARK_HAS.shareTarget ? POLICY.raises : POLICY.noTarget),
  byHas: true,
  max: POLICY.raises,
  unrelatedMax: POLICY_UNRELATED_MAX,
  explain: (_, f, _k, cp) => {
    const score = policyScore(f, cp);
    const target = cp.shareTarget;
    if (score === null) return { key: 'policy', score, reasons: [reason('policy.unknown')] };
    if (target === null) return { key: 'policy', score, reasons: [reason('policy.noTarget')] };
    return { key: 'policy', score, reasons: [reason(score === POLICY.raises ? 'policy.raisesShare' : 'policy.lowersShare', { target })] };
  },
};
