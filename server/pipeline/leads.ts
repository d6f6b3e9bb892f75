/**
 * Leads and their stages (招商项目库): adding a lead, changing it (fields and stage, every change
 * recorded), and reading one back with its review basis, history and 流转 ledger. The stage rules
 * live here: 流失 gives the unit back (withdrawing a live routing), 在建/投产 occupy it, leaving them
 * reserves it again.
 */
import type { Db } from '../db/client.js';
import {
  createLead,
  getLead,
  getLeads,
  listHistory,
  listLeads,
  updateLead,
  type HistoryEntry,
  type LeadFilter,
  type StoredLead,
} from '../db/leads.repo.js';
import {
  clearPlacementTx,
  decideTx,
  latestRoutings,
  listLedger,
  markOccupiedTx,
  routingStatusTx,
  type RoutingRow,
} from '../db/routing.repo.js';
import { AppError, invalidInput } from '../domain/errors.js';
import type { Lead } from '../domain/lead.schema.js';
import { understandLead } from '../domain/lead.features.js';
import { LEAD_NEED_MESSAGE, leadNeedsSummaryOrIndustry, stageMove, type LeadPatch, type Stage } from '../domain/pipeline.schema.js';
import { isPlaced } from '../domain/routing/ledger.js';
import { deriveReviewLevel, type ReviewLevel } from '../domain/routing/review-level.js';
import { renderRoutingReason, routingReason } from '../domain/routing/routing.reasons.js';
import { authoriseCaller, permits, SYSTEM_ACTOR, type Caller } from './authorise.js';
import { understandingOf, type PipelineDeps } from './context.js';
import { jurisdictionForLead, leadInScope, scopeOf } from './jurisdictions.js';

/** Stages in which the lead's unit is in use (construction started or producing). */
const BUILDING: readonly Stage[] = ['在建', '投产'];

/** A stored lead with everything its detail page shows. */
export interface LeadDetail {
  lead: StoredLead;
  review: ReviewLevel | null;
  history: HistoryEntry[];
  /** Oldest first; the last row is the routing state. */
  ledger: RoutingRow[];
  /** true: another town's lead, shown only as the board needs (no company, summary, owner or history). */
  restricted?: boolean;
}

/** The Lead fields the unified board shows of another town's lead: name, industry, need, where it comes from. */
const BOARD_FIELDS = new Set([
  'name',
  'industries',
  'investmentWan',
  'floorAreaM2',
  'landMu',
  'spaceType',
  'minClearHeightM',
  'minFloorLoadKnM2',
  'groundFloorOnly',
  'sourceTown',
  'districts',
]);

/** Whether the caller sees every field of the lead (its own town's, or any for admins and viewers). */
const seesAll = (caller: Caller, l: StoredLead) => permits(caller, 'lead.read.full', { leadIds: [l.id], towns: [l.sourceTown] });

/** The lead as the board shows it to another town. */
export function boardView(l: StoredLead): StoredLead {
  const lead = Object.fromEntries(Object.entries(l.lead).filter(([k]) => BOARD_FIELDS.has(k))) as Lead;
  return { ...l, lead, owner: null };
}

/** The lead's review level (in `parkId` when placed, else by its jurisdiction's thresholds); null when unknown. */
function reviewOf(deps: PipelineDeps, lead: Lead, parkId: string | null, jurisdictionId: string | null): ReviewLevel | null {
  const k = deps.kb().k;
  return deriveReviewLevel(understandLead(lead, k, understandingOf(deps)), k, parkId ? k.parkById.get(parkId) : undefined, jurisdictionId);
}

function detailOf(deps: PipelineDeps, lead: StoredLead): LeadDetail {
  return {
    lead,
    review: reviewOf(deps, lead.lead, lead.parkId, lead.jurisdictionId),
    history: listHistory(deps.db, lead.id),
    ledger: listLedger(deps.db, lead.id),
  };
}

/** One lead with its detail (another town's as the board shows it); unknown id → lead_not_found. */
export function readLead(deps: PipelineDeps, caller: Caller, id: string): LeadDetail {
  const l = getLead(deps.db, id);
  if (!l || !leadInScope(scopeOf(deps, caller), l)) throw new AppError('lead_not_found', { leadId: id });
  if (seesAll(caller, l)) return detailOf(deps, l);
  return { ...detailOf(deps, boardView(l)), history: [], restricted: true };
}

/** A page of leads, each with its latest ledger row (its routing state). */
export function findLeads(
  deps: PipelineDeps,
  caller: Caller,
  filter: LeadFilter,
): { items: { lead: StoredLead; latest: RoutingRow | undefined; restricted: boolean }[]; total: number } {
  // whoever sees other towns' leads only on the board finds them by name only
  const restrictedSearch = filter.q && !permits(caller, 'lead.read.full', { towns: [null] });
  const scope = scopeOf(deps, caller);
  const scoped = scope ? { ...filter, jurisdictionId: scope.id } : filter;
  const { items, total } = listLeads(deps.db, restrictedSearch ? { ...scoped, qFullTextTown: caller.actor.town ?? '' } : scoped);
  const latest = latestRoutings(
    deps.db,
    items.map((l) => l.id),
  );
  return {
    items: items.map((lead) => {
      const all = seesAll(caller, lead);
      return { lead: all ? lead : boardView(lead), latest: latest.get(lead.id), restricted: !all };
    }),
    total,
  };
}

/** Loads leads by id, each once, in first-mention order; unknown ids → leads_not_found naming every one at `${path}.${index}`. */
export function loadLeads(db: Db, ids: readonly string[], path: string): StoredLead[] {
  const unique = [...new Set(ids)];
  const found = getLeads(db, unique);
  const missing = unique.filter((id) => !found.has(id));
  if (missing.length) {
    const issues = missing.map((id) => ({ path: `${path}.${ids.indexOf(id)}`, message: `未找到项目 ${id} / no lead ${id}` }));
    throw new AppError('leads_not_found', { ids: missing.join(', ') }, `unknown lead ids: ${missing.join(', ')}`, issues);
  }
  return unique.flatMap((id) => found.get(id) ?? []);
}

export interface NewLeadInput extends Caller {
  lead: Lead;
  stage?: Stage;
  owner?: string | null;
}

/**
 * Adds a lead to the pipeline (stage 线索 unless given), with its review level; the creation is its
 * first history entry. Town staff report for their own town (the reporting town defaults to it).
 */
export function addLead(deps: PipelineDeps, input: NewLeadInput): LeadDetail {
  const lead: Lead =
    input.actor.role === 'town' && !input.lead.sourceTown && input.actor.town
      ? { ...input.lead, sourceTown: input.actor.town }
      : input.lead;
  // the reporting town's jurisdiction: an admin of another jurisdiction may not report for it
  const townJurisdiction = lead.sourceTown ? jurisdictionForLead(deps, { actor: SYSTEM_ACTOR }, lead.sourceTown) : null;
  authoriseCaller(input, 'lead.create', { towns: [lead.sourceTown ?? null], jurisdictions: townJurisdiction ? [townJurisdiction] : [] });
  const jurisdictionId = jurisdictionForLead(deps, input, lead.sourceTown);
  const stored = createLead(deps.db, {
    lead,
    stage: input.stage ?? '线索',
    owner: input.owner ?? null,
    reviewLevel: reviewOf(deps, lead, null, jurisdictionId)?.level ?? null,
    actor: input.actor.name,
    jurisdictionId,
  });
  return detailOf(deps, stored);
}

/** The stored lead with a patch applied: null clears a field. */
function applyPatch(lead: Lead, patch: LeadPatch): Lead {
  const out: Record<string, unknown> = { ...lead };
  for (const [key, v] of Object.entries(patch)) {
    if (key === 'stage' || key === 'owner' || key === 'actor' || key === 'reason' || v === undefined) continue;
    if (v === null) delete out[key];
    else out[key] = v;
  }
  return out as Lead;
}

export interface LeadChangeInput extends Caller {
  id: string;
  patch: LeadPatch;
}

/**
 * The stage rules: forward one stage at a time, 流失 from any stage, back (or out of 流失) only by an
 * admin with a reason. Throws stage_order or forbidden; returns the reason to record.
 */
function checkStage(caller: Caller, id: string, from: Stage, to: Stage | undefined, reason: string | undefined): string | undefined {
  if (to === undefined || to === from) return undefined;
  const move = stageMove(from, to);
  if (move.kind === 'skip') throw new AppError('stage_order', { from, to, next: move.next ?? '', need: 'order' });
  if (move.kind === 'back') {
    authoriseCaller(caller, 'lead.stage.back', { leadIds: [id] });
    if (!reason?.trim()) throw new AppError('stage_order', { from, to, need: 'reason' });
  }
  return reason?.trim() || undefined;
}

/**
 * Changes a lead's fields, stage or owner in one transaction, recording every change. A lead that
 * leaves for 流失 gives its unit back (a live routing is withdrawn, with the ledger saying why); one
 * entering or leaving 在建/投产 marks its unit occupied or reserved again. Stages follow `checkStage`.
 */
export function changeLead(deps: PipelineDeps, input: LeadChangeInput): LeadDetail {
  const { id, patch } = input;
  const current = getLead(deps.db, id);
  // another jurisdiction's lead is as unknown as one that does not exist
  if (current && !leadInScope(scopeOf(deps, input), current)) throw new AppError('lead_not_found', { leadId: id });
  const towns = [current?.sourceTown ?? null, ...(patch.sourceTown !== undefined ? [patch.sourceTown] : [])];
  authoriseCaller(input, 'lead.update', { leadIds: [id], towns });
  if (!current) throw new AppError('lead_not_found', { leadId: id });
  const actor = input.actor.name;
  let released = false;
  const res = updateLead(
    deps.db,
    id,
    actor,
    (cur) => {
      const note = checkStage(input, id, cur.stage, patch.stage, patch.reason);
      const lead = applyPatch(cur.lead, patch);
      if (!leadNeedsSummaryOrIndustry(lead)) throw invalidInput([{ path: 'summary', message: LEAD_NEED_MESSAGE }]);
      return {
        lead,
        stage: patch.stage,
        owner: patch.owner,
        reviewLevel: reviewOf(deps, lead, cur.parkId, cur.jurisdictionId)?.level ?? null,
        note,
      };
    },
    (tx, before, after) => {
      if (after.stage === before.stage || !after.parkId) return;
      if (after.stage === '流失') {
        // a lost lead gives its unit back; the ledger says why
        const reasons = [renderRoutingReason(routingReason('ledger.lost'))];
        if (isPlaced(routingStatusTx(tx, id))) decideTx(tx, id, 'withdraw', actor, reasons);
        else clearPlacementTx(tx, after, actor, after.updatedAt);
        released = true;
      } else if (BUILDING.includes(after.stage) !== BUILDING.includes(before.stage))
        markOccupiedTx(tx, after, BUILDING.includes(after.stage));
    },
  );
  if (!res) throw new AppError('lead_not_found', { leadId: id });
  if (released) deps.vacancyChanged();
  return detailOf(deps, res.lead);
}
