// Entry of a scoring worker thread. Plain JavaScript so that it starts the same way under
// `npm start` (tsx), vitest and plain node: it registers tsx for this thread, then loads the
// TypeScript worker.
import { register } from 'tsx/esm/api';
import { workerData } from 'node:worker_threads';
import { readlinkSync } from 'node:fs';
import { setPriority } from 'node:os';

// the thread's nice value first, before loading and compiling anything (score.worker.ts sets it too)
try {
  if (workerData?.nice > 0) setPriority(Number(readlinkSync('/proc/thread-self').split('/').pop()), workerData.nice);
} catch {
  /* not Linux */
}
register();
await import('./score.worker.ts');
