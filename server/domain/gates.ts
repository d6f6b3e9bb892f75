/**
 * Gates decide eligibility and never trade off against points: an exclude-rule in scope for the park
 * that the lead fires, a require-threshold the lead misses, a district the request rules out.
 * Review rules and review levels become flags: the park stays eligible, the user must know.
 */
import type { CompiledPark, Knowledge } from './knowledge.js';
import type { LeadFeatures } from './lead.features.js';
import type { RuleSeed } from './rule.schema.js';
import { reason, type Reason } from './reasons.js';

export interface Exclusion {
  ruleId: string;
  reason: Reason;
  source: string;
}
export interface Flag {
  code: string;
  reason: Reason;
  source: string;
}
export interface GateResult {
  exclusions: Exclusion[];
  flags: Flag[];
}

type ThresholdField = NonNullable<RuleSeed['threshold']>['field'];
const THRESHOLD_LABEL: Record<ThresholdField, { label: string; unit: string }> = {
  investmentIntensityWanPerMu: { label: '投资强度', unit: '万元/亩' },
  outputPerMuWan: { label: '亩均产出', unit: '万元/亩' },
  taxPerMuWan: { label: '亩均税收', unit: '万元/亩' },
  leasedAreaM2: { label: '租赁面积', unit: '㎡' },
  investmentWan: { label: '总投资', unit: '万元' },
};

/** The lead's value for a threshold field, or null when unknown. */
export function thresholdValue(f: LeadFeatures, field: ThresholdField): number | null {
  const l = f.lead;
  switch (field) {
    case 'investmentWan':
      return l.investmentWan ?? null;
    case 'leasedAreaM2':
      return l.floorAreaM2 ?? null;
    case 'investmentIntensityWanPerMu':
      return l.investmentWan !== undefined && l.landMu ? l.investmentWan / l.landMu : null;
    case 'outputPerMuWan':
      return l.annualOutputWan !== undefined && l.landMu ? l.annualOutputWan / l.landMu : null;
    case 'taxPerMuWan':
      return l.annualTaxWan !== undefined && l.landMu ? l.annualTaxWan / l.landMu : null;
  }
}

function withinThreshold(value: number, t: NonNullable<RuleSeed['threshold']>): boolean {
  return (t.min === null || value >= t.min) && (t.max === null || value < t.max);
}

function hasMatch(r: RuleSeed): boolean {
  const m = r.match;
  return m.industryCodes.length > 0 || m.terms.length > 0 || (m.pollution !== null && Object.keys(m.pollution).length > 0);
}

/** Whether a review-level rule applies: its match (if any) fired and its threshold (if any) holds. */
function reviewLevelApplies(r: RuleSeed, idx: number, f: LeadFeatures): boolean {
  if (hasMatch(r) && !f.fired.has(idx)) return false;
  if (!r.threshold) return hasMatch(r);
  const v = thresholdValue(f, r.threshold.field);
  return v !== null && withinThreshold(v, r.threshold);
}

/** A require-rule applies to leads its match selects (all leads when it matches nothing specific). */
function requireApplies(r: RuleSeed, idx: number, f: LeadFeatures): boolean {
  return !hasMatch(r) || f.fired.has(idx);
}

const fill = (text: string, term: string) => text.replaceAll('{term}', term);

export function evaluateGates(f: LeadFeatures, cp: CompiledPark, k: Knowledge, excludedDistricts: ReadonlySet<string>): GateResult {
  const exclusions: Exclusion[] = [];
  const flags: Flag[] = [];
  if (excludedDistricts.has(cp.park.district)) {
    exclusions.push({ ruleId: 'request-excluded-district', reason: reason('exclude.district', { district: cp.park.district }), source: '客户要求' });
  }
  let level: { level: string; text: string; source: string; rank: number } | null = null;
  for (const idx of cp.rules) {
    const r = k.rules[idx]!;
    switch (r.effect) {
      case 'exclude': {
        const word = f.fired.get(idx);
        if (word !== undefined) exclusions.push({ ruleId: r.id, reason: reason('exclude.rule', { text: fill(r.reason, word) }), source: r.source });
        break;
      }
      case 'review': {
        const word = f.fired.get(idx);
        if (word !== undefined) flags.push({ code: `review:${r.id}`, reason: reason('flag.review', { text: fill(r.reason, word) }), source: r.source });
        break;
      }
      case 'require': {
        if (!r.threshold || !requireApplies(r, idx, f)) break;
        const meta = THRESHOLD_LABEL[r.threshold.field];
        const v = thresholdValue(f, r.threshold.field);
        const limit = r.threshold.min ?? r.threshold.max ?? 0;
        if (v === null) {
          flags.push({
            code: `require-unknown:${r.id}`,
            reason: reason('flag.requireUnknown', { label: meta.label, op: r.threshold.min !== null ? '≥' : '<', limit, unit: meta.unit, rule: r.name }),
            source: r.source,
          });
        } else if (!withinThreshold(v, r.threshold)) {
          const below = r.threshold.min !== null && v < r.threshold.min;
          exclusions.push({
            ruleId: r.id,
            reason: reason(below ? 'exclude.requireBelow' : 'exclude.requireAbove', { label: meta.label, value: v, limit, unit: meta.unit, rule: r.name }),
            source: r.source,
          });
        }
        break;
      }
      case 'reviewLevel': {
        if (!r.reviewLevel || !reviewLevelApplies(r, idx, f)) break;
        const rank = r.reviewLevel === '区审' ? 2 : 1;
        if (!level || rank > level.rank) level = { level: r.reviewLevel, text: r.reason, source: r.source, rank };
        break;
      }
    }
  }
  if (level) flags.push({ code: 'review-level', reason: reason('flag.reviewLevel', { level: level.level, text: level.text }), source: level.source });
  return { exclusions, flags };
}
