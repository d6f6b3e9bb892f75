/**
 * Runs an impact preview off the request thread (impact.worker.ts): the open leads are split into
 * contiguous shares, one thread per share (at most `threads`), and the shares' impacts are joined in
 * lead order. Rejects with the worker's error, or when a thread dies.
 */
import { Worker } from 'node:worker_threads';
import type { Impact, ImpactChange, ImpactLead } from '../domain/impact.js';
import type { KnowledgeInput } from '../domain/knowledge.js';

/**
 * The thread's module: impact-entry.mjs next to this one (dist/ under npm start, server/jobs/ under tsx).
 * The rules bench points it at the built dist/impact-entry.mjs to measure what `npm start` runs.
 */
export const impactEntry = { url: new URL('./impact-entry.mjs', import.meta.url) };

/** What one thread gets: the knowledge before (without the lexicon, which each thread reads itself), what the change replaces, its leads. */
export interface ImpactTask {
  before: Omit<KnowledgeInput, 'lexicon' | 'codePositionings' | 'chemicals' | 'processes' | 'eiaItems'>;
  patch: Partial<Pick<KnowledgeInput, 'rules' | 'parks'>>;
  leads: ImpactLead[];
  change: ImpactChange;
  usdCnyRate?: number;
}

/** Fewer leads than this per extra thread: not worth building the knowledge twice more. */
const MIN_SHARE = 1500;

function runOne(task: ImpactTask, entry: URL): Promise<Impact> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(entry, { workerData: task, execArgv: [] });
    let settled = false;
    const finish = (fn: () => void) => {
      if (settled) return;
      settled = true;
      void worker.terminate();
      fn();
    };
    worker.on('message', (m: { impact: Impact } | { error: string }) =>
      finish(() => ('impact' in m ? resolve(m.impact) : reject(new Error(`影响预览失败：${m.error}`)))),
    );
    worker.on('error', (e) => finish(() => reject(e)));
    worker.on('exit', (code) => finish(() => reject(new Error(`影响预览线程异常退出（${code}）`))));
  });
}

export async function impactOffThread(task: ImpactTask, threads: number, entry: URL = impactEntry.url): Promise<Impact> {
  const n = Math.max(1, Math.min(threads, Math.floor(task.leads.length / MIN_SHARE) || 1));
  const size = Math.ceil(task.leads.length / n);
  const parts = await Promise.all(
    Array.from({ length: n }, (_, i) => runOne({ ...task, leads: task.leads.slice(i * size, (i + 1) * size) }, entry)),
  );
  return {
    leads: parts.reduce((s, p) => s + p.leads, 0),
    newlyExcluded: parts.flatMap((p) => p.newlyExcluded),
    noLongerExcluded: parts.flatMap((p) => p.noLongerExcluded),
    bestParkChanged: parts.flatMap((p) => p.bestParkChanged),
    placementsAtRisk: parts.flatMap((p) => p.placementsAtRisk),
  };
}
