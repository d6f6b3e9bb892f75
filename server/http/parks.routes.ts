/** GET /api/parks (search, filters, paging) and GET /api/parks/:id with spaces, rules and chains. */
import { OpenAPIHono, createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import type { AppDeps } from '../deps.js';
import { parkInScope, scopeOf } from '../pipeline/jurisdictions.js';
import { callerOf } from './session.js';
import { readIndustryTerm, type CompiledPark, type Knowledge } from '../domain/knowledge.js';
import type { ParkIndex } from '../search/park.index.js';
import { AFFINITY } from '../domain/scoring.constants.js';
import { listSpaces } from '../db/parks.repo.js';
import { readDashboardData } from '../db/dashboard-files.js';
import type { ParkLocation } from '../domain/map.js';
import { AppError } from '../domain/errors.js';
import { provenanceOf, ruleGates } from '../domain/rule.schema.js';
import { problem } from './errors.js';
import { ParkSchema } from './schemas.js';
import { queryInt, validationHook } from './validation.js';

const ListQuery = z.strictObject({
  q: z.string().trim().max(200).optional().meta({ description: '全文检索（中文），按相关度排序' }),
  district: z.string().trim().max(20).optional(),
  industry: z.string().trim().max(60).optional().meta({ description: '产业名称、产品词或 GB/T 4754 代码' }),
  minVacantM2: queryInt(1, 10_000_000).optional().meta({ description: '最大一处空置空间（厂房、楼层或地块）不小于此面积（㎡）' }),
  limit: queryInt(1, 500).optional().meta({ description: 'default 50, max 500' }),
  offset: queryInt(0, 1_000_000).optional(),
});

const listRoute = createRoute({
  method: 'get',
  path: '/parks',
  tags: ['parks'],
  summary: '园区列表与中文检索 / list and search parks',
  request: { query: ListQuery },
  responses: {
    200: {
      description: 'parks',
      content: { 'application/json': { schema: z.object({ items: z.array(ParkSchema), total: z.number().int() }) } },
    },
    400: problem('invalid request'),
  },
});

const SpaceSchema = z.object({
  id: z.string(),
  building: z.string(),
  floor: z.number(),
  areaM2: z.number(),
  landMu: z.number().nullable(),
  clearHeightM: z.number().nullable(),
  floorLoadKnM2: z.number().nullable(),
  kind: z.string(),
  status: z.string(),
  availableFrom: z.string().nullable(),
  rentYuanPerM2Day: z.number().nullable(),
  source: z.string(),
});
const RuleOutSchema = z.object({
  id: z.string(),
  name: z.string(),
  effect: z.string(),
  scope: z.object({ level: z.string(), value: z.string().nullable() }),
  reason: z.string(),
  source: z.string(),
  effectLabel: z.string().meta({ description: '禁止 | 需审查 | 门槛 | 审批层级' }),
  scopeLabel: z.string().meta({ description: '适用范围，中文：本园区、本类园区、本区、本市、全国' }),
  reasonText: z.string().meta({ description: 'reason 中的 {term} 换成“相关工序/产品”后的中文说明' }),
  reference: z.boolean(),
  origin: z.string().nullable(),
  jurisdictionId: z.string().nullable(),
  provenance: z.string().meta({ description: '文件 | 示例规则 | 参照 | 已采纳 (示例规则/参照 not adopted: flags only, docs/RULES.md)' }),
  gates: z.boolean().meta({ description: 'true: the rule may exclude; false: it only raises flags until adopted' }),
});
const ChainOutSchema = z.object({
  chainId: z.string(),
  name: z.string(),
  holds: z.array(z.object({ nodeId: z.string(), name: z.string(), tier: z.string() })),
  missing: z.array(z.object({ nodeId: z.string(), name: z.string(), tier: z.string() })),
  leaders: z.array(z.object({ company: z.string(), node: z.string() })),
  source: z.string(),
});

const detailRoute = createRoute({
  method: 'get',
  path: '/parks/{id}',
  tags: ['parks'],
  summary: '园区详情：空间、规则、产业链 / park detail',
  request: { params: z.object({ id: z.string().min(1).max(64) }) },
  responses: {
    200: {
      description: 'park',
      content: {
        'application/json': {
          schema: ParkSchema.extend({ spaces: z.array(SpaceSchema), rules: z.array(RuleOutSchema), chains: z.array(ChainOutSchema) }),
        },
      },
    },
    404: problem('unknown park'),
  },
});

/**
 * A text search keeps the parks at least this share of the best hit's relevance: the bigrams every
 * park shares (产业, 业园) give each park a little relevance, and a search for one park by name must
 * not list all of them (a relevance cut for a list, never a scoring threshold).
 */
const SEARCH_RELEVANCE_FLOOR = 0.1;

/**
 * A search: a query of four characters or more that a park's name or alias contains (微创产业园,
 * 杭州桥南高端智造基地) names that park and finds it alone; otherwise the relevant parks, best first.
 */
function searchParks(k: Knowledge, parks: ParkIndex, q: string): CompiledPark[] {
  const hits = parks.search(q, k.parks.length);
  const named =
    [...q].length >= 4
      ? hits.filter((h) => [k.parkById.get(h.id)!.park.name, ...k.parkById.get(h.id)!.park.aliases].some((n) => n.includes(q)))
      : [];
  const floor = (hits[0]?.score ?? 0) * SEARCH_RELEVANCE_FLOOR;
  return (named.length ? named : hits.filter((h) => h.score >= floor)).map((h) => k.parkById.get(h.id)!);
}

/** Rules as a person reads them: what rules a project out first, then reviews, thresholds, review levels. */
const EFFECT_ORDER: Record<string, number> = { exclude: 0, review: 1, require: 2, reviewLevel: 3 };
export const EFFECT_LABEL: Record<string, string> = { exclude: '禁止', review: '需审查', require: '门槛', reviewLevel: '审批层级' };
/** Within an effect, the park's own rules before those of its kind, its district, its city and the nation. */
const SCOPE_ORDER: Record<string, number> = { park: 0, parkKind: 1, envClass: 2, program: 3, district: 4, city: 5, national: 6 };
const ENV_LABEL: Record<string, string> = { clean: '环境友好型', light: '轻污染', general: '一般工业' };

export function scopeLabel(scope: { level: string; value: string | null }): string {
  switch (scope.level) {
    case 'park':
      return '本园区';
    case 'parkKind':
      return `${scope.value ?? ''}类园区`;
    case 'envClass':
      return `${ENV_LABEL[scope.value ?? ''] ?? '同类'}园区`;
    case 'program':
      return `${scope.value ?? ''}园区`;
    case 'district':
      return scope.value ?? '本区';
    case 'city':
      return scope.value ?? '本市';
    default:
      return '全国';
  }
}

/** Parks whose leading or supporting industries cover the industry words (positioning names, product words, codes). */
function industryFilter(k: Knowledge, industry: string): (cp: CompiledPark) => boolean {
  const r = readIndustryTerm(k, industry);
  const idx = [...r.positionings, ...r.narrower];
  return (cp) => idx.some((i) => cp.affValue[i]! >= AFFINITY.supportingSame);
}

/** A park as the API returns it: its facts, its vacancy, and its location on the map (null: unknown). */
export function presentPark(cp: CompiledPark, locations: ReadonlyMap<string, ParkLocation>) {
  const vacant = cp.spaces;
  return {
    ...cp.park,
    vacantSpaces: vacant.length,
    vacantAreaM2: Math.round(vacant.reduce((s, x) => s + x.areaM2, 0) * 100) / 100,
    location: locations.get(cp.park.id) ?? null,
    largestVacantM2: vacant.reduce((m, x) => Math.max(m, x.areaM2), 0),
  };
}

function parkChains(cp: CompiledPark, k: Knowledge) {
  return k.chains
    .map((c) => {
      const node = (id: string) => {
        const n = c.nodes.find((x) => x.id === id)!;
        return { nodeId: n.id, name: n.name, tier: n.tier };
      };
      const mine = c.parkNodes.filter((pn) => pn.parkId === cp.park.id);
      const leaders = c.leaders.filter((l) => l.parkId === cp.park.id);
      return {
        chainId: c.id,
        name: c.name,
        holds: mine.filter((x) => x.role === 'holds').map((x) => node(x.nodeId)),
        missing: mine.filter((x) => x.role === 'missing').map((x) => node(x.nodeId)),
        leaders: leaders.map((l) => ({ company: l.company, node: node(l.nodeId).name })),
        source: c.source,
      };
    })
    .filter((c) => c.holds.length || c.missing.length || c.leaders.length);
}

export function parksRoutes(deps: AppDeps) {
  const app = new OpenAPIHono({ defaultHook: validationHook });
  const locations = () => readDashboardData(deps.env.SEED_DIR).locations;
  app.openapi(listRoute, (c) => {
    const { q, district, industry, minVacantM2, limit = 50, offset = 0 } = c.req.valid('query');
    const { k, parks } = deps.kb();
    let list: CompiledPark[] = q ? searchParks(k, parks, q) : [...k.parks].sort((a, b) => a.park.id.localeCompare(b.park.id));
    if (!q)
      list = [...list].sort(
        (a, b) => a.park.city.localeCompare(b.park.city) || (a.park.seq ?? 999) - (b.park.seq ?? 999) || a.park.id.localeCompare(b.park.id),
      );
    const scope = scopeOf(deps, callerOf(c)); // the user's jurisdiction only
    list = list.filter((cp) => parkInScope(scope, cp.park.district));
    if (district) list = list.filter((cp) => cp.park.district === district);
    if (industry) list = list.filter(industryFilter(k, industry));
    if (minVacantM2 !== undefined) list = list.filter((cp) => cp.spaces.some((x) => x.areaM2 >= minVacantM2));
    return c.json({ items: list.slice(offset, offset + limit).map((cp) => presentPark(cp, locations())), total: list.length }, 200);
  });
  app.openapi(detailRoute, (c) => {
    const { id } = c.req.valid('param');
    const { k } = deps.kb();
    const cp = k.parkById.get(id);
    if (!cp || !parkInScope(scopeOf(deps, callerOf(c)), cp.park.district)) throw new AppError('park_not_found', { parkId: id });
    const spaces = listSpaces(deps.db, id).map(({ parkId: _p, reservedBy: _r, ...s }) => s);
    const rules = cp.rules
      .map((i) => k.rules[i]!)
      .sort(
        (a, b) =>
          (EFFECT_ORDER[a.effect] ?? 9) - (EFFECT_ORDER[b.effect] ?? 9) ||
          (SCOPE_ORDER[a.scope.level] ?? 9) - (SCOPE_ORDER[b.scope.level] ?? 9) ||
          a.name.localeCompare(b.name, 'zh-CN'),
      )
      .map((r) => ({
        id: r.id,
        name: r.name,
        effect: r.effect,
        scope: r.scope,
        reason: r.reason,
        source: r.source,
        effectLabel: EFFECT_LABEL[r.effect] ?? '其他',
        scopeLabel: scopeLabel(r.scope),
        reasonText: r.reason.replaceAll('{term}', r.match.terms.length ? r.match.terms.slice(0, 3).join('、') + '等' : '相关工序或产品'),
        reference: r.reference,
        origin: r.origin,
        jurisdictionId: r.jurisdictionId,
        provenance: provenanceOf(r),
        gates: ruleGates(r),
      }));
    return c.json({ ...presentPark(cp, locations()), spaces, rules, chains: parkChains(cp, k) }, 200);
  });
  return app;
}
