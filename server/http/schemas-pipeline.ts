/** Response shapes of the pipeline endpoints (leads, routing) for the OpenAPI document and the presenters' types. */
import { z } from 'zod';
import { STATUSES } from '../domain/targets.js';
import { ROUTING_STATUSES, StageSchema } from '../domain/pipeline.schema.js';

export const LedgerRowSchema = z
  .object({
    id: z.string(),
    leadId: z.string(),
    planId: z.string().nullable(),
    status: z.enum(ROUTING_STATUSES),
    statusLabel: z.string(),
    fromTown: z.string().nullable(),
    fromParkId: z.string().nullable(),
    fromParkName: z.string().nullable(),
    toParkId: z.string().nullable(),
    toParkName: z.string().nullable(),
    toTown: z.string().nullable(),
    spaceId: z.string().nullable(),
    score: z.number().nullable(),
    actor: z.string().nullable(),
    reasons: z.array(z.string()),
    creditTown: z.string().nullable().meta({ description: '首谈镇街（报送镇街），保留招商业绩' }),
    reviewLevel: z.string().nullable(),
    at: z.string(),
    fromLabel: z.string().meta({ description: '从：原园区，或首谈镇街，或“首次落位”' }),
    toLabel: z.string().meta({ description: '到：园区（镇街），镇街待核实时只写园区' }),
    spaceLabel: z.string().optional().meta({ description: '空间：1号厂房 8层 3,680㎡ 厂房，或“不占用空间”' }),
    actorName: z.string().optional().meta({ description: '操作人姓名' }),
  })
  .meta({ id: 'LedgerRow' });
export type LedgerRowView = z.infer<typeof LedgerRowSchema>;

const PlacementSchema = z
  .object({
    parkId: z.string(),
    parkName: z.string(),
    district: z.string().nullable(),
    town: z.string().nullable(),
    spaceId: z.string().nullable(),
    spaceLabel: z.string().optional().meta({ description: '空间：1号厂房 8层 3,680㎡ 厂房' }),
    status: z.string().nullable().meta({ description: 'proposed 待接收 | accepted 已接收' }),
    routingId: z.string().nullable(),
    score: z.number().nullable(),
  })
  .nullable();

export const LeadViewSchema = z
  .object({
    id: z.string(),
    stage: StageSchema,
    open: z.boolean(),
    sourceTown: z.string().nullable(),
    owner: z.string().nullable(),
    reviewLevel: z.string().nullable().meta({ description: '镇审 | 区审 | null (unknown)' }),
    placement: PlacementSchema,
    createdAt: z.string(),
    updatedAt: z.string(),
    restricted: z
      .boolean()
      .optional()
      .meta({ description: 'true：其他镇街报送的项目，只含统筹所需字段（无企业、简介、负责人、变更记录）' }),
  })
  .catchall(z.unknown())
  .meta({ id: 'StoredLead', description: 'the Lead fields, plus the pipeline fields' });
export type LeadView = z.infer<typeof LeadViewSchema>;

export const LeadDetailSchema = LeadViewSchema.extend({
  reviewBasis: z
    .object({
      level: z.string(),
      ruleId: z.string(),
      rule: z.string(),
      reason: z.string(),
      source: z.string(),
      provenance: z.string().optional().meta({ description: '参照 | 示例规则 | 已采纳 | 文件' }),
      origin: z.string().nullable().optional().meta({ description: 'for 参照: the jurisdiction and document it comes from' }),
    })
    .nullable(),
  history: z.array(
    z.object({
      id: z.number(),
      at: z.string(),
      actor: z.string().nullable(),
      change: z.record(z.string(), z.object({ from: z.unknown(), to: z.unknown() })),
      actorName: z.string().optional().meta({ description: '操作人姓名' }),
      changes: z
        .array(z.object({ label: z.string(), from: z.string(), to: z.string() }))
        .optional()
        .meta({ description: '变更内容，中文字段名与带单位的值（空值为“（空）”）' }),
    }),
  ),
  ledger: z.array(LedgerRowSchema),
}).meta({ id: 'LeadDetail' });
export type LeadDetailView = z.infer<typeof LeadDetailSchema>;

export const LeadListSchema = z.object({ items: z.array(LeadViewSchema), total: z.number().int() });
export const LedgerListSchema = z.object({ items: z.array(LedgerRowSchema), total: z.number().int() });

export const PlanResponseSchema = z
  .object({
    planId: z.string(),
    assignments: z.array(
      z
        .object({
          leadId: z.string(),
          parkId: z.string(),
          parkName: z.string(),
          spaceId: z.string().nullable(),
          score: z.number(),
          reasons: z.array(z.string()),
        })
        .catchall(z.unknown()),
    ),
    unassigned: z.array(z.object({ leadId: z.string(), reason: z.string(), code: z.string() }).catchall(z.unknown())),
    totalScore: z.number(),
    greedyTotal: z.number().meta({ description: '先到先得（贪心）基线的总分' }),
    targets: z
      .array(
        z
          .object({
            id: z.string(),
            scope: z.enum(['park', 'jurisdiction']),
            parkId: z.string().nullable(),
            parkName: z.string(),
            target: z
              .object({ kind: z.string(), label: z.string(), value: z.number(), unit: z.string(), source: z.string() })
              .catchall(z.unknown()),
            actual: z.number().nullable(),
            pipelineBefore: z.number().nullable(),
            withPlan: z.number().nullable(),
            statusBefore: z.enum(STATUSES),
            statusWithPlan: z.enum(STATUSES),
            moved: z.boolean(),
          })
          .catchall(z.unknown()),
      )
      .optional()
      .meta({
        description:
          '方案对政策目标的影响：辖区每项目标按现状（在途项目在当前位置）与按方案落地后的在途口径数值和状态（met/atRisk/missed/noData），受方案影响的排在前面',
      }),
  })
  .catchall(z.unknown())
  .meta({ id: 'RoutingPlan' });
export type PlanView = z.infer<typeof PlanResponseSchema>;

export const CommitResponseSchema = z.object({
  planId: z.string().nullable(),
  committed: z.array(
    z.object({
      leadId: z.string(),
      routingId: z.string(),
      parkId: z.string(),
      parkName: z.string(),
      spaceId: z.string().nullable(),
      score: z.number(),
      status: z.literal('proposed'),
    }),
  ),
  unchanged: z.array(z.string()),
  unassigned: z.array(z.object({ leadId: z.string(), reason: z.string(), code: z.string() })),
});
export type CommitView = z.infer<typeof CommitResponseSchema>;
