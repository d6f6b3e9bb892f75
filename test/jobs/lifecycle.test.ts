/** Issue 17 part 4: jobs have a lifecycle — delete, retention, a bounded WAL — and the database an online backup and a tested restore. */
import { describe, it, expect, afterAll } from 'vitest';
import { copyFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { createTestApp, demoSeed, sessionCookieFor, type TestApp } from '../helpers/app.js';
import { syntheticLeads } from '../../scripts/synthetic.js';
import { toCsv } from '../../server/io/export.js';
import { createDeps } from '../../server/deps.js';
import { createApp } from '../../server/app.js';
import { parseEnv } from '../../server/env.js';
import { backupDatabase } from '../../server/db/backup.js';
import { markDeleting, getJob } from '../../server/jobs/jobs.repo.js';
import { sweepJobs } from '../../server/jobs/retention.js';

const t = createTestApp();
const dirs: string[] = [];
const stops: (() => Promise<void>)[] = [];
afterAll(async () => {
  await t.jobs.stop();
  for (const s of stops) await s();
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

const leadsCsv = (n: number, seed = 5) =>
  toCsv(
    ['项目名称', '项目简介', '面积需求(平方米)'],
    syntheticLeads(demoSeed(), n, seed).map((l) => [l.name ?? null, l.summary ?? null, l.floorAreaM2 ?? null]),
  );

async function upload(app: Pick<TestApp, 'request'>, csv: string): Promise<string> {
  const fd = new FormData();
  fd.append('file', new File([csv], 'leads.csv'));
  const res = await app.request('/api/jobs/score', { method: 'POST', body: fd });
  expect(res.status).toBe(202);
  return ((await res.json()) as { jobId: string }).jobId;
}

const stringsOf = (db: TestApp['db'], id: string) =>
  Number(db.$client.prepare('SELECT count(*) FROM job_strings WHERE job_id = ?').pluck().get(id));
const rowsOf = (db: TestApp['db'], id: string) =>
  Number(db.$client.prepare('SELECT count(*) FROM job_rows WHERE job_id = ? AND row_no > 0').pluck().get(id)); // row 0 is the header

describe('DELETE /api/jobs/:id', () => {
  it('answers 204, then the job is 404, unlisted, and its rows and results are gone; the deletion is audited', async () => {
    const id = await upload(t, leadsCsv(300));
    await t.jobs.idle();
    expect((await t.json(`/api/jobs/${id}`)).body.status).toBe('done');
    expect(rowsOf(t.db, id)).toBe(300);
    expect(stringsOf(t.db, id)).toBeGreaterThan(0);

    const del = await t.request(`/api/jobs/${id}`, { method: 'DELETE' });
    expect(del.status).toBe(204);
    expect(await del.text()).toBe('');
    expect((await t.json(`/api/jobs/${id}`)).status).toBe(404);
    expect((await t.request(`/api/jobs/${id}/results?format=csv`)).status).toBe(404);
    expect((await t.request(`/api/jobs/${id}`, { method: 'DELETE' })).status).toBe(404);
    expect((await t.json('/api/jobs')).body.items.map((j: any) => j.id)).not.toContain(id);
    expect(rowsOf(t.db, id)).toBe(0);
    expect(stringsOf(t.db, id)).toBe(0);
    expect(getJob(t.db, id)).toBeNull();
    const audit = t.db.$client.prepare(`SELECT actor, action FROM audit WHERE object = ? ORDER BY id`).all(id);
    expect(audit).toContainEqual({ actor: 'admin', action: 'jobs.delete' }); // the signed-in user, from the session
  });

  it('deletes a job while it scores: the runner stops, nothing is left and nothing is marked failed', async () => {
    const id = await upload(t, leadsCsv(3000, 9));
    const del = await t.request(`/api/jobs/${id}`, { method: 'DELETE' });
    expect(del.status).toBe(204);
    await t.jobs.idle();
    expect(getJob(t.db, id)).toBeNull();
    expect(rowsOf(t.db, id)).toBe(0);
    // the runner goes on with the next job
    const next = await upload(t, leadsCsv(50, 3));
    await t.jobs.idle();
    expect((await t.json(`/api/jobs/${next}`)).body.status).toBe('done');
  });

  it('unknown or malformed ids: 404 and 400 in the error shape', async () => {
    const r = await t.request('/api/jobs/no-such-job', { method: 'DELETE' });
    expect(r.status).toBe(404);
    expect(((await r.json()) as any).error.code).toBe('not_found');
    expect((await t.request(`/api/jobs/${'x'.repeat(65)}`, { method: 'DELETE' })).status).toBe(400);
  });
});

describe('retention (JOB_RETENTION_DAYS)', () => {
  it('removes finished jobs older than the retention, keeps younger ones, and finishes removals a restart cut short', async () => {
    const old = await upload(t, leadsCsv(40, 1));
    await t.jobs.idle();
    const day = 24 * 60 * 60 * 1000;
    // nothing is 30 days old yet
    expect(await sweepJobs(t.db, { days: 30 })).toEqual([]);
    expect(getJob(t.db, old)).not.toBeNull();
    // 0 keeps jobs for ever
    expect(await sweepJobs(t.db, { days: 0, now: () => new Date(Date.now() + 400 * day) })).toEqual([]);
    // 31 days later it is gone, with its rows
    const gone = await sweepJobs(t.db, { days: 30, now: () => new Date(Date.now() + 31 * day) });
    expect(gone).toContain(old);
    expect(getJob(t.db, old)).toBeNull();
    expect(rowsOf(t.db, old)).toBe(0);

    // a removal cut short (marked, rows still there) is finished by the next sweep
    const cut = await upload(t, leadsCsv(30, 2));
    await t.jobs.idle();
    expect(markDeleting(t.db, cut, 'test', {})).toBe(true);
    expect((await t.json(`/api/jobs/${cut}`)).status).toBe(404);
    expect(await sweepJobs(t.db, { days: 30 })).toEqual([cut]);
    expect(rowsOf(t.db, cut)).toBe(0);
  });

  it('is read from the environment with a default of 30 days and a bad value named', () => {
    expect(parseEnv({}).JOB_RETENTION_DAYS).toBe(30);
    expect(parseEnv({ JOB_RETENTION_DAYS: '0' }).JOB_RETENTION_DAYS).toBe(0);
    expect(() => parseEnv({ JOB_RETENTION_DAYS: '-1' })).toThrow(/JOB_RETENTION_DAYS/);
  });
});

describe('backup and restore', () => {
  it('backs up the live database while a job scores; every copy passes integrity_check with results and marker in agreement; the restore procedure brings it back', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'luodi-backup-'));
    dirs.push(dir);
    const dbPath = join(dir, 'luodi.db');
    const env = parseEnv({ LOG_LEVEL: 'silent', DATABASE_PATH: dbPath, JOB_WORKERS: '1' });
    const deps = createDeps(env, { batchRows: 50 });
    let closed = false;
    stops.push(async () => {
      if (!closed) await deps.close();
    });
    const app = createApp(deps);
    deps.jobs.start();
    // every route but health needs a session: a system administrator's (its user and session are in the backups too)
    const cookie = sessionCookieFor(deps.db, { username: 'backup-admin', role: 'admin' });
    const signed = (init?: RequestInit): RequestInit => {
      const headers = new Headers(init?.headers);
      headers.set('cookie', cookie);
      return { ...init, headers };
    };
    const live = { request: (p: string, init?: RequestInit) => Promise.resolve(app.request(p, signed(init))) };
    const id = await upload(live, leadsCsv(4000, 13));

    // back up repeatedly while the job runs (at least once, whatever the machine's speed)
    const copies: { file: string; processed: number }[] = [];
    let n = 0;
    do {
      const file = join(dir, `backup-${n++}.db`);
      const r = await backupDatabase(dbPath, file);
      expect(r.integrity).toBe('ok');
      const c = new Database(file, { readonly: true });
      expect(c.pragma('integrity_check', { simple: true })).toBe('ok');
      const job = c.prepare('SELECT status, cursor, processed FROM jobs WHERE id = ?').get(id) as { cursor: number; processed: number };
      const scored = Number(c.prepare('SELECT count(*) FROM job_rows WHERE job_id = ? AND result IS NOT NULL').pluck().get(id));
      const upTo = Number(
        c.prepare('SELECT count(*) FROM job_rows WHERE job_id = ? AND row_no > 0 AND row_no <= ?').pluck().get(id, job.cursor),
      );
      // a consistent snapshot: results exist exactly for the rows up to the committed marker
      expect(scored).toBe(upTo);
      expect(job.processed).toBe(upTo);
      expect(Number(c.prepare('SELECT count(*) FROM parks').pluck().get())).toBe(r.parks);
      c.close();
      copies.push({ file, processed: job.processed });
    } while (getJob(deps.db, id)!.status !== 'done' && n < 50);
    await deps.jobs.idle();
    // the job's batches were committed without waiting for the disk; the connection is back at FULL
    expect(deps.db.$client.pragma('synchronous', { simple: true })).toBe(2);
    const final = await backupDatabase(dbPath, join(dir, 'final.db'));
    expect(final.integrity).toBe('ok');
    const parks = Number(deps.db.$client.prepare('SELECT count(*) FROM parks').pluck().get());

    // the restore procedure of docs/OPERATIONS.md: stop; move the database and its -wal/-shm aside; copy the backup in; start
    await deps.close();
    closed = true;
    for (const ext of ['', '-wal', '-shm']) if (existsSync(dbPath + ext)) rmSync(dbPath + ext);
    copyFileSync(join(dir, 'final.db'), dbPath);
    const restored = createDeps(env);
    stops.push(() => restored.close());
    const app2 = createApp(restored);
    const health = await app2.request('/api/health');
    expect(await health.json()).toEqual({ ok: true, parks });
    const job = (await (await app2.request(`/api/jobs/${id}`, signed())).json()) as any;
    expect(job).toMatchObject({ status: 'done', total: 4000, processed: 4000 });
    const csv = await (await app2.request(`/api/jobs/${id}/results?format=csv`, signed())).text();
    expect(csv.trim().split('\r\n')).toHaveLength(4001);
  }, 120_000);
});
