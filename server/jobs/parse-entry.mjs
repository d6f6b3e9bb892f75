// Entry of an upload's parsing thread in development and tests (under tsx): registers tsx for this
// thread, then loads the TypeScript worker. `npm run build` compiles parse.worker.ts to dist/parse-entry.mjs.
import { register } from 'tsx/esm/api';

register();
await import('./parse.worker.ts');
