/**
 * The 招商地图 (API.md v2 "The map"): every park's location — public coordinates marked 公开资料 with
 * their source, approximate ones 示例数据 — and the district boundaries of each jurisdiction (GeoJSON
 * extracted at build time by scripts/build-geo.ts). Pure.
 */
import { z } from 'zod';

export const LocationSeedSchema = z.strictObject({
  parkId: z.string().min(1),
  lng: z.number().min(73).max(136),
  lat: z.number().min(3).max(54),
  source: z.string().regex(/^(公开资料|示例数据)/, 'source 必须以 公开资料 或 示例数据 开头'),
});
export type LocationSeed = z.infer<typeof LocationSeedSchema>;
export type ParkLocation = Omit<LocationSeed, 'parkId'>;

type Ring = readonly (readonly number[])[];
export interface GeoFeature {
  type: 'Feature';
  properties: { name: string; cp?: number[] };
  geometry: { type: 'Polygon'; coordinates: Ring[] } | { type: 'MultiPolygon'; coordinates: Ring[][] };
}
export interface GeoCollection {
  type: 'FeatureCollection';
  jurisdictionId: string;
  name: string;
  source: string;
  features: GeoFeature[];
}

/** Ray casting: whether (x, y) lies inside the ring. */
function inRing(x: number, y: number, ring: Ring): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i] as [number, number];
    const [xj, yj] = ring[j] as [number, number];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/** The district (feature name) a point lies in, or null. */
export function districtAt(geo: GeoCollection, lng: number, lat: number): string | null {
  for (const f of geo.features) {
    const polys = f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates;
    if (polys.some((p) => p.length > 0 && inRing(lng, lat, p[0]!) && !p.slice(1).some((h) => inRing(lng, lat, h))))
      return f.properties.name;
  }
  return null;
}
