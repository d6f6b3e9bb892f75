/**
 * 招商一盘棋 over HTTP: POST /api/routing/plan (a plan, nothing written), POST /api/routing/commit
 * (reserve units and append the 流转 ledger in one IMMEDIATE transaction; a unit taken meanwhile → 409),
 * POST /api/routing/{leadId}/accept|reject|withdraw, GET /api/routing/ledger.
 */
import { OpenAPIHono, createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import type { AppDeps } from '../deps.js';
import {
  CommitRequestSchema,
  DecisionSchema,
  IdSchema,
  PlanRequestSchema,
  ROUTING_STATUSES,
  type PlanRequest,
} from '../domain/pipeline.schema.js';
import { DECISION_LABEL, type Decision } from '../domain/routing/ledger.js';
import { callerOf } from './session.js';
import { commitPlacements, decidePlacement, findLedger, planPlacements } from '../pipeline/placements.js';
import { problem } from './errors.js';
import { planTargets } from '../pipeline/plan-targets.js';
import { pipelineLabels } from './labels-pipeline.js';
import { presentCommit, presentLedgerRow, presentPlan } from './present-pipeline.js';
import { CommitResponseSchema, LedgerListSchema, LedgerRowSchema, PlanResponseSchema } from './schemas-pipeline.js';
import { queryInt, validationHook } from './validation.js';

// ---------- plan ----------

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

// ---------- commit ----------

const commitRoute = createRoute({
  method: 'post',
  path: '/routing/commit',
  tags: ['routing'],
  summary: '确认流转：预留空间并记入流转台账 / commit placements (reserve units, append the ledger)',
  request: { body: { required: true, content: { 'application/json': { schema: CommitRequestSchema } } } },
  responses: {
    200: { description: 'committed', content: { 'application/json': { schema: CommitResponseSchema } } },
    400: problem('invalid request (every bad assignment named)'),
    404: problem('unknown lead ids'),
    409: problem('a unit is no longer vacant: nothing was committed'),
  },
});

// ---------- decisions and ledger ----------

const decisionRoute = (d: Decision) =>
  createRoute({
    method: 'post',
    path: `/routing/{leadId}/${d}`,
    tags: ['routing'],
    summary: `${DECISION_LABEL[d]}流转 / ${d} the lead's routing (appends a ledger row${d === 'accept' ? '' : '; releases the unit'})`,
    request: {
      params: z.object({ leadId: IdSchema }),
      body: { required: true, content: { 'application/json': { schema: DecisionSchema } } },
    },
    responses: {
      200: { description: 'the appended ledger row', content: { 'application/json': { schema: LedgerRowSchema } } },
      400: problem('invalid request'),
      404: problem('unknown lead'),
      409: problem('the routing state does not allow it'),
    },
  });

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
    200: { description: 'ledger rows', content: { 'application/json': { schema: LedgerListSchema } } },
    400: problem('invalid request'),
  },
});

export function routingRoutes(deps: AppDeps) {
  const app = new OpenAPIHono({ defaultHook: validationHook });

  app.openapi(planRoute, async (c) => {
    // the body is optional: without one (no content type), every open lead is planned
    const body: PlanRequest = c.req.valid('json') ?? {};
    const caller = callerOf(c);
    const { planId, plan } = await planPlacements(deps, body, 'leadIds', caller);
    // how the plan moves each policy target: computed here from the plan, wherever the plan was solved
    return c.json({ ...presentPlan(planId, plan, pipelineLabels(deps)), targets: planTargets(deps, caller, plan) }, 200);
  });

  app.openapi(commitRoute, (c) => {
    const { actor: _ignored, ...b } = c.req.valid('json'); // the actor is the signed-in user
    return c.json(presentCommit(commitPlacements(deps, { ...callerOf(c), ...b }), deps.kb().k), 200);
  });

  for (const d of ['accept', 'reject', 'withdraw'] as const) {
    app.openapi(decisionRoute(d), (c) => {
      const { reason } = c.req.valid('json'); // a body `actor` is ignored: the actor is the signed-in user
      const row = decidePlacement(deps, { ...callerOf(c), leadId: c.req.valid('param').leadId, decision: d, reason });
      return c.json(presentLedgerRow(row, deps.kb().k, pipelineLabels(deps)), 200);
    });
  }

  app.openapi(ledgerRoute, (c) => {
    const q = c.req.valid('query');
    const { items, total } = findLedger(deps, callerOf(c), {
      leadId: q.leadId,
      creditTown: q.creditTown,
      status: q.status,
      limit: q.limit ?? 50,
      offset: q.offset ?? 0,
    });
    const k = deps.kb().k;
    const labels = pipelineLabels(deps);
    return c.json({ items: items.map((r) => presentLedgerRow(r, k, labels)), total }, 200);
  });

  return app;
}
