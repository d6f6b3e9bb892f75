import { afterAll, describe, expect, it } from 'vitest';
import { createTestApp, demoSeed } from '../helpers/app.js';
import { createPool, resultSlices, type BatchResults, type Pool } from '../../server/jobs/pool.js';
import { decodeResult } from '../../server/jobs/result-codec.js';
import { loadKnowledgeInput, listSpaces } from '../../server/db/parks.repo.js';
import { syntheticLeads } from '../../scripts/synthetic.js';

const t = createTestApp();
const pools: Pool[] = [];
afterAll(async () => {
  await Promise.all(pools.map((p) => p.close()));
});

const load = () => ({ knowledge: loadKnowledgeInput(t.db), options: {} });
const rows = syntheticLeads(demoSeed(), 60, 11).map((lead, i) => ({ rowNo: i + 1, lead: JSON.stringify(lead) }));
const decoded = (r: BatchResults) =>
  [...resultSlices(r)].map(({ rowNo, bytes }) => ({ rowNo, ...decodeResult(bytes, (id) => r.strings![id]!) }));

describe('scoring workers follow vacancy without being rebuilt', () => {
  it('after a vacancy message a running worker scores exactly as a worker started from the changed data', async () => {
    const running = createPool({ size: 1, load });
    pools.push(running);
    const before = decoded(await running.run(rows));
    // every unit of the parks that come first most often is taken
    const counts = new Map<string, number>();
    for (const r of before) if (r.best) counts.set(r.best.parkId, (counts.get(r.best.parkId) ?? 0) + 1);
    const taken = [...counts.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 3)
      .map(([id]) => id);
    const placeholders = taken.map(() => '?').join(',');
    t.db.$client.prepare(`UPDATE spaces SET status = 'reserved' WHERE park_id IN (${placeholders})`).run(...taken);
    running.vacancy(taken.map((parkId) => ({ parkId, spaces: listSpaces(t.db, parkId).map(({ reservedBy: _r, ...s }) => s) })));
    const after = decoded(await running.run(rows));
    const fresh = createPool({ size: 1, load });
    pools.push(fresh);
    const want = decoded(await fresh.run(rows));
    expect(after).toEqual(want);
    expect(after).not.toEqual(before);
    expect(running.threads()).toBe(1);
  });
});
