/**
 * One side of the commit race (run in a worker thread with its own SQLite connection): waits at the
 * barrier until the other side is ready, then commits its placements in one IMMEDIATE transaction.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { openDb } from '../../server/db/client.js';
import { commitRoutings, SpaceConflictError, type CommitItem } from '../../server/db/routing.repo.js';

const { path, items, actor, barrier } = workerData as { path: string; items: CommitItem[]; actor: string; barrier: SharedArrayBuffer };
const db = openDb(path, { readonly: false });
const gate = new Int32Array(barrier);
Atomics.add(gate, 0, 1);
Atomics.notify(gate, 0);
while (Atomics.load(gate, 0) < 2) Atomics.wait(gate, 0, 1, 20);
const startedAt = performance.timeOrigin + performance.now();
try {
  const r = commitRoutings(db, { planId: null, actor, items });
  parentPort!.postMessage({ ok: true, committed: r.committed.length, startedAt, endedAt: performance.timeOrigin + performance.now() });
} catch (e) {
  const conflict = e instanceof SpaceConflictError;
  parentPort!.postMessage({
    ok: false,
    conflict,
    spaceId: conflict ? e.spaceId : null,
    heldBy: conflict ? e.heldBy : null,
    error: (e as Error).message,
    startedAt,
    endedAt: performance.timeOrigin + performance.now(),
  });
} finally {
  db.$client.close();
}
