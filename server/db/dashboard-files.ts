/**
 * Static data of the dashboard and the map, shipped with the code and read once per process from the
 * working directory (as `npm start` and the tests run): the policy targets (targets.json), the demo
 * parks' existing tenants (tenants.json) and the parks' locations (locations.json) of the seed
 * directory, and the district boundaries of data/geo/ (scripts/build-geo.ts). Every file is validated;
 * a bad record throws naming the file, the record and the field. A missing file reads as no rows.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { TargetSeedSchema, TenantSeedSchema, type TargetSeed, type TenantSeed } from '../domain/targets.js';
import { LocationSeedSchema, type GeoCollection, type ParkLocation } from '../domain/map.js';
import { parseRecords } from './seed-files.js';

export interface DashboardData {
  targets: TargetSeed[];
  tenants: TenantSeed[];
  locations: Map<string, ParkLocation>;
}

function readArray<T>(dir: string, file: string, schema: z.ZodType<T>): T[] {
  const path = join(dir, file);
  if (!existsSync(path)) return [];
  const data: unknown = JSON.parse(readFileSync(path, 'utf8'));
  if (!Array.isArray(data)) throw new Error(`${file}: must be a JSON array`);
  return parseRecords(file, data, schema);
}

const cache = new Map<string, DashboardData>();

export function readDashboardData(seedDir = 'data/seed'): DashboardData {
  let d = cache.get(seedDir);
  if (!d) {
    d = {
      targets: readArray(seedDir, 'targets.json', TargetSeedSchema),
      tenants: readArray(seedDir, 'tenants.json', TenantSeedSchema),
      locations: new Map(readArray(seedDir, 'locations.json', LocationSeedSchema).map(({ parkId, ...loc }) => [parkId, loc])),
    };
    cache.set(seedDir, d);
  }
  return d;
}

const geoCache = new Map<string, GeoCollection | null>();

/** The district boundaries of one jurisdiction (null: none built). */
export function readGeo(jurisdictionId: string, dir = 'data/geo'): GeoCollection | null {
  if (!/^[a-z0-9-]{1,40}$/.test(jurisdictionId)) return null;
  if (!geoCache.has(jurisdictionId)) {
    const path = join(dir, `${jurisdictionId}.json`);
    geoCache.set(jurisdictionId, existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as GeoCollection) : null);
  }
  return geoCache.get(jurisdictionId)!;
}
