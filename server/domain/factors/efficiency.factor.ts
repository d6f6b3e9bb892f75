/** Efficiency: 投资强度, 亩均产出 and 亩均税收 of the lead against the park's standards (标准地). */
import { STANDARD_FIELDS, type CompiledPark } from '../knowledge.js';
import type { LeadFeatures } from '../lead.features.js';
import { reason, type Reason, type ReasonCode } from '../reasons.js';
import type { FactorResult } from './factor.js';

/** Neutral score where the park states no standard: not a reason to prefer or avoid it. */
const NEUTRAL = 0.5;

/** `at`: where the park's standards array keeps the figure. */
const CHECKS = (
  [
    { field: 'investmentIntensityWanPerMu', meets: 'efficiency.intensityMeets', below: 'efficiency.intensityBelow' },
    { field: 'outputPerMuWan', meets: 'efficiency.outputMeets', below: 'efficiency.outputBelow' },
    { field: 'taxPerMuWan', meets: 'efficiency.taxMeets', below: 'efficiency.taxBelow' },
  ] as const
).map((c) => ({ ...c, at: STANDARD_FIELDS.indexOf(c.field) }));

/** 0..1, or null when the lead gives no figure per 亩. Pass `why` to collect the reasons. */
export function efficiencyScore(f: LeadFeatures, cp: CompiledPark, why?: Reason[]): number | null {
  return efficiencyAt(f, cp.standards, 0, why);
}

/** The one implementation, on plain numbers: the park's standards at `std[at + i]` in STANDARD_FIELDS order (NaN: none). */
export function efficiencyAt(f: LeadFeatures, std: ArrayLike<number>, at: number, why?: Reason[]): number | null {
  let known = false;
  let sum = 0;
  let n = 0;
  for (const c of CHECKS) {
    const v = f.perMu[c.field];
    if (v === null) continue;
    known = true;
    const s = std[at + c.at]!;
    if (Number.isNaN(s)) continue;
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
