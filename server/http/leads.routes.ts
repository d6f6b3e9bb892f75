/**
 * The pipeline (招商项目库): POST /api/leads, GET /api/leads (stage, town, park, text; paging),
 * GET /api/leads/{id} (the lead with stage, review level, placement, full history and 流转 ledger),
 * PATCH /api/leads/{id} (validated, unknown fields rejected; every change recorded with from/to).
 */
import { OpenAPIHono, createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import type { AppDeps } from '../deps.js';
import { IdSchema, LeadCreateSchema, LeadPatchSchema, StageSchema } from '../domain/pipeline.schema.js';
import { callerOf } from './session.js';
import { addLead, changeLead, findLeads, readLead } from '../pipeline/leads.js';
import { problem } from './errors.js';
import { pipelineLabels } from './labels-pipeline.js';
import { presentLead, presentLeadDetail } from './present-pipeline.js';
import { LeadDetailSchema, LeadListSchema } from './schemas-pipeline.js';
import { queryBool, queryInt, validationHook } from './validation.js';

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
      town: z.string().trim().min(1).max(40).optional().meta({ description: '报送镇街（包含这些字即可，如“东栅”）' }),
      park: z.string().trim().min(1).max(64).optional().meta({ description: '当前落位园区 id' }),
      q: z.string().trim().min(1).max(100).optional().meta({ description: '项目名称、企业或简介中的文字' }),
      limit: queryInt(1, 500).optional().meta({ description: 'default 50, max 500' }),
      offset: queryInt(0, 10_000_000).optional(),
    }),
  },
  responses: {
    200: { description: 'leads', content: { 'application/json': { schema: LeadListSchema } } },
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

export function leadsRoutes(deps: AppDeps) {
  const app = new OpenAPIHono({ defaultHook: validationHook });

  app.openapi(createRouteDef, (c) => {
    const { stage, owner, actor: _ignored, ...lead } = c.req.valid('json'); // the actor is the signed-in user
    const detail = addLead(deps, { ...callerOf(c), lead, stage, owner });
    return c.json(presentLeadDetail(detail, deps.kb().k, pipelineLabels(deps)), 201);
  });

  app.openapi(listRouteDef, (c) => {
    const q = c.req.valid('query');
    const { items, total } = findLeads(deps, callerOf(c), {
      stage: q.stage,
      open: q.open,
      town: q.town,
      parkId: q.park,
      q: q.q,
      limit: q.limit ?? 50,
      offset: q.offset ?? 0,
    });
    const k = deps.kb().k;
    const labels = pipelineLabels(deps);
    return c.json(
      { items: items.map((x) => ({ ...presentLead(x.lead, k, x.latest, labels), ...(x.restricted ? { restricted: true } : {}) })), total },
      200,
    );
  });

  app.openapi(getRouteDef, (c) =>
    c.json(presentLeadDetail(readLead(deps, callerOf(c), c.req.valid('param').id), deps.kb().k, pipelineLabels(deps)), 200),
  );

  app.openapi(patchRouteDef, (c) => {
    const patch = c.req.valid('json');
    const detail = changeLead(deps, { ...callerOf(c), id: c.req.valid('param').id, patch });
    return c.json(presentLeadDetail(detail, deps.kb().k, pipelineLabels(deps)), 200);
  });

  return app;
}
