/** Efficiency: 投资强度, 亩均产出 and 亩均税收 of the lead against the park's standards (标准地). */
import { HOT, PARK_HAS, STANDARD_FIELDS, type CompiledPark } from '../knowledge.js';
import type { LeadFeatures } from '../lead.features.js';
import { reason, type Reason, type ReasonCode } from '../reasons.js';
import { EFFICIENCY } from '../scoring.constants.js';
import type { Factor, FactorResult } from './factor.js';

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
    return EFFICIENCY.noStandard;
  }
  return sum / n;
}

const known = (f: LeadFeatures) => CHECKS.some((c) => f.perMu[c.field] !== null);
const score = (f: LeadFeatures, hot: Float64Array, p: number) => efficiencyAt(f, hot, p * HOT.stride + HOT.standards) ?? 0;

/** Without a standard a park scores `noStandard` whatever the lead: that caps it before its row is read. */
export const efficiency: Factor<null> = {
  key: 'efficiency',
  known,
  prepare: () => null,
  at: (_, f, k, p) => score(f, k.hot, p),
  cap: (_, _f, has) => (has & PARK_HAS.standard ? 1 : EFFICIENCY.noStandard),
  byHas: true,
  max: 1,
  unrelatedMax: 1,
  explain: (_, f, _k, cp): FactorResult => {
    const reasons: Reason[] = [];
    const s = efficiencyScore(f, cp, reasons);
    return { key: 'efficiency', score: s, reasons: s === null ? [reason('efficiency.unknown')] : reasons };
  },
};
