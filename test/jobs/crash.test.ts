/**
 * D1/D2 for real: the server runs in a child process (`node dist/index.mjs`, as `npm start` runs it) over a
 * database file; a bulk job is uploaded; the process is killed with SIGKILL at random points while
 * it scores, several times, and restarted each time. After every kill the file is checked (integrity,
 * the progress marker agrees with the stored results, no torn batch); at the end the job must hold
 * exactly one result per good row, the same results as an uninterrupted run of the same file.
 * Then the edges of the acknowledgement, each made certain rather than left to timing: an upload
 * killed while its rows are being stored (server frozen and the file checked first, so no 202 can
 * have been sent) leaves no job at all; an upload killed right after its 202 keeps every acknowledged
 * row exactly once and completes after the restart.
 */
import { describe, it, expect, afterAll } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { signIn, TEST_ADMIN_PASSWORD } from '../helpers/sign-in.js';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { syntheticLeads, rng } from '../../scripts/synthetic.js';
import { demoSeed } from '../helpers/app.js';

const dir = mkdtempSync(join(tmpdir(), 'luodi-crash-'));
const DB = join(dir, 'luodi.db');
let child: ChildProcess | null = null;
afterAll(() => {
  child?.kill('SIGKILL');
  rmSync(dir, { recursive: true, force: true });
});

const freePort = () =>
  new Promise<number>((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
let cookie = '';
/** fetch as the signed-in administrator. */
const authed = (url: string, init: RequestInit = {}) => fetch(url, { ...init, headers: { ...(init.headers as object), cookie } });

async function startServer(port: number): Promise<void> {
  child = spawn(process.execPath, ['dist/index.mjs'], {
    cwd: process.cwd(),
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATABASE_PATH: DB,
      LOG_LEVEL: 'silent',
      JOB_WORKERS: '2',
      LUODI_ADMIN_PASSWORD: TEST_ADMIN_PASSWORD,
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  for (let i = 0; i < 600; i++) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/api/health`)).ok) break;
    } catch {
      /* not up yet */
    }
    await sleep(50);
  }
  if (
    !(await fetch(`http://127.0.0.1:${port}/api/health`).then(
      (r) => r.ok,
      () => false,
    ))
  )
    throw new Error('server did not start');
  cookie = await signIn(`http://127.0.0.1:${port}`); // outside the polling: a failed sign-in is reported as such
}

async function kill9(): Promise<void> {
  const c = child!;
  const exited = new Promise((r) => c.once('exit', r));
  c.kill('SIGKILL');
  await exited;
  child = null;
}

/** The file after a crash: integrity, and the marker agrees with the stored results. */
function checkAfterCrash(jobId: string) {
  const db = new Database(DB);
  try {
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    const job = db.prepare('SELECT status, cursor, processed, total FROM jobs WHERE id = ?').get(jobId) as {
      status: string;
      cursor: number;
      processed: number;
      total: number;
    };
    const count = (sql: string) => (db.prepare(sql).get(jobId, job.cursor) as { n: number }).n;
    // every row up to the marker is handled; nothing past it is (no torn batch)
    expect(count('SELECT count(*) AS n FROM job_rows WHERE job_id = ? AND row_no <= ? AND lead IS NOT NULL AND result IS NULL')).toBe(0);
    expect(count('SELECT count(*) AS n FROM job_rows WHERE job_id = ? AND row_no > ? AND result IS NOT NULL')).toBe(0);
    expect(count('SELECT count(*) AS n FROM job_rows WHERE job_id = ? AND row_no > 0 AND row_no <= ?')).toBe(job.processed); // row 0: the header
    return job;
  } finally {
    db.close();
  }
}

/** A look at the database file from outside the server (read-only: what is committed right now). */
function readDb<T>(fn: (db: Database.Database) => T): T {
  const db = new Database(DB, { readonly: true, fileMustExist: true });
  try {
    return fn(db);
  } finally {
    db.close();
  }
}

async function upload(port: number, csv: string): Promise<string> {
  const fd = new FormData();
  fd.append('file', new File([csv], 'leads.csv'));
  const res = await authed(`http://127.0.0.1:${port}/api/jobs/score`, { method: 'POST', body: fd });
  expect(res.status).toBe(202);
  return ((await res.json()) as { jobId: string }).jobId;
}

const status = async (port: number, id: string) =>
  (await (await authed(`http://127.0.0.1:${port}/api/jobs/${id}?errorsLimit=0`)).json()) as {
    status: string;
    processed: number;
    total: number;
    failed: number;
  };
const results = async (port: number, id: string) =>
  ((await (await authed(`http://127.0.0.1:${port}/api/jobs/${id}/results?format=json`)).json()) as { items: { row: number }[] }).items;

describe('crash safety (kill -9 during a bulk job)', () => {
  it('resumes after every SIGKILL and ends with exactly the expected rows, none lost, none twice', async () => {
    const N = 3000;
    const leads = syntheticLeads(demoSeed(), N, 4242);
    const bad = new Set([7, 500, 1999, 2999]); // rows with neither summary nor industry
    const csv =
      '项目名称,项目简介,面积需求(平方米),总投资(万元)\n' +
      leads.map((l, i) => `${l.name},${bad.has(i + 1) ? '' : l.summary},${l.floorAreaM2 ?? ''},${l.investmentWan ?? ''}`).join('\n');
    let port = await freePort();
    await startServer(port);
    const jobId = await upload(port, csv); // 202: acknowledged, so it must complete

    const random = rng(99);
    let kills = 0;
    let midJob = 0;
    for (let round = 0; round < 5; round++) {
      const target = Math.floor((0.1 + 0.8 * random()) * N);
      let s = await status(port, jobId);
      while (s.status !== 'done' && s.processed < target) {
        await sleep(5);
        s = await status(port, jobId);
      }
      if (s.status === 'done') break;
      await sleep(Math.floor(random() * 40)); // land anywhere inside the next batch
      await kill9();
      kills++;
      const after = checkAfterCrash(jobId);
      if (after.processed > 0 && after.processed < after.total) midJob++;
      port = await freePort();
      await startServer(port);
    }
    console.info(`crash test: ${kills} SIGKILLs, ${midJob} landed mid-job, each followed by a clean check and a restart`);
    expect(kills).toBeGreaterThanOrEqual(3);
    expect(midJob).toBeGreaterThanOrEqual(3);

    let s = await status(port, jobId);
    while (s.status !== 'done') {
      expect(s.status).not.toBe('failed');
      await sleep(50);
      s = await status(port, jobId);
    }
    expect(s).toMatchObject({ total: N, processed: N, failed: bad.size });
    const got = await results(port, jobId);
    const want = Array.from({ length: N }, (_, i) => i + 1).filter((r) => !bad.has(r));
    expect(got.map((x) => x.row)).toEqual(want); // in order, each once

    // the same file without interruptions gives the same results
    const ref = await upload(port, csv);
    while ((await status(port, ref)).status !== 'done') await sleep(50);
    expect(JSON.stringify(await results(port, ref))).toBe(JSON.stringify(got));
    await kill9();
  }, 240_000);

  it('an upload killed before its 202 leaves no job; one killed right after its 202 keeps every acknowledged row, once', async () => {
    const leads = syntheticLeads(demoSeed(), 40_000, 7);
    const csv = (ls: typeof leads) => '项目名称,项目简介\n' + ls.map((l) => `${l.name},${l.summary}`).join('\n');
    const post = (port: number, text: string, name: string) => {
      const fd = new FormData();
      fd.append('file', new File([text], name));
      return authed(`http://127.0.0.1:${port}/api/jobs/score`, { method: 'POST', body: fd });
    };
    let port = await freePort();
    await startServer(port);

    // 1. Killed mid-upload. The marker: the job exists as 'uploading' with rows stored. The server is
    //    frozen (SIGSTOP) and the file read: the 202 is sent only after the job leaves 'uploading', so
    //    a job still 'uploading' now proves the kill lands before any acknowledgement.
    let answer: number | null = null;
    const pending = post(port, csv(leads), 'big.csv').then(
      (r) => (answer = r.status),
      () => null,
    );
    let cut: { id: string; rows: number } | undefined;
    for (let i = 0; i < 3000 && !cut; i++) {
      cut = readDb(
        (db) =>
          db
            .prepare(`SELECT id, (SELECT count(*) FROM job_rows WHERE job_id = jobs.id) AS rows FROM jobs WHERE status = 'uploading'`)
            .get() as { id: string; rows: number } | undefined,
      );
      if (!cut?.rows) {
        cut = undefined;
        await sleep(2);
      }
    }
    expect(cut, 'the upload never showed as uploading with rows stored').toBeDefined();
    child!.kill('SIGSTOP');
    const frozen = readDb((db) =>
      db.prepare('SELECT status, (SELECT count(*) FROM job_rows WHERE job_id = ?) AS rows FROM jobs WHERE id = ?').get(cut!.id, cut!.id),
    ) as { status: string; rows: number };
    expect(frozen, 'the job left uploading before the kill: this run did not test a kill before the 202').toMatchObject({
      status: 'uploading',
    });
    expect(frozen.rows).toBeGreaterThan(0);
    expect(frozen.rows).toBeLessThan(leads.length);
    console.info(`crash test: upload frozen and killed with ${frozen.rows} of ${leads.length} rows stored, before its 202`);
    await kill9();
    await pending;
    expect(answer, 'the killed upload must not have been acknowledged').toBeNull();
    port = await freePort();
    await startServer(port);
    // never acknowledged, so never a job: no job row, no stored rows, no status URL
    readDb((db) => {
      expect(db.prepare('SELECT count(*) AS n FROM jobs WHERE id = ?').get(cut!.id)).toEqual({ n: 0 });
      expect(db.prepare('SELECT count(*) AS n FROM job_rows WHERE job_id = ?').get(cut!.id)).toEqual({ n: 0 });
      expect(db.prepare(`SELECT count(*) AS n FROM jobs WHERE status = 'uploading'`).get()).toEqual({ n: 0 });
    });
    expect((await authed(`http://127.0.0.1:${port}/api/jobs/${cut!.id}`)).status).toBe(404);

    // 2. Killed right after its 202: the acknowledged job is there with every row once, and finishes
    //    with one result per row.
    const N = 3000;
    const res = await post(port, csv(leads.slice(0, N)), 'acked.csv');
    expect(res.status).toBe(202);
    const ack = (await res.json()) as { jobId: string; total: number; failed: number };
    expect(ack).toMatchObject({ total: N, failed: 0 });
    await kill9();
    checkAfterCrash(ack.jobId);
    readDb((db) => {
      expect(db.prepare('SELECT status, total FROM jobs WHERE id = ?').get(ack.jobId)).toMatchObject({
        status: expect.stringMatching(/^(queued|running|done)$/),
        total: N,
      });
      expect(
        db
          .prepare(
            'SELECT count(*) AS n, count(DISTINCT row_no) AS rows, min(row_no) AS lo, max(row_no) AS hi FROM job_rows WHERE job_id = ? AND row_no > 0',
          )
          .get(ack.jobId),
      ).toEqual({ n: N, rows: N, lo: 1, hi: N });
    });
    port = await freePort();
    await startServer(port);
    let s = await status(port, ack.jobId);
    while (s.status !== 'done') {
      expect(s.status).not.toBe('failed');
      await sleep(50);
      s = await status(port, ack.jobId);
    }
    expect(s).toMatchObject({ total: N, processed: N, failed: 0 });
    expect((await results(port, ack.jobId)).map((x) => x.row)).toEqual(Array.from({ length: N }, (_, i) => i + 1)); // in order, each once
    await kill9();
  }, 120_000);
});
