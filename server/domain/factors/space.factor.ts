/** Space fit: the best available unit by kind, area, clear height, floor load and floor; land in 亩 when land is asked. */
import type { CompiledPark } from '../knowledge.js';
import type { LeadFeatures, SpaceNeed } from '../lead.features.js';
import type { SpaceSeed } from '../space.schema.js';
import { reason, type Reason } from '../reasons.js';
import type { FactorResult } from './factor.js';

export interface SpaceFit {
  space: SpaceSeed;
  fit: number;
  reasons: Reason[];
}

const KIND_LABEL = { factory: '厂房', rnd: '研发楼', office: '办公楼宇', land: '工业用地' } as const;
/** How well a unit kind serves a need kind (rows: need, cols: unit). */
const KIND_FIT: Record<string, Record<string, number>> = {
  factory: { factory: 1, rnd: 0.6, office: 0.15, land: 0.5 },
  rnd: { rnd: 1, factory: 0.7, office: 0.7, land: 0.3 },
  office: { office: 1, rnd: 0.8, factory: 0.2, land: 0.1 },
  land: { land: 1, factory: 0.3, rnd: 0.1, office: 0 },
};

/** Area ratio → fit: too small falls off fast, a little bigger is fine, far bigger wastes space. */
function areaFit(have: number, need: number): number {
  const r = have / need;
  if (r < 1) return Math.max(0, r * r * 0.8);
  if (r <= 1.5) return 1;
  return Math.max(0.5, 1 - (r - 1.5) * 0.1);
}

const floorLabel = (s: SpaceSeed) => (s.kind === 'land' ? '地块' : `${s.floor}层`);

export function fitSpace(s: SpaceSeed, need: SpaceNeed): SpaceFit {
  const reasons: Reason[] = [];
  let fit = need.kind ? (KIND_FIT[need.kind]?.[s.kind] ?? 0.5) : 1;
  if (need.kind && fit < 1) reasons.push(reason('space.kindMismatch', { needKind: KIND_LABEL[need.kind], kind: KIND_LABEL[s.kind] }));
  if (need.landMu !== null && s.kind === 'land') {
    const have = s.landMu ?? s.areaM2 / 666.67;
    fit *= areaFit(have, need.landMu);
    reasons.push(reason(have >= need.landMu ? 'space.landFits' : 'space.landTooSmall', { building: s.building, landMu: have, needMu: need.landMu }));
  } else if (need.areaM2 !== null) {
    const a = areaFit(s.areaM2, need.areaM2);
    fit *= a;
    const code = s.areaM2 < need.areaM2 ? 'space.tooSmall' : a < 0.8 ? 'space.tooLarge' : 'space.fits';
    reasons.push(reason(code, { building: s.building, floorLabel: floorLabel(s), areaM2: s.areaM2, needM2: need.areaM2 }));
  } else if (need.landMu !== null) {
    fit *= 0.3;
  }
  if (need.minClearHeightM !== null && s.kind !== 'land' && (s.clearHeightM ?? 0) < need.minClearHeightM) {
    fit *= 0.3;
    reasons.push(reason('space.heightShort', { clearHeightM: s.clearHeightM ?? 0, needM: need.minClearHeightM }));
  }
  if (need.minFloorLoadKnM2 !== null && s.kind !== 'land' && (s.floorLoadKnM2 ?? 0) < need.minFloorLoadKnM2) {
    fit *= 0.3;
    reasons.push(reason('space.loadShort', { floorLoadKnM2: s.floorLoadKnM2 ?? 0, needKnM2: need.minFloorLoadKnM2 }));
  }
  if (need.groundFloorOnly && s.kind !== 'land' && s.floor !== 1) {
    fit *= 0.2;
    reasons.push(reason('space.notGround'));
  }
  return { space: s, fit, reasons };
}

/** Ranks the park's vacant units for the need; best first, ties by id. */
export function rankSpaces(cp: CompiledPark, need: SpaceNeed, limit: number): SpaceFit[] {
  const fits = cp.spaces.map((s) => fitSpace(s, need));
  fits.sort((a, b) => b.fit - a.fit || a.space.id.localeCompare(b.space.id));
  return fits.slice(0, limit);
}

export function spaceFactor(f: LeadFeatures, best: SpaceFit[], cp: CompiledPark): FactorResult {
  const need = f.need;
  if (!need.known) return { key: 'space', score: null, reasons: [reason('space.unknown')] };
  if (cp.spaces.length === 0) return { key: 'space', score: 0, reasons: [reason('space.noneAvailable')] };
  if (need.landMu !== null && !cp.spaces.some((s) => s.kind === 'land')) {
    return { key: 'space', score: 0, reasons: [reason('space.noLand', { needMu: need.landMu })] };
  }
  const top = best[0]!;
  return { key: 'space', score: top.fit, reasons: top.reasons.length ? top.reasons : [reason('space.fits', { building: top.space.building, floorLabel: floorLabel(top.space), areaM2: top.space.areaM2, needM2: need.areaM2 ?? top.space.areaM2 })] };
}
