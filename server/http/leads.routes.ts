/**
 * The pipeline (招商项目库): POST /api/leads, GET /api/leads (stage, town, park, text; paging),
 * GET /api/leads/{id} (the lead with stage, review level, placement, full history and 流转 ledger),
 * PATCH /api/leads/{id} (validated, unknown fields rejected; every change recorded with from/to).
 */
import { OpenAPIHono, createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import type { AppDeps } from '../deps.js';
import type { Knowledge } from '../domain/knowledge.js';
import type { Lead } from '../domain/lead.schema.js';
import { understandLead } from '../domain/lead.features.js';
import { IdSchema, isOpenStage, LEAD_NEED_MESSAGE, LeadCreateSchema, leadNeedsSummaryOrIndustry, LeadPatchSchema, StageSchema, type LeadPatch, type Stage } from '../domain/pipeline.schema.js';
import { deriveReviewLevel } from '../domain/routing/review-level.js';
import { renderRoutingReason, routingReason } from '../domain/routing/routing.reasons.js';
import { isPlaced } from '../domain/routing/ledger.js';
import type { RoutingStatus } from '../domain/pipeline.schema.js';
import { createLead, getLead, listHistory, listLeads, updateLead, type StoredLead } from '../db/leads.repo.js';
import { clearPlacementTx, decideTx, latestRoutings, listLedger, markOccupiedTx, routingStatusTx, type RoutingRow } from '../db/routing.repo.js';
import { AppError, invalidInput } from '../domain/errors.js';
import { problem } from './errors.js';
import { LedgerRowSchema, presentLedgerRow } from './routing.routes.js';
import { queryBool, queryInt, validationHook } from './validation.js';

const BUILDING: readonly Stage[] = ['在建', '投产'];

function reviewOf(deps: AppDeps, lead: Lead, parkId: string | null) {
  const kb = deps.kb();
  const f = understandLead(lead, kb.k, { guessIndustries: kb.guessIndustries, usdCnyRate: deps.env.USD_CNY_RATE });
  return deriveReviewLevel(f, kb.k, parkId ? kb.k.parkById.get(parkId) : undefined);
}

function presentLead(l: StoredLead, k: Knowledge, latest?: RoutingRow) {
  const cp = l.parkId ? k.parkById.get(l.parkId) : undefined;
  return {
    id: l.id,
    ...l.lead,
    stage: l.stage,
    open: isOpenStage(l.stage),
    sourceTown: l.sourceTown,
    owner: l.owner,
    reviewLevel: l.reviewLevel,
    placement: l.parkId
      ? {
          parkId: l.parkId,
          parkName: cp?.park.name ?? l.parkId,
          district: cp?.park.district ?? null,
          town: cp?.park.town ?? null,
          spaceId: l.spaceId,
          status: (latest?.status ?? null) as RoutingStatus | null,
          routingId: latest?.id ?? null,
          score: latest?.score ?? null,
        }
      : null,
    createdAt: l.createdAt,
    updatedAt: l.updatedAt,
  };
}

function presentDetail(deps: AppDeps, l: StoredLead) {
  const k = deps.kb().k;
  const ledger = listLedger(deps.db, l.id);
  const review = reviewOf(deps, l.lead, l.parkId);
  return {
    ...presentLead(l, k, ledger.at(-1)),
    reviewBasis: review ? { level: review.level, ruleId: review.ruleId, rule: review.rule, reason: review.reason, source: review.source } : null,
    history: listHistory(deps.db, l.id),
    ledger: ledger.map((r) => presentLedgerRow(r, k)),
  };
}

const PlacementSchema = z
  .object({
    parkId: z.string(),
    parkName: z.string(),
    district: z.string().nullable(),
    town: z.string().nullable(),
    spaceId: z.string().nullable(),
    status: z.string().nullable().meta({ description: 'proposed 待接收 | accepted 已接收' }),
    routingId: z.string().nullable(),
    score: z.number().nullable(),
  })
  .nullable();
const LeadViewSchema = z
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
  })
  .catchall(z.unknown())
  .meta({ id: 'StoredLead', description: 'the Lead fields, plus the pipeline fields' });
const LeadDetailSchema = LeadViewSchema.extend({
  reviewBasis: z.object({ level: z.string(), ruleId: z.string(), rule: z.string(), reason: z.string(), source: z.string() }).nullable(),
  history: z.array(z.object({ id: z.number(), at: z.string(), actor: z.string().nullable(), change: z.record(z.string(), z.object({ from: z.unknown(), to: z.unknown() })) })),
  ledger: z.array(LedgerRowSchema),
}).meta({ id: 'LeadDetail' });

const idParam = z.object({ id: IdSchema });

const createRouteDef = createRoute({
  method: 'post',
  path: '/leads',
  tags: ['leads'],
  summary: '新建线索 / add a lead to the pipeline',
  request: { body: { required: true, content: { 'application/json': { schema: LeadCreateSchema } } } },
  responses: {
    201: { description: 'stored', content: { 'application/json': { schema: LeadDetailSchema } } },
    400: problem('invalid lead'),
  },
});

const listRouteDef = createRoute({
  method: 'get',
  path: '/leads',
  tags: ['leads'],
  summary: '项目库 / list leads (newest first)',
  request: {
    query: z.strictObject({
      stage: StageSchema.optional(),
      open: queryBool.optional().meta({ description: 'true: 只看在库项目（在建前、未流失）' }),
      town: z.string().trim().min(1).max(40).optional().meta({ description: '报送镇街' }),
      park: z.string().trim().min(1).max(64).optional().meta({ description: '当前落位园区 id' }),
      q: z.string().trim().min(1).max(100).optional().meta({ description: '项目名称、企业或简介中的文字' }),
      limit: queryInt(1, 500).optional().meta({ description: 'default 50, max 500' }),
      offset: queryInt(0, 10_000_000).optional(),
    }),
  },
  responses: {
    200: { description: 'leads', content: { 'application/json': { schema: z.object({ items: z.array(LeadViewSchema), total: z.number().int() }) } } },
    400: problem('invalid request'),
  },
});

const getRouteDef = createRoute({
  method: 'get',
  path: '/leads/{id}',
  tags: ['leads'],
  summary: '项目详情：阶段、审批层级、落位、变更记录、流转台账 / a lead with its history and ledger',
  request: { params: idParam },
  responses: {
    200: { description: 'the lead', content: { 'application/json': { schema: LeadDetailSchema } } },
    404: problem('unknown lead'),
  },
});

const patchRouteDef = createRoute({
  method: 'patch',
  path: '/leads/{id}',
  tags: ['leads'],
  summary: '修改项目（阶段、字段；null 清空字段）/ change a lead; every change is recorded',
  request: { params: idParam, body: { required: true, content: { 'application/json': { schema: LeadPatchSchema } } } },
  responses: {
    200: { description: 'the lead after the change', content: { 'application/json': { schema: LeadDetailSchema } } },
    400: problem('invalid change'),
    404: problem('unknown lead'),
  },
});

/** The stored lead with a patch applied: null clears a field. */
function applyPatch(lead: Lead, patch: LeadPatch): Lead {
  const out: Record<string, unknown> = { ...lead };
  for (const [key, v] of Object.entries(patch)) {
    if (key === 'stage' || key === 'owner' || key === 'actor' || v === undefined) continue;
    if (v === null) delete out[key];
    else out[key] = v;
  }
  return out as Lead;
}

export function leadsRoutes(deps: AppDeps) {
  const app = new OpenAPIHono({ defaultHook: validationHook });

  app.openapi(createRouteDef, (c) => {
    const { stage, owner, actor, ...lead } = c.req.valid('json');
    const stored = createLead(deps.db, { lead, stage: stage ?? '线索', owner: owner ?? null, reviewLevel: reviewOf(deps, lead, null)?.level ?? null, actor: actor ?? null });
    return c.json(presentDetail(deps, stored) as never, 201);
  });

  app.openapi(listRouteDef, (c) => {
    const q = c.req.valid('query');
    const { items, total } = listLeads(deps.db, { stage: q.stage, open: q.open, town: q.town, parkId: q.park, q: q.q, limit: q.limit ?? 50, offset: q.offset ?? 0 });
    const latest = latestRoutings(deps.db, items.map((l) => l.id));
    const k = deps.kb().k;
    return c.json({ items: items.map((l) => presentLead(l, k, latest.get(l.id))), total } as never, 200);
  });

  app.openapi(getRouteDef, (c) => {
    const { id } = c.req.valid('param');
    const l = getLead(deps.db, id);
    if (!l) throw new AppError('lead_not_found', { leadId: id });
    return c.json(presentDetail(deps, l) as never, 200);
  });

  app.openapi(patchRouteDef, (c) => {
    const { id } = c.req.valid('param');
    const patch = c.req.valid('json');
    const actor = patch.actor ?? null;
    let released = false;
    const res = updateLead(
      deps.db,
      id,
      actor,
      (cur) => {
        const lead = applyPatch(cur.lead, patch);
        if (!leadNeedsSummaryOrIndustry(lead)) throw invalidInput([{ path: 'summary', message: LEAD_NEED_MESSAGE }]);
        return { lead, stage: patch.stage, owner: patch.owner, reviewLevel: reviewOf(deps, lead, cur.parkId)?.level ?? null };
      },
      (tx, before, after) => {
        if (after.stage === before.stage || !after.parkId) return;
        if (after.stage === '流失') {
          // a lost lead gives its unit back; the ledger says why
          const reasons = [renderRoutingReason(routingReason('ledger.lost'))];
          if (isPlaced(routingStatusTx(tx, id))) decideTx(tx, id, 'withdraw', actor ?? '系统', reasons);
          else clearPlacementTx(tx, after, actor, after.updatedAt);
          released = true;
        } else if (BUILDING.includes(after.stage) !== BUILDING.includes(before.stage)) markOccupiedTx(tx, after, BUILDING.includes(after.stage));
      },
    );
    if (!res) throw new AppError('lead_not_found', { leadId: id });
    if (released) deps.reloadKnowledge();
    return c.json(presentDetail(deps, res.lead) as never, 200);
  });

  return app;
}
