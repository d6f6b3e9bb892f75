/**
 * The dashboard and the 招商地图 (API.md v2 "Rule changes and policy targets", "The map"):
 * GET /api/targets, GET /api/dashboard, GET /api/dashboard/export.xlsx, GET /api/geo and
 * GET /api/geo/{jurisdictionId} (district boundaries from data/geo/, built by scripts/build-geo.ts),
 * and the chart library itself at /vendor/echarts.min.js, served from the installed npm package (no CDN).
 */
import { OpenAPIHono, createRoute } from '@hono/zod-openapi';
import { Hono } from 'hono';
import { z } from 'zod';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { AppDeps } from '../deps.js';
import { dashboard, dashboardSheets, listTargets } from '../pipeline/dashboard.js';
import { visibleJurisdictions } from '../pipeline/jurisdictions.js';
import { readGeo } from '../db/dashboard-files.js';
import { attachment } from '../io/export.js';
import { toXlsxBook } from '../io/workbook.js';
import { callerOf } from './session.js';
import { ApiProblem, errorBody, problem } from './errors.js';
import { validationHook } from './validation.js';

const StatusSchema = z.enum(['met', 'atRisk', 'missed', 'noData']);
export const TargetRowSchema = z
  .object({
    id: z.string(),
    jurisdictionId: z.string(),
    scope: z.enum(['park', 'jurisdiction']).meta({ description: 'park: 单个园区的目标；jurisdiction: 全辖区目标（parkId 为 null）' }),
    parkId: z.string().nullable(),
    parkName: z.string(),
    target: z.object({
      kind: z.string(),
      label: z.string(),
      op: z.literal('>='),
      value: z.number(),
      unit: z.string(),
      text: z.string(),
      source: z.string().meta({ description: '文件及条款，或 示例数据' }),
    }),
    actual: z.number().meta({ description: '已落地（投产项目与在园企业）的实际值；比例为 0..1' }),
    pipeline: z.number().meta({ description: '在途项目（已安排园区）按计划落地后的值' }),
    status: StatusSchema,
    basis: z.object({
      landed: z.number().int(),
      planned: z.number().int(),
      tenants: z.number().int(),
      tenantSource: z.string().nullable(),
    }),
    note: z.string().nullable(),
  })
  .meta({ id: 'TargetRow' });

const targetsRoute = createRoute({
  method: 'get',
  path: '/targets',
  tags: ['dashboard'],
  summary: '政策目标及完成情况 / policy targets against landed and planned projects',
  responses: {
    200: { description: 'targets', content: { 'application/json': { schema: z.object({ items: z.array(TargetRowSchema) }) } } },
  },
});

const LocationSchema = z.object({ lng: z.number(), lat: z.number(), source: z.string() }).nullable();
const DashboardSchema = z
  .object({
    jurisdictions: z.array(z.object({ id: z.string(), name: z.string() })),
    pipeline: z.object({
      byStage: z.array(z.object({ stage: z.string(), count: z.number().int() })),
      byTown: z.array(
        z.object({
          town: z.string(),
          open: z.number().int(),
          building: z.number().int(),
          landed: z.number().int(),
          lost: z.number().int(),
          total: z.number().int(),
        }),
      ),
      byIndustry: z.array(z.object({ industry: z.string(), open: z.number().int(), total: z.number().int() })),
    }),
    parks: z.array(
      z.object({
        parkId: z.string(),
        parkName: z.string(),
        jurisdictionId: z.string().nullable(),
        district: z.string(),
        town: z.string(),
        location: LocationSchema,
        units: z.number().int(),
        vacantM2: z.number(),
        reservedM2: z.number(),
        occupiedM2: z.number(),
        vacancyRate: z.number().nullable(),
        targetStatus: StatusSchema.nullable(),
      }),
    ),
    targets: z.array(TargetRowSchema),
    ruleChanges: z.object({
      items: z.array(
        z.object({
          at: z.string(),
          actor: z.string(),
          action: z.string(),
          target: z.string().nullable(),
          detail: z.record(z.string(), z.unknown()).nullable(),
        }),
      ),
      note: z.string(),
    }),
    conversion: z.array(
      z.object({
        month: z.string(),
        created: z.number().int(),
        signed: z.number().int(),
        landed: z.number().int(),
        lost: z.number().int(),
      }),
    ),
    generatedAt: z.string(),
  })
  .meta({ id: 'Dashboard' });

const dashboardRoute = createRoute({
  method: 'get',
  path: '/dashboard',
  tags: ['dashboard'],
  summary: '招商看板：项目库、园区容量、政策目标、规则变更、转化 / the dashboard figures',
  responses: { 200: { description: 'dashboard', content: { 'application/json': { schema: DashboardSchema } } } },
});

const exportRoute = createRoute({
  method: 'get',
  path: '/dashboard/export.xlsx',
  tags: ['dashboard'],
  summary: '看板全部数字导出为 XLSX / every number of the dashboard as a workbook',
  responses: {
    200: {
      description: 'XLSX',
      content: { 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': { schema: z.string().meta({ format: 'binary' }) } },
    },
    403: problem('not allowed'),
  },
});

const GeoSchema = z
  .object({ type: z.literal('FeatureCollection'), source: z.string(), features: z.array(z.record(z.string(), z.unknown())) })
  .passthrough()
  .meta({ id: 'GeoJSON' });
const geoAllRoute = createRoute({
  method: 'get',
  path: '/geo',
  tags: ['map'],
  summary: '所辖辖区的区县边界（GeoJSON，随产品提供，不联网）/ district boundaries of the caller’s jurisdictions',
  responses: { 200: { description: 'GeoJSON', content: { 'application/json': { schema: GeoSchema } } } },
});
const geoRoute = createRoute({
  method: 'get',
  path: '/geo/{jurisdictionId}',
  tags: ['map'],
  summary: '一个辖区的区县边界（GeoJSON）/ district boundaries of one jurisdiction',
  request: { params: z.object({ jurisdictionId: z.string().min(1).max(40) }) },
  responses: {
    200: { description: 'GeoJSON', content: { 'application/json': { schema: GeoSchema } } },
    404: problem('unknown jurisdiction'),
  },
});

export function dashboardRoutes(deps: AppDeps) {
  const app = new OpenAPIHono({ defaultHook: validationHook });
  app.openapi(targetsRoute, (c) => c.json({ items: listTargets(deps, callerOf(c)) }, 200));
  app.openapi(dashboardRoute, (c) => c.json(dashboard(deps, callerOf(c)), 200));
  app.openapi(exportRoute, async (c) => {
    const buf = await toXlsxBook(dashboardSheets(deps, callerOf(c)));
    const day = new Date().toISOString().slice(0, 10);
    return c.body(new Uint8Array(buf), 200, {
      'Content-Type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      'Content-Disposition': attachment(`招商看板-${day}.xlsx`, `dashboard-${day}.xlsx`),
    });
  });
  app.openapi(geoAllRoute, (c) => {
    const features = [];
    const sources: string[] = [];
    for (const j of visibleJurisdictions(deps, callerOf(c))) {
      const g = readGeo(j.id);
      if (!g) continue;
      sources.push(g.source);
      features.push(...g.features.map((f) => ({ ...f, properties: { ...f.properties, jurisdictionId: j.id } })));
    }
    return c.json({ type: 'FeatureCollection' as const, source: sources.join('；'), features }, 200);
  });
  app.openapi(geoRoute, (c) => {
    const { jurisdictionId } = c.req.valid('param');
    const visible = visibleJurisdictions(deps, callerOf(c)).some((j) => j.id === jurisdictionId);
    const g = visible ? readGeo(jurisdictionId) : null;
    if (!g)
      return c.json(
        errorBody(new ApiProblem(404, 'not_found', `未找到辖区 ${jurisdictionId} 的边界 / no boundaries for this jurisdiction`)),
        404,
      );
    return c.json(g, 200);
  });
  return app;
}

const require = createRequire(import.meta.url);

/** /vendor/echarts.min.js: Apache ECharts from node_modules (the page needs a signed-in user; the library does not). */
export function vendorRoutes() {
  const app = new Hono();
  let echarts: string | null = null;
  app.get('/echarts.min.js', (c) => {
    echarts ??= readFileSync(join(dirname(require.resolve('echarts/package.json')), 'dist', 'echarts.min.js'), 'utf8');
    return c.body(echarts, 200, { 'Content-Type': 'text/javascript; charset=utf-8', 'Cache-Control': 'public, max-age=86400' });
  });
  return app;
}
