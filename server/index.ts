/** Start-up only: env → deps (db, migrations, demo data, knowledge, job runner) → app → serve. */
import { serve } from '@hono/node-server';
import { loadEnv, type Env } from './env.js';
import { SeedError } from './db/seed-files.js';
import { createApp } from './app.js';
import { createDeps } from './deps.js';
import { serverOptions } from './server-options.js';
import { ensureFirstAdmin } from './pipeline/accounts.js';
import { warmPreviewWhenQuiet } from './pipeline/rules.js';

function main(): void {
  let env: Env;
  try {
    env = loadEnv();
  } catch (e) {
    console.error((e as Error).message);
    process.exit(1);
  }
  const t0 = performance.now();
  let deps: ReturnType<typeof createDeps>;
  try {
    deps = createDeps(env);
  } catch (e) {
    if (e instanceof SeedError) {
      console.error(`种子数据有误，未写入任何数据 / bad seed data, nothing loaded: ${e.message}`);
      process.exit(1);
    }
    throw e;
  }
  const { log, jobs } = deps;
  if (deps.seeded) log.info('loaded the demo data set', { dir: env.SEED_DIR });
  const first = ensureFirstAdmin(deps.db, env.LUODI_ADMIN_PASSWORD);
  const app = createApp(deps);
  const server = serve({ fetch: app.fetch, port: env.PORT, hostname: env.HOST, serverOptions: serverOptions() }, (info) => {
    const url = `http://localhost:${info.port}`;
    log.info(`落地 Luodi 已启动 / listening on ${url}`, {
      parks: deps.kb().k.parks.length,
      startupMs: Math.round(performance.now() - t0),
    });
    if (first?.generated)
      log.warn(
        `首次启动：已创建系统管理员。请打开 ${url}/login.html ，用户名 ${first.username}，初始密码 ${first.password}（只显示这一次，请妥善保存；可设 LUODI_ADMIN_PASSWORD 指定）/ first start: sign in at ${url}/login.html as ${first.username} with password ${first.password} (shown once)`,
      );
    else if (first)
      log.info(
        `首次启动：已创建系统管理员。请打开 ${url}/login.html ，用户名 ${first.username}，密码为 LUODI_ADMIN_PASSWORD 的值 / first start: sign in at ${url}/login.html as ${first.username} with the password in LUODI_ADMIN_PASSWORD`,
      );
    else log.info(`登录 / sign in: ${url}/login.html（账号由管理员创建：npm run user:add）`);
    jobs.start(); // resumes bulk jobs a crash or restart left unfinished
    deps.startMaintenance(); // job retention: now, then daily
    warmPreviewWhenQuiet(deps); // rule-impact preview threads get ready once the server is quiet (many open leads only)
  });
  const stop = () => {
    server.close();
    void deps.close().finally(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main();
