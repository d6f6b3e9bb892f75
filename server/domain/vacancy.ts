/**
 * Vacancy as state, not knowledge: a placement, a reservation given back or a lead lost changes which
 * units of a park are vacant. The compiled park is rewritten in place — its vacant list, its rows of
 * the unit table (it owns a row per space it has, `unitCap`), its hot row and its PARK_HAS bits along
 * the positioning lists — so the scorer sees the change at once, without rebuilding the knowledge.
 */
import { parkHas, vacantSpaces, writeHot, writeUnits, type Knowledge } from './knowledge.js';
import type { SpaceSeed } from './space.schema.js';

/** A park's spaces as they are now (all of them, any status): what a vacancy change carries. */
export interface ParkVacancy {
  parkId: string;
  spaces: SpaceSeed[];
}

/**
 * Sets park `parkId`'s spaces (all of them, any status) in the compiled knowledge. False when the park
 * is unknown or now has more vacant units than rows (a space added since the build): rebuild then.
 */
export function setParkVacancy(k: Knowledge, parkId: string, spaces: readonly SpaceSeed[]): boolean {
  const cp = k.parkById.get(parkId);
  if (!cp) return false;
  const vacant = vacantSpaces(spaces);
  if (vacant.length > cp.unitCap) return false;
  cp.spaces = vacant;
  cp.hasLand = vacant.some((s) => s.kind === 'land');
  cp.has = parkHas(cp.park, cp.standards, vacant, cp.hasLand);
  writeUnits(cp);
  writeHot(k.hot, cp);
  const { parks, has } = k.lists;
  for (let i = 0; i < parks.length; i++) {
    const list = parks[i]!;
    for (let j = 0; j < list.length; j++) if (list[j] === cp.idx) has[i]![j] = cp.has;
  }
  return true;
}
