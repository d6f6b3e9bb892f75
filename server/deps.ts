/**
 * The one composition root: the database, the knowledge and its reload, the bulk job runner and the
 * logger, built from a validated environment. `server/index.ts` serves an app over these; the tests
 * build theirs the same way (test/helpers/app.ts), over an in-memory database.
 */
import { openDb, type Db } from './db/client.js';
import { seedIfEmpty } from './db/seed.js';
import type { Env } from './env.js';
import { createJobRunner, type JobRunner } from './jobs/runner.js';
import { createLogger, type Logger } from './log.js';
import { startRetention } from './jobs/retention.js';
import type { KnowledgeBase } from './search/knowledge-base.js';
import { createKnowledgeHolder } from './search/knowledge-holder.js';
import { stopImpactThreads } from './jobs/impact-thread.js';
import { createLoginThrottle, DEFAULT_THROTTLE, type LoginThrottle, type ThrottleOptions } from './auth/throttle.js';

export interface AppDeps {
  db: Db;
  env: Env;
  log: Logger;
  /** The current knowledge base (rebuilt after data changes). */
  kb: () => KnowledgeBase;
  /** Rebuilds the knowledge base from the database in the background; resolves once it is in use. */
  reloadKnowledge: () => Promise<void>;
  /** Units were placed, reserved or given back: the scorer sees it at once, without a rebuild. */
  vacancyChanged: () => void;
  /** Routing plans of more than a few leads are solved on a scoring worker. */
  planOffThread: JobRunner['plan'];
  /** Bulk scoring jobs; `start()` resumes unfinished ones (index.ts calls it once the server listens). */
  jobs: JobRunner;
  /** Failed sign-ins per username and per address (in memory). */
  throttle: LoginThrottle;
  /** Session lifetime (SESSION_TTL_HOURS). */
  sessionTtlMs: number;
}

export interface DepsOptions {
  /** An open database (tests: in memory, already loaded); default: DATABASE_PATH, seeded from SEED_DIR when it has no parks. */
  db?: Db;
  log?: Logger;
  /** Rows per bulk batch (tests). */
  batchRows?: number;
  /** Sign-in throttling figures (tests). */
  throttle?: ThrottleOptions;
}

/** Builds every dependency the app needs. Throws SeedError when the demo data set is invalid (nothing is written then). */
export function createDeps(
  env: Env,
  opts: DepsOptions = {},
): AppDeps & { seeded: boolean; startMaintenance(): void; close(): Promise<void> } {
  const log = opts.log ?? createLogger(env.LOG_LEVEL);
  let seeded = false;
  let db = opts.db;
  if (!db) {
    db = openDb(env.DATABASE_PATH, { synchronous: env.DB_SYNCHRONOUS });
    seeded = seedIfEmpty(db, env.SEED_DIR);
  }
  const theDb = db;
  // the job runner is created below; vacancy changes reach its workers through this
  let jobsRef: JobRunner | null = null;
  const holder = createKnowledgeHolder(theDb, {
    onVacancy: (changed) => jobsRef?.vacancyChanged(changed),
    onError: (e) => log.error('knowledge.rebuild_failed', { error: (e as Error).message }),
  });
  const current = holder.current;
  let stopMaintenance: (() => void) | null = null;
  const jobs = createJobRunner({
    db: theDb,
    log,
    kb: current,
    workers: env.JOB_WORKERS,
    nice: env.JOB_WORKER_NICE,
    usdCnyRate: env.USD_CNY_RATE,
    batchRows: opts.batchRows,
  });
  jobsRef = jobs;
  return {
    db: theDb,
    env,
    log,
    kb: current,
    reloadKnowledge: holder.reload,
    vacancyChanged: () => void holder.vacancyChanged(),
    planOffThread: (task) => jobs.plan(task),
    jobs,
    throttle: createLoginThrottle(opts.throttle ?? DEFAULT_THROTTLE),
    sessionTtlMs: env.SESSION_TTL_HOURS * 3_600_000,
    seeded,
    /** The daily retention sweep (JOB_RETENTION_DAYS), first run now; index.ts starts it once the server listens. */
    startMaintenance() {
      stopMaintenance ??= startRetention(theDb, env.JOB_RETENTION_DAYS, log);
    },
    async close() {
      stopMaintenance?.();
      await jobs.stop();
      await stopImpactThreads();
      theDb.$client.close();
    },
  };
}
