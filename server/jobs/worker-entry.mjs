// Entry of a scoring worker thread. Plain JavaScript so that it starts the same way under
// `npm start` (tsx), vitest and plain node: it registers tsx for this thread, then loads the
// TypeScript worker.
import { register } from 'tsx/esm/api';

register();
await import('./score.worker.ts');
