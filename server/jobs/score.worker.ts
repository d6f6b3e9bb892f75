/**
 * A scoring worker thread: builds its own read-only copy of the knowledge (parks, rules, taxonomy
 * index) from the plain records in workerData, then scores batches of leads on request. A row that
 * throws is answered as that row's error; the batch goes on. It also renders pages of results for
 * downloads, so that a large download is rendered in parallel and off the main thread.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { readlinkSync } from 'node:fs';
import { setPriority } from 'node:os';
import type { KnowledgeInput } from '../domain/knowledge.js';
import type { Lead } from '../domain/lead.schema.js';
import { scorerFromInput, type ScorerOptions } from './score-row.js';
import type { VacancyMessage, WorkerReply, WorkerTask } from './pool.js';
import { setParkVacancy } from '../domain/vacancy.js';
import { renderPageBytes } from './render.js';
import { buildPlan } from '../domain/routing/plan.js';
import { packBatch } from './pack.js';
import { createInterner, encodeResult } from './result-codec.js';

const data = workerData as { knowledge: KnowledgeInput; options: ScorerOptions; nice?: number };

/**
 * Scoring yields the CPU to the request thread: this thread's nice value is raised (Linux sets it per
 * thread: /proc/thread-self names this thread's id). Elsewhere, or if refused, it runs as it is.
 */
function lowerPriority(nice: number): void {
  if (nice <= 0) return;
  try {
    const tid = Number(readlinkSync('/proc/thread-self').split('/').pop());
    if (tid > 0) setPriority(tid, nice);
  } catch {
    /* not Linux: no per-thread priority */
  }
}
lowerPriority(data.nice ?? 0);
const scorer = scorerFromInput(data.knowledge, data.options);
const port = parentPort!;

const encoder = new TextEncoder();

const NO_ROWS = new Int32Array(0);
/** Texts this worker has written already: written again, they go to the job's string table. */
const seen = new Set<string>();

port.on('message', (task: WorkerTask | VacancyMessage) => {
  if ('vacancy' in task) {
    // a park the knowledge cannot rewrite (a new unit) comes with a rebuild of the workers instead
    for (const v of task.vacancy) setParkVacancy(scorer.k, v.parkId, v.spaces);
    return;
  }
  if (task.plan) {
    let reply: WorkerReply;
    try {
      const plan = buildPlan(task.plan.leads, scorer.k, { ...task.plan.options, guessIndustries: scorer.guessIndustries });
      reply = { id: task.id, bytes: encoder.encode(JSON.stringify(plan)), slices: NO_ROWS, errors: [] };
    } catch (e) {
      reply = { id: task.id, bytes: new Uint8Array(0), slices: NO_ROWS, errors: [{ rowNo: 0, error: (e as Error).message || String(e) }] };
    }
    return port.postMessage(reply, [reply.bytes.buffer as ArrayBuffer]);
  }
  if (task.render) {
    let reply: WorkerReply;
    try {
      reply = { id: task.id, bytes: renderPageBytes(task.render), slices: NO_ROWS, errors: [] };
    } catch (e) {
      reply = { id: task.id, bytes: new Uint8Array(0), slices: NO_ROWS, errors: [{ rowNo: 0, error: (e as Error).message || String(e) }] };
    }
    return port.postMessage(reply, [reply.bytes.buffer as ArrayBuffer]);
  }
  // results in the compact form; their texts numbered for this batch (the runner maps them to the job's table)
  const { intern, strings } = createInterner(seen);
  const r = packBatch(task.rows ?? [], (lead) => encodeResult(scorer.score(JSON.parse(lead) as Lead), intern));
  const reply: WorkerReply = { id: task.id, ...r, strings };
  port.postMessage(reply, [r.bytes.buffer as ArrayBuffer, r.slices.buffer as ArrayBuffer]);
});
port.postMessage({ ready: true });
