/**
 * The lifecycle of bulk jobs: removing one (DELETE /api/jobs/:id) a chunk of rows at a time, so a
 * 200,000-row job never holds the write lock or the event loop for long; the retention sweep
 * (JOB_RETENTION_DAYS, once at start and then daily) over finished jobs; and finishing removals a
 * restart cut short. After removals the WAL is checkpointed so the file does not keep their pages.
 */
import { checkpoint, type Db } from '../db/client.js';
import type { Logger } from '../log.js';
import { yieldToLoop } from '../io/table.js';
import { deleteSomeRows, deletingJobs, expiredJobs, markDeleting, removeJob } from './jobs.repo.js';

/** Rows removed per transaction (a few ms each), with a turn of the event loop between. */
const CHUNK = 2000;
const DAY_MS = 24 * 60 * 60 * 1000;

/** Removes a job already marked `deleting`: its rows chunk by chunk, then the job. */
export async function purgeJob(db: Db, jobId: string): Promise<number> {
  let removed = 0;
  for (let n = deleteSomeRows(db, jobId, CHUNK); n > 0; n = deleteSomeRows(db, jobId, CHUNK)) {
    removed += n;
    await yieldToLoop();
  }
  removeJob(db, jobId);
  return removed;
}

export interface SweepOptions {
  /** Keep jobs this many days (0: keep them for ever). */
  days: number;
  /** The clock (tests pass their own). */
  now?: () => Date;
  actor?: string;
}

/** Removes finished jobs older than `days` and finishes removals a restart cut short. Returns the ids removed. */
export async function sweepJobs(db: Db, o: SweepOptions): Promise<string[]> {
  const gone: string[] = [];
  for (const id of deletingJobs(db)) {
    await purgeJob(db, id);
    gone.push(id);
  }
  if (o.days > 0) {
    const before = new Date((o.now ?? (() => new Date()))().getTime() - o.days * DAY_MS).toISOString();
    for (const id of expiredJobs(db, before)) {
      if (!markDeleting(db, id, o.actor ?? 'system', { reason: 'retention', days: o.days })) continue;
      await purgeJob(db, id);
      gone.push(id);
    }
  }
  if (gone.length) checkpoint(db);
  return gone;
}

/** Runs the sweep now and then once a day; returns a stop function. */
export function startRetention(db: Db, days: number, log: Pick<Logger, 'info' | 'warn'>): () => void {
  let running: Promise<void> | null = null;
  const run = () => {
    if (running) return;
    running = sweepJobs(db, { days })
      .then((ids) => {
        if (ids.length) log.info('jobs removed by retention', { jobs: ids.length, days });
      })
      .catch((e: unknown) => log.warn('retention sweep failed', { message: (e as Error).message }))
      .finally(() => {
        running = null;
      });
  };
  run();
  const timer = setInterval(run, DAY_MS);
  timer.unref();
  return () => clearInterval(timer);
}
