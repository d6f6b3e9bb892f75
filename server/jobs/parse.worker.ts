/**
 * An upload's parsing thread: reads the lead spreadsheet (decoding, CSV or XLSX, header mapping,
 * every row validated) off the request thread and hands its rows over a chunk at a time, waiting
 * for each chunk to be stored before reading on (so no more than one chunk is ever held). A file that
 * cannot be used is answered with its FileProblem's code and sentence. One thread per upload.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { streamLeadSheet } from '../io/lead-sheet.js';
import { FileProblem, type ImportLimits } from '../io/table.js';

export interface ParseTask {
  bytes: Uint8Array;
  limits: ImportLimits;
  usdCnyRate?: number;
}

const port = parentPort!;
const task = workerData as ParseTask;
let release: (() => void) | null = null;
port.on('message', (m: unknown) => {
  if (m === 'next') release?.();
});

try {
  const summary = await streamLeadSheet(
    task.bytes,
    task.limits,
    task.usdCnyRate,
    (rows) =>
      new Promise<void>((resolve) => {
        release = resolve;
        port.postMessage({ rows });
      }),
  );
  port.postMessage({ done: summary });
} catch (e) {
  port.postMessage({
    error: e instanceof FileProblem ? { code: e.code, message: e.message } : { message: (e as Error).message || String(e) },
  });
}
