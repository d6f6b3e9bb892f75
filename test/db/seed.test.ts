import { describe, it, expect } from 'vitest';
import { mkdtempSync, writeFileSync, readFileSync, cpSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDb } from '../../server/db/client.js';
import { loadSeedSet, parkCount, seedIfEmpty } from '../../server/db/seed.js';
import { readSeedSet, SeedError } from '../../server/db/seed-files.js';
import { loadKnowledgeInput } from '../../server/db/parks.repo.js';
import { spaces } from '../../server/db/schema.js';
import { demoSeed } from '../helpers/app.js';

function seedCopy(mutate?: (dir: string) => void): string {
  const dir = mkdtempSync(join(tmpdir(), 'luodi-seed-'));
  cpSync('data/seed', dir, { recursive: true });
  mutate?.(dir);
  return dir;
}

describe('demo data set', () => {
  it('loads every park, space, rule and chain, and reads back the same records', () => {
    const db = openDb(':memory:');
    const set = demoSeed();
    loadSeedSet(db, set);
    const back = loadKnowledgeInput(db);
    expect(back.parks).toHaveLength(set.parks.length);
    expect(back.spaces).toHaveLength(set.spaces.length);
    expect(back.rules).toHaveLength(set.rules.length);
    expect(back.chains.map((c) => c.id).sort()).toEqual(set.chains.map((c) => c.id).sort());
    const byId = new Map(back.parks.map((p) => [p.id, p]));
    for (const p of set.parks) expect(byId.get(p.id)).toEqual(p);
  });

  it('seedIfEmpty loads once; a second start neither reloads nor duplicates', () => {
    const db = openDb(':memory:');
    expect(seedIfEmpty(db, 'data/seed')).toBe(true);
    const n = parkCount(db);
    expect(seedIfEmpty(db, 'data/seed')).toBe(false);
    expect(parkCount(db)).toBe(n);
  });

  it('reloading the seed keeps a reserved space reserved', () => {
    const db = openDb(':memory:');
    const set = demoSeed();
    loadSeedSet(db, set);
    const id = set.spaces[0]!.id;
    db.update(spaces).set({ status: 'reserved', reservedBy: 'lead-1' }).run();
    loadSeedSet(db, set);
    const row = db
      .select()
      .from(spaces)
      .all()
      .find((s) => s.id === id)!;
    expect(row.status).toBe('reserved');
  });

  it('a bad record stops the load naming file, record and field, and nothing is written', () => {
    const dir = seedCopy((d) => {
      const parks = JSON.parse(readFileSync(join(d, 'parks.json'), 'utf8'));
      parks[3].landAreaMu = -5;
      writeFileSync(join(d, 'parks.json'), JSON.stringify(parks));
    });
    const db = openDb(':memory:');
    let err: unknown;
    try {
      seedIfEmpty(db, dir);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(SeedError);
    const e = err as SeedError;
    expect(e.file).toBe('parks.json');
    expect(e.record).toMatch(/^#4 /);
    expect(e.field).toBe('landAreaMu');
    expect(parkCount(db)).toBe(0);
    rmSync(dir, { recursive: true, force: true });
  });

  it('a reference to an unknown positioning is named', () => {
    const dir = seedCopy((d) => {
      const parks = JSON.parse(readFileSync(join(d, 'parks.json'), 'utf8'));
      parks[0].leadingIndustries = ['不存在的产业'];
      writeFileSync(join(d, 'parks.json'), JSON.stringify(parks));
    });
    expect(() => readSeedSet(dir)).toThrow(/parks\.json: record #1 .*leadingIndustries.*不存在的产业/);
    rmSync(dir, { recursive: true, force: true });
  });
});
