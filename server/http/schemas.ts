/** Response shapes for the OpenAPI document (requests are validated by the domain schemas). */
import { z } from 'zod';
import { FACTOR_KEYS } from '../domain/lead.schema.js';
import { SPACE_KINDS } from '../domain/space.schema.js';

const ProvenanceSchema = z
  .enum(['文件', '示例规则', '参照', '已采纳'])
  .meta({ description: "how the rule's figures came to be (docs/RULES.md)" });
export const ExclusionSchema = z.object({
  ruleId: z.string(),
  reason: z.string(),
  source: z.string(),
  provenance: ProvenanceSchema.optional(),
});
/** One skipped spreadsheet row: which row, which field, what is wrong (jobs and park import). */
export const RowErrorSchema = z.object({
  row: z.number().int(),
  field: z.string(),
  message: z.string(),
  column: z.string().optional(),
  line: z.number().int().optional(),
});
export const FlagSchema = z.object({ code: z.string(), message: z.string(), source: z.string(), provenance: ProvenanceSchema.optional() });
export const FactorSchema = z.object({
  key: z.enum(FACTOR_KEYS),
  score: z.number().min(0).max(1),
  weight: z.number().min(0).max(1),
  known: z.boolean().meta({ description: 'false: the lead gave nothing to judge by; weight 0' }),
  reasons: z.array(z.string()),
});
export const SpaceFitSchema = z.object({
  spaceId: z.string(),
  building: z.string(),
  floor: z.number().int(),
  areaM2: z.number(),
  landMu: z.number().nullable(),
  clearHeightM: z.number().nullable(),
  floorLoadKnM2: z.number().nullable(),
  kind: z.enum(SPACE_KINDS),
  fit: z.number().min(0).max(1),
  source: z.string(),
});
export const ParkResultSchema = z
  .object({
    parkId: z.string(),
    parkName: z.string(),
    district: z.string(),
    town: z.string(),
    score: z.number().min(0).max(100),
    excluded: z.boolean(),
    exclusions: z.array(ExclusionSchema),
    flags: z.array(FlagSchema),
    factors: z.array(FactorSchema),
    spaces: z.array(SpaceFitSchema),
  })
  .meta({ id: 'ParkResult' });

export const VerdictSchema = z
  .object({
    kind: z.enum(['fit', 'weak', 'noFit', 'unknownIndustry']),
    parkId: z.string().nullable().meta({ description: 'the recommended park for fit/weak' }),
    text: z.string().meta({ description: 'one Chinese sentence for the person' }),
  })
  .meta({ id: 'Verdict' });
export const NearMissSchema = z
  .object({
    parkId: z.string(),
    parkName: z.string(),
    blockers: z.array(
      z.object({
        kind: z.enum(['rule', 'space', 'industry', 'district', 'threshold']),
        text: z.string().meta({ description: 'what blocks, with the figure' }),
        change: z.string().meta({ description: 'what would have to change' }),
      }),
    ),
  })
  .meta({ id: 'NearMiss' });

export const PreferredSchema = z
  .object({
    districts: z.array(z.string()),
    result: z.lazy(() => ParkResultSchema).nullable(),
  })
  .meta({
    id: 'Preferred',
    description:
      "the best eligible park in the lead's preferred districts, shown even when it is not among the top (null result: none there is eligible)",
  });
export const LibraryParkSchema = z
  .object({ parkId: z.string(), parkName: z.string(), district: z.string(), town: z.string(), note: z.string() })
  .meta({ id: 'LibraryPark' });

export const MatchResponseSchema = z
  .object({
    lead: z
      .record(z.string(), z.unknown())
      .meta({ description: 'the lead as understood, normalised (fields read from the summary filled in)' }),
    understanding: z.object({
      industries: z.array(z.object({ name: z.string(), via: z.string(), strength: z.number() })),
      codes: z
        .array(z.object({ code: z.string(), name: z.string(), via: z.string() }))
        .meta({ description: 'GB/T 4754-2017 classes read from the lead, each with the word that pointed to it (API.md v2)' }),
      notOwnProcesses: z.array(z.object({ word: z.string(), actor: z.string() })).meta({
        description:
          "process words the lead does not perform on site: offSite, input, modifier, customer, name (inside a firm's or a work's name)",
      }),
      eia: z
        .array(
          z.object({
            word: z.string(),
            items: z.array(z.number().int()),
            title: z.string(),
            category: z.enum(['报告书', '按规模报告书']),
            via: z.enum(['process', 'class']),
          }),
        )
        .meta({
          description:
            'what the lead does on site placed in the 2021 EIA 名录: the word, the items, 报告书 (whatever the scale) or 按规模报告书 (above a quantity), read from a process or from a class',
        }),
      processes: z.array(z.string()),
      negated: z.array(z.string()),
      pollution: z.record(z.string(), z.unknown()),
      filledFromSummary: z.array(z.string()),
    }),
    verdict: VerdictSchema,
    nearMisses: z.array(NearMissSchema).meta({ description: 'for weak/noFit: the closest parks and what stands in the way' }),
    weights: z.record(z.string(), z.number()),
    eligible: z.number().int(),
    excluded: z.number().int(),
    results: z.array(ParkResultSchema),
    preferred: PreferredSchema.nullable().optional(),
  })
  .meta({ id: 'MatchResponse' });

export const FactSchema = z.object({ key: z.string(), text: z.string(), value: z.number().nullable(), source: z.string() });
export const ParkSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    aliases: z.array(z.string()),
    city: z.string(),
    district: z.string(),
    town: z.string(),
    kind: z.string(),
    program: z.string(),
    batch: z.string().nullable(),
    seq: z.number().nullable(),
    landAreaMu: z.number().nullable(),
    landUse: z.string().nullable(),
    startTime: z.string().nullable(),
    positioning: z.string().nullable(),
    leadingIndustries: z.array(z.string()),
    supportingIndustries: z.array(z.string()),
    developer: z.string().nullable(),
    plotRatioMin: z.number().nullable(),
    envClass: z.string(),
    leadingShareTarget: z.number().nullable(),
    leadingShareCurrent: z.number().nullable(),
    standards: z.record(z.string(), z.unknown()).nullable(),
    description: z.string(),
    facts: z.array(FactSchema),
    source: z.string(),
    vacantSpaces: z.number().int(),
    vacantAreaM2: z.number(),
    location: z
      .object({ lng: z.number(), lat: z.number(), source: z.string() })
      .nullable()
      .meta({ description: '园区坐标（公开资料：公开来源；示例数据：估计位置）；未知为 null' }),
  })
  .meta({ id: 'Park' });
