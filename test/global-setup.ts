/** Before any test file: compiles the server to dist/ as `npm start` does, so that the tests that start the real server start what users run. */
import { execFileSync } from 'node:child_process';

export default function setup(): void {
  execFileSync(process.execPath, ['scripts/build.mjs'], { stdio: 'inherit' });
}
