/**
 * Gates decide eligibility and never trade off against points: an exclude-rule in scope for the park
 * that the lead fires, a require-threshold the lead misses, a district the request rules out.
 * Review rules and review levels become flags: the park stays eligible, the user must know.
 *
 * Which rules a lead fires does not depend on the park, so it is worked out once per lead
 * (`leadRules`), and so are the parks they rule out: the union of the fired rules' scopes (park sets
 * built with the knowledge base), `ruledOut`.
 */
import type { CompiledPark, Knowledge } from './knowledge.js';
import type { LeadFeatures } from './lead.features.js';
import { provenanceOf, provenanceTag, type Provenance, type RuleSeed } from './rule.schema.js';
import { reason, type Reason } from './reasons.js';
import { addAll, countBoth, emptySet, firstBoth, type ParkSet } from './park-sets.js';

export interface Exclusion {
  ruleId: string;
  reason: Reason;
  source: string;
  /** For a rule's exclusion: how the rule's figures came to be (文件, 已采纳). */
  provenance?: Provenance;
}
export interface Flag {
  code: string;
  reason: Reason;
  source: string;
  /** For a rule's flag: 文件, 示例规则, 参照 or 已采纳. */
  provenance?: Provenance;
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

const matchOf = new WeakMap<RuleSeed, boolean>();
/** Does the rule name what it applies to (codes, words, pollution)? Read for every rule of every lead, so worked out once per rule. */
function hasMatch(r: RuleSeed): boolean {
  let has = matchOf.get(r);
  if (has === undefined) {
    const m = r.match;
    has =
      m.industryCodes.length > 0 ||
      m.terms.length > 0 ||
      (m.pollution !== null && Object.keys(m.pollution).length > 0) ||
      m.eia !== undefined;
    matchOf.set(r, has);
  }
  return has;
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
  /**
   * 示例规则/参照 rules not adopted that would rule the lead out (a fired exclude-rule; a require-rule
   * whose threshold the lead's known value misses, with that value): flags, never gates.
   */
  advisory: { idx: number; value: number | null }[];
}

export function leadRules(f: LeadFeatures, k: Knowledge): LeadRules {
  const out: LeadRules = { exclude: [], review: [], requireFail: [], requireUnknown: [], levels: [], advisory: [] };
  k.rules.forEach((r, idx) => {
    const fired = f.fired.has(idx);
    switch (r.effect) {
      case 'exclude':
        if (!fired) break;
        if (k.gating[idx]) out.exclude.push(idx);
        else out.advisory.push({ idx, value: null });
        break;
      case 'review':
        if (fired) out.review.push(idx);
        break;
      case 'require': {
        if (!r.threshold || (hasMatch(r) && !fired)) break;
        const v = thresholdValue(f, r.threshold.field);
        if (v === null) out.requireUnknown.push(idx);
        else if (!within(v, r.threshold)) (k.gating[idx] ? out.requireFail : out.advisory).push({ idx, value: v });
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

/** Every park the lead is ruled out of (a fired exclude-rule or a missed require-threshold in scope, a district the request rules out): one set per lead, so ranking checks a park with one bit. */
export function ruledOut(lr: LeadRules, k: Knowledge, excludedDistricts: ReadonlySet<string>): ParkSet {
  const out = emptySet(k.parks.length);
  for (const d of excludedDistricts) {
    const parks = k.districtParks.get(d);
    if (parks) addAll(out, parks);
  }
  for (const i of lr.exclude) addAll(out, k.ruleParks[i]!);
  for (const x of lr.requireFail) addAll(out, k.ruleParks[x.idx]!);
  return out;
}

/** A rule's reason with the lead's word in it — an English process word with its Chinese name first (阳极氧化（anodising）). */
const fill = (text: string, term: string, glosses?: ReadonlyMap<string, string>) => {
  const word = term.split('（')[0]!;
  const label = glosses?.get(word);
  return text.replaceAll('{term}', label ? `${label}（${word}）${term.slice(word.length)}` : term);
};

/** The lead's own clause the word that fired a rule stands in, as a reason parameter (none where it adds nothing). */
const quoted = (f: LeadFeatures, idx: number): { quote?: string } => {
  const q = f.firedClause?.get(idx);
  return q ? { quote: q } : {};
};

/** Why a district the request rules out excludes its parks. */
export const districtExclusion = (district: string): Exclusion => ({
  ruleId: 'request-excluded-district',
  reason: reason('exclude.district', { district }),
  source: '客户要求',
});

/** Why a fired exclude-rule excludes the parks in its scope (the same for each of them). */
export function ruleExclusion(f: LeadFeatures, k: Knowledge, idx: number): Exclusion {
  const r = k.rules[idx]!;
  return {
    ruleId: r.id,
    reason: reason('exclude.rule', { text: fill(r.reason, f.fired.get(idx)!, f.glosses), tag: provenanceTag(r), ...quoted(f, idx) }),
    source: r.source,
    provenance: provenanceOf(r),
  };
}

/** Why a missed require-threshold excludes the parks in its scope. */
export function requireExclusion(k: Knowledge, { idx, value }: LeadRules['requireFail'][number]): Exclusion {
  const r = k.rules[idx]!;
  const { below, params } = thresholdParams(r, value);
  return {
    ruleId: r.id,
    reason: reason(below ? 'exclude.requireBelow' : 'exclude.requireAbove', params),
    source: r.source,
    provenance: provenanceOf(r),
  };
}

/** The flag a 示例规则/参照 rule raises where, adopted, it would exclude the park. */
export function advisoryFlag(f: LeadFeatures, k: Knowledge, { idx, value }: LeadRules['advisory'][number]): Flag {
  const r = k.rules[idx]!;
  const base = { code: `advisory:${r.id}`, source: r.source, provenance: provenanceOf(r) };
  if (value === null || !r.threshold)
    return {
      ...base,
      reason: reason('flag.advisoryExclude', { text: fill(r.reason, f.fired.get(idx) ?? '', f.glosses), tag: provenanceTag(r) }),
    };
  const { below, params } = thresholdParams(r, value);
  return { ...base, reason: reason(below ? 'flag.advisoryBelow' : 'flag.advisoryAbove', params) };
}

/** A threshold rule against the lead's figure: which side it fails on, and the reason's parameters (label, value, limit, unit). */
function thresholdParams(r: RuleSeed, value: number) {
  const t = r.threshold!;
  const meta = THRESHOLD_LABEL[t.field];
  const below = t.min !== null && value < t.min;
  return {
    below,
    params: { label: meta.label, value, limit: (below ? t.min : t.max) ?? 0, unit: meta.unit, rule: r.name, tag: provenanceTag(r) },
  };
}

/**
 * Why parks in scope (null: every park) were ruled out, one entry per rule (per district the request
 * rules out) with how many parks it rules out, in the order of the first park each rules out: the
 * summary a results spreadsheet shows without explaining each park.
 */
export function exclusionSummary(
  f: LeadFeatures,
  lr: LeadRules,
  k: Knowledge,
  excludedDistricts: ReadonlySet<string>,
  scope: ParkSet | null,
): (Exclusion & { parks: number })[] {
  const out: (Exclusion & { parks: number; first: number })[] = [];
  const add = (parks: ParkSet | undefined, why: () => Exclusion) => {
    const n = parks ? countBoth(parks, scope) : 0;
    if (n > 0) out.push({ ...why(), parks: n, first: firstBoth(parks!, scope) });
  };
  for (const d of excludedDistricts) add(k.districtParks.get(d), () => districtExclusion(d));
  for (const idx of lr.exclude) add(k.ruleParks[idx], () => ruleExclusion(f, k, idx));
  for (const x of lr.requireFail) add(k.ruleParks[x.idx], () => requireExclusion(k, x));
  return out.sort((a, b) => a.first - b.first).map(({ first: _, ...e }) => e);
}

/** The explained verdict for one park: every exclusion with its rule and source, every flag. */
export function evaluateGates(
  f: LeadFeatures,
  lr: LeadRules,
  cp: CompiledPark,
  k: Knowledge,
  excludedDistricts: ReadonlySet<string>,
): GateResult {
  const exclusions: Exclusion[] = [];
  const flags: Flag[] = [];
  if (excludedDistricts.has(cp.park.district)) exclusions.push(districtExclusion(cp.park.district));
  for (const idx of lr.exclude) if (cp.applies[idx]) exclusions.push(ruleExclusion(f, k, idx));
  for (const x of lr.requireFail) if (cp.applies[x.idx]) exclusions.push(requireExclusion(k, x));
  for (const idx of lr.review) {
    if (!cp.applies[idx]) continue;
    const r = k.rules[idx]!;
    flags.push({
      code: `review:${r.id}`,
      reason: reason('flag.review', { text: fill(r.reason, f.fired.get(idx)!, f.glosses), tag: provenanceTag(r), ...quoted(f, idx) }),
      source: r.source,
      provenance: provenanceOf(r),
    });
  }
  for (const x of lr.advisory) if (cp.applies[x.idx]) flags.push(advisoryFlag(f, k, x));
  for (const idx of lr.requireUnknown) {
    if (!cp.applies[idx]) continue;
    const r = k.rules[idx]!;
    const t = r.threshold!;
    const meta = THRESHOLD_LABEL[t.field];
    flags.push({
      code: `require-unknown:${r.id}`,
      reason: reason('flag.requireUnknown', {
        label: meta.label,
        op: t.min !== null ? '≥' : '<',
        limit: t.min ?? t.max ?? 0,
        unit: meta.unit,
        rule: r.name,
        tag: provenanceTag(r),
      }),
      source: r.source,
      provenance: provenanceOf(r),
    });
  }
  const level = lr.levels.find((i) => cp.applies[i]);
  if (level !== undefined) {
    const r = k.rules[level]!;
    flags.push({
      code: 'review-level',
      reason: reason('flag.reviewLevel', { level: r.reviewLevel!, text: r.reason, tag: provenanceTag(r) }),
      source: r.source,
      provenance: provenanceOf(r),
    });
  }
  return { exclusions, flags };
}
