/**
 * Review level (审批层级) of a lead: 镇审 or 区审, from the reviewLevel rules in the data set (嘉定
 * 嘉委发〔2017〕2号 四(一)1: by project type — new land, stock renovation — and by leased area; the
 * thresholds are data with their source). The highest level that applies wins (区审 over 镇审).
 */
import type { CompiledPark, Knowledge } from '../knowledge.js';
import type { LeadFeatures } from '../lead.features.js';
import { leadRules } from '../gates.js';
import { provenanceOf, type Provenance } from '../rule.schema.js';

export type ReviewLevelName = '镇审' | '区审';

export interface ReviewLevel {
  level: ReviewLevelName;
  ruleId: string;
  rule: string;
  reason: string;
  source: string;
  /** 参照 (another jurisdiction's document, `origin`), 示例规则, 已采纳 or 文件. */
  provenance: Provenance;
  origin: string | null;
}

/**
 * The lead's review level in `park`; without a park, by the rules of the lead's jurisdiction (each sets
 * its own thresholds, docs/RULES.md), else those above every jurisdiction; null when unknown.
 * `jurisdictionId` undefined (not known at all): the first level that applies anywhere.
 */
export function deriveReviewLevel(f: LeadFeatures, k: Knowledge, park?: CompiledPark, jurisdictionId?: string | null): ReviewLevel | null {
  const levels = leadRules(f, k).levels;
  const of = (j: string | null) => levels.find((i) => (k.rules[i]!.jurisdictionId ?? null) === j);
  const idx = park
    ? levels.find((i) => park.applies[i])
    : jurisdictionId
      ? (of(jurisdictionId) ?? of(null))
      : (of(null) ?? levels.find((i) => k.rules[i]!.scope.level === 'national') ?? levels[0]);
  if (idx === undefined) return null;
  const r = k.rules[idx]!;
  return {
    level: r.reviewLevel as ReviewLevelName,
    ruleId: r.id,
    rule: r.name,
    reason: r.reason,
    source: r.source,
    provenance: provenanceOf(r),
    origin: r.origin,
  };
}
