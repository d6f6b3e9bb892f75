/** Location: the client's preferred districts, and the reporting town (首谈地) for a nearby landing. */
import type { CompiledPark } from '../knowledge.js';
import type { LeadFeatures } from '../lead.features.js';
import { reason } from '../reasons.js';
import type { FactorResult } from './factor.js';

export function locationFactor(f: LeadFeatures, cp: CompiledPark): FactorResult {
  const preferred = f.lead.preferredDistricts ?? [];
  const town = f.lead.sourceTown;
  if (preferred.length === 0 && !town) return { key: 'location', score: null, reasons: [reason('location.unknown')] };
  const p = cp.park;
  if (town && (p.town.includes(town) || town.includes(p.town))) return { key: 'location', score: 1, reasons: [reason('location.sameTown', { town: p.town })] };
  if (preferred.includes(p.district)) return { key: 'location', score: 1, reasons: [reason('location.preferred', { district: p.district })] };
  return { key: 'location', score: preferred.length ? 0 : 0.5, reasons: [reason('location.elsewhere', { wanted: preferred.join('、') || town || '' })] };
}
