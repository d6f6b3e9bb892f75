/** Location: the client's preferred districts, and the reporting town (首谈地) for a nearby landing. */
import type { CompiledPark, Knowledge } from '../knowledge.js';
import { addAll, emptySet, inSet, type ParkSet } from '../park-sets.js';
import type { LeadFeatures } from '../lead.features.js';
import { reason } from '../reasons.js';
import { LOCATION } from '../scoring.constants.js';
import type { Factor } from './factor.js';

const sameTown = (town: string, parkTown: string) => parkTown.includes(town) || town.includes(parkTown);

const nearTown = (f: LeadFeatures, parkTown: string) => !!f.lead.sourceTown && sameTown(f.lead.sourceTown, parkTown);

const known = (f: LeadFeatures) => (f.lead.preferredDistricts?.length ?? 0) > 0 || !!f.lead.sourceTown;

/** 0..1 given whether the park lies where the lead wants it (its town, a preferred district); null when the lead states no preference. */
export function locationOf(f: LeadFeatures, wanted: boolean): number | null {
  const preferred = f.lead.preferredDistricts ?? [];
  if (preferred.length === 0 && !f.lead.sourceTown) return null;
  if (wanted) return LOCATION.wanted;
  return preferred.length ? LOCATION.elsewherePreferred : LOCATION.elsewhereTown;
}

/** 0..1, or null when the lead states no preference. */
export function locationScore(f: LeadFeatures, cp: CompiledPark): number | null {
  return locationOf(f, nearTown(f, cp.town) || (f.lead.preferredDistricts ?? []).includes(cp.district));
}

/** The parks where the lead wants to be, from the knowledge's town and district sets (one test per town, not per park). */
export function wantedParks(f: LeadFeatures, k: Knowledge): ParkSet {
  const out = emptySet(k.parks.length);
  for (const [town, parks] of k.townParks) if (nearTown(f, town)) addAll(out, parks);
  for (const d of f.lead.preferredDistricts ?? []) {
    const parks = k.districtParks.get(d);
    if (parks) addAll(out, parks);
  }
  return out;
}

const at = (wanted: ParkSet, f: LeadFeatures, p: number) => locationOf(f, inSet(wanted, p)) ?? 0;

/** Scores from the parks where the lead wants to be (a bit test: the cap is the score). */
export const location: Factor<ParkSet> = {
  key: 'location',
  known,
  prepare: wantedParks,
  at: (wanted, f, _k, p) => at(wanted, f, p),
  cap: (wanted, f, _has, p) => at(wanted, f, p),
  byHas: false,
  max: LOCATION.wanted,
  unrelatedMax: LOCATION.wanted,
  explain: (_, f, _k, cp) => {
    const score = locationScore(f, cp);
    const preferred = f.lead.preferredDistricts ?? [];
    const town = f.lead.sourceTown;
    if (score === null) return { key: 'location', score, reasons: [reason('location.unknown')] };
    if (nearTown(f, cp.town)) return { key: 'location', score, reasons: [reason('location.sameTown', { town: cp.park.town })] };
    if (score === LOCATION.wanted)
      return { key: 'location', score, reasons: [reason('location.preferred', { district: cp.park.district })] };
    return { key: 'location', score, reasons: [reason('location.elsewhere', { wanted: preferred.join('、') || town || '' })] };
  },
};
