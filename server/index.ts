/** Start-up only: env → db + migrations + seed → knowledge base → serve. */
import { serve } from '@hono/node-server';
import { loadEnv, type Env } from './env.js';
import { openDb } from './db/client.js';
import { seedIfEmpty } from './db/seed.js';
import { SeedError } from './db/seed-files.js';
import { loadKnowledgeInput } from './db/parks.repo.js';
import { buildKnowledgeBase, type KnowledgeBase } from './search/knowledge-base.js';
import { createApp } from './app.js';
import { createLogger } from './log.js';
import { createJobRunner } from './jobs/runner.js';

function main(): void {
  let env: Env;
  try {
    env = loadEnv();
  } catch (e) {
    console.error((e as Error).message);
    process.exit(1);
  }
  const log = createLogger(env.LOG_LEVEL);
  const t0 = performance.now();
  const db = openDb(env.DATABASE_PATH, { synchronous: env.DB_SYNCHRONOUS });
  try {
    if (seedIfEmpty(db, env.SEED_DIR)) log.info('loaded the demo data set', { dir: env.SEED_DIR });
  } catch (e) {
    if (e instanceof SeedError) {
      console.error(`种子数据有误，未写入任何数据 / bad seed data, nothing loaded: ${e.message}`);
      process.exit(1);
    }
    throw e;
  }
  let kb: KnowledgeBase = buildKnowledgeBase(loadKnowledgeInput(db));
  const jobs = createJobRunner({ db, log, kb: () => kb, workers: env.JOB_WORKERS, usdCnyRate: env.USD_CNY_RATE });
  const app = createApp({
    db,
    env,
    log,
    kb: () => kb,
    reloadKnowledge: () => {
      kb = buildKnowledgeBase(loadKnowledgeInput(db));
    },
    jobs,
  });
  const server = serve({ fetch: app.fetch, port: env.PORT, hostname: env.HOST }, (info) => {
    log.info(`落地 Luodi 已启动 / listening on http://localhost:${info.port}`, { parks: kb.k.parks.length, startupMs: Math.round(performance.now() - t0) });
    jobs.start(); // resumes bulk jobs a crash or restart left unfinished
  });
  const stop = () => {
    server.close();
    void jobs.stop().finally(() => {
      db.$client.close();
      process.exit(0);
    });
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main();
