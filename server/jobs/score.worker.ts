/**
 * A scoring worker thread: builds its own read-only copy of the knowledge (parks, rules, taxonomy
 * index) from the plain records in workerData, then scores batches of leads on request. A row that
 * throws is answered as that row's error; the batch goes on. It also renders pages of results for
 * downloads, so that a large download is rendered in parallel and off the main thread.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { KnowledgeInput } from '../domain/knowledge.js';
import type { Lead } from '../domain/lead.schema.js';
import { scorerFromInput, type ScorerOptions } from './score-row.js';
import type { WorkerReply, WorkerTask } from './pool.js';
import { renderPage } from './render.js';

const data = workerData as { knowledge: KnowledgeInput; options: ScorerOptions };
const scorer = scorerFromInput(data.knowledge, data.options);
const port = parentPort!;

const encoder = new TextEncoder();

const NO_ROWS = new Int32Array(0);

port.on('message', (task: WorkerTask) => {
  if (task.render) {
    let reply: WorkerReply;
    try {
      reply = { id: task.id, bytes: encoder.encode(renderPage(task.render)), slices: NO_ROWS, errors: [] };
    } catch (e) {
      reply = { id: task.id, bytes: new Uint8Array(0), slices: NO_ROWS, errors: [{ rowNo: 0, error: (e as Error).message || String(e) }] };
    }
    return port.postMessage(reply, [reply.bytes.buffer as ArrayBuffer]);
  }
  const parts: string[] = [];
  const scored: number[] = [];
  const errors: WorkerReply['errors'] = [];
  for (const { rowNo, lead } of task.rows ?? []) {
    try {
      parts.push(JSON.stringify(scorer.score(JSON.parse(lead) as Lead)));
      scored.push(rowNo);
    } catch (e) {
      errors.push({ rowNo, error: (e as Error).message || String(e) });
    }
  }
  // one UTF-8 buffer for the batch, moved to the main thread without a copy
  const bytes = encoder.encode(parts.join(''));
  const slices = new Int32Array(scored.length * 3);
  let at = 0;
  scored.forEach((rowNo, i) => {
    const len = Buffer.byteLength(parts[i]!, 'utf8');
    slices.set([rowNo, at, at + len], i * 3);
    at += len;
  });
  const reply: WorkerReply = { id: task.id, bytes, slices, errors };
  port.postMessage(reply, [bytes.buffer as ArrayBuffer, slices.buffer as ArrayBuffer]);
});
port.postMessage({ ready: true });
