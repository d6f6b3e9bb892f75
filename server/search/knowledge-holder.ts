/**
 * The knowledge base the API scores with, and how it follows the database:
 * - parks, rules or the taxonomy changed → `reload()`: a new knowledge base is built in the background
 *   (in slices, see buildKnowledgeBaseInSlices) from one snapshot of the data and swapped in at once;
 *   requests meanwhile are answered from the old one. Reloads asked for during a build share one more
 *   build after it.
 * - units placed, reserved or given back → `vacancyChanged()`: the parks whose vacant units differ from
 *   the database are rewritten in place (domain/vacancy.ts), at once, without a rebuild; `onVacancy`
 *   passes the new units on (to the scoring workers).
 */
import { asc, inArray } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { loadKnowledgeInput, toSpaceSeed } from '../db/parks.repo.js';
import * as t from '../db/schema.js';
import { setParkVacancy, type ParkVacancy } from '../domain/vacancy.js';
import { buildKnowledgeBase, buildKnowledgeBaseInSlices, type KnowledgeBase } from './knowledge-base.js';

export interface KnowledgeHolder {
  current(): KnowledgeBase;
  /** Rebuilds in the background; resolves once the new knowledge base is in use (rejects, keeping the old one, when the data cannot be compiled). */
  reload(): Promise<void>;
  /** Brings the vacant units of the current knowledge in line with the database; the parks that changed. */
  vacancyChanged(): ParkVacancy[];
}

export function createKnowledgeHolder(
  db: Db,
  hooks: { onVacancy?: (changed: ParkVacancy[]) => void; onError?: (e: unknown) => void } = {},
): KnowledgeHolder {
  let kb = buildKnowledgeBase(loadKnowledgeInput(db));
  let running: Promise<void> | null = null;
  let queued: Promise<void> | null = null;
  const vacancyOf = db.$client.prepare<[], { id: string; parkId: string }>(
    "SELECT id, park_id AS parkId FROM spaces WHERE status = 'vacant'",
  );

  function vacancyChanged(): ParkVacancy[] {
    const k = kb.k;
    const vacant = new Map<string, Set<string>>();
    for (const r of vacancyOf.all()) {
      let s = vacant.get(r.parkId);
      if (!s) vacant.set(r.parkId, (s = new Set()));
      s.add(r.id);
    }
    const changed = k.parks
      .filter((cp) => {
        const now = vacant.get(cp.park.id);
        return (now?.size ?? 0) !== cp.spaces.length || cp.spaces.some((s) => !now!.has(s.id));
      })
      .map((cp) => cp.park.id);
    if (!changed.length) return [];
    const rows = db.select().from(t.spaces).where(inArray(t.spaces.parkId, changed)).orderBy(asc(t.spaces.id)).all();
    const out: ParkVacancy[] = changed.map((parkId) => ({ parkId, spaces: rows.filter((r) => r.parkId === parkId).map(toSpaceSeed) }));
    if (out.some((v) => !setParkVacancy(k, v.parkId, v.spaces))) {
      // a unit the knowledge has no row for: only a rebuild knows it
      void reload().catch(() => undefined);
      return out;
    }
    hooks.onVacancy?.(out);
    return out;
  }

  async function rebuild(): Promise<void> {
    try {
      const input = loadKnowledgeInput(db); // one consistent snapshot
      kb = await buildKnowledgeBaseInSlices(input);
    } catch (e) {
      hooks.onError?.(e);
      throw e;
    }
    vacancyChanged(); // units placed or given back while it was being built
  }

  function start(): Promise<void> {
    const p: Promise<void> = rebuild().finally(() => {
      if (running === p) running = null;
    });
    running = p;
    return p;
  }

  function reload(): Promise<void> {
    if (queued) return queued;
    if (!running) return start();
    queued = running
      .catch(() => undefined)
      .then(() => {
        queued = null;
        return start();
      });
    return queued;
  }

  return { current: () => kb, reload, vacancyChanged };
}
