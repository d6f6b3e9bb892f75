// Entry of an impact preview's thread in development and tests (under tsx): registers tsx for this
// thread, then loads the TypeScript worker. `npm run build` compiles impact.worker.ts to dist/impact-entry.mjs.
import { register } from 'tsx/esm/api';

register();
await import('./impact.worker.ts');
