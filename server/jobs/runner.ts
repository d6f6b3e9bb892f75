/**
 * The job runner: takes queued jobs one at a time (oldest first) and scores their rows in batches on
 * the worker pool, several batches in flight so that every worker stays busy. Batches may finish in
 * any order but are committed strictly in row order, each in one transaction with the job's marker,
 * so the marker always means "every row up to here is done". On start it resumes the jobs a crash
 * or a restart left queued or running, from their marker, and fails uploads that never completed.
 */
import { checkpoint, type Db } from '../db/client.js';
import type { KnowledgeBase } from '../search/knowledge-base.js';
import type { ParkVacancy } from '../domain/vacancy.js';
import type { Plan } from '../domain/routing/plan.types.js';
import type { Logger } from '../log.js';
import { loadKnowledgeInput } from '../db/parks.repo.js';
import type { RowError } from '../io/rows.js';
import {
  abandonUploads,
  commitBatch,
  finishJob,
  getJob,
  jobStrings,
  headerSheetRow,
  nextRows,
  setStatus,
  unfinishedJobs,
  type PendingRow,
} from './jobs.repo.js';
import { mapRefs } from './result-codec.js';
import { yieldToLoop } from '../io/table.js';
import { createPool, resultSlices, type BatchResults, type PlanTask, type Pool } from './pool.js';
import { renderPageBytes, type RenderTask } from './render.js';

const NOTHING: BatchResults = { bytes: new Uint8Array(0), slices: new Int32Array(0), errors: [] };

export interface RunnerDeps {
  db: Db;
  log: Logger;
  /** The current knowledge base: when it is replaced, the workers are rebuilt from the database. */
  kb: () => KnowledgeBase;
  workers: number;
  /** The scoring threads' nice value (JOB_WORKER_NICE). */
  nice?: number;
  usdCnyRate: number;
  /** Rows per batch (and per commit). */
  batchRows?: number;
}

export interface JobRunner {
  /** Resumes unfinished jobs (call once at start-up). */
  start(): void;
  /** A job is being uploaded: start the workers now, while the rows are read and stored. */
  warm(): void;
  /** A job was queued. */
  notify(): void;
  /**
   * Renders a page of results for a download: on the workers when they are up (several pages at
   * once, `ahead` of them), on this thread otherwise (never starts workers just for a download).
   */
  renderer(): { ahead: number; render(task: RenderTask): Promise<Uint8Array> };
  /** Solves a routing plan on a scoring worker (the knowledge the API uses, vacancy included), ahead of bulk batches. */
  plan(task: PlanTask): Promise<Plan>;
  /** Units were placed or given back: the workers see it before their next batch. */
  vacancyChanged(changed: ParkVacancy[]): void;
  /** Resolves when no job is queued or running (tests, shutdown). */
  idle(): Promise<void>;
  stop(): Promise<void>;
  readonly pool: Pool;
}

export function createJobRunner(deps: RunnerDeps): JobRunner {
  const batchRows = deps.batchRows ?? 250;
  let kbSeen: KnowledgeBase | null = null;
  const pool = createPool({
    size: deps.workers,
    load: () => ({ knowledge: loadKnowledgeInput(deps.db), options: { usdCnyRate: deps.usdCnyRate }, nice: deps.nice }),
    onError: deps.log.warn,
  });
  let running: Promise<void> | null = null;
  let again = false;
  let stopped = false;

  /** Workers are rebuilt when the knowledge base the API uses has been rebuilt (parks imported …). */
  function freshWorkers(): void {
    const kb = deps.kb();
    if (kbSeen && kbSeen !== kb) pool.refresh();
    kbSeen = kb;
  }

  async function runJob(jobId: string): Promise<void> {
    const job = getJob(deps.db, jobId);
    if (!job || (job.status !== 'queued' && job.status !== 'running')) return;
    setStatus(deps.db, jobId, 'running');
    // the job's string table: text → number (a resumed job reloads what its committed batches stored)
    const dict = jobStrings(deps.db, jobId);
    let nextString = 0;
    for (const id of dict.values()) if (id >= nextString) nextString = id + 1;
    const headerRow = headerSheetRow(deps.db, jobId, job.errors); // data row N is the sheet's row headerRow + N
    let readAfter = job.cursor; // rows up to here are dispatched
    let committed = job.cursor; // rows up to here are committed
    const inFlight: { rows: PendingRow[]; done: Promise<BatchResults> }[] = [];
    const depth = Math.max(2, deps.workers * 2);
    const dispatch = () => {
      while (!stopped && inFlight.length < depth) {
        freshWorkers();
        const rows = nextRows(deps.db, jobId, readAfter, batchRows);
        if (rows.length === 0) return;
        readAfter = rows[rows.length - 1]!.rowNo;
        const good = rows.flatMap((r) => (r.lead ? [{ rowNo: r.rowNo, lead: r.lead }] : []));
        const done = good.length ? pool.run(good) : Promise.resolve(NOTHING);
        done.catch(() => undefined); // handled in order below
        inFlight.push({ rows, done });
      }
    };
    dispatch();
    while (inFlight.length && !stopped) {
      const batch = inFlight[0]!;
      const outcome = await batch.done; // in row order: the oldest batch first
      if (stopped) return;
      inFlight.shift();
      // the batch's texts numbered the job's way; the new ones are stored with the batch
      const fresh: [number, string][] = [];
      const local = (outcome.strings ?? []).map((text) => {
        let id = dict.get(text);
        if (id === undefined) {
          id = nextString++;
          dict.set(text, id);
          fresh.push([id, text]);
        }
        return id;
      });
      const results = [...resultSlices(outcome)].map((x) => ({ rowNo: x.rowNo, bytes: mapRefs(x.bytes, (i) => local[i]!) }));
      const errors: RowError[] = outcome.errors.map((o) => ({
        row: o.rowNo,
        line: headerRow + o.rowNo,
        field: '(row)',
        message: `第 ${headerRow + o.rowNo} 行评分出错：${o.error}`,
      }));
      const to = batch.rows[batch.rows.length - 1]!.rowNo;
      if (!commitBatch(deps.db, jobId, { from: committed, to, count: batch.rows.length, results, errors, strings: fresh })) {
        const now = getJob(deps.db, jobId);
        if (!now || now.status === 'deleting') return; // deleted while it ran: nothing more to do
        throw new Error(`job ${jobId}: progress marker moved under the runner`);
      }
      committed = to;
      dispatch();
    }
    if (stopped) return;
    const final = getJob(deps.db, jobId);
    if (!final || final.status === 'deleting') return;
    finishJob(deps.db, jobId, { total: final.total, processed: final.processed, failed: final.failed });
    checkpoint(deps.db); // the job's pages go back into the file; the -wal is truncated on its next reset
    deps.log.info('bulk job done', { jobId, total: final.total, failed: final.failed });
  }

  async function loop(): Promise<void> {
    do {
      again = false;
      for (const id of unfinishedJobs(deps.db)) {
        if (stopped) return;
        try {
          await runJob(id);
        } catch (e) {
          if (stopped) return;
          deps.log.error('bulk job failed', { jobId: id, message: (e as Error).message });
          setStatus(deps.db, id, 'failed', `评分中断：${(e as Error).message}`);
        }
      }
    } while (again && !stopped);
  }

  function kick(): void {
    if (stopped) return;
    if (running) {
      again = true;
      return;
    }
    running = loop().finally(() => {
      running = null;
      if (again) kick();
    });
  }

  return {
    pool,
    start() {
      const n = abandonUploads(deps.db);
      if (n) deps.log.warn('uploads cut off by a restart marked failed', { jobs: n });
      const resumable = unfinishedJobs(deps.db).length;
      if (resumable) deps.log.info('resuming bulk jobs', { jobs: resumable });
      kick();
    },
    warm() {
      if (stopped) return;
      freshWorkers();
      pool.warm();
    },
    notify: kick,
    renderer() {
      // on this thread: a turn of the event loop before each page, so other requests are answered between pages
      const here = async (task: RenderTask) => {
        await yieldToLoop();
        return renderPageBytes(task);
      };
      const up = pool.ready();
      if (up === 0 || stopped) return { ahead: 1, render: here };
      // a worker lost mid-page: the page is rendered here instead, the download goes on
      return { ahead: up * 2, render: (task) => pool.render(task).catch(() => here(task)) };
    },
    plan(task) {
      if (stopped) return Promise.reject(new Error('job runner stopped'));
      freshWorkers();
      return pool.plan(task);
    },
    vacancyChanged: (changed) => pool.vacancy(changed),
    async idle() {
      while (running) await running;
    },
    async stop() {
      stopped = true;
      await pool.close();
      await running?.catch(() => undefined);
    },
  };
}
