/**
 * Two commits race for the same unit on a file database, each on its own SQLite connection in its own
 * thread, released at the same instant by a barrier. BEGIN IMMEDIATE serialises them: exactly one
 * succeeds; the other waits for the lock, sees the unit taken and fails as a whole with a conflict
 * naming the unit (with DEFERRED it would fail with SQLITE_BUSY instead, or worse).
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { Worker } from 'node:worker_threads';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq, inArray } from 'drizzle-orm';
import { openDb, type Db } from '../../server/db/client.js';
import { loadSeedSet } from '../../server/db/seed.js';
import { createLead } from '../../server/db/leads.repo.js';
import type { CommitItem } from '../../server/db/routing.repo.js';
import * as t from '../../server/db/schema.js';
import { demoSeed } from '../helpers/app.js';

interface Outcome {
  ok: boolean;
  conflict?: boolean;
  spaceId?: string | null;
  heldBy?: string | null;
  error?: string;
  committed?: number;
  startedAt: number;
  endedAt: number;
}

const dir = mkdtempSync(join(tmpdir(), 'luodi-race-'));
const path = join(dir, 'race.db');
let db: Db;
let spaces: { id: string; parkId: string }[];

beforeAll(() => {
  db = openDb(path, { synchronous: 'NORMAL' }); // set-up only; the racing connections use the default FULL
  loadSeedSet(db, demoSeed(), 'test');
  spaces = db.select({ id: t.spaces.id, parkId: t.spaces.parkId }).from(t.spaces).orderBy(t.spaces.id).all();
});
afterAll(() => {
  db.$client.close();
  rmSync(dir, { recursive: true, force: true });
});

function newLeads(n: number): string[] {
  return Array.from(
    { length: n },
    (_, i) =>
      createLead(db, {
        lead: { name: `竞争项目${i}`, summary: '研发生产内窥镜，需要3000平方米厂房', sourceTown: '东栅街道' },
        stage: '线索',
        owner: null,
        reviewLevel: null,
        actor: 'test',
      }).id,
  );
}

const item = (leadId: string, s: { id: string; parkId: string }): CommitItem => ({
  leadId,
  toParkId: s.parkId,
  toTown: '南湖高新区',
  spaceId: s.id,
  score: 80,
  reasons: ['测试'],
  reviewLevel: null,
});

function race(a: CommitItem[], b: CommitItem[]): Promise<[Outcome, Outcome]> {
  const barrier = new SharedArrayBuffer(4);
  const run = (items: CommitItem[], actor: string) =>
    new Promise<Outcome>((resolve, reject) => {
      const w = new Worker(new URL('./commit-race.worker.mjs', import.meta.url), { workerData: { path, items, actor, barrier } });
      w.once('message', resolve);
      w.once('error', reject);
    });
  return Promise.all([run(a, 'A'), run(b, 'B')]);
}

describe('two commits racing for the same unit (two connections, one file database)', () => {
  it.each([0, 1, 2])('exactly one succeeds; the other gets a conflict naming the unit and writes nothing (round %i)', async (round) => {
    const per = 30;
    const pool = spaces.slice(round * (2 * per + 1), (round + 1) * (2 * per + 1));
    const contested = pool[2 * per]!;
    const leadsA = newLeads(per + 1);
    const leadsB = newLeads(per + 1);
    // each side reserves its own 30 units, and both want the contested one
    const a = [...leadsA.slice(0, per).map((l, i) => item(l, pool[i]!)), item(leadsA[per]!, contested)];
    const b = [...leadsB.slice(0, per).map((l, i) => item(l, pool[per + i]!)), item(leadsB[per]!, contested)];
    const [ra, rb] = await race(a, b);
    if (process.env.RACE_DEBUG) console.log(ra, rb);

    const winners = [ra, rb].filter((r) => r.ok);
    const losers = [ra, rb].filter((r) => !r.ok);
    expect(winners).toHaveLength(1);
    expect(losers).toHaveLength(1);
    expect(losers[0]).toMatchObject({ conflict: true, spaceId: contested.id });
    expect(winners[0]!.committed).toBe(per + 1);
    // a real race: the loser began before the winner had finished, and waited for its lock
    expect(losers[0]!.startedAt).toBeLessThan(winners[0]!.endedAt);

    const winnerLeads = ra.ok ? leadsA : leadsB;
    const loserLeads = ra.ok ? leadsB : leadsA;
    expect(losers[0]!.heldBy).toBe(winnerLeads[per]);
    const held = db.select().from(t.spaces).where(eq(t.spaces.id, contested.id)).get()!;
    expect(held).toMatchObject({ status: 'reserved', reservedBy: winnerLeads[per] });
    // the loser's transaction was rolled back whole: none of its units reserved, no ledger rows, no placements
    const loserSpaces = (ra.ok ? b : a).slice(0, per).map((x) => x.spaceId!);
    expect(
      db
        .select()
        .from(t.spaces)
        .where(inArray(t.spaces.id, loserSpaces))
        .all()
        .every((s) => s.status === 'vacant' && s.reservedBy === null),
    ).toBe(true);
    expect(db.select().from(t.routings).where(inArray(t.routings.leadId, loserLeads)).all()).toHaveLength(0);
    expect(
      db
        .select()
        .from(t.leads)
        .where(inArray(t.leads.id, loserLeads))
        .all()
        .every((l) => l.parkId === null),
    ).toBe(true);
    expect(db.select().from(t.routings).where(inArray(t.routings.leadId, winnerLeads)).all()).toHaveLength(per + 1);
  });

  it('never reserves one unit for two leads, whatever the interleaving', () => {
    const rows = db.select({ id: t.spaces.id, reservedBy: t.spaces.reservedBy }).from(t.spaces).all();
    const ledger = db.select({ spaceId: t.routings.spaceId, leadId: t.routings.leadId }).from(t.routings).all();
    const bySpace = new Map<string, Set<string>>();
    for (const r of ledger) if (r.spaceId) bySpace.set(r.spaceId, (bySpace.get(r.spaceId) ?? new Set()).add(r.leadId));
    for (const [space, leads] of bySpace) {
      expect(leads.size).toBe(1);
      expect(rows.find((r) => r.id === space)!.reservedBy).toBe([...leads][0]);
    }
  });
});
