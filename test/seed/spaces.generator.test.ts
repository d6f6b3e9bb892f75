import { describe, expect, it } from 'vitest';
import { ParkSeedSchema, type ParkSeed } from '../../server/domain/park.schema.js';
import { SpaceSeedSchema } from '../../server/domain/space.schema.js';
import { generateSpaces, mulberry32, profileOf, readParks } from '../../scripts/generate-spaces.js';

function park(over: Partial<ParkSeed> & Pick<ParkSeed, 'id' | 'name'>): ParkSeed {
  return ParkSeedSchema.parse({
    city: '嘉兴市',
    district: '南湖区',
    town: '示例街道',
    kind: '产业园',
    program: '都市型工业',
    leadingIndustries: ['高端装备'],
    envClass: 'clean',
    source: '测试',
    ...over,
  });
}

const fixture: ParkSeed[] = [
  park({ id: 'p-factory', name: '示例智造园', landAreaMu: 80, landUse: 'M1', startTime: '已开工' }),
  park({ id: 'p-medical', name: '示例医疗器械园', leadingIndustries: ['医疗器械'], landAreaMu: 140, landUse: 'M1' }),
  park({ id: 'p-office', name: '示例金融园', leadingIndustries: ['科创金融'], landUse: 'M1' }),
  park({ id: 'p-land', name: '示例地块', kind: '地块', leadingIndustries: [], landAreaMu: 70, startTime: '2025年' }),
  park({ id: 'p-base', name: '示例产业基地', kind: '产业基地', program: '4286', envClass: 'general', leadingIndustries: ['新材料'] }),
];
const seedParks = readParks('data/seed/parks.json');

describe('generate-spaces', () => {
  it('gives identical output when run twice on the same parks', () => {
    expect(generateSpaces(fixture)).toEqual(generateSpaces(fixture));
    expect(JSON.stringify(generateSpaces(seedParks))).toBe(JSON.stringify(generateSpaces(seedParks)));
  });

  it('does not change a park’s units when another park is added', () => {
    const alone = generateSpaces([fixture[0]!]);
    const withOthers = generateSpaces(fixture).filter((s) => s.parkId === 'p-factory');
    expect(withOthers).toEqual(alone);
  });

  it('uses a seeded PRNG, not Math.random', () => {
    const a = mulberry32(42);
    const b = mulberry32(42);
    expect([a(), a(), a()]).toEqual([b(), b(), b()]);
  });

  it('makes the ground floor of every building heavier and taller than its upper floors', () => {
    for (const spaces of [generateSpaces(fixture), generateSpaces(seedParks)]) {
      const byBuilding = new Map<string, typeof spaces>();
      for (const s of spaces.filter((x) => x.kind !== 'land')) {
        const key = `${s.parkId}/${s.building}`;
        byBuilding.set(key, [...(byBuilding.get(key) ?? []), s]);
      }
      let checked = 0;
      for (const units of byBuilding.values()) {
        const ground = units.find((u) => u.floor === 1);
        if (!ground) continue;
        for (const up of units.filter((u) => u.floor > 1)) {
          expect(ground.floorLoadKnM2!).toBeGreaterThan(up.floorLoadKnM2!);
          expect(ground.clearHeightM!).toBeGreaterThan(up.clearHeightM!);
          checked++;
        }
      }
      expect(checked).toBeGreaterThan(0);
    }
  });

  it('keeps 工业上楼 floors within the design ranges', () => {
    for (const s of generateSpaces(seedParks).filter((x) => x.kind === 'factory')) {
      if (s.floor === 1) {
        expect(s.clearHeightM).toBeGreaterThanOrEqual(6);
        expect(s.clearHeightM).toBeLessThanOrEqual(8);
        expect(s.floorLoadKnM2).toBeGreaterThanOrEqual(15);
        expect(s.floorLoadKnM2).toBeLessThanOrEqual(25);
      } else if (s.floor <= 4) {
        expect(s.floorLoadKnM2).toBeGreaterThanOrEqual(8);
        expect(s.floorLoadKnM2).toBeLessThanOrEqual(12);
      } else {
        expect(s.floorLoadKnM2).toBeLessThanOrEqual(8);
      }
    }
  });

  it('gives every manufacturing park a ground-floor unit of at least 3,000 m²', () => {
    const spaces = generateSpaces(seedParks);
    const manufacturing = seedParks.filter((p) => ['production', 'mixed'].includes(profileOf(p)));
    expect(manufacturing.length).toBeGreaterThan(20);
    for (const p of manufacturing) {
      const ground = spaces.filter((s) => s.parkId === p.id && s.floor === 1 && s.kind === 'factory');
      expect(Math.max(0, ...ground.map((s) => s.areaM2)), p.id).toBeGreaterThanOrEqual(3000);
    }
  });

  it('gives every park 3–12 valid units marked 示例数据, with land area = 亩 × 666.67', () => {
    const spaces = generateSpaces(seedParks);
    for (const p of seedParks) {
      const n = spaces.filter((s) => s.parkId === p.id).length;
      expect(n, p.id).toBeGreaterThanOrEqual(3);
      expect(n, p.id).toBeLessThanOrEqual(12);
    }
    for (const s of spaces) {
      expect(SpaceSeedSchema.parse(s)).toEqual(s);
      expect(s.source).toBe('示例数据');
      expect(s.availableFrom! >= '2026-01-01' && s.availableFrom! <= '2027-12-31').toBe(true);
      if (s.kind === 'land') {
        expect(s.floor).toBe(0);
        expect(Math.abs(s.areaM2 - s.landMu! * 666.67)).toBeLessThanOrEqual(0.005 + 1e-9); // rounded to 0.01
      }
    }
    expect(new Set(spaces.map((s) => s.id)).size).toBe(spaces.length);
  });

  it('never offers more land than a park has', () => {
    const spaces = generateSpaces(seedParks);
    for (const p of seedParks.filter((x) => x.landAreaMu !== null)) {
      const mu = spaces.filter((s) => s.parkId === p.id).reduce((a, s) => a + (s.landMu ?? 0), 0);
      expect(mu, p.id).toBeLessThanOrEqual(p.landAreaMu!);
    }
  });

  it('offers land only (no buildings) on plots whose industry is 未定', () => {
    const spaces = generateSpaces(fixture).filter((s) => s.parkId === 'p-land');
    expect(spaces.length).toBeGreaterThanOrEqual(3);
    expect(spaces.every((s) => s.kind === 'land')).toBe(true);
  });
});
