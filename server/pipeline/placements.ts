/**
 * Placements (招商一盘棋): planning (nothing written), committing placements (units reserved and the
 * 流转 ledger appended in one transaction; a unit taken meanwhile refuses the whole commit), and the
 * receiving side's or the district's decisions (accept, reject, withdraw).
 */
import { createHash } from 'node:crypto';
import type { Db } from '../db/client.js';
import { getLeads, listOpenLeads, type StoredLead } from '../db/leads.repo.js';
import {
  commitRoutings,
  decideRouting,
  latestRoutings,
  listLedgerAll,
  spacesByIds,
  SpaceConflictError,
  type CommitItem,
  type LedgerFilter,
  type RoutingRow,
} from '../db/routing.repo.js';
import { AppError, invalidInput, type Issue } from '../domain/errors.js';
import { isOpenStage, MAX_PLAN_LEADS, type CommitRequest, type PlanRequest } from '../domain/pipeline.schema.js';
import type { Decision } from '../domain/routing/ledger.js';
import { evaluatePlacement } from '../domain/routing/placement.js';
import { buildPlan } from '../domain/routing/plan.js';
import type { Plan, PlanLead, PlanOptions, PlanUnassigned } from '../domain/routing/plan.types.js';
import { renderRoutingReason, routingReason } from '../domain/routing/routing.reasons.js';
import { authoriseCaller, type Action, type Caller } from './authorise.js';
import { understandingOf, type PipelineDeps } from './context.js';
import { loadLeads } from './leads.js';
import { leadInScope, parkInScope, scopeOf, scopedDistricts } from './jurisdictions.js';

/** Stored leads → the solver's input, with the units they hold. */
export function toPlanLeads(db: Db, leads: readonly StoredLead[]): PlanLead[] {
  const held = spacesByIds(
    db,
    leads.flatMap((l) => (l.spaceId ? [l.spaceId] : [])),
  );
  return leads.map((l) => ({
    id: l.id,
    lead: l.lead,
    stage: l.stage,
    reportedAt: l.createdAt,
    current: l.parkId ? { parkId: l.parkId, space: l.spaceId ? (held.get(l.spaceId) ?? null) : null } : null,
  }));
}

/** The same placements give the same id, so a commit can name the plan it came from. */
const planIdOf = (plan: Plan) =>
  `pl-${createHash('sha256')
    .update(JSON.stringify(plan.assignments.map((a) => [a.leadId, a.parkId, a.spaceId])))
    .digest('hex')
    .slice(0, 12)}`;

/**
 * Plans of at most this many leads are solved on the request thread (about 50 ms at 50 leads on the demo
 * data, `npm run bench` routing part); larger ones on a scoring worker, which takes a second to start.
 */
export const ROUTING_INLINE_LEADS = 50;

/**
 * A plan for the given leads (unknown ids → leads_not_found, named at `${path}.${index}`) or, without
 * ids, for every open lead; more than one plan takes → plan_too_large. Writes nothing.
 */
export async function planPlacements(
  deps: PipelineDeps,
  req: PlanRequest,
  path = 'leadIds',
  caller?: Caller,
): Promise<{ planId: string; plan: Plan }> {
  const { leads, options } = planInput(deps, req, path, caller);
  if (!deps.planOffThread || leads.length <= ROUTING_INLINE_LEADS) return planned(buildHere(deps, leads, options));
  // a plan of many leads takes the request thread for a second or more: a scoring worker solves it (here if that fails)
  return planned(await deps.planOffThread({ leads, options }).catch(() => buildHere(deps, leads, options)));
}

/** The same plan, solved on this thread (a commit by lead ids). */
export function planPlacementsHere(
  deps: PipelineDeps,
  req: PlanRequest,
  path = 'leadIds',
  caller?: Caller,
): { planId: string; plan: Plan } {
  const { leads, options } = planInput(deps, req, path, caller);
  return planned(buildHere(deps, leads, options));
}

const planned = (plan: Plan) => ({ planId: planIdOf(plan), plan });
const buildHere = (deps: PipelineDeps, leads: PlanLead[], options: PlanTaskOptions) =>
  buildPlan(leads, deps.kb().k, { ...understandingOf(deps), ...options });
type PlanTaskOptions = Omit<PlanOptions, 'guessIndustries'>;

function planInput(deps: PipelineDeps, req: PlanRequest, path: string, caller?: Caller): { leads: PlanLead[]; options: PlanTaskOptions } {
  // within the caller's jurisdiction: its leads only, its parks only (a plan never leaves it)
  const scope = caller ? scopeOf(deps, caller) : null;
  const stored = req.leadIds ? loadScopedLeads(deps, scope, req.leadIds, path) : listOpenLeads(deps.db, scope?.id);
  if (stored.length > MAX_PLAN_LEADS) throw new AppError('plan_too_large', { count: stored.length, max: MAX_PLAN_LEADS });
  return {
    leads: toPlanLeads(deps.db, stored),
    options: {
      usdCnyRate: deps.env.USD_CNY_RATE,
      districts: scopedDistricts(scope, req.districts),
      excludedDistricts: req.excludedDistricts,
      minScore: req.minScore,
      minSpaceFit: req.minSpaceFit,
    },
  };
}

/** Leads by id within the scope: one outside it is as unknown as one that does not exist. */
function loadScopedLeads(deps: PipelineDeps, scope: ReturnType<typeof scopeOf>, ids: readonly string[], path: string): StoredLead[] {
  if (!scope) return loadLeads(deps.db, ids, path);
  const found = getLeads(deps.db, [...new Set(ids)]);
  const outside = ids.filter((id) => {
    const l = found.get(id);
    return l && !leadInScope(scope, l);
  });
  if (outside.length) {
    const issues = outside.map((id) => ({ path: `${path}.${ids.indexOf(id)}`, message: `未找到项目 ${id} / no lead ${id}` }));
    throw new AppError('leads_not_found', { ids: outside.join(', ') }, `unknown lead ids: ${outside.join(', ')}`, issues);
  }
  return loadLeads(deps.db, ids, path);
}

type Assignment = NonNullable<CommitRequest['assignments']>[number];

/** Hand-made (reviewed) assignments → commit items, scored and explained here; every problem is named at once. */
function itemsFromAssignments(deps: PipelineDeps, assignments: readonly Assignment[], planId: string | null, caller: Caller): CommitItem[] {
  const k = deps.kb().k;
  const scope = scopeOf(deps, caller);
  const leads = new Map(
    loadScopedLeads(
      deps,
      scope,
      assignments.map((a) => a.leadId),
      'assignments',
    ).map((l) => [l.id, l]),
  );
  const spaces = spacesByIds(
    deps.db,
    assignments.flatMap((a) => (a.spaceId ? [a.spaceId] : [])),
  );
  const planLeads = new Map(toPlanLeads(deps.db, [...leads.values()]).map((p) => [p.id, p]));
  const issues: Issue[] = [];
  const seenLead = new Set<string>();
  const seenSpace = new Set<string>();
  const items: CommitItem[] = [];
  assignments.forEach((a, i) => {
    const at = `assignments.${i}`;
    const lead = leads.get(a.leadId);
    const planLead = planLeads.get(a.leadId);
    if (!lead || !planLead) return; // loadLeads found every one
    if (seenLead.has(a.leadId)) issues.push({ path: `${at}.leadId`, message: `项目 ${a.leadId} 重复 / lead listed twice` });
    seenLead.add(a.leadId);
    if (!isOpenStage(lead.stage))
      issues.push({ path: `${at}.leadId`, message: `项目 ${a.leadId} 处于「${lead.stage}」阶段，不能流转 / lead is not open` });
    const cp = k.parkById.get(a.parkId);
    if (!cp || !parkInScope(scope, cp.park.district)) {
      issues.push({ path: `${at}.parkId`, message: `未找到园区 ${a.parkId} / no park ${a.parkId}` });
      return;
    }
    const space = a.spaceId ? spaces.get(a.spaceId) : null;
    if (a.spaceId) {
      if (seenSpace.has(a.spaceId)) issues.push({ path: `${at}.spaceId`, message: `空间 ${a.spaceId} 分给了多个项目 / space given twice` });
      seenSpace.add(a.spaceId);
      if (!space) return void issues.push({ path: `${at}.spaceId`, message: `未找到空间 ${a.spaceId} / no space ${a.spaceId}` });
      if (space.parkId !== a.parkId)
        return void issues.push({
          path: `${at}.spaceId`,
          message: `空间 ${a.spaceId} 不属于园区 ${cp.park.name} / space is in another park`,
        });
    }
    const check = evaluatePlacement(planLead, k, a.parkId, space ?? null, understandingOf(deps));
    if (!check.admitted)
      return void issues.push({ path: `${at}.parkId`, message: `园区 ${cp.park.name} 不予准入：${check.exclusions.join('；')}` });
    items.push({
      leadId: a.leadId,
      toParkId: a.parkId,
      toTown: cp.park.town,
      spaceId: a.spaceId,
      score: check.score,
      reasons: [
        renderRoutingReason(
          planId ? routingReason('ledger.committed', { planId, spaceId: a.spaceId ?? '' }) : routingReason('ledger.manual'),
        ),
        ...check.reasons.map(renderRoutingReason),
        ...(a.note ? [renderRoutingReason(routingReason('ledger.note', { text: a.note }))] : []),
      ],
      reviewLevel: check.reviewLevel?.level ?? null,
    });
  });
  if (issues.length) throw invalidInput(issues);
  return items;
}

export interface CommitInput extends Caller {
  planId?: string;
  /** The placements a person reviewed (from a plan)… */
  assignments?: readonly Assignment[];
  /** …or the leads to plan and commit at once. One of the two is required: nothing is committed by default. */
  leadIds?: readonly string[];
}

export interface CommitOutcome {
  planId: string | null;
  committed: { leadId: string; routingId: string; parkId: string; spaceId: string | null; score: number }[];
  /** Leads the commit leaves where they are. */
  unchanged: string[];
  /** Leads the plan could not place (leadIds only). */
  unassigned: PlanUnassigned[];
}

/**
 * Commits placements: reserves the units and appends one `proposed` ledger row per lead that moves,
 * in one transaction. A unit another lead holds refuses the whole commit (space_conflict, naming the
 * request field that asked for it).
 */
export function commitPlacements(deps: PipelineDeps, input: CommitInput): CommitOutcome {
  const { assignments } = input;
  if (!assignments && !input.leadIds)
    throw invalidInput([{ path: 'assignments', message: '请给出要确认的流转：assignments 或 leadIds / give assignments or leadIds' }]);
  authoriseCaller(input, 'routing.commit', {
    leadIds: assignments?.map((a) => a.leadId) ?? input.leadIds,
    parkIds: assignments?.map((a) => a.parkId),
  });
  let planId = input.planId ?? null;
  let items: CommitItem[];
  let unassigned: PlanUnassigned[] = [];
  if (assignments) items = itemsFromAssignments(deps, assignments, planId, input);
  else {
    const planned = planPlacementsHere(deps, { leadIds: input.leadIds ? [...input.leadIds] : undefined }, 'leadIds', input);
    planId ??= planned.planId;
    unassigned = planned.plan.unassigned;
    items = planned.plan.assignments.map((a) => ({
      leadId: a.leadId,
      toParkId: a.parkId,
      toTown: a.toTown,
      spaceId: a.spaceId,
      score: a.score,
      reasons: [
        renderRoutingReason(routingReason('ledger.committed', { planId: planId ?? '', spaceId: a.spaceId ?? '' })),
        ...a.reasons.map(renderRoutingReason),
      ],
      reviewLevel: a.reviewLevel?.level ?? null,
    }));
  }
  let result;
  try {
    result = commitRoutings(deps.db, { planId, actor: input.actor.name, items });
  } catch (e) {
    if (!(e instanceof SpaceConflictError)) throw e;
    const i = assignments?.findIndex((a) => a.spaceId === e.spaceId) ?? -1;
    throw e.at(i >= 0 ? `assignments.${i}.spaceId` : 'leadIds');
  }
  if (result.committed.length) deps.vacancyChanged();
  const scores = new Map(items.map((it) => [it.leadId, it.score]));
  return {
    planId,
    committed: result.committed.map((x) => ({ ...x, score: scores.get(x.leadId) ?? 0 })),
    unchanged: result.unchanged,
    unassigned,
  };
}

const DECISION_ACTION: Record<Decision, Action> = { accept: 'routing.accept', reject: 'routing.reject', withdraw: 'routing.withdraw' };
const DECISION_REASON = { accept: 'ledger.accepted', reject: 'ledger.rejected', withdraw: 'ledger.withdrawn' } as const;

export interface DecisionInput extends Caller {
  leadId: string;
  decision: Decision;
  /** Why, in the decider's words (appended to the ledger row's reasons). */
  reason?: string;
}

/**
 * Appends the decision to the lead's ledger (never overwriting a row); reject and withdraw give the
 * unit back. Unknown lead → lead_not_found; a state that does not allow it → routing_state. Town
 * staff accept or decline placements into their own town (the receiving town of the latest row).
 */
export function decidePlacement(deps: PipelineDeps, input: DecisionInput): RoutingRow {
  const { leadId, decision: d } = input;
  const lead = getLeads(deps.db, [leadId]).get(leadId);
  if (lead && !leadInScope(scopeOf(deps, input), lead)) throw new AppError('lead_not_found', { leadId });
  const latest = latestRoutings(deps.db, [leadId]).get(leadId);
  authoriseCaller(input, DECISION_ACTION[d], { leadIds: [leadId], towns: [latest?.toTown ?? null] });
  const reasons = [
    renderRoutingReason(routingReason(DECISION_REASON[d])),
    ...(input.reason ? [renderRoutingReason(routingReason('ledger.note', { text: input.reason }))] : []),
  ];
  const row = decideRouting(deps.db, leadId, d, input.actor.name, reasons);
  if (d !== 'accept') deps.vacancyChanged();
  return row;
}

/** The 流转 ledger, newest first, within the caller's jurisdiction. */
export function findLedger(
  deps: PipelineDeps,
  caller: Caller,
  filter: Omit<LedgerFilter, 'jurisdictionId'>,
): { items: RoutingRow[]; total: number } {
  const scope = scopeOf(deps, caller);
  return listLedgerAll(deps.db, scope ? { ...filter, jurisdictionId: scope.id } : filter);
}
