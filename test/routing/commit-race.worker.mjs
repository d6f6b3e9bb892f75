// Loads the TypeScript worker in a plain worker thread (tsx registered for this thread only).
import { register } from 'tsx/esm/api';

register();
await import('./commit-race.worker.ts');
