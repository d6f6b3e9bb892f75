/** Efficiency: 投资强度, 亩均产出 and 亩均税收 of the lead against the park's standards (标准地). */
import type { CompiledPark } from '../knowledge.js';
import type { LeadFeatures } from '../lead.features.js';
import { thresholdValue } from '../gates.js';
import { reason, type Reason, type ReasonCode } from '../reasons.js';
import type { FactorResult } from './factor.js';

/** Neutral score where the park states no standard: not a reason to prefer or avoid it. */
const NEUTRAL = 0.5;

const CHECKS = [
  { field: 'investmentIntensityWanPerMu', std: 'investmentIntensityWanPerMu', meets: 'efficiency.intensityMeets', below: 'efficiency.intensityBelow' },
  { field: 'outputPerMuWan', std: 'outputPerMuWan', meets: 'efficiency.outputMeets', below: 'efficiency.outputBelow' },
  { field: 'taxPerMuWan', std: 'taxPerMuWan', meets: 'efficiency.taxMeets', below: 'efficiency.taxBelow' },
] as const;

export function efficiencyFactor(f: LeadFeatures, cp: CompiledPark): FactorResult {
  const values = CHECKS.map((c) => thresholdValue(f, c.field));
  if (values.every((v) => v === null)) return { key: 'efficiency', score: null, reasons: [reason('efficiency.unknown')] };
  const std = cp.park.standards;
  const scores: number[] = [];
  const reasons: Reason[] = [];
  CHECKS.forEach((c, i) => {
    const v = values[i];
    const s = std?.[c.std];
    if (v === null || v === undefined || s === null || s === undefined) return;
    const ratio = v / s;
    scores.push(ratio >= 1 ? 1 : Math.max(0, ratio * ratio));
    reasons.push(reason((ratio >= 1 ? c.meets : c.below) as ReasonCode, { value: v, standard: s }));
  });
  if (scores.length === 0) return { key: 'efficiency', score: NEUTRAL, reasons: [reason('efficiency.noStandard')] };
  return { key: 'efficiency', score: scores.reduce((a, b) => a + b, 0) / scores.length, reasons };
}
