/** Space fit: the best available unit by kind, area, clear height, floor load and floor; land in 亩 when land is asked. */
import { HOT, PARK_HAS, UNIT, type CompiledPark } from '../knowledge.js';
import type { LeadFeatures, SpaceNeed } from '../lead.features.js';
import { SPACE_KINDS, type SpaceKind, type SpaceSeed } from '../space.schema.js';
import { reason, type Reason } from '../reasons.js';
import { SPACE, VERDICT } from '../scoring.constants.js';
import type { Factor, FactorResult, SpaceFit } from './factor.js';

export type { SpaceFit };
import { m2ToMu } from '../../text/units.js';
import { SPACE_KIND_LABEL } from '../../text/space-kinds.js';

const KIND_LABEL = SPACE_KIND_LABEL;
/** How well a unit kind serves a need kind: rows need, columns unit, both in SPACE_KINDS order (factory, rnd, office, land). */
const KIND_FIT = SPACE.kindFit;
// bound once as plain numbers: unitFit must stay small enough for V8 to inline it into the ranking's loops
const { tooSmallScale: TOO_SMALL, comfortRatio: COMFORT, oversizeSlope: OVER_SLOPE, oversizeFloor: OVER_FLOOR } = SPACE;
const { landAskedNotLand: NOT_LAND, heightShort: HEIGHT_SHORT, loadShort: LOAD_SHORT, notGround: NOT_GROUND } = SPACE;
const LAND = SPACE_KINDS.indexOf('land');

/** Area ratio → fit: too small falls off fast, a little bigger is fine, far bigger wastes space. */
function areaFit(have: number, need: number): number {
  const r = have / need;
  if (r < 1) return Math.max(0, r * r * TOO_SMALL);
  if (r <= COMFORT) return 1;
  return Math.max(OVER_FLOOR, 1 - (r - COMFORT) * OVER_SLOPE);
}

const floorLabel = (s: SpaceSeed) => (s.kind === 'land' ? '地块' : `${s.floor}层`);

/** Why a unit fits as it does: which check of unitFit spoke (explaining only). */
// a const enum: its members compile to number literals, which keeps unitFit's bytecode under V8's inlining limit
const enum WHY {
  kind,
  land,
  area,
  height,
  load,
  ground,
}

/** What a unit of another kind than the need is to the lead: land is built on (可自建), a building converted (可改造), a ready building rented instead of land. */
export function alternativeLabel(needKind: SpaceKind | null, unitKind: SpaceKind): '可自建' | '可改造' | '可租赁' | null {
  if (needKind === null || needKind === unitKind) return null;
  if (unitKind === 'land') return '可自建';
  if (needKind === 'land') return '可租赁';
  return '可改造';
}

function explainCheck(why: Reason[], check: number, s: SpaceSeed, need: SpaceNeed, value: number, part: number): void {
  if (check === WHY.kind)
    why.push(
      reason('space.kindMismatch', {
        needKind: KIND_LABEL[need.kind!],
        kind: KIND_LABEL[s.kind],
        alt: alternativeLabel(need.kind, s.kind)!,
      }),
    );
  else if (check === WHY.land)
    why.push(
      reason(value >= need.landMu! ? 'space.landFits' : 'space.landTooSmall', {
        building: s.building,
        landMu: value,
        needMu: need.landMu!,
      }),
    );
  else if (check === WHY.area)
    why.push(
      reason(
        value < need.areaM2!
          ? 'space.tooSmall'
          : part < SPACE.tooLargeBelow
            ? 'space.tooLarge'
            : need.kind !== null && need.kind !== s.kind
              ? 'space.altArea'
              : 'space.fits',
        {
          building: s.building,
          floorLabel: floorLabel(s),
          areaM2: value,
          needM2: need.areaM2!,
        },
      ),
    );
  else if (check === WHY.height) why.push(reason('space.heightShort', { clearHeightM: value, needM: need.minClearHeightM! }));
  else if (check === WHY.load) why.push(reason('space.loadShort', { floorLoadKnM2: value, needKnM2: need.minFloorLoadKnM2! }));
  else why.push(reason('space.notGround'));
}

/**
 * How well one unit serves the need, 0..1 — the one implementation, on plain numbers so that every
 * park can be scored without allocating. `s` and `why` are given only when explaining; the reasons
 * are built elsewhere (explainCheck), which keeps this small enough for V8 to inline into the
 * ranking's loops (a call it cannot inline returns its fraction as a new heap number).
 */
function unitFit(
  kind: number,
  area: number,
  landMu: number,
  height: number,
  load: number,
  floor: number,
  need: SpaceNeed,
  s?: SpaceSeed,
  why?: Reason[],
): number {
  const needKind = need.kindIdx;
  let fit = needKind < 0 ? 1 : KIND_FIT[needKind]![kind]!;
  if (why && needKind >= 0 && fit < 1) explainCheck(why, WHY.kind, s!, need, 0, fit);
  if (need.landMu !== null && kind === LAND) {
    const a = areaFit(landMu, need.landMu);
    fit *= a;
    if (why) explainCheck(why, WHY.land, s!, need, landMu, a);
  } else if (need.areaM2 !== null) {
    const a = areaFit(area, need.areaM2);
    fit *= a;
    if (why) explainCheck(why, WHY.area, s!, need, area, a);
  } else if (need.landMu !== null) {
    fit *= NOT_LAND;
  }
  if (kind !== LAND) {
    if (need.minClearHeightM !== null && height < need.minClearHeightM) {
      fit *= HEIGHT_SHORT;
      if (why) explainCheck(why, WHY.height, s!, need, height, 0);
    }
    if (need.minFloorLoadKnM2 !== null && load < need.minFloorLoadKnM2) {
      fit *= LOAD_SHORT;
      if (why) explainCheck(why, WHY.load, s!, need, load, 0);
    }
    if (need.groundFloorOnly && floor !== 1) {
      fit *= NOT_GROUND;
      if (why) explainCheck(why, WHY.ground, s!, need, floor, 0);
    }
  }
  return fit;
}

/** How well one unit serves the need, 0..1. Pass `why` to collect the reasons. */
export function fitSpace(s: SpaceSeed, need: SpaceNeed, why?: Reason[]): number {
  const landMu = s.kind === 'land' ? (s.landMu ?? m2ToMu(s.areaM2)) : NaN;
  return unitFit(SPACE_KINDS.indexOf(s.kind), s.areaM2, landMu, s.clearHeightM ?? 0, s.floorLoadKnM2 ?? 0, s.floor, need, s, why);
}

const HARD: ReadonlySet<string> = new Set(['space.heightShort', 'space.loadShort', 'space.notGround']);

/** Ranks the park's vacant units for the need, with reasons; best first, ties by id. */
export function rankSpaces(cp: CompiledPark, need: SpaceNeed, limit: number): SpaceFit[] {
  const fits = cp.spaces.map((space) => {
    const reasons: Reason[] = [];
    const fit = fitSpace(space, need, reasons);
    // an area that fits a unit failing a hard requirement (height, load, floor) is not 有合适空间
    if (reasons.some((r) => HARD.has(r.code))) for (const r of reasons) if (r.code === 'space.fits') r.code = 'space.areaOnly';
    return { space, fit, reasons };
  });
  fits.sort((a, b) => b.fit - a.fit || (a.space.id < b.space.id ? -1 : 1));
  return fits.slice(0, limit);
}

const noLand = (f: LeadFeatures, cp: CompiledPark) => f.need.landMu !== null && !cp.hasLand;

/** The best fit among rows from..to of a flat unit table (see UNIT); 0 without units, or without land when land is asked. */
function bestUnitFit(need: SpaceNeed, u: Float64Array, from: number, to: number, hasLand: boolean): number {
  if (from === to || (need.landMu !== null && !hasLand)) return 0;
  let best = 0;
  for (let at = from * UNIT.stride; at < to * UNIT.stride; at += UNIT.stride) {
    const x = unitFit(
      u[at + UNIT.kind]!,
      u[at + UNIT.area]!,
      u[at + UNIT.landMu]!,
      u[at + UNIT.height]!,
      u[at + UNIT.load]!,
      u[at + UNIT.floor]!,
      need,
    );
    if (x > best) best = x;
  }
  return best;
}

/** 0..1 (the best unit's fit), or null when the lead states no space need. */
export function spaceScore(f: LeadFeatures, cp: CompiledPark): number | null {
  return f.need.known ? bestUnitFit(f.need, cp.units, cp.unitFrom, cp.unitTo, cp.hasLand) : null;
}

/** spaceScore of the park whose HOT row starts at `at`, read from the knowledge's flat tables; 0 when the need is unknown. */
export function spaceAt(need: SpaceNeed, hot: Float64Array, units: Float64Array, at: number): number {
  if (!need.known) return 0;
  const from = hot[at + HOT.unitFrom]!;
  return bestUnitFit(need, units, from, from + hot[at + HOT.spaces]!, hot[at + HOT.hasLand] === 1);
}

/** Area ratio → the best areaFit any unit up to that size can reach (areaFit rises with the ratio below 1). */
const areaFitUpTo = (largest: number, need: number) => (largest >= need ? 1 : areaFit(largest, need));

/**
 * An upper bound of spaceScore from the park's largest unit per kind (its row of the knowledge's
 * flat table, see HOT), without visiting its units: a unit's fit is at most its kind's fit times the
 * area fit of the largest unit of that kind.
 */
export function spaceBound(need: SpaceNeed, hot: Float64Array, at: number): number {
  if (!need.known || hot[at + HOT.spaces] === 0 || (need.landMu !== null && hot[at + HOT.hasLand] === 0)) return 0;
  let best = 0;
  for (let kind = 0; kind < SPACE_KINDS.length; kind++) {
    const largest = hot[at + HOT.maxArea + kind]!;
    if (largest === 0) continue;
    let fit = need.kindIdx < 0 ? 1 : KIND_FIT[need.kindIdx]![kind]!;
    if (need.landMu !== null && kind === LAND) fit *= areaFitUpTo(hot[at + HOT.maxLandMu]!, need.landMu);
    else if (need.areaM2 !== null) fit *= areaFitUpTo(largest, need.areaM2);
    else if (need.landMu !== null) fit *= NOT_LAND;
    if (fit > best) best = fit;
  }
  return best;
}

function explain(f: LeadFeatures, cp: CompiledPark, best: SpaceFit[]): FactorResult {
  const score = spaceScore(f, cp);
  if (score === null) return { key: 'space', score, reasons: [reason('space.unknown')] };
  if (cp.spaces.length === 0) return { key: 'space', score, reasons: [reason('space.noneAvailable')] };
  if (noLand(f, cp)) return { key: 'space', score, reasons: [reason('space.noLand', { needMu: f.need.landMu! })] };
  const top = best[0]!;
  const exceeds = exceedsPark(f.need, cp);
  const others = otherNeeds(f, cp);
  return {
    key: 'space',
    score,
    reasons: [
      ...(exceeds ? [exceeds] : []),
      ...(top.reasons.length
        ? // "超过园区任何可用单元" already says what "最大可用单元…小于需求" would
          top.reasons.filter((r) => !(exceeds && (r.code === 'space.tooSmall' || r.code === 'space.landTooSmall')))
        : [
            // no area asked: never an invented "需求" equal to the unit's own size
            f.need.areaM2 === null
              ? reason('space.kindAvailable', {
                  building: top.space.building,
                  floorLabel: floorLabel(top.space),
                  areaM2: top.space.areaM2,
                  kind: KIND_LABEL[top.space.kind],
                })
              : reason('space.fits', {
                  building: top.space.building,
                  floorLabel: floorLabel(top.space),
                  areaM2: top.space.areaM2,
                  needM2: f.need.areaM2,
                }),
          ]),
      ...others,
    ],
  };
}

/** The park's largest vacant unit of a kind (land in 亩), 0 when none. */
export function largestUnit(cp: CompiledPark, kind: 'building' | 'land'): number {
  let best = 0;
  for (const s of cp.spaces) {
    if ((s.kind === 'land') !== (kind === 'land')) continue;
    const x = s.kind === 'land' ? (s.landMu ?? m2ToMu(s.areaM2)) : s.areaM2;
    if (x > best) best = x;
  }
  return best;
}

/** A need larger than any unit of the park, said as such (land against its parcels, floor area against its buildings). */
export function exceedsPark(need: SpaceNeed, cp: CompiledPark): Reason | null {
  if (need.landMu !== null && need.kind === 'land') {
    const largest = largestUnit(cp, 'land');
    return largest > 0 && largest < need.landMu ? reason('space.landExceedsPark', { needMu: need.landMu, largestMu: largest }) : null;
  }
  if (need.areaM2 === null) return null;
  const largest = largestUnit(cp, 'building');
  return largest > 0 && largest < need.areaM2 ? reason('space.needExceedsPark', { needM2: need.areaM2, largestM2: largest }) : null;
}

/** The lead's other needs (several in one sentence, `needs`): reported per park with its best unit, not scored. */
function otherNeeds(f: LeadFeatures, cp: CompiledPark): Reason[] {
  const needs = f.lead.needs ?? [];
  if (needs.length < 2) return [];
  const out: Reason[] = [];
  for (const n of needs) {
    if (n.kind === f.need.kind && n.areaM2 === f.need.areaM2) continue;
    const need: SpaceNeed = { ...f.need, kind: n.kind, kindIdx: SPACE_KINDS.indexOf(n.kind), areaM2: n.areaM2, landMu: null };
    const [best] = rankSpaces(cp, need, 1);
    const found =
      best && best.fit >= VERDICT.spaceFit
        ? `可用 ${best.space.building} ${floorLabel(best.space)} ${fmtArea(best.space.areaM2)}㎡`
        : '园区没有合适的单元';
    out.push(reason('space.otherNeed', { kind: KIND_LABEL[n.kind], needM2: n.areaM2, found }));
  }
  return out;
}

const fmtArea = (x: number) => Math.round(x).toLocaleString('en-US');

/**
 * The one factor whose bound differs from its score: the score reads every vacant unit of the park
 * (`spaceAt`), the bound only its largest unit per kind (`spaceBound`), the cap only whether it has
 * units (and land, when land is asked). Explaining ranks the units with their reasons (`rankSpaces`).
 */
export const space: Factor<null> = {
  key: 'space',
  known: (f) => f.need.known,
  prepare: () => null,
  at: (_, f, k, p) => spaceAt(f.need, k.hot, k.units, p * HOT.stride),
  bound: (_, f, k, p) => spaceBound(f.need, k.hot, p * HOT.stride),
  cap: (_, f, has) => (!(has & PARK_HAS.units) || (f.need.landMu !== null && !(has & PARK_HAS.land)) ? 0 : 1),
  byHas: true,
  max: 1,
  unrelatedMax: 1,
  explain: (_, f, _k, cp, ex) => explain(f, cp, ex.spaces),
};
