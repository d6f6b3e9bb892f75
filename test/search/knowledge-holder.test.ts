import { describe, expect, it } from 'vitest';
import { createTestApp } from '../helpers/app.js';
import { createKnowledgeHolder } from '../../server/search/knowledge-holder.js';

describe('the knowledge holder: rebuilt in the background, swapped at once; vacancy in place', () => {
  it('answers from the old knowledge while a rebuild runs, then from the new one; reloads asked meanwhile share one more build', async () => {
    const t = createTestApp();
    const h = createKnowledgeHolder(t.db);
    const old = h.current();
    t.db.$client.prepare("UPDATE parks SET name = name || '（更名）' WHERE id = 'jx-weichuang'").run();
    const first = h.reload();
    expect(h.current()).toBe(old); // nothing swapped before the build is done
    const second = h.reload();
    const third = h.reload();
    expect(third).toBe(second); // one build after the running one serves both
    await first;
    const mid = h.current();
    expect(mid).not.toBe(old);
    expect(mid.k.parkById.get('jx-weichuang')!.park.name).toContain('（更名）');
    await second;
    expect(h.current()).not.toBe(mid);
  });

  it('a rebuild that fails keeps the knowledge in use and says why', async () => {
    const t = createTestApp();
    const errors: unknown[] = [];
    const h = createKnowledgeHolder(t.db, { onError: (e) => errors.push(e) });
    const old = h.current();
    t.db.$client.exec('DROP TABLE chain_leaders');
    await expect(h.reload()).rejects.toThrow();
    expect(h.current()).toBe(old);
    expect(errors).toHaveLength(1);
  });

  it('a unit reserved in the database is taken out of the current knowledge in place, and reported once', () => {
    const t = createTestApp();
    const seen: string[][] = [];
    const h = createKnowledgeHolder(t.db, { onVacancy: (c) => seen.push(c.map((x) => x.parkId)) });
    const kb = h.current();
    const cp = kb.k.parkById.get('jx-weichuang')!;
    const unit = cp.spaces[0]!;
    t.db.$client.prepare("UPDATE spaces SET status = 'reserved' WHERE id = ?").run(unit.id);
    expect(h.vacancyChanged().map((v) => v.parkId)).toEqual(['jx-weichuang']);
    expect(h.current()).toBe(kb);
    expect(cp.spaces.map((s) => s.id)).not.toContain(unit.id);
    expect(h.vacancyChanged()).toEqual([]); // nothing more to do
    expect(seen).toEqual([['jx-weichuang']]);
  });
});
