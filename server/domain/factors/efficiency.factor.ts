/** Efficiency: 投资强度, 亩均产出 and 亩均税收 of the lead against the park's standards (标准地). */
import type { CompiledPark } from '../knowledge.js';
import type { LeadFeatures } from '../lead.features.js';
import { reason, type Reason, type ReasonCode } from '../reasons.js';
import type { FactorResult } from './factor.js';

/** Neutral score where the park states no standard: not a reason to prefer or avoid it. */
const NEUTRAL = 0.5;

const CHECKS = [
  { field: 'investmentIntensityWanPerMu', meets: 'efficiency.intensityMeets', below: 'efficiency.intensityBelow' },
  { field: 'outputPerMuWan', meets: 'efficiency.outputMeets', below: 'efficiency.outputBelow' },
  { field: 'taxPerMuWan', meets: 'efficiency.taxMeets', below: 'efficiency.taxBelow' },
] as const;

/** 0..1, or null when the lead gives no figure per 亩. Pass `why` to collect the reasons. */
export function efficiencyScore(f: LeadFeatures, cp: CompiledPark, why?: Reason[]): number | null {
  let known = false;
  let sum = 0;
  let n = 0;
  const std = cp.park.standards;
  for (const c of CHECKS) {
    const v = f.perMu[c.field];
    if (v === null) continue;
    known = true;
    const s = std === null ? null : std[c.field];
    if (s === null || s === undefined) continue;
    const ratio = v / s;
    sum += ratio >= 1 ? 1 : ratio * ratio;
    n++;
    why?.push(reason((ratio >= 1 ? c.meets : c.below) as ReasonCode, { value: v, standard: s }));
  }
  if (!known) return null;
  if (n === 0) {
    why?.push(reason('efficiency.noStandard'));
    return NEUTRAL;
  }
  return sum / n;
}

export function efficiencyFactor(f: LeadFeatures, cp: CompiledPark): FactorResult {
  const reasons: Reason[] = [];
  const score = efficiencyScore(f, cp, reasons);
  return { key: 'efficiency', score, reasons: score === null ? [reason('efficiency.unknown')] : reasons };
}
