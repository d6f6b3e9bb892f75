/**
 * A pool of scoring worker threads (JOB_WORKERS of them), started on the first task and stopped
 * after a while without work. Each worker gets the knowledge as plain records in workerData and
 * builds its own read-only copy. `refresh()` retires the workers after their current batch when the
 * parks or rules change; the next batches go to workers built from the new data. A worker that dies
 * mid-batch is replaced and its batch retried once.
 */
import { Worker } from 'node:worker_threads';
import type { KnowledgeInput } from '../domain/knowledge.js';
import type { ScorerOptions } from './score-row.js';
import type { RenderTask } from './render.js';
import type { ParkVacancy } from '../domain/vacancy.js';
import type { Plan, PlanLead, PlanOptions } from '../domain/routing/plan.types.js';

/**
 * Leads go to the workers as JSON text; a batch's results come back as one buffer of compact
 * results (moved, not copied) with each row's slice and the batch's texts. The main thread only
 * renumbers the texts into the job's string table and stores the bytes: it never builds, parses or
 * stringifies a result, and stays free to answer the API.
 */
export interface WorkerTask {
  id: number;
  /** Leads to score … */
  rows?: { rowNo: number; lead: string }[];
  /** … or a page of results to render for a download (the reply's bytes are the text) … */
  render?: RenderTask;
  /** … or a routing plan to solve (the reply's bytes are the plan as JSON). */
  plan?: PlanTask;
}

/** A routing plan for a worker: the leads and the options that are data (the worker reads leads with its own fallback). */
export interface PlanTask {
  leads: PlanLead[];
  options: Omit<PlanOptions, 'guessIndustries'>;
}
/** Units placed or given back since the worker built its knowledge: it rewrites those parks in place. */
export interface VacancyMessage {
  vacancy: ParkVacancy[];
}
export interface BatchResults {
  /** UTF-8 JSON of every scored row, back to back. */
  bytes: Uint8Array;
  /** Per scored row: rowNo, start, end (into bytes). */
  slices: Int32Array;
  /** Rows the scorer threw on. */
  errors: { rowNo: number; error: string }[];
  /** The texts the results refer to, numbered from 0 for this batch (result-codec.ts). */
  strings?: string[];
}
export interface WorkerReply extends BatchResults {
  id: number;
}

/** Each scored row's bytes. */
export function* resultSlices(r: BatchResults): Generator<{ rowNo: number; bytes: Uint8Array }> {
  for (let i = 0; i < r.slices.length; i += 3) yield { rowNo: r.slices[i]!, bytes: r.bytes.subarray(r.slices[i + 1]!, r.slices[i + 2]!) };
}

export interface WorkerData {
  knowledge: KnowledgeInput;
  options: ScorerOptions;
  /** The worker thread's nice value (Linux): above 0 the request thread wins the CPU when both want it. */
  nice?: number;
}

export interface PoolOptions {
  size: number;
  /** Reads what a new worker needs (called once per generation of workers). */
  load: () => WorkerData;
  /** Stop idle workers after this long. */
  idleMs?: number;
  onError?: (msg: string, detail?: unknown) => void;
  /** The worker's module: by default worker-entry.mjs next to this one (dist/ under npm start, server/jobs/ in development under tsx). */
  entry?: URL;
}

export interface Pool {
  run(rows: NonNullable<WorkerTask['rows']>): Promise<BatchResults>;
  /** Renders a page of results on a worker (UTF-8 bytes). */
  render(task: RenderTask): Promise<Uint8Array>;
  /** Solves a routing plan on a worker, ahead of queued batches (starts workers when none is up). */
  plan(task: PlanTask): Promise<Plan>;
  /** Workers started and ready now (a download renders on them only when they are already up). */
  ready(): number;
  /** Starts every worker now (they take a while to build their knowledge): work is on its way. */
  warm(): void;
  /** The knowledge changed: new batches go to workers built from fresh data. */
  refresh(): void;
  /** Units changed: every worker rewrites those parks before its next batch; workers started later read fresh data. */
  vacancy(changed: ParkVacancy[]): void;
  close(): Promise<void>;
  /** Live worker threads (for tests and status). */
  threads(): number;
}

interface Slot {
  worker: Worker;
  gen: number;
  ready: boolean;
  task: Pending | null;
}
interface Pending {
  task: WorkerTask;
  resolve: (r: BatchResults) => void;
  reject: (e: Error) => void;
  attempts: number;
}

const ENTRY = new URL('./worker-entry.mjs', import.meta.url);
/**
 * The worker's young generation. Scoring leaves ~30 KB of short-lived garbage per lead: at 8 MB a
 * worker collected every ~100 leads, and the process spent about an eighth more CPU per lead than at
 * 32 MB (1 worker, 2,000 parks, three runs each: 242–245 against 211–232 µs). At 32 MB V8 commits
 * 34 MB of new space per worker (16 MB semi-spaces) against 17 MB at 16 MB (24 gives the same 8 MB
 * semi-spaces), and the workers' large-object space held 17–23 MB against 9 MB: two workers after
 * 30,000 leads, 2,000 parks, 399–401 MB RSS against 330–344 MB (peak 382–384 against 341–362 MB),
 * which takes the 100,000-row end-to-end run under its 500 MB goal; the CPU cost measured within
 * this machine's noise (pool, 1 worker, 15,000 leads, four alternating runs: median 116 against
 * 121 µs per lead, ranges overlapping).
 */
const YOUNG_MB = 16;

export function createPool(opts: PoolOptions): Pool {
  const slots = new Set<Slot>();
  const queue: Pending[] = [];
  let gen = 0;
  let data: { gen: number; value: WorkerData } | null = null;
  let nextId = 1;
  let idleTimer: NodeJS.Timeout | null = null;
  let closed = false;
  /** Workers that died before becoming ready, in a row: a broken start must not loop forever. */
  let failedStarts = 0;

  const current = () => [...slots].filter((s) => s.gen === gen);

  function spawn(): void {
    if (!data || data.gen !== gen) data = { gen, value: opts.load() };
    const slot: Slot = {
      worker: new Worker(opts.entry ?? ENTRY, {
        workerData: data.value,
        execArgv: [],
        resourceLimits: { maxYoungGenerationSizeMb: YOUNG_MB },
      }),
      gen,
      ready: false,
      task: null,
    };
    slot.worker.unref();
    slots.add(slot);
    slot.worker.on('message', (msg: WorkerReply | { ready: true }) => {
      if ('ready' in msg) {
        slot.ready = true;
        failedStarts = 0;
        return dispatch();
      }
      const p = slot.task;
      slot.task = null;
      if (p && p.task.id === msg.id) p.resolve({ bytes: msg.bytes, slices: msg.slices, errors: msg.errors, strings: msg.strings });
      if (slot.gen !== gen) retire(slot);
      dispatch();
    });
    const lost = (why: string) => {
      if (!slots.has(slot)) return;
      slots.delete(slot);
      const p = slot.task;
      if (p) {
        if (p.attempts < 2 && !closed) queue.unshift({ ...p, attempts: p.attempts + 1 });
        else p.reject(new Error(`评分线程异常退出：${why}`));
      }
      if (closed) return;
      opts.onError?.('scoring worker lost', { why });
      if (!slot.ready && ++failedStarts >= 3) {
        for (const q of queue.splice(0)) q.reject(new Error(`评分线程无法启动：${why}`));
        failedStarts = 0;
      }
      dispatch();
    };
    slot.worker.on('error', (e) => lost(e.message));
    slot.worker.on('exit', (code) => lost(`exit ${code}`));
  }

  function retire(slot: Slot): void {
    slots.delete(slot);
    void slot.worker.terminate();
  }

  function dispatch(): void {
    if (closed) return;
    if (idleTimer) {
      clearTimeout(idleTimer);
      idleTimer = null;
    }
    for (const s of [...slots]) if (s.gen !== gen && !s.task) retire(s);
    while (queue.length) {
      const idle = current().find((s) => s.ready && !s.task);
      if (!idle) break;
      const p = queue.shift()!;
      idle.task = p;
      idle.worker.postMessage(p.task);
    }
    // start workers for the waiting batches, all at once (each takes a while to build its knowledge)
    const starting = current().filter((s) => !s.ready).length;
    for (let n = Math.min(queue.length - starting, opts.size - current().length); n > 0; n--) spawn();
    if (queue.length === 0 && [...slots].every((s) => !s.task)) {
      idleTimer = setTimeout(() => {
        for (const s of [...slots]) if (!s.task) retire(s);
      }, opts.idleMs ?? 30_000);
      idleTimer.unref();
    }
  }

  function submit(task: Omit<WorkerTask, 'id'>, first = false): Promise<BatchResults> {
    if (closed) return Promise.reject(new Error('pool closed'));
    return new Promise((resolve, reject) => {
      const p: Pending = { task: { id: nextId++, ...task }, resolve, reject, attempts: 0 };
      if (first) queue.unshift(p);
      else queue.push(p);
      dispatch();
    });
  }

  return {
    run: (rows) => submit({ rows }),
    async render(render) {
      const r = await submit({ render });
      if (r.errors.length) throw new Error(r.errors[0]!.error);
      return r.bytes;
    },
    async plan(plan) {
      const r = await submit({ plan }, true);
      if (r.errors.length) throw new Error(r.errors[0]!.error);
      return JSON.parse(new TextDecoder().decode(r.bytes)) as Plan;
    },
    ready: () => current().filter((s) => s.ready).length,
    warm() {
      if (closed) return;
      for (let n = opts.size - current().length; n > 0; n--) spawn();
      dispatch(); // arms the idle timer: warmed workers with nothing to do still stop
    },
    refresh() {
      gen++;
      data = null;
      dispatch();
    },
    vacancy(changed) {
      if (!changed.length) return;
      data = null;
      const msg: VacancyMessage = { vacancy: changed };
      for (const s of current()) s.worker.postMessage(msg);
    },
    async close() {
      closed = true;
      if (idleTimer) clearTimeout(idleTimer);
      for (const p of queue.splice(0)) p.reject(new Error('pool closed'));
      const all = [...slots];
      slots.clear();
      for (const s of all) s.task?.reject(new Error('pool closed'));
      await Promise.all(all.map((s) => s.worker.terminate()));
    },
    threads: () => slots.size,
  };
}
