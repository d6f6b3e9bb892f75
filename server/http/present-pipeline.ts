/** Leads, plans, commits and ledger rows → the response shapes of schemas-pipeline.ts (park names looked up, reasons rendered to Chinese). */
import type { StoredLead } from '../db/leads.repo.js';
import type { RoutingRow } from '../db/routing.repo.js';
import type { Knowledge } from '../domain/knowledge.js';
import { isOpenStage } from '../domain/pipeline.schema.js';
import { STATUS_LABEL } from '../domain/routing/ledger.js';
import type { Plan } from '../domain/routing/plan.types.js';
import { renderRoutingReason } from '../domain/routing/routing.reasons.js';
import type { LeadDetail } from '../pipeline/leads.js';
import type { CommitOutcome } from '../pipeline/placements.js';
import { changeTexts, moveText, type PipelineLabels } from './labels-pipeline.js';
import type { CommitView, LeadDetailView, LeadView, LedgerRowView, PlanView } from './schemas-pipeline.js';

/** Ledger sentences stored before they stopped naming ids (按统筹方案 pl-… 流转，预留空间 jx-…) as they read now. */
const legacyReason = (r: string) =>
  r.replace(/^按统筹方案 \S+ 流转，预留空间 \S+$/, '按统筹方案流转，预留所列空间').replace(/^按统筹方案 \S+ 流转，/, '按统筹方案流转，');

const parkNameOf = (k: Knowledge, id: string) => k.parkById.get(id)?.park.name ?? id;

export function presentLedgerRow(r: RoutingRow, k: Knowledge, labels?: PipelineLabels): LedgerRowView {
  const name = (id: string | null) => (id ? parkNameOf(k, id) : null);
  const town = (t: string | null) => (t && !t.includes('待核实') ? t : null);
  const toPark = name(r.toParkId);
  return {
    id: r.id,
    leadId: r.leadId,
    planId: r.planId,
    status: r.status,
    statusLabel: STATUS_LABEL[r.status],
    fromTown: r.fromTown,
    fromParkId: r.fromParkId,
    fromParkName: name(r.fromParkId),
    toParkId: r.toParkId,
    toParkName: name(r.toParkId),
    toTown: r.toTown,
    spaceId: r.spaceId,
    score: r.score,
    actor: r.actor,
    reasons: r.reasons.map(legacyReason),
    creditTown: r.creditTown,
    reviewLevel: r.reviewLevel,
    at: r.at,
    fromLabel: name(r.fromParkId) ?? (r.fromTown ? `${r.fromTown}（首谈地）` : '首次落位'),
    toLabel: toPark ? `${toPark}${town(r.toTown) ? `（${r.toTown}）` : ''}` : (r.toTown ?? '—'),
    ...(labels ? { spaceLabel: labels.space(r.spaceId) ?? '不占用空间', actorName: labels.person(r.actor) ?? '系统' } : {}),
  };
}

/** A lead in a list: its fields, stage and placement (`latest`: its latest ledger row). */
export function presentLead(l: StoredLead, k: Knowledge, latest?: RoutingRow, labels?: PipelineLabels): LeadView {
  const cp = l.parkId ? k.parkById.get(l.parkId) : undefined;
  return {
    id: l.id,
    ...l.lead,
    stage: l.stage,
    open: isOpenStage(l.stage),
    sourceTown: l.sourceTown,
    owner: l.owner,
    reviewLevel: l.reviewLevel,
    placement: l.parkId
      ? {
          parkId: l.parkId,
          parkName: cp?.park.name ?? l.parkId,
          district: cp?.park.district ?? null,
          town: cp?.park.town ?? null,
          spaceId: l.spaceId,
          ...(labels ? { spaceLabel: labels.space(l.spaceId) ?? '不占用空间' } : {}),
          status: latest?.status ?? null,
          routingId: latest?.id ?? null,
          score: latest?.score ?? null,
        }
      : null,
    createdAt: l.createdAt,
    updatedAt: l.updatedAt,
  };
}

export function presentLeadDetail(d: LeadDetail, k: Knowledge, labels?: PipelineLabels): LeadDetailView {
  const { review } = d;
  return {
    ...presentLead(d.lead, k, d.ledger.at(-1), labels),
    reviewBasis: review
      ? {
          level: review.level,
          ruleId: review.ruleId,
          rule: review.rule,
          reason: review.reason,
          source: review.source,
          provenance: review.provenance,
          origin: review.origin,
        }
      : null,
    history: labels
      ? d.history.map((h) => ({ ...h, actorName: labels.person(h.actor) ?? '系统', changes: changeTexts(h.change, labels) }))
      : d.history,
    ledger: d.ledger.map((r) => presentLedgerRow(r, k, labels)),
    ...(d.restricted ? { restricted: true } : {}),
  };
}

export function presentPlan(planId: string, plan: Plan, labels?: PipelineLabels): PlanView {
  return {
    planId,
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
      reviewBasis: a.reviewLevel
        ? { ruleId: a.reviewLevel.ruleId, rule: a.reviewLevel.rule, source: a.reviewLevel.source, provenance: a.reviewLevel.provenance }
        : null,
      reasons: a.reasons.map(renderRoutingReason),
      ...(labels ? { move: moveText({ ...a, k: labels.k }), spaceLabel: labels.space(a.spaceId) ?? '不占用空间' } : {}),
    })),
    unassigned: plan.unassigned.map((u) => ({
      leadId: u.leadId,
      reason: renderRoutingReason(u.reason),
      code: u.code,
      leadName: u.leadName,
      rules: u.rules,
      current: u.current,
    })),
    totalScore: plan.totalScore,
    greedyTotal: plan.baseline.totalScore,
    baseline: plan.baseline,
    conflicts: labels ? plan.conflicts.map((c) => ({ ...c, spaceLabel: labels.space(c.spaceId) ?? '不占用空间' })) : plan.conflicts,
    stats: plan.stats,
  };
}

export function presentCommit(o: CommitOutcome, k: Knowledge): CommitView {
  return {
    planId: o.planId,
    committed: o.committed.map((x) => ({
      leadId: x.leadId,
      routingId: x.routingId,
      parkId: x.parkId,
      parkName: parkNameOf(k, x.parkId),
      spaceId: x.spaceId,
      score: x.score,
      status: 'proposed' as const,
    })),
    unchanged: o.unchanged,
    unassigned: o.unassigned.map((u) => ({ leadId: u.leadId, reason: renderRoutingReason(u.reason), code: u.code })),
  };
}
