/**
 * The plan explains itself: why each lead lands where it does (its first choice, or who took that and
 * what it gets instead; the unit and how it fits; the town move and who keeps the credit; the review
 * level), why a lead gets no place (ruled out — naming the rules —, no fitting unit, out-competed —
 * naming who took the units), and which units several leads wanted most. Reasons are codes.
 */
import type { CompiledPark, Knowledge } from '../knowledge.js';
import type { LeadFeatures } from '../lead.features.js';
import type { SpaceSeed } from '../space.schema.js';
import { leadRules } from '../gates.js';
import { fitSpace } from '../factors/space.factor.js';
import { reason as scoreReason, type Reason } from '../reasons.js';
import { sameTown, tenthsOf, type Competitor, type LeadScoring, type SpaceRegistry } from './candidates.js';
import { deriveReviewLevel, type ReviewLevel } from './review-level.js';
import { routingReason, type AnyReason } from './routing.reasons.js';
import type { PlanAssignment, PlanConflict, PlanLead, PlanOptions, PlannedSpace, PlanUnassigned, RuleRef } from './plan.types.js';
import { SPACE_KIND_LABEL } from '../../text/space-kinds.js';
import { ROUTING } from '../scoring.constants.js';

const KIND_LABEL = SPACE_KIND_LABEL;
const r2 = (x: number) => Math.round(x * 100) / 100;

export const leadName = (pl: PlanLead) => pl.lead.name || pl.lead.company || pl.id;
export const currentOf = (pl: PlanLead) => (pl.current ? { parkId: pl.current.parkId, spaceId: pl.current.space?.id ?? null } : null);

export function describeAssignment(
  pl: PlanLead,
  s: LeadScoring,
  k: Knowledge,
  p: number,
  slotIdx: number | null,
  tenths: number,
  reg: SpaceRegistry,
  holderOf: Map<number, number>,
  open: readonly PlanLead[],
  c: Competitor | null,
): PlanAssignment {
  const cp = k.parks[p]!;
  const park = cp.park;
  const slot = slotIdx === null ? null : reg.slots[slotIdx]!;
  const score = tenths / 10;
  const reasons: AnyReason[] = [];
  // first choice: the lead's best destination on its own, before anyone else competes
  const firstChoice = c ? firstChoiceOf(c, reg, s) : { parkId: park.id, parkName: park.name, score };
  if (!firstChoice || firstChoice.score <= score) reasons.push(routingReason('plan.firstChoice', { score }));
  else {
    const mine = c!.edges.find((e) => e.space === slotIdx)?.weight ?? 0;
    const takers = new Set<string>();
    for (const e of c!.edges) {
      if (e.weight <= mine || takers.size >= 3) break;
      const h = holderOf.get(e.space);
      if (h !== undefined) takers.add(leadName(open[h]!));
    }
    reasons.push(
      routingReason('plan.displaced', {
        firstPark: firstChoice.parkName,
        firstScore: firstChoice.score,
        byLeads: takers.size ? `「${[...takers].join('」「')}」` : '其他项目',
        score,
      }),
    );
  }
  const placed = describePlacement(pl, s.f, k, cp, slot?.space ?? null);
  return {
    leadId: pl.id,
    leadName: leadName(pl),
    parkId: park.id,
    parkName: park.name,
    district: park.district,
    toTown: park.town,
    spaceId: slot?.space.id ?? null,
    space: placed.space,
    score,
    sourceTown: placed.sourceTown,
    fromTown: placed.fromTown,
    creditTown: placed.sourceTown,
    crossTown: placed.crossTown,
    firstChoice,
    current: currentOf(pl),
    changed: placed.changed,
    reviewLevel: placed.reviewLevel,
    reasons: [...reasons, ...placed.reasons],
  };
}

export interface PlacementDescription {
  space: PlannedSpace | null;
  sourceTown: string | null;
  fromTown: string | null;
  crossTown: boolean;
  changed: boolean;
  reviewLevel: ReviewLevel | null;
  /** The unit and how it fits, keeping or moving, the town move and who keeps the credit, the review level. */
  reasons: AnyReason[];
}

/** What placing lead `pl` in park `cp` (and unit `space`) means: shared by plans and by hand-made commits. */
export function describePlacement(
  pl: PlanLead,
  f: LeadFeatures,
  k: Knowledge,
  cp: CompiledPark,
  space: SpaceSeed | null,
): PlacementDescription {
  const park = cp.park;
  const reasons: AnyReason[] = [];
  let planned: PlannedSpace | null = null;
  if (space) {
    const why: Reason[] = [];
    const fit = fitSpace(space, f.need, why);
    planned = {
      id: space.id,
      building: space.building,
      floor: space.floor,
      areaM2: space.areaM2,
      landMu: space.landMu,
      kind: space.kind,
      fit: r2(fit),
      source: space.source,
    };
    reasons.push(
      routingReason('plan.space', {
        building: space.building,
        floorLabel: space.kind === 'land' ? '地块' : `${space.floor}层`,
        areaM2: space.areaM2,
        kind: KIND_LABEL[space.kind],
        fit: r2(fit).toFixed(2),
      }),
    );
    reasons.push(...why.filter((r) => r.code !== 'space.fits'));
    if (space.source.includes('示例数据')) reasons.push(scoreReason('flag.sampleSpaces'));
  } else reasons.push(routingReason('plan.noSpaceNeed'));
  const cur = currentOf(pl);
  const spaceId = space?.id ?? null;
  if (cur && spaceId && cur.spaceId === spaceId) reasons.push(routingReason('plan.keepsHeld', { spaceId }));
  else if (cur && (cur.parkId !== park.id || cur.spaceId !== spaceId))
    reasons.push(routingReason('plan.moves', { fromPark: k.parkById.get(cur.parkId)?.park.name ?? cur.parkId }));
  const sourceTown = pl.lead.sourceTown ?? null;
  const crossTown = !sameTown(sourceTown, park.town);
  if (sourceTown && crossTown) reasons.push(routingReason('plan.crossTown', { from: sourceTown, to: park.town, credit: sourceTown }));
  else if (sourceTown) reasons.push(routingReason('plan.sameTown', { town: park.town }));
  const reviewLevel = deriveReviewLevel(f, k, cp);
  reasons.push(
    reviewLevel
      ? routingReason('plan.reviewLevel', { level: reviewLevel.level, rule: reviewLevel.rule })
      : routingReason('plan.reviewLevelUnknown'),
  );
  return {
    space: planned,
    sourceTown,
    fromTown: cur ? (k.parkById.get(cur.parkId)?.park.town ?? sourceTown) : sourceTown,
    crossTown,
    changed: !cur || cur.parkId !== park.id || cur.spaceId !== spaceId,
    reviewLevel,
    reasons,
  };
}

function firstChoiceOf(c: Competitor, reg: SpaceRegistry, s: LeadScoring) {
  const e = c.edges[0];
  if (!e) return null;
  const cp = reg.slots[e.space]!.park;
  const fit = fitSpace(reg.slots[e.space]!.space, s.f.need);
  const tenths = tenthsOf(s.score[cp.idx]! + 100 * s.spaceWeight * (fit - s.best[cp.idx]!));
  return { parkId: cp.park.id, parkName: cp.park.name, score: tenths / 10 };
}

const fillTerm = (text: string, term: string | undefined) => text.replaceAll('{term}', term ?? '');

/** Why a lead gets no place: the first of out of scope, ruled out (naming the rules), no fitting unit, out-competed. */
export function explainUnplaced(
  pl: PlanLead,
  s: LeadScoring,
  k: Knowledge,
  opts: PlanOptions,
  c: Competitor | null,
  reg: SpaceRegistry,
  holderOf: Map<number, number>,
  open: readonly PlanLead[],
): PlanUnassigned {
  const base = { leadId: pl.id, leadName: leadName(pl), rules: [] as RuleRef[], current: currentOf(pl) };
  if (s.inScope === 0) {
    const districts = [...(opts.districts ?? []), ...(pl.lead.districts ?? [])].join('、') || '—';
    return { ...base, code: 'outOfScope', reason: routingReason('unassigned.outOfScope', { districts }) };
  }
  if (s.eligible.length === 0) {
    const lr = leadRules(s.f, k);
    const excludedParks = s.excluded.map((p) => k.parks[p]!);
    const refs: RuleRef[] = [];
    let everywhere = false;
    for (const idx of lr.exclude) {
      const hits = excludedParks.filter((cp) => cp.applies[idx]).length;
      if (!hits) continue;
      const r = k.rules[idx]!;
      if (hits === excludedParks.length) everywhere = true;
      refs.push({ ruleId: r.id, name: r.name, reason: fillTerm(r.reason, s.f.fired.get(idx)), source: r.source });
    }
    for (const { idx } of lr.requireFail) {
      if (!excludedParks.some((cp) => cp.applies[idx])) continue;
      const r = k.rules[idx]!;
      refs.push({ ruleId: r.id, name: r.name, reason: r.reason, source: r.source });
    }
    const lost = new Set(pl.lead.excludedDistricts ?? []);
    const byDistrict = [...new Set(excludedParks.filter((cp) => lost.has(cp.park.district)).map((cp) => cp.park.district))];
    if (byDistrict.length)
      refs.push({
        ruleId: 'request-excluded-district',
        name: '客户排除的区域',
        reason: `客户排除了 ${byDistrict.join('、')}`,
        source: '客户要求',
      });
    // the rules that hold everywhere first
    refs.sort((a, b) => Number(ruleEverywhere(b, excludedParks, k)) - Number(ruleEverywhere(a, excludedParks, k)));
    const text = refs.map((r) => `${r.name}——${r.reason}【${r.source}】`).join('；') || '—';
    return {
      ...base,
      rules: refs,
      code: everywhere ? 'banned' : 'noEligible',
      reason: routingReason(everywhere ? 'unassigned.banned' : 'unassigned.noEligible', { rules: text }),
    };
  }
  if (c && c.edges.length === 0 && c.cands.fitting === 0) {
    return {
      ...base,
      code: 'noFittingSpace',
      reason: routingReason('unassigned.noFittingSpace', { parks: s.eligible.length, need: describeNeed(s) }),
    };
  }
  if (!c || c.edges.length === 0)
    return {
      ...base,
      code: 'belowMinScore',
      reason: routingReason('unassigned.belowMinScore', { minScore: opts.minScore ?? ROUTING.minScore }),
    };
  // out-competed: every unit it could take went to someone else (one still free would have raised the total)
  const spaces: string[] = [];
  const takers = new Set<string>();
  for (const e of c.edges.slice(0, 5)) {
    const slot = reg.slots[e.space]!;
    spaces.push(`${slot.park.park.name} ${slot.space.building}${slot.space.kind === 'land' ? '' : ` ${slot.space.floor}层`}`);
    const h = holderOf.get(e.space);
    if (h !== undefined) takers.add(leadName(open[h]!));
  }
  return {
    ...base,
    code: 'outcompeted',
    reason: routingReason('unassigned.outcompeted', { spaces: spaces.join('、'), leads: [...takers].join('、') || '—' }),
  };
}

function ruleEverywhere(r: RuleRef, parks: { applies: Uint8Array }[], k: Knowledge): boolean {
  const idx = k.rules.findIndex((x) => x.id === r.ruleId);
  return idx >= 0 && parks.every((cp) => cp.applies[idx]);
}

function describeNeed(s: LeadScoring): string {
  const n = s.f.need;
  const parts: string[] = [];
  if (n.landMu !== null) parts.push(`用地 ${n.landMu}亩`);
  else if (n.areaM2 !== null) parts.push(`${n.areaM2}㎡${n.kind ? ` ${KIND_LABEL[n.kind]}` : ''}`);
  else if (n.kind) parts.push(KIND_LABEL[n.kind]);
  if (n.minClearHeightM !== null) parts.push(`层高≥${n.minClearHeightM}m`);
  if (n.minFloorLoadKnM2 !== null) parts.push(`荷载≥${n.minFloorLoadKnM2}kN/㎡`);
  if (n.groundFloorOnly) parts.push('首层');
  return parts.join('，') || '空间需求';
}

/** Units that several leads want most, and who got each. */
export function findConflicts(
  comps: Competitor[],
  reg: SpaceRegistry,
  open: readonly PlanLead[],
  holderOf: Map<number, number>,
): PlanConflict[] {
  const wanted = new Map<number, number[]>();
  for (const c of comps) {
    const e = c.edges[0];
    if (!e) continue;
    const list = wanted.get(e.space) ?? [];
    list.push(c.lead);
    wanted.set(e.space, list);
  }
  const out: PlanConflict[] = [];
  for (const [j, ls] of [...wanted.entries()].sort((a, b) => a[0] - b[0])) {
    if (ls.length < 2) continue;
    const slot = reg.slots[j]!;
    const h = holderOf.get(j);
    out.push({
      spaceId: slot.space.id,
      parkId: slot.park.park.id,
      parkName: slot.park.park.name,
      wantedBy: ls.map((i) => open[i]!.id),
      givenTo: h === undefined ? null : open[h]!.id,
    });
  }
  return out;
}
