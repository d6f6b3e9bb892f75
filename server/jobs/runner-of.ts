/** The app's job runner: the one start-up created (deps.jobs), or one made on first use (scripts, tests). */
import type { AppDeps } from '../app.js';
import { createJobRunner, type JobRunner } from './runner.js';

const made = new WeakMap<AppDeps, JobRunner>();

export function jobRunnerOf(deps: AppDeps): JobRunner {
  if (deps.jobs) return deps.jobs;
  let r = made.get(deps);
  if (!r) {
    r = createJobRunner({ db: deps.db, log: deps.log, kb: deps.kb, workers: deps.env.JOB_WORKERS, usdCnyRate: deps.env.USD_CNY_RATE });
    r.start();
    made.set(deps, r);
  }
  return r;
}
