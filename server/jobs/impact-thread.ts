/**
 * Runs impact previews off the request thread (impact.worker.ts) on up to `threads` long-lived
 * threads: the open leads are shared out by their id (the same lead goes to the same thread whatever
 * else is previewed, so the readings a thread keeps are found again), and the shares' impacts are
 * joined in lead order. Each thread keeps the current knowledge it was last sent (built once per
 * knowledge version, `token`) and stays warm between previews, so an admin trying a change twice does
 * not pay for building and warming the knowledge again; idle threads stop after a while. Rejects with
 * the worker's error, or when a thread dies (the next preview starts a new one).
 */
import { Worker } from 'node:worker_threads';
import type { Impact, ImpactChange, ImpactLead } from '../domain/impact.js';
import type { KnowledgeInput } from '../domain/knowledge.js';

/**
 * The thread's module: impact-entry.mjs next to this one (dist/ under npm start, server/jobs/ under tsx).
 * The rules bench points it at the built dist/impact-entry.mjs to measure what `npm start` runs.
 */
export const impactEntry = { url: new URL('./impact-entry.mjs', import.meta.url) };

/** The knowledge before the change, without the lexicon (each thread reads that itself). */
export type BeforeInput = Omit<
  KnowledgeInput,
  'lexicon' | 'codePositionings' | 'chemicals' | 'processes' | 'eiaItems' | 'processSignatures'
>;

/** What a thread is asked: its share of the leads; the knowledge before only when it does not hold `token` yet. */
export interface ImpactMessage {
  id: number;
  token: number;
  before?: BeforeInput;
  /** What the change replaces: every rule (a rule change) or one park (a positioning change). */
  patch: { rules?: KnowledgeInput['rules']; park?: KnowledgeInput['parks'][number] };
  leads: ImpactLead[];
  change: ImpactChange;
  usdCnyRate?: number;
  /** Getting ready: read and rank every lead against the knowledge before (kept for the previews that follow). */
  prime?: boolean;
}
/** Where a thread's time went (ms): building the knowledge before, reading the n-gram model, the knowledge after, reading and re-scoring its leads. */
export interface ThreadTimings {
  knowledge: number;
  ngram: number;
  after: number;
  impact: number;
}
export type ImpactReply = { id: number; impact: Impact; ms: ThreadTimings } | { id: number; error: string };

/** Where the last preview's time went (the rules bench prints it): threads started, the knowledge read here, each thread's figures. */
export interface ImpactTimings {
  /** Threads this preview started (0: all were running). */
  started: number;
  /** Until the last thread it started was up (ms, 0 when none). */
  startMs: number;
  /** Reading the knowledge from the database here (ms, 0 when every thread held it). */
  loadMs: number;
  threads: ThreadTimings[];
}
export let lastImpactTimings: ImpactTimings | null = null;

export interface ImpactTask {
  /** Names the knowledge version `loadBefore` reads (the same token: the same knowledge). */
  token: number;
  loadBefore: () => BeforeInput;
  patch: ImpactMessage['patch'];
  leads: ImpactLead[];
  change: ImpactChange;
  usdCnyRate?: number;
  prime?: boolean;
}

/** Fewer leads than this per extra thread: not worth a second thread. */
const MIN_SHARE = 1500;
/** Threads without a preview for this long stop. */
const IDLE_MS = 10 * 60_000;

interface Slot {
  worker: Worker;
  token: number | null;
  /** The previews queued on this thread, one at a time. */
  queue: Promise<unknown>;
  pending: Map<number, { resolve: (r: { impact: Impact; ms: ThreadTimings }) => void; reject: (e: Error) => void }>;
  idle: NodeJS.Timeout | null;
  /** Resolves with the ms from creating the thread until it was up. */
  online: Promise<number>;
}

const slots: Slot[] = [];
let nextId = 1;

function startSlot(): Slot {
  const t0 = performance.now();
  const worker = new Worker(impactEntry.url, { execArgv: [] });
  worker.unref();
  const online = new Promise<number>((resolve) => {
    worker.once('online', () => resolve(performance.now() - t0));
    worker.once('exit', () => resolve(performance.now() - t0));
  });
  const slot: Slot = { worker, token: null, queue: Promise.resolve(), pending: new Map(), idle: null, online };
  const lost = (why: string) => {
    const i = slots.indexOf(slot);
    if (i >= 0) slots.splice(i, 1);
    for (const p of slot.pending.values()) p.reject(new Error(`影响预览线程异常退出：${why}`));
    slot.pending.clear();
  };
  worker.on('message', (m: ImpactReply) => {
    const p = slot.pending.get(m.id);
    if (!p) return;
    slot.pending.delete(m.id);
    if ('impact' in m) p.resolve({ impact: m.impact, ms: m.ms });
    else p.reject(new Error(`影响预览失败：${m.error}`));
  });
  worker.on('error', (e) => lost(e.message));
  worker.on('exit', (code) => lost(`exit ${code}`));
  return slot;
}

function runOn(
  slot: Slot,
  task: ImpactTask,
  leads: ImpactLead[],
  before: () => BeforeInput,
): Promise<{ impact: Impact; ms: ThreadTimings }> {
  const run = () =>
    new Promise<{ impact: Impact; ms: ThreadTimings }>((resolve, reject) => {
      if (slot.idle) clearTimeout(slot.idle);
      const id = nextId++;
      slot.pending.set(id, { resolve, reject });
      const msg: ImpactMessage = {
        id,
        token: task.token,
        patch: task.patch,
        leads,
        change: task.change,
        usdCnyRate: task.usdCnyRate,
        prime: task.prime,
      };
      if (slot.token !== task.token) msg.before = before();
      slot.token = task.token;
      slot.worker.postMessage(msg);
    }).finally(() => {
      slot.idle = setTimeout(() => {
        const i = slots.indexOf(slot);
        if (i >= 0) slots.splice(i, 1);
        void slot.worker.terminate();
      }, IDLE_MS);
      slot.idle.unref();
    });
  const next = slot.queue.then(run, run);
  slot.queue = next.catch(() => undefined);
  return next;
}

export async function impactOffThread(task: ImpactTask, threads: number): Promise<Impact> {
  const n = Math.max(1, Math.min(threads, Math.floor(task.leads.length / MIN_SHARE) || 1));
  const fresh: Slot[] = [];
  while (slots.length < n) {
    const slot = startSlot();
    slots.push(slot);
    fresh.push(slot);
  }
  const shares: ImpactLead[][] = Array.from({ length: n }, () => []);
  for (const l of task.leads) shares[n === 1 ? 0 : shareOf(l.id, n)]!.push(l);
  let before: BeforeInput | null = null;
  let loadMs = 0;
  const loadOnce = () => {
    if (before) return before;
    const t0 = performance.now();
    before = task.loadBefore();
    loadMs = performance.now() - t0;
    return before;
  };
  const parts = await Promise.all(shares.map((share, i) => runOn(slots[i]!, task, share, loadOnce)));
  const startMs = Math.max(0, ...(await Promise.all(fresh.map((s) => s.online))));
  lastImpactTimings = { started: fresh.length, startMs: Math.round(startMs), loadMs: Math.round(loadMs), threads: parts.map((p) => p.ms) };
  const impacts = parts.map((p) => p.impact);
  // in lead order, as one thread would list them
  const order = new Map(task.leads.map((l, i) => [l.id, i]));
  const joined = <T>(pick: (i: Impact) => T[], id: (x: T) => string): T[] =>
    n === 1 ? pick(impacts[0]!) : impacts.flatMap(pick).sort((a, b) => order.get(id(a))! - order.get(id(b))!);
  return {
    leads: impacts.reduce((s, p) => s + p.leads, 0),
    newlyExcluded: joined(
      (i) => i.newlyExcluded,
      (x) => x.id,
    ),
    noLongerExcluded: joined(
      (i) => i.noLongerExcluded,
      (x) => x.id,
    ),
    bestParkChanged: joined(
      (i) => i.bestParkChanged,
      (x) => x.lead.id,
    ),
    placementsAtRisk: joined(
      (i) => i.placementsAtRisk,
      (x) => x.id,
    ),
  };
}

/** The thread a lead goes to (FNV-1a of its id): stable across previews of different lead lists. */
function shareOf(id: string, n: number): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), 0x01000193);
  return (h >>> 0) % n;
}

/** Stops every preview thread (tests, shutdown). */
export async function stopImpactThreads(): Promise<void> {
  const all = slots.splice(0);
  await Promise.all(
    all.map((s) => {
      if (s.idle) clearTimeout(s.idle);
      return s.worker.terminate();
    }),
  );
}
