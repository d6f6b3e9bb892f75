/**
 * 招商一盘棋 over HTTP: POST /api/routing/plan (a plan, nothing written), POST /api/routing/commit
 * (reserve units and append the 流转 ledger in one IMMEDIATE transaction; a unit taken meanwhile → 409),
 * POST /api/routing/{leadId}/accept|reject|withdraw, GET /api/routing/ledger.
 */
import { OpenAPIHono, createRoute } from '@hono/zod-openapi';
import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { AppDeps } from '../deps.js';
import type { Knowledge } from '../domain/knowledge.js';
import { CommitRequestSchema, DecisionSchema, IdSchema, isOpenStage, MAX_PLAN_LEADS, PlanRequestSchema, ROUTING_STATUSES, type PlanRequest } from '../domain/pipeline.schema.js';
import { buildPlan } from '../domain/routing/plan.js';
import type { Plan, PlanLead, PlanOptions } from '../domain/routing/plan.types.js';
import { evaluatePlacement } from '../domain/routing/placement.js';
import { DECISION_LABEL, STATUS_LABEL, type Decision } from '../domain/routing/ledger.js';
import { renderRoutingReason, routingReason } from '../domain/routing/routing.reasons.js';
import type { RoutingStatus } from '../domain/pipeline.schema.js';
import { getLeads, listOpenLeads, type StoredLead } from '../db/leads.repo.js';
import { commitRoutings, decideRouting, listLedgerAll, spacesByIds, SpaceConflictError, type CommitItem, type RoutingRow } from '../db/routing.repo.js';
import { AppError, invalidInput, type Issue } from '../domain/errors.js';
import { problem } from './errors.js';
import { queryInt, validationHook } from './validation.js';

// ---------- shared with leads.routes.ts ----------

/** Stored leads → the solver's input, with the units they hold. */
export function toPlanLeads(db: AppDeps['db'], leads: readonly StoredLead[]): PlanLead[] {
  const held = spacesByIds(db, leads.flatMap((l) => (l.spaceId ? [l.spaceId] : [])));
  return leads.map((l) => ({
    id: l.id,
    lead: l.lead,
    stage: l.stage,
    reportedAt: l.createdAt,
    current: l.parkId ? { parkId: l.parkId, space: l.spaceId ? (held.get(l.spaceId) ?? null) : null } : null,
  }));
}

/** Loads leads by id; unknown ids → 404 listing every one of them. */
export function loadLeadsOr404(db: AppDeps['db'], ids: readonly string[], path: string): StoredLead[] {
  const unique = [...new Set(ids)];
  const found = getLeads(db, unique);
  const missing = unique.filter((id) => !found.has(id));
  if (missing.length) {
    const issues = missing.map((id) => ({ path: `${path}.${ids.indexOf(id)}`, message: `未找到项目 ${id} / no lead ${id}` }));
    throw new AppError('leads_not_found', { ids: missing.join(', ') }, `unknown lead ids: ${missing.join(', ')}`, issues);
  }
  return unique.map((id) => found.get(id)!);
}

export function presentLedgerRow(r: RoutingRow, k: Knowledge) {
  const name = (id: string | null) => (id ? (k.parkById.get(id)?.park.name ?? id) : null);
  return {
    id: r.id,
    leadId: r.leadId,
    planId: r.planId,
    status: r.status,
    statusLabel: STATUS_LABEL[r.status as RoutingStatus] ?? r.status,
    fromTown: r.fromTown,
    fromParkId: r.fromParkId,
    fromParkName: name(r.fromParkId),
    toParkId: r.toParkId,
    toParkName: name(r.toParkId),
    toTown: r.toTown,
    spaceId: r.spaceId,
    score: r.score,
    actor: r.actor,
    reasons: r.reasons,
    creditTown: r.creditTown,
    reviewLevel: r.reviewLevel,
    at: r.at,
  };
}

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
  })
  .meta({ id: 'LedgerRow' });

// ---------- plan ----------

const planOptions = (deps: AppDeps, b: PlanRequest): PlanOptions => ({
  guessIndustries: deps.kb().guessIndustries,
  usdCnyRate: deps.env.USD_CNY_RATE,
  districts: b.districts,
  excludedDistricts: b.excludedDistricts,
  minScore: b.minScore,
  minSpaceFit: b.minSpaceFit,
});

/** The same placements give the same id, so a commit can name the plan it came from. */
const planIdOf = (plan: Plan) =>
  `pl-${createHash('sha256')
    .update(JSON.stringify(plan.assignments.map((a) => [a.leadId, a.parkId, a.spaceId])))
    .digest('hex')
    .slice(0, 12)}`;

function presentPlan(plan: Plan) {
  return {
    planId: planIdOf(plan),
    assignments: plan.assignments.map((a) => ({
      leadId: a.leadId,
      parkId: a.parkId,
      parkName: a.parkName,
      spaceId: a.spaceId,
      score: a.score,
      leadName: a.leadName,
      district: a.district,
      space: a.space,
      sourceTown: a.sourceTown,
      fromTown: a.fromTown,
      toTown: a.toTown,
      creditTown: a.creditTown,
      crossTown: a.crossTown,
      firstChoice: a.firstChoice,
      current: a.current,
      changed: a.changed,
      reviewLevel: a.reviewLevel?.level ?? null,
      reviewBasis: a.reviewLevel ? { ruleId: a.reviewLevel.ruleId, rule: a.reviewLevel.rule, source: a.reviewLevel.source } : null,
      reasons: a.reasons.map(renderRoutingReason),
    })),
    unassigned: plan.unassigned.map((u) => ({ leadId: u.leadId, reason: renderRoutingReason(u.reason), code: u.code, leadName: u.leadName, rules: u.rules, current: u.current })),
    totalScore: plan.totalScore,
    greedyTotal: plan.baseline.totalScore,
    baseline: plan.baseline,
    conflicts: plan.conflicts,
    stats: plan.stats,
  };
}

const PlanResponseSchema = z
  .object({
    planId: z.string(),
    assignments: z.array(
      z.object({ leadId: z.string(), parkId: z.string(), parkName: z.string(), spaceId: z.string().nullable(), score: z.number(), reasons: z.array(z.string()) }).catchall(z.unknown()),
    ),
    unassigned: z.array(z.object({ leadId: z.string(), reason: z.string(), code: z.string() }).catchall(z.unknown())),
    totalScore: z.number(),
    greedyTotal: z.number().meta({ description: '先到先得（贪心）基线的总分' }),
  })
  .catchall(z.unknown())
  .meta({ id: 'RoutingPlan' });

const planRoute = createRoute({
  method: 'post',
  path: '/routing/plan',
  tags: ['routing'],
  summary: '全区统筹方案（不写入）/ a routing plan across every park (changes nothing)',
  request: { body: { required: false, content: { 'application/json': { schema: PlanRequestSchema } } } },
  responses: {
    200: { description: 'the plan', content: { 'application/json': { schema: PlanResponseSchema } } },
    400: problem('invalid request'),
    404: problem('unknown lead ids (all listed)'),
  },
});

function planFor(deps: AppDeps, b: PlanRequest, path: string): Plan {
  const stored = b.leadIds ? loadLeadsOr404(deps.db, b.leadIds, path) : listOpenLeads(deps.db);
  if (stored.length > MAX_PLAN_LEADS) {
    throw new AppError('plan_too_large', { count: stored.length, max: MAX_PLAN_LEADS });
  }
  return buildPlan(toPlanLeads(deps.db, stored), deps.kb().k, planOptions(deps, b));
}

// ---------- commit ----------

const commitRoute = createRoute({
  method: 'post',
  path: '/routing/commit',
  tags: ['routing'],
  summary: '确认流转：预留空间并记入流转台账 / commit placements (reserve units, append the ledger)',
  request: { body: { required: true, content: { 'application/json': { schema: CommitRequestSchema } } } },
  responses: {
    200: {
      description: 'committed',
      content: {
        'application/json': {
          schema: z.object({
            planId: z.string().nullable(),
            committed: z.array(z.object({ leadId: z.string(), routingId: z.string(), parkId: z.string(), parkName: z.string(), spaceId: z.string().nullable(), score: z.number(), status: z.literal('proposed') })),
            unchanged: z.array(z.string()),
            unassigned: z.array(z.object({ leadId: z.string(), reason: z.string(), code: z.string() })),
          }),
        },
      },
    },
    400: problem('invalid request (every bad assignment named)'),
    404: problem('unknown lead ids'),
    409: problem('a unit is no longer vacant: nothing was committed'),
  },
});

/** Hand-made (reviewed) assignments → commit items; every problem is named at once. */
function itemsFromAssignments(deps: AppDeps, assignments: NonNullable<z.infer<typeof CommitRequestSchema>['assignments']>, planId: string | null): CommitItem[] {
  const k = deps.kb().k;
  const leads = new Map(loadLeadsOr404(deps.db, assignments.map((a) => a.leadId), 'assignments').map((l) => [l.id, l]));
  const spaces = spacesByIds(deps.db, assignments.flatMap((a) => (a.spaceId ? [a.spaceId] : [])));
  const planLeads = new Map(toPlanLeads(deps.db, [...leads.values()]).map((p) => [p.id, p]));
  const issues: Issue[] = [];
  const seenLead = new Set<string>();
  const seenSpace = new Set<string>();
  const items: CommitItem[] = [];
  assignments.forEach((a, i) => {
    const at = `assignments.${i}`;
    const lead = leads.get(a.leadId)!;
    if (seenLead.has(a.leadId)) issues.push({ path: `${at}.leadId`, message: `项目 ${a.leadId} 重复 / lead listed twice` });
    seenLead.add(a.leadId);
    if (!isOpenStage(lead.stage)) issues.push({ path: `${at}.leadId`, message: `项目 ${a.leadId} 处于「${lead.stage}」阶段，不能流转 / lead is not open` });
    const cp = k.parkById.get(a.parkId);
    if (!cp) {
      issues.push({ path: `${at}.parkId`, message: `未找到园区 ${a.parkId} / no park ${a.parkId}` });
      return;
    }
    const space = a.spaceId ? spaces.get(a.spaceId) : null;
    if (a.spaceId) {
      if (seenSpace.has(a.spaceId)) issues.push({ path: `${at}.spaceId`, message: `空间 ${a.spaceId} 分给了多个项目 / space given twice` });
      seenSpace.add(a.spaceId);
      if (!space) return void issues.push({ path: `${at}.spaceId`, message: `未找到空间 ${a.spaceId} / no space ${a.spaceId}` });
      if (space.parkId !== a.parkId) return void issues.push({ path: `${at}.spaceId`, message: `空间 ${a.spaceId} 不属于园区 ${cp.park.name} / space is in another park` });
    }
    const check = evaluatePlacement(planLeads.get(a.leadId)!, k, a.parkId, space ?? null, { guessIndustries: deps.kb().guessIndustries, usdCnyRate: deps.env.USD_CNY_RATE });
    if (!check.admitted) return void issues.push({ path: `${at}.parkId`, message: `园区 ${cp.park.name} 不予准入：${check.exclusions.join('；')}` });
    items.push({
      leadId: a.leadId,
      toParkId: a.parkId,
      toTown: cp.park.town,
      spaceId: a.spaceId,
      score: check.score,
      reasons: [renderRoutingReason(planId ? routingReason('ledger.committed', { planId, spaceId: a.spaceId ?? '' }) : routingReason('ledger.manual')), ...check.reasons.map(renderRoutingReason), ...(a.note ? [renderRoutingReason(routingReason('ledger.note', { text: a.note }))] : [])],
      reviewLevel: check.reviewLevel?.level ?? null,
    });
  });
  if (issues.length) throw invalidInput(issues);
  return items;
}

// ---------- decisions and ledger ----------

const decisionRoute = (d: Decision) =>
  createRoute({
    method: 'post',
    path: `/routing/{leadId}/${d}`,
    tags: ['routing'],
    summary: `${DECISION_LABEL[d]}流转 / ${d} the lead's routing (appends a ledger row${d === 'accept' ? '' : '; releases the unit'})`,
    request: { params: z.object({ leadId: IdSchema }), body: { required: true, content: { 'application/json': { schema: DecisionSchema } } } },
    responses: {
      200: { description: 'the appended ledger row', content: { 'application/json': { schema: LedgerRowSchema } } },
      400: problem('invalid request'),
      404: problem('unknown lead'),
      409: problem('the routing state does not allow it'),
    },
  });

const DECISION_REASON = { accept: 'ledger.accepted', reject: 'ledger.rejected', withdraw: 'ledger.withdrawn' } as const;

const ledgerRoute = createRoute({
  method: 'get',
  path: '/routing/ledger',
  tags: ['routing'],
  summary: '流转台账 / the transfer ledger, newest first',
  request: {
    query: z.strictObject({
      leadId: IdSchema.optional(),
      creditTown: z.string().trim().min(1).max(40).optional().meta({ description: '首谈镇街（保留业绩的镇街）' }),
      status: z.enum(ROUTING_STATUSES).optional(),
      limit: queryInt(1, 500).optional(),
      offset: queryInt(0, 10_000_000).optional(),
    }),
  },
  responses: {
    200: { description: 'ledger rows', content: { 'application/json': { schema: z.object({ items: z.array(LedgerRowSchema), total: z.number().int() }) } } },
    400: problem('invalid request'),
  },
});

export function routingRoutes(deps: AppDeps) {
  const app = new OpenAPIHono({ defaultHook: validationHook });

  app.openapi(planRoute, (c) => {
    // the body is optional: without one (no content type), every open lead is planned
    const body: PlanRequest = c.req.valid('json') ?? {};
    return c.json(presentPlan(planFor(deps, body, 'leadIds')) as never, 200);
  });

  app.openapi(commitRoute, (c) => {
    const b = c.req.valid('json');
    const k = deps.kb().k;
    let items: CommitItem[];
    let unassigned: { leadId: string; reason: string; code: string }[] = [];
    let planId = b.planId ?? null;
    if (b.assignments) items = itemsFromAssignments(deps, b.assignments, planId);
    else {
      const plan = planFor(deps, { leadIds: b.leadIds }, 'leadIds');
      planId ??= planIdOf(plan);
      unassigned = plan.unassigned.map((u) => ({ leadId: u.leadId, reason: renderRoutingReason(u.reason), code: u.code }));
      items = plan.assignments.map((a) => ({
        leadId: a.leadId,
        toParkId: a.parkId,
        toTown: a.toTown,
        spaceId: a.spaceId,
        score: a.score,
        reasons: [renderRoutingReason(routingReason('ledger.committed', { planId: planId ?? '', spaceId: a.spaceId ?? '' })), ...a.reasons.map(renderRoutingReason)],
        reviewLevel: a.reviewLevel?.level ?? null,
      }));
    }
    let result;
    try {
      result = commitRoutings(deps.db, { planId, actor: b.actor, items });
    } catch (e) {
      if (!(e instanceof SpaceConflictError)) throw e;
      const i = b.assignments?.findIndex((a) => a.spaceId === e.spaceId) ?? -1;
      throw e.at(i >= 0 ? `assignments.${i}.spaceId` : 'leadIds');
    }
    if (result.committed.length) deps.reloadKnowledge();
    const byLead = new Map(items.map((it) => [it.leadId, it]));
    return c.json(
      {
        planId,
        committed: result.committed.map((x) => ({
          leadId: x.leadId,
          routingId: x.routingId,
          parkId: x.parkId,
          parkName: k.parkById.get(x.parkId)?.park.name ?? x.parkId,
          spaceId: x.spaceId,
          score: byLead.get(x.leadId)!.score,
          status: 'proposed' as const,
        })),
        unchanged: result.unchanged,
        unassigned,
      },
      200,
    );
  });

  for (const d of ['accept', 'reject', 'withdraw'] as const) {
    app.openapi(decisionRoute(d), (c) => {
      const { leadId } = c.req.valid('param');
      const b = c.req.valid('json');
      const reasons = [renderRoutingReason(routingReason(DECISION_REASON[d])), ...(b.reason ? [renderRoutingReason(routingReason('ledger.note', { text: b.reason }))] : [])];
      const row = decideRouting(deps.db, leadId, d, b.actor, reasons);
      if (d !== 'accept') deps.reloadKnowledge();
      return c.json(presentLedgerRow(row, deps.kb().k) as never, 200);
    });
  }

  app.openapi(ledgerRoute, (c) => {
    const q = c.req.valid('query');
    const { items, total } = listLedgerAll(deps.db, { leadId: q.leadId, creditTown: q.creditTown, status: q.status, limit: q.limit ?? 50, offset: q.offset ?? 0 });
    const k = deps.kb().k;
    return c.json({ items: items.map((r) => presentLedgerRow(r, k)), total } as never, 200);
  });

  return app;
}
