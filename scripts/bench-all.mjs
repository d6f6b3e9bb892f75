// `npm run bench`: measures the code as `npm start` runs it. It compiles the server (scripts/build.mjs) and each
// bench script with esbuild into dist/ (next to dist/index.mjs, so the worker entries and the migrations are found
// as in production), then runs them one after another with plain node. (Run under tsx, every function a module
// defines inside another is also named at run time — esbuild's keepNames — which costs understanding about
// a tenth more than the service pays.)
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';

const BENCHES = ['bench', 'bench-routing', 'bench-bulk', 'bench-storage', 'bench-responsive', 'bench-commit', 'bench-rules'];
const only = process.argv.slice(2);
const run = (args) => {
  const r = spawnSync(process.execPath, args, { stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
};
run(['scripts/build.mjs']);
for (const name of BENCHES.filter((b) => only.length === 0 || only.includes(b))) {
  await build({
    entryPoints: [`scripts/${name}.ts`],
    outfile: `dist/${name}.mjs`,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    logLevel: 'warning',
  });
  run([`dist/${name}.mjs`]);
}
