/**
 * Gates decide eligibility and never trade off against points: an exclude-rule in scope for the park
 * that the lead fires, a require-threshold the lead misses, a district the request rules out.
 * Review rules and review levels become flags: the park stays eligible, the user must know.
 *
 * Which rules a lead fires does not depend on the park, so it is worked out once per lead
 * (`leadRules`); per park only the rule's scope is checked (a table lookup).
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

type Threshold = NonNullable<RuleSeed['threshold']>;
type ThresholdField = Threshold['field'];
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
    case 'outputPerMuWan':
    case 'taxPerMuWan':
      return f.perMu[field];
  }
}

const within = (v: number, t: Threshold) => (t.min === null || v >= t.min) && (t.max === null || v < t.max);

function hasMatch(r: RuleSeed): boolean {
  const m = r.match;
  return m.industryCodes.length > 0 || m.terms.length > 0 || (m.pollution !== null && Object.keys(m.pollution).length > 0);
}

/** The rules a lead fires, by effect (park-independent). */
export interface LeadRules {
  exclude: number[];
  review: number[];
  /** require-rules the lead's known value misses. */
  requireFail: { idx: number; value: number }[];
  /** require-rules whose value the lead does not give. */
  requireUnknown: number[];
  /** reviewLevel rules that apply, highest level first. */
  levels: number[];
}

export function leadRules(f: LeadFeatures, k: Knowledge): LeadRules {
  const out: LeadRules = { exclude: [], review: [], requireFail: [], requireUnknown: [], levels: [] };
  k.rules.forEach((r, idx) => {
    const fired = f.fired.has(idx);
    switch (r.effect) {
      case 'exclude':
        if (fired) out.exclude.push(idx);
        break;
      case 'review':
        if (fired) out.review.push(idx);
        break;
      case 'require': {
        if (!r.threshold || (hasMatch(r) && !fired)) break;
        const v = thresholdValue(f, r.threshold.field);
        if (v === null) out.requireUnknown.push(idx);
        else if (!within(v, r.threshold)) out.requireFail.push({ idx, value: v });
        break;
      }
      case 'reviewLevel': {
        if (!r.reviewLevel || (hasMatch(r) && !fired)) break;
        if (!r.threshold) {
          if (hasMatch(r)) out.levels.push(idx);
          break;
        }
        const v = thresholdValue(f, r.threshold.field);
        if (v !== null && within(v, r.threshold)) out.levels.push(idx);
        break;
      }
    }
  });
  const rank = (i: number) => (k.rules[i]!.reviewLevel === '区审' ? 0 : 1);
  out.levels.sort((a, b) => rank(a) - rank(b) || a - b);
  return out;
}

/** Fast check used to rank every park: is it ruled out for this lead? */
export function isExcluded(lr: LeadRules, cp: CompiledPark, excludedDistricts: ReadonlySet<string>): boolean {
  if (excludedDistricts.has(cp.park.district)) return true;
  for (const i of lr.exclude) if (cp.applies[i]) return true;
  for (const x of lr.requireFail) if (cp.applies[x.idx]) return true;
  return false;
}

const fill = (text: string, term: string) => text.replaceAll('{term}', term);

/** The explained verdict for one park: every exclusion with its rule and source, every flag. */
export function evaluateGates(f: LeadFeatures, lr: LeadRules, cp: CompiledPark, k: Knowledge, excludedDistricts: ReadonlySet<string>): GateResult {
  const exclusions: Exclusion[] = [];
  const flags: Flag[] = [];
  if (excludedDistricts.has(cp.park.district)) {
    exclusions.push({ ruleId: 'request-excluded-district', reason: reason('exclude.district', { district: cp.park.district }), source: '客户要求' });
  }
  for (const idx of lr.exclude) {
    if (!cp.applies[idx]) continue;
    const r = k.rules[idx]!;
    exclusions.push({ ruleId: r.id, reason: reason('exclude.rule', { text: fill(r.reason, f.fired.get(idx)!) }), source: r.source });
  }
  for (const { idx, value } of lr.requireFail) {
    if (!cp.applies[idx]) continue;
    const r = k.rules[idx]!;
    const t = r.threshold!;
    const meta = THRESHOLD_LABEL[t.field];
    const below = t.min !== null && value < t.min;
    exclusions.push({
      ruleId: r.id,
      reason: reason(below ? 'exclude.requireBelow' : 'exclude.requireAbove', { label: meta.label, value, limit: (below ? t.min : t.max) ?? 0, unit: meta.unit, rule: r.name }),
      source: r.source,
    });
  }
  for (const idx of lr.review) {
    if (!cp.applies[idx]) continue;
    const r = k.rules[idx]!;
    flags.push({ code: `review:${r.id}`, reason: reason('flag.review', { text: fill(r.reason, f.fired.get(idx)!) }), source: r.source });
  }
  for (const idx of lr.requireUnknown) {
    if (!cp.applies[idx]) continue;
    const r = k.rules[idx]!;
    const t = r.threshold!;
    const meta = THRESHOLD_LABEL[t.field];
    flags.push({ code: `require-unknown:${r.id}`, reason: reason('flag.requireUnknown', { label: meta.label, op: t.min !== null ? '≥' : '<', limit: t.min ?? t.max ?? 0, unit: meta.unit, rule: r.name }), source: r.source });
  }
  const level = lr.levels.find((i) => cp.applies[i]);
  if (level !== undefined) {
    const r = k.rules[level]!;
    flags.push({ code: 'review-level', reason: reason('flag.reviewLevel', { level: r.reviewLevel!, text: r.reason }), source: r.source });
  }
  return { exclusions, flags };
}
