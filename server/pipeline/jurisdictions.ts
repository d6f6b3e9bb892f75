/**
 * Jurisdictions (API.md v2): every request of a user bound to a jurisdiction is answered within it —
 * its parks, its leads, plans that never leave it. The system administrator (no jurisdiction) sees
 * every one. A town user's jurisdiction is the one of its town when the account names none.
 */
import { listJurisdictions } from '../db/jurisdictions.repo.js';
import { jurisdictionOfDistrict, narrowDistricts, type Jurisdiction } from '../domain/jurisdiction.schema.js';
import type { Caller } from './authorise.js';
import type { PipelineDeps } from './context.js';

/** The jurisdiction a town belongs to: the one listing the district of the town's parks. */
function jurisdictionOfTown(deps: Pick<PipelineDeps, 'kb'>, list: readonly Jurisdiction[], town: string): Jurisdiction | undefined {
  const park = deps.kb().k.parks.find((cp) => cp.park.town === town);
  return park ? jurisdictionOfDistrict(list, park.park.district) : undefined;
}

/**
 * The jurisdiction the caller's requests are answered within; null for all of them (the system
 * administrator; town staff of a town no jurisdiction lists). An id that names no jurisdiction answers
 * nothing rather than everything.
 */
export function scopeOf(deps: Pick<PipelineDeps, 'db' | 'kb'>, caller: Caller): Jurisdiction | null {
  const { actor } = caller;
  if (actor.jurisdictionId === null && !(actor.role === 'town' && actor.town)) return null;
  const list = listJurisdictions(deps.db);
  if (actor.jurisdictionId !== null)
    return (
      list.find((j) => j.id === actor.jurisdictionId) ?? { id: actor.jurisdictionId, name: actor.jurisdictionId, districts: [], source: '' }
    );
  return list.length ? (jurisdictionOfTown(deps, list, actor.town!) ?? null) : null;
}

/** Whether a park (by its district) is within the scope. */
export const parkInScope = (scope: Jurisdiction | null, district: string): boolean => !scope || scope.districts.includes(district);

/** The districts a lead is matched or planned within: its own, narrowed to the scope. */
export const scopedDistricts = (scope: Jurisdiction | null, asked: readonly string[] | undefined): string[] | undefined =>
  scope ? narrowDistricts(scope, asked) : asked ? [...asked] : undefined;

/** Whether a stored lead is within the scope (leads of no known jurisdiction: the system administrator's only). */
export const leadInScope = (scope: Jurisdiction | null, lead: { jurisdictionId: string | null }): boolean =>
  !scope || lead.jurisdictionId === scope.id;

/** The jurisdiction a new lead belongs to: the caller's, or the one of its reporting town. */
export function jurisdictionForLead(deps: Pick<PipelineDeps, 'db' | 'kb'>, caller: Caller, sourceTown: string | undefined): string | null {
  const scope = scopeOf(deps, caller);
  if (scope) return scope.id;
  if (!sourceTown) return null;
  return jurisdictionOfTown(deps, listJurisdictions(deps.db), sourceTown)?.id ?? null;
}

/** The jurisdictions the caller can see. */
export function visibleJurisdictions(deps: Pick<PipelineDeps, 'db' | 'kb'>, caller: Caller): Jurisdiction[] {
  const scope = scopeOf(deps, caller);
  return scope ? [scope] : listJurisdictions(deps.db);
}

/** Whether a jurisdiction id exists (users are created into one). */
export const jurisdictionExists = (deps: Pick<PipelineDeps, 'db'>, id: string): boolean =>
  listJurisdictions(deps.db).some((j) => j.id === id);
