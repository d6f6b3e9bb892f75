/** The Lead (线索/项目) of API.md: the input to every scoring endpoint. zod is the single source of truth. */
import { z } from 'zod';
import { SPACE_KINDS } from './space.schema.js';

const text = (max: number) => z.string().trim().max(max, `不能超过 ${max} 个字符 / at most ${max} characters`);
const amount = (max: number, unit: string) =>
  z
    .number()
    .finite()
    .min(0, '不能为负数 / must not be negative')
    .max(max, `数值过大（上限 ${max} ${unit}）/ too large (max ${max} ${unit})`);
const measure = (max: number, unit: string) =>
  z
    .number()
    .finite()
    .positive('必须大于 0 / must be greater than 0')
    .max(max, `数值过大（上限 ${max} ${unit}）/ too large (max ${max} ${unit})`);
const districtList = z.array(text(20).min(1)).max(20);

export const PollutionSchema = z.strictObject({
  wastewater: z.enum(['none', 'domestic', 'industrial']).optional(),
  wasteGas: z.enum(['none', 'low', 'high']).optional(),
  hazardousChemicals: z.boolean().optional(),
  pilotScale: z.boolean().optional(),
});

export const LeadChainSchema = z.strictObject({
  name: text(60).min(1).optional(),
  position: z.enum(['upstream', 'midstream', 'downstream']).optional(),
});

export const LeadFields = {
  name: text(200).optional(),
  company: text(200).optional(),
  summary: text(2000).optional(),
  industries: z.array(text(60).min(1)).max(20).optional(),
  investmentWan: amount(10_000_000, '万元').optional(),
  floorAreaM2: measure(2_000_000, 'm²').optional(),
  landMu: measure(100_000, '亩').optional(),
  spaceType: z.enum(SPACE_KINDS).optional(),
  /** Several space needs in one lead (2000平研发楼和4000平厂房): the main one is floorAreaM2/spaceType, scored; the others are reported per park. */
  needs: z
    .array(z.strictObject({ kind: z.enum(SPACE_KINDS), areaM2: measure(2_000_000, 'm²') }))
    .max(10)
    .optional(),
  minClearHeightM: measure(50, 'm').optional(),
  minFloorLoadKnM2: measure(200, 'kN/m²').optional(),
  groundFloorOnly: z.boolean().optional(),
  annualOutputWan: amount(100_000_000, '万元').optional(),
  annualTaxWan: amount(10_000_000, '万元').optional(),
  employees: z.number().int('必须是整数 / must be a whole number').min(0).max(1_000_000).optional(),
  energyTce: amount(100_000_000, '吨标煤').optional(),
  pollution: PollutionSchema.optional(),
  chain: LeadChainSchema.optional(),
  sourceTown: text(40).optional(),
  districts: districtList.optional(),
  excludedDistricts: districtList.optional(),
  preferredDistricts: districtList.optional(),
};

const needsSummaryOrIndustry = (l: { summary?: string; industries?: string[] }) =>
  (l.summary ?? '').trim() !== '' || (l.industries ?? []).length > 0;
const NEED_MESSAGE = '项目简介(summary)和所属行业(industries)至少填写一项 / a lead needs a summary or at least one industry';

export const LeadSchema = z
  .strictObject(LeadFields)
  .refine(needsSummaryOrIndustry, { message: NEED_MESSAGE, path: ['summary'] })
  .meta({ id: 'Lead', description: '招商线索/项目 (API.md Lead)' });
export type Lead = z.infer<typeof LeadSchema>;

export const FACTOR_KEYS = ['industry', 'chain', 'space', 'efficiency', 'policy', 'location'] as const;
export type FactorKey = (typeof FACTOR_KEYS)[number];

export const WeightsSchema = z
  .strictObject(
    Object.fromEntries(FACTOR_KEYS.map((k) => [k, z.number().finite().min(0).max(1).optional()])) as Record<
      FactorKey,
      z.ZodOptional<z.ZodNumber>
    >,
  )
  .refine((w) => Object.values(w).some((v) => (v ?? 0) > 0), { message: '至少一个权重大于 0 / at least one weight must be > 0' });
export type WeightsInput = z.infer<typeof WeightsSchema>;

/** POST /api/match body: a Lead, plus optional per-request factor weights (normalised to sum to 1). */
export const MatchRequestSchema = z
  .strictObject({ ...LeadFields, weights: WeightsSchema.optional() })
  .refine(needsSummaryOrIndustry, { message: NEED_MESSAGE, path: ['summary'] })
  .meta({ id: 'MatchRequest' });
export type MatchRequest = z.infer<typeof MatchRequestSchema>;
