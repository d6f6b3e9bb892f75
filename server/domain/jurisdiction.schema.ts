/**
 * Jurisdictions (辖区, API.md v2 "Jurisdictions"): the city or district whose 招商 office runs one
 * pipeline, with its districts. A park belongs to the jurisdiction that lists its district. Pure.
 */
import { z } from 'zod';

export const JurisdictionSeedSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9-]{1,40}$/),
  name: z.string().min(1).max(40),
  districts: z.array(z.string().min(1).max(20)).min(1),
  source: z.string().min(1),
});
export type Jurisdiction = z.infer<typeof JurisdictionSeedSchema>;

/** The jurisdiction that lists `district` (undefined: none). */
export const jurisdictionOfDistrict = (list: readonly Jurisdiction[], district: string): Jurisdiction | undefined =>
  list.find((j) => j.districts.includes(district));

/**
 * The districts a lead may be placed in within a jurisdiction: its own `districts` narrowed to the
 * jurisdiction's, or all of them. An empty narrowing (the lead asked only for districts elsewhere)
 * yields the one impossible district, so that no park is offered rather than every park.
 */
export const OUTSIDE_DISTRICT = '（辖区外）';
export function narrowDistricts(j: Jurisdiction, asked: readonly string[] | undefined): string[] {
  if (!asked?.length) return [...j.districts];
  const within = asked.filter((d) => j.districts.includes(d));
  return within.length ? within : [OUTSIDE_DISTRICT];
}
