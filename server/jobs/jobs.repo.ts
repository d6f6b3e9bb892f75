/**
 * Jobs and their rows in SQLite. Rows are written once at upload (input cells, the validated lead or
 * null for a bad row); each batch of results is written together with the job's progress marker
 * (`cursor`: every row up to it has been handled) in one IMMEDIATE transaction, so after a crash
 * the marker and the stored results always agree and a resumed job neither loses nor repeats a row.
 * Raw prepared statements: this is the hot path of a 100,000-row job.
 */
import type Database from 'better-sqlite3';
import type { Db } from '../db/client.js';
import type { RowError } from '../io/rows.js';
import type { Cell } from '../io/table.js';
import type { Lead } from '../domain/lead.schema.js';
import type { RowResult } from './score-row.js';
import { decodeResult, refsOf } from './result-codec.js';

/** `deleting`: DELETE /api/jobs/:id or the retention sweep has begun removing it; gone for everyone. */
export type JobStatus = 'uploading' | 'queued' | 'running' | 'done' | 'failed' | 'deleting';

export interface Job {
  id: string;
  kind: string;
  status: JobStatus;
  fileName: string | null;
  total: number;
  processed: number;
  failed: number;
  cursor: number;
  columns: string[];
  errors: RowError[];
  message: string | null;
  /** The uploader's username and town (null: before accounts existed). */
  createdBy: string | null;
  town: string | null;
  jurisdictionId: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface NewRow {
  rowNo: number;
  input: Cell[];
  lead: Lead | null;
}

export interface PendingRow {
  rowNo: number;
  /** The lead as stored (JSON text), null for a bad row. */
  lead: string | null;
}

export interface StoredResult {
  rowNo: number;
  input: Cell[];
  result: RowResult | null;
}

interface JobRecord {
  id: string;
  kind: string;
  status: JobStatus;
  file_name: string | null;
  total: number;
  processed: number;
  failed: number;
  cursor: number;
  columns: string;
  errors: string;
  message: string | null;
  created_by: string | null;
  town: string | null;
  jurisdiction_id: string | null;
  created_at: string;
  updated_at: string;
}

const now = () => new Date().toISOString();

function statements(c: Database.Database) {
  return {
    insertJob: c.prepare(
      `INSERT INTO jobs (id, kind, status, file_name, total, processed, failed, cursor, columns, errors, message, created_by, town, jurisdiction_id, created_at, updated_at)
       VALUES (@id, @kind, 'uploading', @fileName, 0, 0, 0, 0, @columns, '[]', NULL, @createdBy, @town, @jurisdictionId, @at, @at)`,
    ),
    insertRow: c.prepare('INSERT INTO job_rows (job_id, row_no, input, lead, result) VALUES (?, ?, ?, ?, NULL)'),
    openJob: c.prepare(
      `UPDATE jobs SET status = 'queued', columns = ?, total = ?, failed = ?, errors = ?, message = ?, updated_at = ? WHERE id = ? AND status = 'uploading'`,
    ),
    getJob: c.prepare('SELECT * FROM jobs WHERE id = ?'),
    listJobs: c.prepare(
      `SELECT * FROM jobs WHERE kind = 'score' AND status NOT IN ('uploading', 'deleting') ORDER BY created_at DESC, id DESC LIMIT ?`,
    ),
    listJobsOf: c.prepare(
      `SELECT * FROM jobs WHERE kind = 'score' AND status NOT IN ('uploading', 'deleting') AND (created_by = @username OR (town IS NOT NULL AND town = @town))
       ORDER BY created_at DESC, id DESC LIMIT @limit`,
    ),
    listJobsIn: c.prepare(
      `SELECT * FROM jobs WHERE kind = 'score' AND status NOT IN ('uploading', 'deleting') AND jurisdiction_id = ? ORDER BY created_at DESC, id DESC LIMIT ?`,
    ),
    nextRows: c.prepare('SELECT row_no AS rowNo, lead FROM job_rows WHERE job_id = ? AND row_no > ? ORDER BY row_no LIMIT ?'),
    // once scored, a row's lead is no longer needed (rows up to the marker are never read again for scoring)
    setResult: c.prepare(`UPDATE job_rows SET result = ?, lead = '' WHERE job_id = ? AND row_no = ?`),
    insertString: c.prepare('INSERT INTO job_strings (job_id, id, text) VALUES (?, ?, ?)'),
    allStrings: c.prepare('SELECT id, text FROM job_strings WHERE job_id = ?'),
    someStrings: c.prepare('SELECT id, text FROM job_strings WHERE job_id = ? AND id IN (SELECT value FROM json_each(?))'),
    deleteSomeStrings: c.prepare(
      'DELETE FROM job_strings WHERE job_id = @job AND id IN (SELECT id FROM job_strings WHERE job_id = @job ORDER BY id LIMIT @n)',
    ),
    advance: c.prepare(
      `UPDATE jobs SET status = 'running', cursor = ?, processed = processed + ?, failed = failed + ?, updated_at = ? WHERE id = ? AND cursor = ? AND status IN ('queued', 'running')`,
    ),
    appendErrors: c.prepare('UPDATE jobs SET errors = json_insert(errors, ?, json(?)) WHERE id = ?'),
    // a job being removed stays `deleting` whatever its runner was doing
    setStatus: c.prepare(`UPDATE jobs SET status = ?, message = ?, updated_at = ? WHERE id = ? AND status != 'deleting'`),
    unfinished: c.prepare(`SELECT id FROM jobs WHERE kind = 'score' AND status IN ('queued', 'running') ORDER BY created_at, id`),
    uploading: c.prepare(`SELECT id FROM jobs WHERE status = 'uploading'`),
    deleteRows: c.prepare('DELETE FROM job_rows WHERE job_id = ?'),
    deleteSomeRows: c.prepare(
      'DELETE FROM job_rows WHERE job_id = @job AND row_no IN (SELECT row_no FROM job_rows WHERE job_id = @job ORDER BY row_no LIMIT @n)',
    ),
    markDeleting: c.prepare(`UPDATE jobs SET status = 'deleting', updated_at = ? WHERE id = ? AND status NOT IN ('uploading', 'deleting')`),
    deleting: c.prepare(`SELECT id FROM jobs WHERE status = 'deleting' ORDER BY created_at, id`),
    expired: c.prepare(`SELECT id FROM jobs WHERE status IN ('done', 'failed') AND created_at < ? ORDER BY created_at, id`),
    deleteJob: c.prepare('DELETE FROM jobs WHERE id = ?'),
    // results are stored as the workers' compact bytes (result-codec.ts; older jobs: UTF-8 JSON)
    results: c.prepare(
      'SELECT row_no AS rowNo, input, result FROM job_rows WHERE job_id = ? AND row_no > ? AND lead IS NOT NULL ORDER BY row_no LIMIT ?',
    ),
    // every data row, bad ones included (their result is null)
    allRows: c.prepare('SELECT row_no AS rowNo, input, result FROM job_rows WHERE job_id = ? AND row_no > ? ORDER BY row_no LIMIT ?'),
    headerRow: c.prepare('SELECT input FROM job_rows WHERE job_id = ? AND row_no = 0'),
    audit: c.prepare('INSERT INTO audit (at, actor, action, object, detail) VALUES (?, ?, ?, ?, ?)'),
  };
}

const cache = new WeakMap<Database.Database, ReturnType<typeof statements>>();
const st = (db: Db) => {
  let s = cache.get(db.$client);
  if (!s) cache.set(db.$client, (s = statements(db.$client)));
  return s;
};
/** BEGIN IMMEDIATE around raw statements (the same discipline as writeTx). */
const tx = <T>(db: Db, fn: () => T): T => db.$client.transaction(fn).immediate();

/**
 * The same, committed without waiting for the disk (synchronous=NORMAL for this one transaction; the
 * connection's setting is restored before anything else can run). For writes that need no power-loss
 * durability of their own: an upload's rows (nothing is acknowledged until `openJob`, whose FULL commit
 * makes every earlier frame of the WAL durable with it) and a batch of results with its marker (lost
 * together, they are scored again from the older marker). A process crash loses nothing committed
 * either way. On a busy disk each FULL commit held the request thread for the fsync.
 */
function lightTx<T>(db: Db, fn: () => T): T {
  const c = db.$client;
  const level = Number(c.pragma('synchronous', { simple: true }));
  if (level <= 1) return tx(db, fn);
  c.pragma('synchronous = NORMAL');
  try {
    return tx(db, fn);
  } finally {
    c.pragma(`synchronous = ${level}`);
  }
}

function toJob(r: JobRecord): Job {
  return {
    id: r.id,
    kind: r.kind,
    status: r.status,
    fileName: r.file_name,
    total: r.total,
    processed: r.processed,
    failed: r.failed,
    cursor: r.cursor,
    columns: JSON.parse(r.columns) as string[],
    errors: JSON.parse(r.errors) as RowError[],
    message: r.message,
    createdBy: r.created_by,
    town: r.town,
    jurisdictionId: r.jurisdiction_id,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

/** Starts a job in status `uploading`: invisible to the runner until `openJob`. */
export function beginJob(
  db: Db,
  j: {
    id: string;
    kind: string;
    fileName: string | null;
    columns: string[];
    createdBy?: string | null;
    town?: string | null;
    jurisdictionId?: string | null;
  },
): void {
  st(db).insertJob.run({
    id: j.id,
    kind: j.kind,
    fileName: j.fileName,
    columns: JSON.stringify(j.columns),
    createdBy: j.createdBy ?? null,
    town: j.town ?? null,
    jurisdictionId: j.jurisdictionId ?? null,
    at: now(),
  });
}

export function appendRows(db: Db, jobId: string, rows: NewRow[]): void {
  const s = st(db);
  lightTx(db, () => {
    for (const r of rows) s.insertRow.run(jobId, r.rowNo, JSON.stringify(r.input), r.lead ? JSON.stringify(r.lead) : null);
  });
}

/** Every row is stored: the job becomes `queued` (what the 202 acknowledges), with its row errors. */
export function openJob(
  db: Db,
  jobId: string,
  o: {
    columns?: string[];
    total: number;
    failed: number;
    errors: RowError[];
    message: string | null;
    actor: string;
    detail: Record<string, unknown>;
  },
): void {
  const s = st(db);
  tx(db, () => {
    const columns = o.columns ?? (JSON.parse((s.getJob.get(jobId) as JobRecord).columns) as string[]);
    s.openJob.run(JSON.stringify(columns), o.total, o.failed, JSON.stringify(o.errors), o.message, now(), jobId);
    s.audit.run(now(), o.actor, 'jobs.score', jobId, JSON.stringify(o.detail));
  });
}

export function getJob(db: Db, id: string): Job | null {
  const r = st(db).getJob.get(id) as JobRecord | undefined;
  return r ? toJob(r) : null;
}

/** The newest jobs; with `of`, only those the user or the user's town uploaded; with `in`, only those of a jurisdiction. */
export function listJobs(db: Db, limit: number, of?: { username: string; town: string | null }, inJurisdiction?: string): Job[] {
  const rows = of
    ? st(db).listJobsOf.all({ username: of.username, town: of.town, limit })
    : inJurisdiction !== undefined
      ? st(db).listJobsIn.all(inJurisdiction, limit)
      : st(db).listJobs.all(limit);
  return (rows as JobRecord[]).map(toJob);
}

/** The next rows after the marker, bad ones (lead null) included: they advance the marker too. */
export function nextRows(db: Db, jobId: string, after: number, limit: number): PendingRow[] {
  return st(db).nextRows.all(jobId, after, limit) as PendingRow[];
}

export interface BatchCommit {
  /** The marker before this batch (the commit fails if it moved: no batch is ever applied twice). */
  from: number;
  /** The marker after it: the batch's last row. */
  to: number;
  /** Rows handled (scored or rejected). */
  count: number;
  /** Results as UTF-8 JSON bytes, as the workers produce them (stored as they are, read back as text). */
  results: Iterable<{ rowNo: number; bytes: Uint8Array }>;
  /** Rows the scorer could not score. */
  errors: RowError[];
  /** Texts the results use for the first time: [number, text], stored in the same transaction. */
  strings?: readonly (readonly [number, string])[];
}

/** One transaction: the batch's results and the job's marker. Returns false if the marker had moved. */
export function commitBatch(db: Db, jobId: string, b: BatchCommit): boolean {
  const s = st(db);
  return lightTx(db, () => {
    const moved = s.advance.run(b.to, b.count, new Set(b.errors.map((e) => e.row)).size, now(), jobId, b.from);
    if (moved.changes !== 1) return false;
    for (const [id, text] of b.strings ?? []) s.insertString.run(jobId, id, text);
    for (const r of b.results) s.setResult.run(r.bytes, jobId, r.rowNo);
    for (const e of b.errors) s.appendErrors.run('$[#]', JSON.stringify(e), jobId);
    return true;
  });
}

export function setStatus(db: Db, jobId: string, status: JobStatus, message: string | null = null): void {
  st(db).setStatus.run(status, message, now(), jobId);
}

export function finishJob(db: Db, jobId: string, detail: Record<string, unknown>): void {
  const s = st(db);
  tx(db, () => {
    s.setStatus.run('done', null, now(), jobId);
    s.audit.run(now(), 'system', 'jobs.done', jobId, JSON.stringify(detail));
  });
}

/** Jobs to resume on start, oldest first. */
export function unfinishedJobs(db: Db): string[] {
  return (st(db).unfinished.all() as { id: string }[]).map((r) => r.id);
}

/** An upload that was refused or failed before its 202: it never existed for anyone. */
export function dropJob(db: Db, jobId: string): void {
  const s = st(db);
  tx(db, () => {
    s.deleteRows.run(jobId);
    s.deleteJob.run(jobId);
  });
}

/** Uploads cut off by a crash were never acknowledged (no 202, no job id given out): drop them. */
export function abandonUploads(db: Db): number {
  const ids = (st(db).uploading.all() as { id: string }[]).map((r) => r.id);
  for (const id of ids) dropJob(db, id);
  return ids.length;
}

/**
 * Starts removing a job (DELETE /api/jobs/:id, the retention sweep): from now on it is gone for
 * everyone (404, not listed, its runner stops at the next batch), with one audit row. Its rows are
 * then removed a chunk at a time by `deleteSomeRows`, and the job itself by `removeJob`; a restart
 * in between finishes the removal. False when there is no such job (or it is already going).
 */
export function markDeleting(db: Db, jobId: string, actor: string, detail: Record<string, unknown>): boolean {
  const s = st(db);
  return tx(db, () => {
    if (s.markDeleting.run(now(), jobId).changes !== 1) return false;
    s.audit.run(now(), actor, 'jobs.delete', jobId, JSON.stringify(detail));
    return true;
  });
}

/** Removes up to `limit` of the job's rows (then of its texts) in one short transaction; returns how many went. */
export function deleteSomeRows(db: Db, jobId: string, limit: number): number {
  const s = st(db);
  return tx(db, () => s.deleteSomeRows.run({ job: jobId, n: limit }).changes || s.deleteSomeStrings.run({ job: jobId, n: limit }).changes);
}

/** The job's string table (the runner's copy when it resumes a job). */
export function jobStrings(db: Db, jobId: string): Map<string, number> {
  const m = new Map<string, number>();
  for (const r of st(db).allStrings.iterate(jobId) as Iterable<{ id: number; text: string }>) m.set(r.text, r.id);
  return m;
}

/** Removes the job record and any rows left (the last step of a removal). */
export const removeJob = (db: Db, jobId: string): void => dropJob(db, jobId);

/** Jobs whose removal began and did not finish (a restart came in between). */
export function deletingJobs(db: Db): string[] {
  return (st(db).deleting.all() as { id: string }[]).map((r) => r.id);
}

/** Finished jobs (done or failed) created before `beforeIso`. */
export function expiredJobs(db: Db, beforeIso: string): string[] {
  return (st(db).expired.all(beforeIso) as { id: string }[]).map((r) => r.id);
}

/** A stored result as read: the input cells as JSON text and the result's bytes (decoded where it is rendered). */
export interface RawResult {
  rowNo: number;
  input: string;
  result: Uint8Array | null;
}

/** A page of stored results with the texts they refer to. */
export interface ResultPage {
  rows: RawResult[];
  strings: [number, string][];
}

/** The texts of a page as a lookup. */
export const textOf = (strings: readonly (readonly [number, string])[]): ((id: number) => string) => {
  const m = new Map(strings);
  return (id) => m.get(id) ?? '';
};

export const parseResult = (r: RawResult, text: (id: number) => string): StoredResult => ({
  rowNo: r.rowNo,
  input: JSON.parse(r.input) as Cell[],
  result: r.result ? decodeResult(r.result, text) : null,
});

/**
 * Row 0 of a job is its header (API.md: "the header is row 0"): stored as {"sheetRow": n}, the row the
 * header has in the sheet, so that data row N is shown as the sheet's row n + N (Excel's numbering).
 */
export function setHeaderRow(db: Db, jobId: string, sheetRow: number): void {
  st(db).insertRow.run(jobId, 0, JSON.stringify({ sheetRow }), null);
}

/** The sheet row of a job's header: stored with the job, else read off a row error (line − row), else 1. */
export function headerSheetRow(db: Db, jobId: string, errors: readonly RowError[] = []): number {
  const r = st(db).headerRow.get(jobId) as { input: string } | undefined;
  const stored = r ? (JSON.parse(r.input) as { sheetRow?: unknown }).sheetRow : undefined;
  if (typeof stored === 'number') return stored;
  const e = errors.find((x) => typeof x.line === 'number');
  return e ? e.line! - e.row : 1;
}

/** Good rows with their results as stored and the texts they use, in input order, a page at a time (read lazily); `all`: bad rows too. */
export function* rawResultPages(db: Db, jobId: string, pageSize = 1000, all = false): Generator<ResultPage> {
  let after = 0;
  const s = st(db);
  for (;;) {
    const rows = (all ? s.allRows : s.results).all(jobId, after, pageSize) as RawResult[];
    if (rows.length === 0) return;
    after = rows[rows.length - 1]!.rowNo;
    const ids = new Set<number>();
    for (const r of rows) if (r.result) refsOf(r.result, ids);
    const strings = ids.size
      ? (s.someStrings.all(jobId, JSON.stringify([...ids])) as { id: number; text: string }[]).map((x): [number, string] => [x.id, x.text])
      : [];
    yield { rows, strings };
    if (rows.length < pageSize) return;
  }
}

/** Good rows with their results, parsed; `all`: bad rows too (result null). */
export function* resultPages(db: Db, jobId: string, pageSize = 1000, all = false): Generator<StoredResult[]> {
  for (const page of rawResultPages(db, jobId, pageSize, all)) {
    const text = textOf(page.strings);
    yield page.rows.map((r) => parseResult(r, text));
  }
}
