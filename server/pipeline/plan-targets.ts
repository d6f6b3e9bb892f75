/**
 * How a routing plan moves the policy targets (issue 18 item 3, "the routing plan can show how it moves
 * each target"): every target row of the caller's jurisdiction computed twice by the one target
 * computation (domain/targets.ts evaluateTargets) — with the open leads where they are now, and with the
 * plan's placements landed (each assigned lead in its planned park, with the planned unit's area). The
 * rows are computed here, on the request thread, from the plan itself, so a plan solved on a scoring
 * worker and one solved here give the same rows. Nothing is written.
 */
import type { Plan } from '../domain/routing/plan.types.js';
import { evaluateTargets, type TargetKind, type TargetRow, type TargetStatus } from '../domain/targets.js';
import type { Caller } from './authorise.js';
import { scopeFor, targetInput, type DashboardDeps, type Placement } from './dashboard.js';

export interface PlanTargetRow {
  /** The target row's id (as GET /api/targets names it). */
  id: string;
  scope: 'park' | 'jurisdiction';
  parkId: string | null;
  /** The park, or the jurisdiction (全辖区). */
  parkName: string;
  target: { kind: TargetKind; label: string; op: '>='; value: number; unit: string; text: string; source: string };
  /** The landed figure (null: nothing landed to measure). */
  actual: number | null;
  /** The pipeline figure with the open leads where they are now (null: nothing to measure). */
  pipelineBefore: number | null;
  /** The same figure if the plan's placements land. */
  withPlan: number | null;
  statusBefore: TargetStatus;
  statusWithPlan: TargetStatus;
  /** Placed leads counted in the pipeline figure, now and with the plan. */
  planned: { before: number; withPlan: number };
  /** The plan moves this row's figure or its status (a lead counted without a figure to add, e.g. no tax stated, does not). */
  moved: boolean;
  note: string | null;
}

const pipelineOf = (r: TargetRow): number | null => (r.measured.pipeline ? r.pipeline : null);

/** The plan's placements: every assigned lead in its planned park (kept ones where they are). */
export function placementsOf(plan: Plan): Map<string, Placement> {
  return new Map(plan.assignments.map((a) => [a.leadId, { parkId: a.parkId, areaM2: a.space?.areaM2 ?? null }]));
}

/** Every target row of the caller's jurisdiction, before and with the plan; rows the plan moves first (in target order). */
export function planTargets(deps: DashboardDeps, caller: Caller, plan: Plan): PlanTargetRow[] {
  const s = scopeFor(deps, caller);
  const now = evaluateTargets(targetInput(deps, s));
  const later = new Map(evaluateTargets(targetInput(deps, s, placementsOf(plan))).map((r) => [r.id, r]));
  const rows = now.map((b): PlanTargetRow => {
    const w = later.get(b.id) ?? b;
    const before = pipelineOf(b);
    const withPlan = pipelineOf(w);
    return {
      id: b.id,
      scope: b.scope,
      parkId: b.parkId,
      parkName: b.parkName,
      target: b.target,
      actual: b.measured.actual ? b.actual : null,
      pipelineBefore: before,
      withPlan,
      statusBefore: b.status,
      statusWithPlan: w.status,
      planned: { before: b.basis.planned, withPlan: w.basis.planned },
      moved: before !== withPlan || b.status !== w.status,
      note: w.note,
    };
  });
  return [...rows.filter((r) => r.moved), ...rows.filter((r) => !r.moved)];
}
