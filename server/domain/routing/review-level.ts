/**
 * Review level (审批层级) of a lead: 镇审 or 区审, from the reviewLevel rules in the data set (嘉定
 * 嘉委发〔2017〕2号 四(一)1: by project type — new land, stock renovation — and by leased area; the
 * thresholds are data with their source). The highest level that applies wins (区审 over 镇审).
 */
import type { CompiledPark, Knowledge } from '../knowledge.js';
import type { LeadFeatures } from '../lead.features.js';
import { leadRules } from '../gates.js';

export type ReviewLevelName = '镇审' | '区审';

export interface ReviewLevel {
  level: ReviewLevelName;
  ruleId: string;
  rule: string;
  reason: string;
  source: string;
}

/** The lead's review level in `park` (or, without a park, by the rules that hold everywhere); null when unknown. */
export function deriveReviewLevel(f: LeadFeatures, k: Knowledge, park?: CompiledPark): ReviewLevel | null {
  const levels = leadRules(f, k).levels;
  const idx = park ? levels.find((i) => park.applies[i]) : (levels.find((i) => k.rules[i]!.scope.level === 'national') ?? levels[0]);
  if (idx === undefined) return null;
  const r = k.rules[idx]!;
  return { level: r.reviewLevel as ReviewLevelName, ruleId: r.id, rule: r.name, reason: r.reason, source: r.source };
}
