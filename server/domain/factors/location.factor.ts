/** Location: the client's preferred districts, and the reporting town (首谈地) for a nearby landing. */
import type { CompiledPark } from '../knowledge.js';
import type { LeadFeatures } from '../lead.features.js';
import { reason } from '../reasons.js';
import type { FactorResult } from './factor.js';

const sameTown = (town: string, parkTown: string) => parkTown.includes(town) || town.includes(parkTown);

/** 0..1, or null when the lead states no preference. */
export function locationScore(f: LeadFeatures, cp: CompiledPark): number | null {
  const preferred = f.lead.preferredDistricts ?? [];
  const town = f.lead.sourceTown;
  if (preferred.length === 0 && !town) return null;
  if ((town && sameTown(town, cp.park.town)) || preferred.includes(cp.park.district)) return 1;
  return preferred.length ? 0 : 0.5;
}

export function locationFactor(f: LeadFeatures, cp: CompiledPark): FactorResult {
  const score = locationScore(f, cp);
  const preferred = f.lead.preferredDistricts ?? [];
  const town = f.lead.sourceTown;
  if (score === null) return { key: 'location', score, reasons: [reason('location.unknown')] };
  if (town && sameTown(town, cp.park.town)) return { key: 'location', score, reasons: [reason('location.sameTown', { town: cp.park.town })] };
  if (score === 1) return { key: 'location', score, reasons: [reason('location.preferred', { district: cp.park.district })] };
  return { key: 'location', score, reasons: [reason('location.elsewhere', { wanted: preferred.join('、') || town || '' })] };
}
