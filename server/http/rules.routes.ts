/**
 * Rules and park positionings as managed data (API.md v2 "Rule changes and policy targets";
 * docs/RULES.md): GET /api/rules, GET /api/rules/{id} (with its versions), POST /api/rules/preview,
 * PUT /api/rules/{id}, DELETE /api/rules/{id} (retire), POST /api/rules/{id}/adopt, and a park's
 * positioning: POST /api/parks/{id}/positioning/preview, PUT /api/parks/{id}/positioning.
 * Writes: the admins of the rule's (the park's) jurisdiction, with a reason; every one versioned.
 */
import { OpenAPIHono, createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import type { AppDeps } from '../deps.js';
import { RuleSeedSchema } from '../domain/rule.schema.js';
import { invalidInput } from '../domain/errors.js';
import { applyChange, previewChange, readRule, readRules, warmPreview, type RuleChangeRequest, type RuleInput } from '../pipeline/rules.js';
import { callerOf } from './session.js';
import { scopeOf } from '../pipeline/jurisdictions.js';
import { problem } from './errors.js';
import { validationHook } from './validation.js';

const Reason = z.string().trim().min(2, '请填写变更原因（至少 2 个字）').max(500).meta({ description: '变更原因（必填）' });

/** A rule as stored, as an admin sends it: what only the server sets (adoption, status, version) is left out. */
const RuleInputSchema = RuleSeedSchema.omit({ adoption: true, status: true, version: true, jurisdictionId: true }).extend({
  jurisdictionId: z
    .string()
    .regex(/^[a-z0-9-]{1,40}$/)
    .nullable()
    .optional()
    .meta({ description: '管理该规则的辖区；省略：新规则归当前账号的辖区' }),
  changeReason: Reason.optional(),
});
const ActionSchema = z.strictObject({
  id: z.string().min(1).max(64),
  action: z.enum(['retire', 'adopt']).meta({ description: 'retire 停用 · adopt 采纳（示例规则/参照 起门槛作用）' }),
  changeReason: Reason.optional(),
});
const PreviewBodySchema = z.union([ActionSchema, RuleInputSchema]);

const LeadRefSchema = z.object({ id: z.string(), name: z.string().nullable() });
const ImpactRuleSchema = z.object({
  ruleId: z.string(),
  rule: z.string(),
  reason: z.string(),
  source: z.string(),
  provenance: z.string().nullable(),
  parks: z.number(),
});
const ParkRefSchema = z.object({ parkId: z.string(), parkName: z.string(), score: z.number() }).nullable();
const ImpactSchema = z
  .object({
    leads: z.number().int().meta({ description: '参与评估的在库项目数' }),
    newlyExcluded: z.array(LeadRefSchema.extend({ parks: z.number(), everywhere: z.boolean(), rules: z.array(ImpactRuleSchema) })),
    noLongerExcluded: z.array(LeadRefSchema.extend({ parks: z.number(), rules: z.array(ImpactRuleSchema) })),
    bestParkChanged: z.array(z.object({ lead: LeadRefSchema, from: ParkRefSchema, to: ParkRefSchema })),
    placementsAtRisk: z.array(
      LeadRefSchema.extend({ parkId: z.string(), parkName: z.string(), spaceId: z.string().nullable(), rules: z.array(ImpactRuleSchema) }),
    ),
  })
  .meta({ id: 'RuleImpact' });
const ChangeOutSchema = z.object({
  kind: z.enum(['rule', 'positioning']),
  subjectId: z.string(),
  action: z.enum(['create', 'change', 'retire', 'adopt']),
  before: z.record(z.string(), z.unknown()).nullable(),
  after: z.record(z.string(), z.unknown()),
  impact: ImpactSchema,
  version: z.number().int().optional(),
  at: z.string().optional(),
});
const RuleViewSchema = RuleSeedSchema.extend({
  provenance: z.enum(['文件', '示例规则', '参照', '已采纳']),
  gates: z.boolean().meta({ description: 'true：可排除园区；false：示例规则/参照 未采纳，只提示' }),
}).meta({ id: 'Rule' });
const VersionSchema = z.object({
  id: z.number(),
  kind: z.string(),
  subjectId: z.string(),
  version: z.number(),
  action: z.string(),
  jurisdictionId: z.string().nullable(),
  actor: z.string(),
  at: z.string(),
  reason: z.string(),
  before: z.record(z.string(), z.unknown()).nullable(),
  after: z.record(z.string(), z.unknown()),
  impact: z.record(z.string(), z.unknown()).nullable(),
});

const idParam = z.object({ id: z.string().min(1).max(64) });
const json = <T extends z.ZodType>(schema: T) => ({ required: true, content: { 'application/json': { schema } } });
const ok = (schema: z.ZodType, description: string) => ({ description, content: { 'application/json': { schema } } });

const listRoute = createRoute({
  method: 'get',
  path: '/rules',
  tags: ['rules'],
  summary: '规则列表：本辖区及上级规则，含来源、参照、示例规则、采纳 / the rules of your jurisdiction and above',
  responses: { 200: ok(z.object({ items: z.array(RuleViewSchema) }), 'rules') },
});
const getRoute = createRoute({
  method: 'get',
  path: '/rules/{id}',
  tags: ['rules'],
  summary: '规则及其全部版本 / a rule with its versions',
  request: { params: idParam },
  responses: { 200: ok(z.object({ rule: RuleViewSchema, versions: z.array(VersionSchema) }), 'rule'), 404: problem('unknown rule') },
});
const previewRoute = createRoute({
  method: 'post',
  path: '/rules/preview',
  tags: ['rules'],
  summary: '规则变更影响预览（不写入）/ impact of a rule change on the open leads; nothing is written',
  request: { body: json(PreviewBodySchema) },
  responses: {
    200: ok(ChangeOutSchema, 'impact'),
    400: problem('invalid rule'),
    403: problem('not allowed'),
    404: problem('unknown rule'),
  },
});
const putRoute = createRoute({
  method: 'put',
  path: '/rules/{id}',
  tags: ['rules'],
  summary: '新建或修改规则（记录版本与影响）/ create or change a rule; versioned, with its impact',
  request: { params: idParam, body: json(RuleInputSchema) },
  responses: {
    200: ok(ChangeOutSchema, 'applied'),
    400: problem('invalid rule'),
    403: problem('not allowed'),
    404: problem('unknown rule'),
  },
});
const deleteRoute = createRoute({
  method: 'delete',
  path: '/rules/{id}',
  tags: ['rules'],
  summary: '停用规则（保留全部版本）/ retire a rule (kept with its versions)',
  request: {
    params: idParam,
    query: z.object({ reason: Reason.optional() }),
    body: { required: false, content: { 'application/json': { schema: z.strictObject({ changeReason: Reason }) } } },
  },
  responses: { 200: ok(ChangeOutSchema, 'retired'), 400: problem('no reason'), 403: problem('not allowed'), 404: problem('unknown rule') },
});
const adoptRoute = createRoute({
  method: 'post',
  path: '/rules/{id}/adopt',
  tags: ['rules'],
  summary: '采纳示例规则/参照规则：此后起门槛作用 / adopt a 示例规则 or 参照 rule: it gates from now on',
  request: { params: idParam, body: json(z.strictObject({ changeReason: Reason })) },
  responses: { 200: ok(ChangeOutSchema, 'adopted'), 400: problem('no reason'), 403: problem('not allowed'), 404: problem('unknown rule') },
});
const PositioningSchema = z.strictObject({
  leadingIndustries: z.array(z.string().min(1).max(30)).min(1).max(3).meta({ description: '主导产业（1–3 个产业定位名称）' }),
  supportingIndustries: z.array(z.string().min(1).max(30)).max(10).default([]),
  positioning: z.string().max(500).nullable().optional().meta({ description: '定位说明' }),
  changeReason: Reason.optional(),
});
const positioningPreviewRoute = createRoute({
  method: 'post',
  path: '/parks/{id}/positioning/preview',
  tags: ['rules'],
  summary: '园区定位变更影响预览（不写入）/ impact of a park positioning change; nothing is written',
  request: { params: idParam, body: json(PositioningSchema) },
  responses: { 200: ok(ChangeOutSchema, 'impact'), 400: problem('invalid'), 403: problem('not allowed'), 404: problem('unknown park') },
});
const positioningPutRoute = createRoute({
  method: 'put',
  path: '/parks/{id}/positioning',
  tags: ['rules'],
  summary: '修改园区产业定位（记录版本与影响）/ change a park positioning; versioned, with its impact',
  request: { params: idParam, body: json(PositioningSchema) },
  responses: { 200: ok(ChangeOutSchema, 'applied'), 400: problem('invalid'), 403: problem('not allowed'), 404: problem('unknown park') },
});

const ruleRequest = (body: z.infer<typeof RuleInputSchema>): RuleChangeRequest => {
  const { changeReason: _r, ...rule } = body;
  return { kind: 'rule', action: 'change', rule: rule as RuleInput };
};

export function rulesRoutes(deps: AppDeps) {
  const app = new OpenAPIHono({ defaultHook: validationHook });
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the change's before/after are plain records
  const out = (x: unknown) => x as any;
  app.openapi(listRoute, (c) => {
    const caller = callerOf(c);
    const items = readRules(deps, caller);
    // an admin opening the rules is about to preview a change: the preview threads get ready meanwhile
    if (caller.actor.role === 'admin') void warmPreview(deps, scopeOf(deps, caller)?.id ?? null);
    return c.json({ items }, 200);
  });
  app.openapi(getRoute, (c) => c.json(out(readRule(deps, callerOf(c), c.req.valid('param').id)), 200));
  app.openapi(previewRoute, async (c) => {
    const body = c.req.valid('json');
    const request: RuleChangeRequest = 'action' in body ? { kind: 'rule', action: body.action, id: body.id } : ruleRequest(body);
    return c.json(out(await previewChange(deps, { ...callerOf(c), request, reason: body.changeReason })), 200);
  });
  app.openapi(putRoute, async (c) => {
    const { id } = c.req.valid('param');
    const body = c.req.valid('json');
    if (body.id !== id) throw invalidInput([{ path: 'id', message: `请求体 id（${body.id}）与地址中的 id（${id}）不一致` }]);
    return c.json(out(await applyChange(deps, { ...callerOf(c), request: ruleRequest(body), reason: body.changeReason })), 200);
  });
  app.openapi(deleteRoute, async (c) => {
    const { id } = c.req.valid('param');
    let reason = c.req.valid('query').reason;
    if (!reason && c.req.header('content-type')?.includes('application/json')) reason = c.req.valid('json')?.changeReason;
    return c.json(out(await applyChange(deps, { ...callerOf(c), request: { kind: 'rule', action: 'retire', id }, reason })), 200);
  });
  app.openapi(adoptRoute, async (c) => {
    const { id } = c.req.valid('param');
    const { changeReason } = c.req.valid('json');
    return c.json(
      out(await applyChange(deps, { ...callerOf(c), request: { kind: 'rule', action: 'adopt', id }, reason: changeReason })),
      200,
    );
  });
  const positioning = (parkId: string, b: z.infer<typeof PositioningSchema>): RuleChangeRequest => ({
    kind: 'positioning',
    parkId,
    leadingIndustries: b.leadingIndustries,
    supportingIndustries: b.supportingIndustries,
    positioning: b.positioning,
  });
  app.openapi(positioningPreviewRoute, async (c) => {
    const b = c.req.valid('json');
    return c.json(
      out(await previewChange(deps, { ...callerOf(c), request: positioning(c.req.valid('param').id, b), reason: b.changeReason })),
      200,
    );
  });
  app.openapi(positioningPutRoute, async (c) => {
    const b = c.req.valid('json');
    return c.json(
      out(await applyChange(deps, { ...callerOf(c), request: positioning(c.req.valid('param').id, b), reason: b.changeReason })),
      200,
    );
  });
  return app;
}
