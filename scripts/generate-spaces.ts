/**
 * Generates the demo vacant-space set (data/seed/spaces.json) from data/seed/parks.json.
 *
 * Every unit it writes is invented and marked `示例数据`: no seed states any park's vacancy.
 * Output is deterministic: each park gets its own PRNG (mulberry32) seeded by a hash of its id,
 * so the same parks.json always gives the same spaces.json, and adding a park does not change
 * the units of the others.
 *
 *   npx tsx scripts/generate-spaces.ts [parks.json] [spaces.json]
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { z } from 'zod';
import { ParkSeedSchema, type ParkSeed } from '../server/domain/park.schema.js';
import { SpaceSeedSchema, type SpaceKind, type SpaceSeed } from '../server/domain/space.schema.js';
import { M2_PER_MU } from '../server/text/units.js';

export const SPACE_SOURCE = '示例数据';
const MU_TO_M2 = M2_PER_MU;

/** Positionings whose firms need production floor space (工业上楼 buildings). */
const PRODUCTION = new Set([
  '智能物联',
  '医疗器械',
  '大健康',
  '生物医药',
  '智能家居',
  '电子信息制造',
  '智能传感',
  '集成电路',
  '智能视听',
  '高端装备',
  '智能制造',
  '精密制造',
  '机器人',
  '智能零部件',
  '新能源汽车',
  '时尚服装',
  '新材料',
  '新能源',
  '航空航天',
  '现代物流',
  '检验检测',
]);
/** Kinds that are whole industrial areas (many buildings, land still to supply) rather than one block. */
const BIG_KINDS: ReadonlySet<string> = new Set(['产业基地', '产业新城', '开发区']);
/** Service positionings that mostly want 研发 space rather than offices. */
const RND = new Set(['人工智能', '软件信息', '数字经济', '科技研发', '智慧医疗', '创意设计', '文化创意']);

// ---------- deterministic randomness ----------

/** FNV-1a 32-bit hash of a string. */
export function hashString(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** mulberry32: a small, fast, seedable PRNG returning floats in [0, 1). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Rng {
  /** Float in [min, max] rounded to `step`. */
  num(min: number, max: number, step: number): number;
  /** Integer in [min, max]. */
  int(min: number, max: number): number;
  chance(p: number): boolean;
}

function makeRng(seedText: string): Rng {
  const next = mulberry32(hashString(seedText));
  const num = (min: number, max: number, step: number) => {
    const steps = Math.round((max - min) / step);
    return round(min + Math.floor(next() * (steps + 1)) * step, 2);
  };
  return {
    num,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    chance: (p) => next() < p,
  };
}

function round(x: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

/** Rounds to a multiple of 10 m². */
function round10(x: number): number {
  return Math.round(x / 10) * 10;
}

function date(rng: Rng, fromYear: number, fromMonth: number, toYear: number, toMonth: number): string {
  const first = fromYear * 12 + (fromMonth - 1);
  const last = toYear * 12 + (toMonth - 1);
  const m = rng.int(first, last);
  const y = Math.floor(m / 12);
  const mm = (m % 12) + 1;
  const d = rng.int(1, 28);
  return `${y}-${String(mm).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

// ---------- park profile ----------

export type Profile = 'production' | 'mixed' | 'service' | 'landOnly';

interface ParkPlan {
  profile: Profile;
  /** Land parcels to offer (0 = none). */
  landParcels: number;
  /** Service buildings: rnd or office. */
  serviceKind: Extract<SpaceKind, 'rnd' | 'office'>;
  /** Ground-floor area range of the first production building (m²). */
  firstGround: [number, number];
  /** Ground-floor area range of other production buildings (m²). */
  otherGround: [number, number];
  /** Earliest / latest availability (year, month). */
  window: [number, number, number, number];
}

const MANUFACTURING_WORDS = /制造|智造|工业/;

/** Classifies a park by what its leading industries, name and land say it can host. */
export function profileOf(park: ParkSeed): Profile {
  const lead = park.leadingIndustries;
  if (lead.length === 0) return 'landOnly';
  if (park.kind === '地块' && (park.startTime === '未定' || park.startTime === null)) return 'landOnly';
  const production = lead.some((n) => PRODUCTION.has(n));
  if (production) return 'production';
  const text = `${park.name}${park.positioning ?? ''}`;
  if (MANUFACTURING_WORDS.test(text) && (park.landUse === 'M0' || park.landUse === 'M1')) {
    // e.g. 创意制造 (创意文化产业园), 南湖基金小镇先进制造业园: service leading industry on industrial land.
    return lead.some((n) => n === '创意设计' || n === '文化创意') ? 'production' : 'mixed';
  }
  return 'service';
}

function planFor(park: ParkSeed): ParkPlan {
  const profile = profileOf(park);
  const large = (park.landAreaMu ?? 0) >= 120 || BIG_KINDS.has(park.kind);
  const notStarted = park.startTime === '未定' || park.startTime === '2025年';
  const stillLand =
    profile === 'landOnly' ||
    BIG_KINDS.has(park.kind) ||
    (park.envClass === 'general' && profile === 'production') ||
    park.startTime === '未定';
  const medical = park.leadingIndustries.includes('医疗器械');
  const rndLike = park.leadingIndustries.some((n) => RND.has(n));
  return {
    profile,
    landParcels: stillLand ? (profile === 'landOnly' ? 3 : 2) : 0,
    serviceKind: rndLike ? 'rnd' : 'office',
    firstGround: large ? [5000, 8000] : medical ? [3000, 4000] : [3000, 6000],
    otherGround: medical ? [1500, 4000] : [1200, 5000],
    window: notStarted ? [2027, 1, 2027, 12] : park.startTime === '已开工' ? [2026, 1, 2026, 12] : [2026, 6, 2027, 9],
  };
}

// ---------- unit builders ----------

interface FloorSpec {
  clearHeightM: number;
  floorLoadKnM2: number;
}

/** 工业上楼 floor specs (domain-facts §5): ground heaviest and tallest, stepping down upwards. */
function factoryFloorSpec(rng: Rng, floor: number): FloorSpec {
  if (floor === 1) return { clearHeightM: rng.num(6, 8, 0.5), floorLoadKnM2: rng.num(15, 25, 1) };
  if (floor <= 4) return { clearHeightM: rng.num(4.5, 5.5, 0.1), floorLoadKnM2: rng.num(8, 12, 0.5) };
  return { clearHeightM: rng.num(4, 4.5, 0.1), floorLoadKnM2: rng.num(5, 7.5, 0.5) };
}

function productionBuilding(park: ParkSeed, plan: ParkPlan, rng: Rng, b: number, unitsWanted: number): SpaceSeed[] {
  const floors = rng.int(5, 8);
  const [gMin, gMax] = b === 1 ? plan.firstGround : plan.otherGround;
  const ground = rng.num(gMin, gMax, 10);
  const medical = park.leadingIndustries.includes('医疗器械');
  // Upper floors sit on a smaller plate than the podium-like ground floor.
  const upperPlate = Math.min(ground, medical ? 4000 : 6000, Math.max(medical ? 1700 : 500, round10(ground * rng.num(0.5, 0.9, 0.01))));
  const vacant = new Set<number>();
  if (b === 1 || rng.chance(0.6)) vacant.add(1);
  while (vacant.size < Math.min(unitsWanted, floors)) vacant.add(rng.int(2, floors));
  const building = `${b}号厂房`;
  const availableFrom = date(rng, ...plan.window); // a building is handed over at once
  return [...vacant]
    .sort((x, y) => x - y)
    .map((floor) => {
      const spec = factoryFloorSpec(rng, floor);
      const area = floor === 1 ? ground : round10(upperPlate * rng.num(0.9, 1, 0.01));
      const kind: SpaceKind = floor >= 5 && rng.chance(0.35) ? 'rnd' : 'factory';
      const rent = floor === 1 ? rng.num(1, 1.6, 0.05) : kind === 'rnd' ? rng.num(1.2, 2, 0.05) : rng.num(0.8, 1.3, 0.05);
      return space(park, `b${b}-f${floor}`, building, floor, Math.max(500, area), spec, kind, availableFrom, rent);
    });
}

function serviceBuilding(park: ParkSeed, plan: ParkPlan, rng: Rng, b: number, units: number): SpaceSeed[] {
  const floors = rng.int(8, 20);
  const kind = b > 1 && plan.profile === 'service' && rng.chance(0.4) ? otherServiceKind(plan.serviceKind) : plan.serviceKind;
  const building = `${String.fromCharCode(64 + b)}座`;
  const availableFrom = date(rng, ...plan.window);
  const chosen = new Set<number>();
  while (chosen.size < Math.min(units, floors - 1)) chosen.add(rng.int(2, floors));
  return [...chosen]
    .sort((x, y) => x - y)
    .map((floor) => {
      const area = rng.num(200, 3000, 10);
      const spec: FloorSpec =
        kind === 'rnd'
          ? { clearHeightM: rng.num(3.9, 4.5, 0.1), floorLoadKnM2: rng.num(4, 5, 0.5) }
          : { clearHeightM: rng.num(3.6, 4.2, 0.1), floorLoadKnM2: rng.num(3, 4, 0.5) };
      const rent = kind === 'office' ? rng.num(2, 3.5, 0.05) : rng.num(1.5, 2.8, 0.05);
      return space(park, `b${b}-f${floor}`, building, floor, area, spec, kind, availableFrom, rent);
    });
}

function otherServiceKind(k: 'rnd' | 'office'): 'rnd' | 'office' {
  return k === 'rnd' ? 'office' : 'rnd';
}

function landParcels(park: ParkSeed, plan: ParkPlan, rng: Rng): SpaceSeed[] {
  // Never offer more land than the park has: at most 60 % of a known land area, split over the parcels.
  let budget = park.landAreaMu === null ? Number.POSITIVE_INFINITY : park.landAreaMu * 0.6;
  const bigFirst = BIG_KINDS.has(park.kind) || park.envClass === 'general';
  // a 省级以上 development zone still supplies whole plots of 标准地: its first parcel is the largest
  const zoneFirst = park.kind === '开发区';
  const out: SpaceSeed[] = [];
  for (let i = 1; i <= plan.landParcels; i++) {
    const share = budget / (plan.landParcels - i + 1);
    const [lo, hi] = i === 1 && zoneFirst ? [80, 150] : i === 1 && bigFirst ? [50, 80] : [10, 45];
    const cap = Math.min(hi, share);
    if (cap < 10) break;
    const landMu = rng.num(Math.min(lo, cap), cap, 0.5);
    budget -= landMu;
    out.push(
      SpaceSeedSchema.parse({
        id: `${park.id}-land-${i}`,
        parkId: park.id,
        building: `地块${i}`,
        floor: 0,
        areaM2: round(landMu * MU_TO_M2, 2),
        landMu,
        clearHeightM: null,
        floorLoadKnM2: null,
        kind: 'land',
        status: 'vacant',
        availableFrom: date(rng, 2026, 1, 2027, 6),
        rentYuanPerM2Day: null,
        source: SPACE_SOURCE,
      }),
    );
  }
  return out;
}

function space(
  park: ParkSeed,
  suffix: string,
  building: string,
  floor: number,
  areaM2: number,
  spec: FloorSpec,
  kind: SpaceKind,
  availableFrom: string,
  rent: number,
): SpaceSeed {
  return SpaceSeedSchema.parse({
    id: `${park.id}-${suffix}`,
    parkId: park.id,
    building,
    floor,
    areaM2,
    landMu: null,
    clearHeightM: spec.clearHeightM,
    floorLoadKnM2: spec.floorLoadKnM2,
    kind,
    status: 'vacant',
    availableFrom,
    rentYuanPerM2Day: rent,
    source: SPACE_SOURCE,
  });
}

/** The units of one park, 3–12 of them, from that park's own PRNG. */
export function generateParkSpaces(park: ParkSeed): SpaceSeed[] {
  const rng = makeRng(`luodi-spaces:${park.id}`);
  const plan = planFor(park);
  const out: SpaceSeed[] = [];
  const land = landParcels(park, plan, rng);
  const big = BIG_KINDS.has(park.kind);
  let b = 0;
  if (plan.profile === 'production') {
    const buildings = big ? 3 : rng.int(1, 2);
    while (b < buildings || out.length < 4) out.push(...productionBuilding(park, plan, rng, ++b, rng.int(2, 4)));
  } else if (plan.profile === 'mixed') {
    out.push(...productionBuilding(park, plan, rng, ++b, rng.int(2, 3)));
    out.push(...serviceBuilding(park, plan, rng, ++b, rng.int(2, 4)));
  } else if (plan.profile === 'service') {
    const buildings = rng.int(1, 2);
    while (b < buildings || out.length < 3) out.push(...serviceBuilding(park, plan, rng, ++b, rng.int(2, 4)));
  }
  out.push(...land);
  // At most 12 units: drop upper floors from the end (ground floors and land stay).
  while (out.length > 12) {
    let idx = out.length - 1;
    while (idx >= 0 && (out[idx]!.kind === 'land' || out[idx]!.floor <= 1)) idx--;
    out.splice(idx >= 0 ? idx : out.length - 1, 1);
  }
  if (out.length < 3) throw new Error(`park ${park.id}: only ${out.length} units generated`);
  return out;
}

/** The whole demo vacancy set, parks in file order. */
export function generateSpaces(parks: ParkSeed[]): SpaceSeed[] {
  const spaces = parks.flatMap(generateParkSpaces);
  const seen = new Set<string>();
  for (const s of spaces) {
    if (seen.has(s.id)) throw new Error(`duplicate space id ${s.id}`);
    seen.add(s.id);
  }
  return spaces;
}

export function readParks(path: string): ParkSeed[] {
  return z.array(ParkSeedSchema).parse(JSON.parse(readFileSync(path, 'utf8')));
}

function summarise(parks: ParkSeed[], spaces: SpaceSeed[]): string {
  const lines = parks.map((p) => {
    const mine = spaces.filter((s) => s.parkId === p.id);
    const count = (k: SpaceKind) => mine.filter((s) => s.kind === k).length;
    const maxGround = Math.max(0, ...mine.filter((s) => s.floor === 1).map((s) => s.areaM2));
    const landMu = mine.reduce((a, s) => a + (s.landMu ?? 0), 0);
    return (
      `${p.id.padEnd(32)} ${profileOf(p).padEnd(10)} units ${String(mine.length).padStart(2)}` +
      `  factory ${count('factory')} rnd ${count('rnd')} office ${count('office')} land ${count('land')}` +
      `  max ground ${maxGround} m²${landMu ? `  land ${round(landMu, 1)} 亩` : ''}  ${p.name}`
    );
  });
  const byKind = ['factory', 'rnd', 'office', 'land'].map((k) => `${k} ${spaces.filter((s) => s.kind === k).length}`);
  return [...lines, `total: ${spaces.length} spaces in ${parks.length} parks (${byKind.join(', ')}); source ${SPACE_SOURCE}`].join('\n');
}

function main(): void {
  const parksPath = process.argv[2] ?? 'data/seed/parks.json';
  const outPath = process.argv[3] ?? 'data/seed/spaces.json';
  const parks = readParks(parksPath);
  const spaces = generateSpaces(parks);
  writeFileSync(outPath, JSON.stringify(spaces, null, 2) + '\n');
  console.log(summarise(parks, spaces));
  console.log(`written ${outPath}`);
}

// (by file name too: bundled into a bench script, import.meta.url is the bundle's, which is then argv[1])
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href && /generate-spaces\.[mc]?[jt]s$/.test(process.argv[1]))
  main();
