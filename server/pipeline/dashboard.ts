/**
 * The dashboard of the 招商 centre (issue 18): policy targets against landed and placed projects
 * (GET /api/targets), the pipeline by stage, town and industry, park fill, the latest rule changes,
 * conversion by month, every park on the map with its vacancy and target status, and all of it as one
 * XLSX workbook. Figures are aggregates of the caller's jurisdiction (the system administrator's: all);
 * no lead name, company or contact appears, so every signed-in role may read them (town staff see the
 * same board totals they see on the pipeline page); the workbook is recorded in the audit trail.
 */
import type { Env } from '../env.js';
import type { KnowledgeBase } from '../search/knowledge-base.js';
import type { CompiledPark } from '../domain/knowledge.js';
import { understandLead } from '../domain/lead.features.js';
import { AFFINITY } from '../domain/scoring.constants.js';
import { STAGES, isOpenStage, type Stage } from '../domain/pipeline.schema.js';
import { jurisdictionOfDistrict, type Jurisdiction } from '../domain/jurisdiction.schema.js';
import {
  STATUS_LABEL,
  evaluateTargets,
  worstStatus,
  type TargetInput,
  type TargetLead,
  type TargetPark,
  type TargetRow,
  type TargetStatus,
  type TenantSeed,
} from '../domain/targets.js';
import type { ParkLocation } from '../domain/map.js';
import type { Lead } from '../domain/lead.schema.js';
import { readDashboardData } from '../db/dashboard-files.js';
import { listAllLeads, listRuleChanges, listStageMoves, type RuleChangeRow } from '../db/dashboard.repo.js';
import { listSpaces } from '../db/parks.repo.js';
import { listJurisdictions } from '../db/jurisdictions.repo.js';
import type { StoredLead } from '../db/leads.repo.js';
import { appendAudit } from '../db/audit.js';
import type { OutCell } from '../io/export.js';
import { authoriseCaller, type Caller } from './authorise.js';
import type { PipelineDeps } from './context.js';
import { understandingOf } from './context.js';
import { parkInScope, scopeOf, visibleJurisdictions } from './jurisdictions.js';

export interface DashboardDeps extends Omit<PipelineDeps, 'env'> {
  env: Pick<Env, 'USD_CNY_RATE' | 'SEED_DIR'>;
}

/** A firm relates to a park's leading industries (主导产业及关联产业) from this affinity up: the leading industry itself, narrower or broader, or a supporting one. */
export const RELATED_AFFINITY = AFFINITY.supportingNear;

/** What the dashboard keeps of a lead's understanding: its industries (positioning indexes, best first) and the figures it states. */
interface LeadReading {
  industries: { idx: number; name: string }[];
  lead: Lead;
}

/** Readings per knowledge base (a rebuilt base reads again), per lead id and version. */
const readings = new WeakMap<KnowledgeBase, Map<string, LeadReading>>();

function readLead(deps: DashboardDeps, key: string, lead: Lead): LeadReading {
  const kb = deps.kb();
  let m = readings.get(kb);
  if (!m) readings.set(kb, (m = new Map()));
  let r = m.get(key);
  if (!r) {
    const f = understandLead(lead, kb.k, understandingOf(deps));
    r = { industries: f.industries.map((i) => ({ idx: i.idx, name: i.name })), lead: f.lead };
    m.set(key, r);
  }
  return r;
}

const relatedTo = (cp: CompiledPark | undefined, r: LeadReading): boolean =>
  !!cp && cp.leading.length > 0 && r.industries.some((i) => cp.affValue[i.idx]! >= RELATED_AFFINITY);

const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

export interface Scope {
  scope: Jurisdiction | null;
  jurisdictions: Jurisdiction[];
  parks: CompiledPark[];
  leads: StoredLead[];
}

export function scopeFor(deps: DashboardDeps, caller: Caller): Scope {
  const scope = scopeOf(deps, caller);
  const parks = deps.kb().k.parks.filter((cp) => parkInScope(scope, cp.park.district));
  return { scope, jurisdictions: visibleJurisdictions(deps, caller), parks, leads: listAllLeads(deps.db, scope?.id) };
}

/** Where a lead would be instead (a routing plan's placement): the park and the area of the unit it would take. */
export interface Placement {
  parkId: string;
  areaM2: number | null;
}

/**
 * The targets' input for the scope: its parks, the tenants, and every lead of the scope where it is —
 * or, for a lead in `placements`, where a plan would put it (the same reading, relatedness to that park,
 * and the planned unit's area).
 */
export function targetInput(deps: DashboardDeps, s: Scope, placements: ReadonlyMap<string, Placement> = new Map()): TargetInput {
  const { k } = deps.kb();
  const data = readDashboardData(deps.env.SEED_DIR);
  const all = listJurisdictions(deps.db);
  const visible = new Set(s.jurisdictions.map((j) => j.id));
  const parks = new Map<string, TargetPark>(
    s.parks.map((cp) => [
      cp.park.id,
      {
        id: cp.park.id,
        name: cp.park.name,
        program: cp.park.program,
        jurisdictionId: jurisdictionOfDistrict(all, cp.park.district)?.id ?? null,
      },
    ]),
  );
  const tenants = new Map<string, { tenant: TenantSeed; related: boolean }[]>();
  for (const tenant of data.tenants) {
    const cp = k.parkById.get(tenant.parkId);
    if (!cp || !parks.has(tenant.parkId)) continue;
    const r = readLead(deps, `tenant:${tenant.id}:${tenant.industries.join('|')}`, { industries: tenant.industries });
    tenants.set(tenant.parkId, [...(tenants.get(tenant.parkId) ?? []), { tenant, related: relatedTo(cp, r) }]);
  }
  const spaceArea = new Map(listSpaces(deps.db).map((sp) => [sp.id, sp.areaM2]));
  const leads: TargetLead[] = s.leads.map((l) => {
    const state = l.stage === '投产' ? 'landed' : l.stage === '在建' || isOpenStage(l.stage) ? 'planned' : 'other';
    const moved = placements.get(l.id);
    const parkId = moved ? moved.parkId : l.parkId;
    // a lead under way without a park, or lost, counts in no figure: not read (a plan of many unplaced leads stays cheap)
    if (state === 'other' || (state === 'planned' && !parkId)) return unread(l, state, parkId);
    const r = readLead(deps, `${l.id}:${l.updatedAt}`, l.lead);
    const heldArea = moved ? moved.areaM2 : l.spaceId ? spaceArea.get(l.spaceId) : undefined;
    return {
      id: l.id,
      jurisdictionId: l.jurisdictionId,
      state,
      parkId,
      relatedToPark: relatedTo(parkId ? k.parkById.get(parkId) : undefined, r),
      areaM2: heldArea ?? num(r.lead.floorAreaM2) ?? 0,
      investmentWan: num(r.lead.investmentWan),
      landMu: num(r.lead.landMu),
      annualOutputWan: num(r.lead.annualOutputWan),
      annualTaxWan: num(r.lead.annualTaxWan),
    };
  });
  return {
    targets: data.targets.filter((t) => visible.has(t.jurisdictionId)),
    parks,
    tenants,
    leads,
    jurisdictionNames: new Map(all.map((j) => [j.id, j.name])),
  };
}

/** A lead no target figure counts (lost, or under way without a park). */
const unread = (l: StoredLead, state: TargetLead['state'], parkId: string | null): TargetLead => ({
  id: l.id,
  jurisdictionId: l.jurisdictionId,
  state,
  parkId,
  relatedToPark: false,
  areaM2: 0,
  investmentWan: null,
  landMu: null,
  annualOutputWan: null,
  annualTaxWan: null,
});

const targetRows = (deps: DashboardDeps, s: Scope): TargetRow[] => evaluateTargets(targetInput(deps, s));

/** GET /api/targets: every target row of the caller's jurisdiction. */
export function listTargets(deps: DashboardDeps, caller: Caller): TargetRow[] {
  return targetRows(deps, scopeFor(deps, caller));
}

export interface ParkFill {
  parkId: string;
  parkName: string;
  jurisdictionId: string | null;
  district: string;
  town: string;
  location: ParkLocation | null;
  units: number;
  vacantM2: number;
  reservedM2: number;
  occupiedM2: number;
  /** vacant / all units' area (null: no units on record). */
  vacancyRate: number | null;
  /** The worst status among the park's own targets (null: none). */
  targetStatus: TargetStatus | null;
}

export interface Dashboard {
  jurisdictions: { id: string; name: string }[];
  pipeline: {
    byStage: { stage: Stage; count: number }[];
    byTown: { town: string; open: number; building: number; landed: number; lost: number; total: number }[];
    byIndustry: { industry: string; open: number; total: number }[];
  };
  parks: ParkFill[];
  targets: TargetRow[];
  ruleChanges: { items: RuleChangeRow[]; note: string };
  conversion: { month: string; created: number; signed: number; landed: number; lost: number }[];
  generatedAt: string;
}

const round2 = (v: number) => Math.round(v * 100) / 100;
const NO_TOWN = '（未填报镇街）';
const NO_INDUSTRY = '（未识别产业）';

/** GET /api/dashboard. */
export function dashboard(deps: DashboardDeps, caller: Caller): Dashboard {
  const s = scopeFor(deps, caller);
  const targets = targetRows(deps, s);
  const all = listJurisdictions(deps.db);
  const data = readDashboardData(deps.env.SEED_DIR);

  const byStage = STAGES.map((stage) => ({ stage, count: s.leads.filter((l) => l.stage === stage).length }));
  const towns = new Map<string, Dashboard['pipeline']['byTown'][number]>();
  const industries = new Map<string, { industry: string; open: number; total: number }>();
  for (const l of s.leads) {
    const town = l.sourceTown ?? NO_TOWN;
    const t = towns.get(town) ?? { town, open: 0, building: 0, landed: 0, lost: 0, total: 0 };
    t.total++;
    if (isOpenStage(l.stage)) t.open++;
    else if (l.stage === '在建') t.building++;
    else if (l.stage === '投产') t.landed++;
    else if (l.stage === '流失') t.lost++;
    towns.set(town, t);
    const industry = readLead(deps, `${l.id}:${l.updatedAt}`, l.lead).industries[0]?.name ?? NO_INDUSTRY;
    const i = industries.get(industry) ?? { industry, open: 0, total: 0 };
    i.total++;
    if (isOpenStage(l.stage)) i.open++;
    industries.set(industry, i);
  }

  const statusByPark = new Map<string, TargetStatus[]>();
  for (const r of targets) if (r.parkId) statusByPark.set(r.parkId, [...(statusByPark.get(r.parkId) ?? []), r.status]);
  const inScope = new Set(s.parks.map((cp) => cp.park.id));
  const fill = new Map<string, { units: number; vacant: number; reserved: number; occupied: number }>();
  for (const sp of listSpaces(deps.db)) {
    if (!inScope.has(sp.parkId)) continue;
    const f = fill.get(sp.parkId) ?? { units: 0, vacant: 0, reserved: 0, occupied: 0 };
    f.units++;
    if (sp.status === 'occupied') f.occupied += sp.areaM2;
    else if (sp.status === 'reserved') f.reserved += sp.areaM2;
    else f.vacant += sp.areaM2;
    fill.set(sp.parkId, f);
  }
  const parks: ParkFill[] = s.parks.map((cp) => {
    const f = fill.get(cp.park.id) ?? { units: 0, vacant: 0, reserved: 0, occupied: 0 };
    const total = f.vacant + f.reserved + f.occupied;
    return {
      parkId: cp.park.id,
      parkName: cp.park.name,
      jurisdictionId: jurisdictionOfDistrict(all, cp.park.district)?.id ?? null,
      district: cp.park.district,
      town: cp.park.town,
      location: data.locations.get(cp.park.id) ?? null,
      units: f.units,
      vacantM2: round2(f.vacant),
      reservedM2: round2(f.reserved),
      occupiedM2: round2(f.occupied),
      vacancyRate: total > 0 ? Math.round((f.vacant / total) * 10_000) / 10_000 : null,
      targetStatus: worstStatus(statusByPark.get(cp.park.id) ?? []),
    };
  });

  const months = new Map<string, Dashboard['conversion'][number]>();
  const month = (at: string) => {
    const key = at.slice(0, 7);
    let m = months.get(key);
    if (!m) months.set(key, (m = { month: key, created: 0, signed: 0, landed: 0, lost: 0 }));
    return m;
  };
  for (const l of s.leads) month(l.createdAt).created++;
  for (const mv of listStageMoves(deps.db, s.scope?.id)) {
    if (mv.to === '签约') month(mv.at).signed++;
    else if (mv.to === '投产') month(mv.at).landed++;
    else if (mv.to === '流失') month(mv.at).lost++;
  }

  const ruleItems = listRuleChanges(deps.db, 20, s.scope?.id);
  return {
    jurisdictions: s.jurisdictions.map((j) => ({ id: j.id, name: j.name })),
    pipeline: {
      byStage,
      byTown: [...towns.values()].sort((a, b) => b.total - a.total || a.town.localeCompare(b.town, 'zh')),
      byIndustry: [...industries.values()].sort((a, b) => b.total - a.total || a.industry.localeCompare(b.industry, 'zh')),
    },
    parks,
    targets,
    ruleChanges: {
      items: ruleItems,
      note: ruleItems.length
        ? '规则与园区定位的最近变更（取自审计记录）'
        : '暂无规则或园区定位变更记录。规则管理上线后，这里列出每次变更的时间、操作人、原因及其对项目库的影响。',
    },
    conversion: [...months.values()].sort((a, b) => a.month.localeCompare(b.month)),
    generatedAt: new Date().toISOString(),
  };
}

export interface Sheet {
  name: string;
  header: string[];
  rows: OutCell[][];
}

const pct = (v: number) => Math.round(v * 10_000) / 100;
const figure = (r: TargetRow, v: number) => (r.target.unit === '比例' ? pct(v) : Math.round(v * 100) / 100);

/** The dashboard as sheets (every number of the page), recorded in the audit trail. */
export function dashboardSheets(deps: DashboardDeps, caller: Caller): Sheet[] {
  authoriseCaller(caller, 'dashboard.export');
  const d = dashboard(deps, caller);
  const sheets: Sheet[] = [
    {
      name: '政策目标',
      header: [
        '园区/辖区',
        '指标',
        '目标',
        '单位',
        '实际',
        '若在途项目按计划落地',
        '状态',
        '已落地计数',
        '在途计数',
        '说明',
        '来源',
        '入驻企业数据来源',
      ],
      rows: d.targets.map((r) => [
        r.parkName,
        r.target.label,
        r.target.unit === '比例' ? `≥ ${pct(r.target.value)}%` : `≥ ${r.target.value}`,
        r.target.unit === '比例' ? '%' : r.target.unit,
        r.status === 'noData' ? null : figure(r, r.actual),
        r.status === 'noData' && r.basis.planned === 0 ? null : figure(r, r.pipeline),
        STATUS_LABEL[r.status],
        r.basis.landed,
        r.basis.planned,
        r.note,
        r.target.source,
        r.basis.tenantSource,
      ]),
    },
    { name: '按阶段', header: ['阶段', '项目数'], rows: d.pipeline.byStage.map((x) => [x.stage, x.count]) },
    {
      name: '按镇街',
      header: ['镇街', '在谈(未开工)', '在建', '投产', '流失', '合计'],
      rows: d.pipeline.byTown.map((x) => [x.town, x.open, x.building, x.landed, x.lost, x.total]),
    },
    { name: '按产业', header: ['产业', '在途', '合计'], rows: d.pipeline.byIndustry.map((x) => [x.industry, x.open, x.total]) },
    {
      name: '园区容量',
      header: ['园区', '区', '镇街', '单元数', '空置㎡', '预留㎡', '已入驻㎡', '空置率%', '目标状态', '经度', '纬度', '坐标来源'],
      rows: d.parks.map((p) => [
        p.parkName,
        p.district,
        p.town,
        p.units,
        p.vacantM2,
        p.reservedM2,
        p.occupiedM2,
        p.vacancyRate === null ? null : pct(p.vacancyRate),
        p.targetStatus ? STATUS_LABEL[p.targetStatus] : null,
        p.location?.lng ?? null,
        p.location?.lat ?? null,
        p.location?.source ?? null,
      ]),
    },
    {
      name: '转化',
      header: ['月份', '新增项目', '签约', '投产', '流失'],
      rows: d.conversion.map((m) => [m.month, m.created, m.signed, m.landed, m.lost]),
    },
    {
      name: '规则变更',
      header: ['时间', '操作人', '操作', '对象', '原因'],
      rows: d.ruleChanges.items.length
        ? d.ruleChanges.items.map((r) => [r.at, r.actor, r.action, r.target, typeof r.detail?.reason === 'string' ? r.detail.reason : null])
        : [[d.ruleChanges.note, null, null, null, null]],
    },
  ];
  appendAudit(deps.db, {
    actor: caller.actor.name,
    action: 'export.dashboard',
    object: 'dashboard',
    detail: { format: 'xlsx', rows: sheets.reduce((n, s) => n + s.rows.length, 0) },
  });
  return sheets;
}
