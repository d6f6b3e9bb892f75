/**
 * Bulk scoring jobs: queueing a lead spreadsheet (its rows stored as they are read, the job invisible
 * until all are in, nothing left behind when the file cannot be used), and the job whose results or
 * row errors are downloaded.
 */
import { randomUUID } from 'node:crypto';
import type { Env } from '../env.js';
import { AppError, paramsOf } from '../domain/errors.js';
import type { LeadSheetSummary } from '../io/lead-sheet.js';
import { parseLeadSheetOffThread } from '../jobs/parse-thread.js';
import { importLimits, yieldToLoop } from '../io/table.js';
import { appendAudit } from '../db/audit.js';
import { appendRows, beginJob, dropJob, getJob, listJobs, markDeleting, openJob, setHeaderRow, type Job } from '../jobs/jobs.repo.js';
import { purgeJob } from '../jobs/retention.js';
import { checkpoint } from '../db/client.js';
import type { JobRunner } from '../jobs/runner.js';
import type { Logger } from '../log.js';
import { authoriseCaller, permits, type Caller } from './authorise.js';
import type { PipelineDeps } from './context.js';
import { scopeOf } from './jurisdictions.js';

export interface ScoreJobDeps extends Pick<PipelineDeps, 'db' | 'kb'> {
  env: Pick<Env, 'USD_CNY_RATE' | 'UPLOAD_MAX_BYTES' | 'UPLOAD_MAX_ROWS' | 'UPLOAD_MAX_CELL_CHARS'>;
  jobs: Pick<JobRunner, 'warm' | 'notify'>;
  log: Pick<Logger, 'info'>;
}

export interface ScoreJobInput extends Caller {
  /** The uploaded file, and its name (already cleaned for logs and downloads). */
  bytes: Uint8Array;
  fileName: string;
}

/**
 * Queues a lead spreadsheet for scoring: the rows are stored as they are read (bad rows reported,
 * never stopping the job), then the job opens and the runner is told. A file that cannot be used
 * throws its FileProblem and leaves no job behind.
 */
export async function startScoreJob(deps: ScoreJobDeps, input: ScoreJobInput): Promise<{ jobId: string; sheet: LeadSheetSummary }> {
  authoriseCaller(input, 'job.create');
  const { fileName } = input;
  const id = randomUUID();
  // rows are stored as they are read; the job stays invisible (uploading) until all are in
  beginJob(deps.db, {
    id,
    kind: 'score',
    fileName,
    columns: [],
    createdBy: input.actor.name,
    town: input.actor.town,
    jurisdictionId: scopeOf(deps, input)?.id ?? null,
  });
  deps.jobs.warm(); // the workers build their knowledge while the rows are read
  let sheet: LeadSheetSummary;
  try {
    // read on a thread of its own: the request thread only stores the rows it is handed
    sheet = await parseLeadSheetOffThread(input.bytes, importLimits(deps.env), deps.env.USD_CNY_RATE, async (rows) => {
      appendRows(
        deps.db,
        id,
        rows.map((r) => ({ rowNo: r.rowNo, input: r.input, lead: r.lead })),
      );
      await yieldToLoop();
    });
    setHeaderRow(deps.db, id, sheet.headerLine);
    openJob(deps.db, id, {
      columns: sheet.columns.map((col) => col.header),
      total: sheet.total,
      failed: sheet.failed,
      errors: sheet.errors,
      message: null,
      actor: input.actor.name,
      detail: { fileName, format: sheet.format, encoding: sheet.encoding, rows: sheet.total, failed: sheet.failed },
    });
  } catch (e) {
    dropJob(deps.db, id);
    throw e;
  }
  deps.jobs.notify();
  deps.log.info('bulk job queued', { jobId: id, rows: sheet.total, failed: sheet.failed });
  return { jobId: id, sheet };
}

/** Whether the job belongs to the caller's jurisdiction (every job for the system administrator). */
function inScope(deps: Pick<PipelineDeps, 'db' | 'kb'>, caller: Caller, j: Job): boolean {
  const scope = scopeOf(deps, caller);
  return !scope || j.jurisdictionId === scope.id;
}

/** Who uploaded the job: what the policy decides its visibility by. */
const ownerOf = (j: Job) => ({ username: j.createdBy, town: j.town });

/**
 * A bulk scoring job by id; unknown (or not a scoring job) → job_not_found, and so is a job the caller
 * may not see (its uploaded columns are the uploader's town's and the admins' only).
 */
export function readScoreJob(deps: Pick<PipelineDeps, 'db' | 'kb'>, caller: Caller, id: string): Job {
  const j = getJob(deps.db, id);
  if (
    !j ||
    j.kind !== 'score' ||
    j.status === 'deleting' ||
    !inScope(deps, caller, j) ||
    !permits(caller, 'job.read', { jobId: id, owner: ownerOf(j) })
  )
    throw new AppError('job_not_found', { jobId: id });
  return j;
}

/** The newest jobs the caller may see. */
export function listScoreJobs(deps: Pick<PipelineDeps, 'db' | 'kb'>, caller: Caller, limit: number): Job[] {
  if (caller.actor.role === 'admin' && permits(caller, 'job.read')) {
    const scope = scopeOf(deps, caller);
    return scope ? listJobs(deps.db, limit, undefined, scope.id) : listJobs(deps.db, limit);
  }
  return listJobs(deps.db, limit, { username: caller.actor.name, town: caller.actor.town }).filter((j) =>
    permits(caller, 'job.read', { jobId: j.id, owner: ownerOf(j) }),
  );
}

/** The job whose results are downloaded: it must be done (else job_not_done, saying how far it got or why it failed). Recorded in the audit. */
export function scoreJobForResults(deps: Pick<PipelineDeps, 'db' | 'kb'>, caller: Caller, id: string, format = 'csv'): Job {
  const j = readScoreJob(deps, caller, id);
  authoriseCaller(caller, 'job.export', { jobId: id, owner: ownerOf(j) });
  if (j.status !== 'done')
    throw new AppError(
      'job_not_done',
      paramsOf({ jobId: j.id, status: j.status, processed: j.processed, total: j.total, reason: j.message }),
    );
  appendAudit(deps.db, {
    actor: caller.actor.name,
    action: 'jobs.download',
    object: j.id,
    detail: { fileName: j.fileName, format, rows: j.total },
  });
  return j;
}

/** The job whose results are shown as a table on the page: as for a download (done, exportable); the first page viewed is recorded. */
export function scoreJobForTable(deps: Pick<PipelineDeps, 'db' | 'kb'>, caller: Caller, id: string, firstPage: boolean): Job {
  const j = readScoreJob(deps, caller, id);
  authoriseCaller(caller, 'job.export', { jobId: id, owner: ownerOf(j) });
  if (j.status !== 'done')
    throw new AppError(
      'job_not_done',
      paramsOf({ jobId: j.id, status: j.status, processed: j.processed, total: j.total, reason: j.message }),
    );
  if (firstPage) appendAudit(deps.db, { actor: caller.actor.name, action: 'jobs.view', object: j.id, detail: { fileName: j.fileName } });
  return j;
}

/** The job whose row errors are downloaded (recorded in the audit). */
export function scoreJobForErrors(deps: Pick<PipelineDeps, 'db' | 'kb'>, caller: Caller, id: string, format = 'csv'): Job {
  const j = readScoreJob(deps, caller, id);
  authoriseCaller(caller, 'job.export', { jobId: id, owner: ownerOf(j) });
  appendAudit(deps.db, {
    actor: caller.actor.name,
    action: 'jobs.errors.download',
    object: j.id,
    detail: { fileName: j.fileName, format, errors: j.errors.length },
  });
  return j;
}

/**
 * DELETE /api/jobs/:id: the job, its rows and results are gone when this resolves (a running job's
 * runner stops at its next batch). The job disappears at once (404 from then on); its rows are then
 * removed a chunk at a time with turns of the event loop between, so other requests go on.
 */
export async function deleteScoreJob(deps: Pick<PipelineDeps, 'db' | 'kb'>, caller: Caller, id: string): Promise<void> {
  // a job the caller may not see is unknown to it; one it may see but not delete is forbidden
  const j = readScoreJob(deps, caller, id);
  authoriseCaller(caller, 'job.delete', { jobId: id, owner: ownerOf(j) });
  if (!markDeleting(deps.db, j.id, caller.actor.name, { fileName: j.fileName, total: j.total, status: j.status }))
    throw new AppError('job_not_found', { jobId: id });
  await purgeJob(deps.db, j.id);
  checkpoint(deps.db);
}
