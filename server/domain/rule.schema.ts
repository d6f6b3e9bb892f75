import { z } from 'zod';
import { ENV_CLASSES } from './park.schema.js';

/** How far a rule reaches. `value` names the city/district/program/kind/park id; null for national. */
export const RuleScopeSchema = z.strictObject({
  level: z.enum(['national', 'city', 'district', 'program', 'parkKind', 'envClass', 'park']),
  value: z.string().min(1).max(64).nullable(),
});

/**
 * What a rule matches. A rule fires when ANY of industryCodes / terms / pollution matches
 * (and no `unlessTerms` word is present, un-negated, in the lead).
 * - industryCodes: GB/T 4754 code prefixes ("3360" matches 3360; "27" matches 2710 …)
 * - terms: process or product words as a lead would write them (电镀, 镀锌, 阳极氧化 …)
 * - pollution: lead pollution attributes
 */
export const RuleMatchSchema = z.strictObject({
  industryCodes: z.array(z.string().regex(/^\d{2,4}$/)).default([]),
  terms: z.array(z.string().min(1).max(20)).default([]),
  unlessTerms: z.array(z.string().min(1).max(20)).default([]),
  pollution: z
    .strictObject({
      wastewater: z.enum(['domestic', 'industrial']).optional(),
      wasteGas: z.enum(['low', 'high']).optional(),
      hazardousChemicals: z.boolean().optional(),
      /** true: fires only for 小试/中试; false: fires only when NOT pilot scale. */
      pilotScale: z.boolean().optional(),
      /** true: fires when the hazardous chemicals the lead holds on site reach their GB 18218-2018 临界量 (a 重大危险源, Σ q/Q ≥ 1). */
      majorHazard: z.boolean().optional(),
    })
    .nullable()
    .default(null),
  /**
   * The 2021 EIA 名录 category of what the lead does on site: 报告书 (a process or a class the 名录 puts in 报告书
   * whatever the scale), 按规模报告书 (报告书 above a quantity the lead does not give: worth a check).
   */
  eia: z.enum(['报告书', '按规模报告书']).optional(),
});

/** A threshold for effect=require: the lead's value must be ≥ min (or ≤ max). */
export const RuleThresholdSchema = z.strictObject({
  field: z.enum(['investmentIntensityWanPerMu', 'outputPerMuWan', 'taxPerMuWan', 'leasedAreaM2', 'investmentWan']),
  min: z.number().nullable().default(null),
  max: z.number().nullable().default(null),
});

export const RuleSeedSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]{1,63}$/),
  /** Short Chinese title: 禁止电镀工艺. */
  name: z.string().min(2).max(60),
  scope: RuleScopeSchema,
  /** exclude 禁止 · review 需联审/柔性审批 (eligible, flagged) · require 门槛 · reviewLevel 审批层级. */
  effect: z.enum(['exclude', 'review', 'require', 'reviewLevel']),
  match: RuleMatchSchema,
  threshold: RuleThresholdSchema.nullable().default(null),
  /** For effect=reviewLevel: the level this rule assigns. */
  reviewLevel: z.enum(['镇审', '区审']).nullable().default(null),
  /** Which environmental classes the rule protects (for env rules); informational. */
  envClasses: z.array(z.enum(ENV_CLASSES)).default([]),
  /** Chinese reason shown to staff; `{term}` is replaced by the matched word. */
  reason: z.string().min(4).max(200),
  /** Document number + clause, or 示例规则 when the demo set invented it. */
  source: z.string().min(2).max(200),
  /**
   * Provenance (docs/RULES.md). `jurisdictionId`: the jurisdiction whose admin manages the rule and
   * whose parks alone it can reach (null: above every jurisdiction — national, provincial, the EIA 名录).
   */
  jurisdictionId: z
    .string()
    .regex(/^[a-z0-9-]{1,40}$/)
    .nullable()
    .default(null),
  /** 参照: taken from another jurisdiction's document as a model (API.md v2); `origin` names it. */
  reference: z.boolean().default(false),
  /** For 参照: the jurisdiction and document the rule really comes from (上海市嘉定区 嘉委发〔2017〕2号 四(一)1). */
  origin: z.string().min(2).max(200).nullable().default(null),
  /** 示例规则: the demo data invented its figures (or the rule as a whole). */
  sample: z.boolean().default(false),
  /** Adopted by the jurisdiction's admin (an adopt action): a 示例规则/参照 rule then gates like a document's. */
  adoption: z
    .strictObject({ by: z.string().min(1).max(64), at: z.string().min(10).max(40), reason: z.string().min(1).max(500) })
    .nullable()
    .default(null),
  /** retired rules are kept (with their versions) but no longer scored. */
  status: z.enum(['active', 'retired']).default('active'),
  /** The rule's version (1: as seeded); every change appends one (knowledge_versions). */
  version: z.number().int().min(1).default(1),
});
export type RuleSeed = z.infer<typeof RuleSeedSchema>;

/** How a rule's figures came to be, as the UI and the reasons say it. */
export type Provenance = '文件' | '示例规则' | '参照' | '已采纳';

type ProvenanceFields = Pick<RuleSeed, 'sample' | 'reference' | 'adoption'>;

/** 已采纳 once adopted; else 参照 (borrowed), 示例规则 (invented) or 文件 (a document of its own scope). */
export const provenanceOf = (r: ProvenanceFields): Provenance =>
  r.adoption ? '已采纳' : r.reference ? '参照' : r.sample ? '示例规则' : '文件';

/**
 * Whether the rule may gate (exclude a park, fail a threshold): a document's rule, or a 示例规则/参照
 * rule its jurisdiction's admin adopted. The others raise flags only (issue 15: invented or borrowed
 * figures never gate real leads).
 */
export const ruleGates = (r: ProvenanceFields): boolean => r.adoption !== null || (!r.sample && !r.reference);

/** The tag a reason carries for a rule that is not plainly a document's: 示例规则/参照 (and not adopted), or 已采纳. */
export function provenanceTag(r: ProvenanceFields & Pick<RuleSeed, 'origin'>): string {
  const p = provenanceOf(r);
  if (p === '文件') return '';
  if (p === '已采纳') return '已采纳';
  if (p === '参照') return `参照${r.origin ? ` ${r.origin}` : ''}，未采纳，仅提示`;
  return '示例规则，未采纳，仅提示';
}
