/**
 * Policy targets (API.md v2 "Rule changes and policy targets", GET /api/targets): each target is data
 * with its source clause (data/seed/targets.json); its figures are computed from what has landed
 * (leads at 投产, and the existing tenants of a park, data/seed/tenants.json) and from what would land
 * if the leads under way land where they are placed (the pipeline figure). Pure: the caller hands in
 * the parks, the leads with their understood industries, and the tenants.
 *
 * Status: `met` — the landed figure reaches the target and the pipeline keeps it there; `atRisk` — it
 * reaches it now but the placed leads would pull it below, or it does not yet but would once they
 * land; `missed` — it does not, and would not with them either; `noData` — nothing has landed to
 * measure (no tenants, no landed project, or a figure the demo data does not hold).
 */
import { z } from 'zod';

export const TARGET_KINDS = [
  'leadingShareFirms',
  'leadingShareArea',
  'carrierShareProjects',
  'carrierShareInvestment',
  'carrierShareLand',
  'carrierShareValueAdded',
  'carrierShareTax',
  'perMuInvestment',
  'perMuOutput',
  'perMuTax',
] as const;
export type TargetKind = (typeof TARGET_KINDS)[number];

const source = z.string().min(1, '必须注明来源（文件及条款，或 示例数据）');

export const TargetSeedSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9-]{1,60}$/),
  jurisdictionId: z.string().min(1),
  /** park: one row per park in parkIds; jurisdiction: one row for the whole jurisdiction, the carriers being the parks of `carrierProgram`. */
  scope: z.enum(['park', 'jurisdiction']),
  parkIds: z.array(z.string().min(1)).optional(),
  carrierProgram: z.string().min(1).optional(),
  kind: z.enum(TARGET_KINDS),
  label: z.string().min(1),
  op: z.literal('>='),
  value: z.number().positive(),
  unit: z.string().min(1),
  text: z.string().min(1),
  source,
});
export type TargetSeed = z.infer<typeof TargetSeedSchema>;

/** An existing tenant of a park (demo data: invented, marked 示例数据). */
export const TenantSeedSchema = z.strictObject({
  id: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/),
  parkId: z.string().min(1),
  company: z.string().min(1),
  industries: z.array(z.string().min(1)).min(1),
  floorAreaM2: z.number().nonnegative(),
  source,
});
export type TenantSeed = z.infer<typeof TenantSeedSchema>;

export const STATUSES = ['met', 'atRisk', 'missed', 'noData'] as const;
export type TargetStatus = (typeof STATUSES)[number];
export const STATUS_LABEL: Record<TargetStatus, string> = { met: '已达标', atRisk: '有风险', missed: '未达标', noData: '无数据' };

/** A firm in a park, as the targets count it: a tenant, or a lead placed there. */
export interface Firm {
  /** Its industries relate to the park's leading industries (主导产业及关联产业). */
  related: boolean;
  areaM2: number;
}

/** A lead as the targets read it. */
export interface TargetLead {
  id: string;
  jurisdictionId: string | null;
  /** landed: 投产; planned: under way (open stages and 在建) — counted in the pipeline figure when placed. */
  state: 'landed' | 'planned' | 'other';
  parkId: string | null;
  /** Its industries relate to the leading industries of its park (false without a park). */
  relatedToPark: boolean;
  areaM2: number;
  investmentWan: number | null;
  landMu: number | null;
  annualOutputWan: number | null;
  annualTaxWan: number | null;
}

export interface TargetPark {
  id: string;
  name: string;
  program: string;
  jurisdictionId: string | null;
}

export interface TargetRow {
  id: string;
  jurisdictionId: string;
  scope: 'park' | 'jurisdiction';
  parkId: string | null;
  parkName: string;
  target: { kind: TargetKind; label: string; op: '>='; value: number; unit: string; text: string; source: string };
  actual: number;
  pipeline: number;
  status: TargetStatus;
  /** What the figures are made of: landed firms/projects counted, placed leads added by the pipeline figure, tenants of the demo data. */
  basis: { landed: number; planned: number; tenants: number; tenantSource: string | null };
  /** Why there is no figure (status noData). */
  note: string | null;
  /** Whether each figure is measured (false: no denominator, or a figure the data does not hold; the number shown is then a stand-in). */
  measured: { actual: boolean; pipeline: boolean };
}

/** A share or a ratio: numerator / denominator, null without a denominator. */
interface Figure {
  num: number;
  den: number;
}
const ratio = (f: Figure): number | null => (f.den > 0 ? f.num / f.den : null);
const add = (a: Figure, b: Figure): Figure => ({ num: a.num + b.num, den: a.den + b.den });
const ZERO: Figure = { num: 0, den: 0 };
const round = (v: number) => Math.round(v * 10_000) / 10_000;

export function statusOf(actual: number | null, pipeline: number | null, value: number): TargetStatus {
  if (actual === null) return 'noData';
  const now = actual >= value - 1e-9;
  const later = pipeline === null ? now : pipeline >= value - 1e-9;
  if (now && later) return 'met';
  if (now || later) return 'atRisk';
  return 'missed';
}

const PER_MU_FIELD = { perMuInvestment: 'investmentWan', perMuOutput: 'annualOutputWan', perMuTax: 'annualTaxWan' } as const;
const CARRIER_FIELD = {
  carrierShareInvestment: 'investmentWan',
  carrierShareLand: 'landMu',
  carrierShareTax: 'annualTaxWan',
} as const;

/** One park's figure of a park-scoped target over a set of firms/leads. */
function parkFigure(kind: TargetKind, firms: readonly Firm[], leads: readonly TargetLead[]): Figure {
  switch (kind) {
    case 'leadingShareFirms':
      return firms.reduce((f, x) => add(f, { num: x.related ? 1 : 0, den: 1 }), ZERO);
    case 'leadingShareArea':
      return firms.reduce((f, x) => add(f, { num: x.related ? x.areaM2 : 0, den: x.areaM2 }), ZERO);
    case 'perMuInvestment':
    case 'perMuOutput':
    case 'perMuTax': {
      const field = PER_MU_FIELD[kind];
      return leads.reduce((f, l) => (l.landMu && l.landMu > 0 && l[field] !== null ? add(f, { num: l[field]!, den: l.landMu }) : f), ZERO);
    }
    default:
      return ZERO;
  }
}

/** The jurisdiction-wide share of a carrier target: what landed in the carriers over all that landed. */
function carrierFigure(kind: TargetKind, leads: readonly TargetLead[], carriers: ReadonlySet<string>): Figure | 'unmeasured' {
  if (kind === 'carrierShareValueAdded') return 'unmeasured';
  const measure = (l: TargetLead): number | null => {
    if (kind === 'carrierShareProjects') return 1;
    const field = CARRIER_FIELD[kind as keyof typeof CARRIER_FIELD];
    return l[field];
  };
  return leads.reduce((f, l) => {
    const m = measure(l);
    return m === null || m <= 0 ? f : add(f, { num: l.parkId && carriers.has(l.parkId) ? m : 0, den: m });
  }, ZERO);
}

export interface TargetInput {
  targets: readonly TargetSeed[];
  parks: ReadonlyMap<string, TargetPark>;
  /** Tenants by park. */
  tenants: ReadonlyMap<string, { tenant: TenantSeed; related: boolean }[]>;
  leads: readonly TargetLead[];
  jurisdictionNames: ReadonlyMap<string, string>;
}

/** Every target row of the given targets (parks not in `parks` — out of scope or unknown — are left out). */
export function evaluateTargets(input: TargetInput): TargetRow[] {
  const rows: TargetRow[] = [];
  const byPark = new Map<string, TargetLead[]>();
  for (const l of input.leads) if (l.parkId) byPark.set(l.parkId, [...(byPark.get(l.parkId) ?? []), l]);
  for (const t of input.targets) {
    const target = { kind: t.kind, label: t.label, op: t.op, value: t.value, unit: t.unit, text: t.text, source: t.source };
    if (t.scope === 'park') {
      for (const parkId of t.parkIds ?? []) {
        const park = input.parks.get(parkId);
        if (!park) continue;
        const tenants = input.tenants.get(parkId) ?? [];
        const leads = byPark.get(parkId) ?? [];
        const landed = leads.filter((l) => l.state === 'landed');
        const planned = leads.filter((l) => l.state === 'planned');
        const firm = (l: TargetLead): Firm => ({ related: l.relatedToPark, areaM2: l.areaM2 });
        const tenantFirms = tenants.map((x) => ({ related: x.related, areaM2: x.tenant.floorAreaM2 }));
        const now = parkFigure(t.kind, [...tenantFirms, ...landed.map(firm)], landed);
        const later = add(now, parkFigure(t.kind, planned.map(firm), planned));
        const actual = ratio(now);
        const pipeline = ratio(later);
        const usesTenants = t.kind === 'leadingShareFirms' || t.kind === 'leadingShareArea';
        rows.push({
          id: `${t.id}:${parkId}`,
          jurisdictionId: t.jurisdictionId,
          scope: 'park',
          parkId,
          parkName: park.name,
          target,
          actual: round(actual ?? 0),
          pipeline: round(pipeline ?? actual ?? 0),
          status: statusOf(actual, pipeline, t.value),
          basis: {
            landed: landed.length + (usesTenants ? tenants.length : 0),
            planned: planned.length,
            tenants: usesTenants ? tenants.length : 0,
            tenantSource: usesTenants && tenants.length ? [...new Set(tenants.map((x) => x.tenant.source))].join('；') : null,
          },
          note: actual === null ? (usesTenants ? '尚无入驻企业或投产项目数据' : '尚无填报用地和相应数值的投产项目') : null,
          measured: { actual: actual !== null, pipeline: pipeline !== null },
        });
      }
    } else {
      const carriers = new Set([...input.parks.values()].filter((p) => p.program === t.carrierProgram).map((p) => p.id));
      const mine = input.leads.filter((l) => l.jurisdictionId === t.jurisdictionId);
      if (![...input.parks.values()].some((p) => p.jurisdictionId === t.jurisdictionId)) continue;
      const landed = mine.filter((l) => l.state === 'landed');
      const planned = mine.filter((l) => l.state === 'planned' && l.parkId !== null);
      const now = carrierFigure(t.kind, landed, carriers);
      const later = now === 'unmeasured' ? now : add(now, carrierFigure(t.kind, planned, carriers) as Figure);
      const actual = now === 'unmeasured' ? null : ratio(now);
      const pipeline = later === 'unmeasured' ? null : ratio(later);
      rows.push({
        id: t.id,
        jurisdictionId: t.jurisdictionId,
        scope: 'jurisdiction',
        parkId: null,
        parkName: `${input.jurisdictionNames.get(t.jurisdictionId) ?? t.jurisdictionId}（全辖区）`,
        target,
        actual: round(actual ?? 0),
        pipeline: round(pipeline ?? actual ?? 0),
        status: statusOf(actual, pipeline, t.value),
        basis: { landed: landed.length, planned: planned.length, tenants: 0, tenantSource: null },
        note: now === 'unmeasured' ? '项目库不记录工业增加值，无法计算' : actual === null ? '尚无投产项目（或投产项目未填报该数值）' : null,
        measured: { actual: actual !== null, pipeline: pipeline !== null },
      });
    }
  }
  return rows;
}

/** The worst status among a park's target rows (for the map): missed > atRisk > met > noData. */
export function worstStatus(statuses: readonly TargetStatus[]): TargetStatus | null {
  for (const s of ['missed', 'atRisk', 'met', 'noData'] as const) if (statuses.includes(s)) return s;
  return null;
}
