/**
 * The pipeline (招商项目库, 嘉委发〔2017〕2号 五、15): stages, and the request schemas of the leads and
 * routing endpoints, built from the Lead fields (lead.schema.ts) with z.strictObject — unknown fields
 * are rejected by name.
 */
import { z } from 'zod';
import { LeadFields } from './lead.schema.js';

/** 线索 → 在谈 → 签约 → 准入 → 审批 → 在建 → 投产; 流失 from any stage. */
export const STAGES = ['线索', '在谈', '签约', '准入', '审批', '在建', '投产', '流失'] as const;
export type Stage = (typeof STAGES)[number];
/** Open leads take part in routing: before 在建, and not lost. */
export const OPEN_STAGES: readonly Stage[] = ['线索', '在谈', '签约', '准入', '审批'];
export const isOpenStage = (s: string) => (OPEN_STAGES as readonly string[]).includes(s);

/** The stages in their order, 流失 aside. */
const ORDERED: readonly Stage[] = STAGES.filter((s) => s !== '流失');

/**
 * What a stage change is: forward by one, lost (流失, from any stage), back (to an earlier stage, or
 * out of 流失), or a skip of stages (refused: stages move forward one at a time). `next` is the stage
 * after `from`.
 */
export function stageMove(from: Stage, to: Stage): { kind: 'same' | 'forward' | 'lost' | 'back' | 'skip'; next: Stage | null } {
  const i = ORDERED.indexOf(from);
  const next = i >= 0 ? (ORDERED[i + 1] ?? null) : null;
  if (from === to) return { kind: 'same', next };
  if (to === '流失') return { kind: 'lost', next };
  if (from === '流失') return { kind: 'back', next };
  const j = ORDERED.indexOf(to);
  return { kind: j === i + 1 ? 'forward' : j < i ? 'back' : 'skip', next };
}

export const StageSchema = z.enum(STAGES, { error: `阶段必须是 ${STAGES.join('、')} 之一 / stage must be one of ${STAGES.join(', ')}` });

export const ROUTING_STATUSES = ['proposed', 'accepted', 'rejected', 'withdrawn'] as const;
export type RoutingStatus = (typeof ROUTING_STATUSES)[number];

const text = (max: number) => z.string().trim().max(max, `不能超过 ${max} 个字符 / at most ${max} characters`);
const actor = text(40).min(1, '请填写操作人 / actor is required');
export const IdSchema = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, '编号格式不正确 / malformed id');

const NEED_MESSAGE = '项目简介(summary)和所属行业(industries)至少填写一项 / a lead needs a summary or at least one industry';
const hasSummaryOrIndustry = (l: { summary?: string | null; industries?: string[] | null }) =>
  (l.summary ?? '').trim() !== '' || (l.industries ?? []).length > 0;

/** POST /api/leads: a Lead, plus the pipeline's own fields. */
export const LeadCreateSchema = z
  .strictObject({
    ...LeadFields,
    stage: StageSchema.optional().meta({ description: '默认 线索' }),
    owner: text(40).optional().meta({ description: '招商负责人' }),
    actor: actor.optional().meta({ description: '已弃用：操作人取自登录会话，此字段被忽略 / ignored: the actor is the signed-in user' }),
  })
  .refine(hasSummaryOrIndustry, { message: NEED_MESSAGE, path: ['summary'] })
  .meta({ id: 'LeadCreate' });
export type LeadCreate = z.infer<typeof LeadCreateSchema>;

/** Lead fields a PATCH may change; null clears a field. */
const nullableLeadFields = Object.fromEntries(Object.entries(LeadFields).map(([k, v]) => [k, v.unwrap().nullable().optional()])) as {
  [K in keyof typeof LeadFields]: z.ZodOptional<z.ZodNullable<ReturnType<(typeof LeadFields)[K]['unwrap']>>>;
};

/** PATCH /api/leads/:id: any Lead field (null clears it), stage, owner; who made the change. */
export const LeadPatchSchema = z
  .strictObject({
    ...nullableLeadFields,
    stage: StageSchema.optional(),
    owner: text(40).nullable().optional(),
    actor: actor.optional().meta({ description: '已弃用：操作人取自登录会话，此字段被忽略 / ignored: the actor is the signed-in user' }),
    reason: text(200).optional().meta({ description: '原因（阶段退回时必填，记入变更记录）/ why (required to move a stage back)' }),
  })
  .refine((p) => Object.keys(p).some((k) => k !== 'actor' && k !== 'reason'), {
    message: '没有要修改的字段 / nothing to change',
    path: ['(body)'],
  })
  .meta({ id: 'LeadPatch' });
export type LeadPatch = z.infer<typeof LeadPatchSchema>;

export const leadNeedsSummaryOrIndustry = hasSummaryOrIndustry;
export const LEAD_NEED_MESSAGE = NEED_MESSAGE;

const districtList = z.array(text(20).min(1)).max(20);

/** The most leads one plan takes (the solver's integer weights stay exact well beyond it). */
export const MAX_PLAN_LEADS = 10_000;

/** POST /api/routing/plan. */
export const PlanRequestSchema = z
  .strictObject({
    leadIds: z.array(IdSchema).min(1).max(5000).optional().meta({ description: '要统筹的项目；省略则为全部在库项目（在建前、未流失）' }),
    districts: districtList.optional().meta({ description: '只在这些区县内安排' }),
    excludedDistricts: districtList.optional(),
    minScore: z.number().finite().min(0).max(100).optional().meta({ description: '低于此分的去向不安排（默认 0）' }),
    minSpaceFit: z
      .number()
      .finite()
      .min(0.1)
      .max(1)
      .optional()
      .meta({ description: '空间单元匹配度下限（默认 0.5）：低于此值的单元视为不满足需求' }),
  })
  .meta({ id: 'PlanRequest' });
export type PlanRequest = z.infer<typeof PlanRequestSchema>;

/** One placement to commit: a lead to a park, and to one of its units (null: the park only). */
export const CommitAssignmentSchema = z.strictObject({
  leadId: IdSchema,
  parkId: z.string().min(1).max(64),
  spaceId: z.string().min(1).max(100).nullable(),
  note: text(200).optional(),
});

/** POST /api/routing/commit: the assignments a person reviewed (from a plan), or leads to plan and commit at once; one of the two is required. */
export const CommitRequestSchema = z
  .strictObject({
    actor: actor.optional().meta({ description: '已弃用：操作人取自登录会话，此字段被忽略 / ignored: the actor is the signed-in user' }),
    planId: z
      .string()
      .regex(/^[a-z0-9-]{1,40}$/)
      .optional(),
    assignments: z.array(CommitAssignmentSchema).min(1).max(5000).optional(),
    leadIds: z.array(IdSchema).min(1).max(5000).optional(),
  })
  .refine((b) => !(b.assignments && b.leadIds), {
    message: 'assignments 与 leadIds 只能给出一个 / give assignments or leadIds, not both',
    path: ['assignments'],
  })
  // a body naming nobody ({"actor": "x"}) must never commit every open lead: the list is explicit
  .refine((b) => b.assignments !== undefined || b.leadIds !== undefined, {
    message:
      '请给出要确认的流转：assignments（统筹方案中逐条核对过的安排）或 leadIds（要统筹并确认的项目）/ give the placements to commit: assignments or leadIds',
    path: ['assignments'],
  })
  .meta({ id: 'CommitRequest' });
export type CommitRequest = z.infer<typeof CommitRequestSchema>;

/** POST /api/routing/{leadId}/accept|reject|withdraw. */
export const DecisionSchema = z
  .strictObject({
    actor: actor.optional().meta({ description: '已弃用：操作人取自登录会话，此字段被忽略 / ignored: the actor is the signed-in user' }),
    reason: text(200).optional(),
  })
  .meta({ id: 'RoutingDecision' });
export type Decision = z.infer<typeof DecisionSchema>;
