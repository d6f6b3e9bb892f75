/**
 * Storage per job row: uploads BENCH_STORAGE_ROWS synthetic leads in the demo columns (项目名称,
 * 项目简介, 面积需求, 总投资 …: about 60 bytes of input per row), scores them, and measures what the
 * job's rows take in the database file (dbstat: the table and its index pages), per row.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDeps } from '../server/deps.js';
import { createApp } from '../server/app.js';
import { parseEnv } from '../server/env.js';
import { toCsv } from '../server/io/export.js';
import { readSeedSet } from '../server/db/seed-files.js';
import { syntheticLeads } from './synthetic.js';
import { createSession, insertUser } from '../server/db/users.repo.js';
import { SESSION_COOKIE } from '../server/http/session.js';

const N = Number(process.env.BENCH_STORAGE_ROWS ?? 20_000);
const dir = mkdtempSync(join(tmpdir(), 'luodi-storage-'));
try {
  const env = parseEnv({ LOG_LEVEL: 'silent', DATABASE_PATH: join(dir, 'l.db') });
  const deps = createDeps(env);
  const app = createApp(deps);
  deps.jobs.start();
  const leads = syntheticLeads(readSeedSet('data/seed'), N, 31);
  const csv = toCsv(
    ['项目名称', '项目简介', '面积需求(平方米)', '用地需求(亩)', '总投资(万元)'],
    leads.map((l) => [l.name ?? null, l.summary ?? null, l.floorAreaM2 ?? null, l.landMu ?? null, l.investmentWan ?? null]),
  );
  const inputBytes = Buffer.byteLength(csv) / N;
  const fd = new FormData();
  fd.append('file', new File([csv], 'leads.csv'));
  // a system administrator's session (every route but health needs one)
  insertUser(
    deps.db,
    { username: 'bench', role: 'admin', displayName: 'bench', jurisdictionId: null, town: null, passwordHash: 'bench-without-password' },
    'bench',
  );
  const cookie = `${SESSION_COOKIE}=${createSession(deps.db, 'bench', 3_600_000).token}`;
  const res = await app.request('/api/jobs/score', { method: 'POST', body: fd, headers: { cookie } });
  if (res.status !== 202) throw new Error(`upload refused: ${res.status} ${await res.text()}`);
  const { jobId } = (await res.json()) as { jobId: string };
  await deps.jobs.idle();
  const c = deps.db.$client;
  const avg = (col: string) => Number(c.prepare(`SELECT avg(length(${col})) FROM job_rows WHERE job_id = ?`).pluck().get(jobId));
  const pages = c
    .prepare(`SELECT name, sum(pgsize) AS bytes FROM dbstat WHERE name IN ('job_rows', 'sqlite_autoindex_job_rows_1') GROUP BY name`)
    .all() as { name: string; bytes: number }[];
  const extra = c
    .prepare(
      `SELECT name, sum(pgsize) AS bytes FROM dbstat WHERE name LIKE 'job_%' AND name NOT IN ('job_rows', 'sqlite_autoindex_job_rows_1') GROUP BY name`,
    )
    .all() as { name: string; bytes: number }[];
  const total = [...pages, ...extra].reduce((s, p) => s + p.bytes, 0);
  console.log(`storage: ${N} rows, CSV input ${inputBytes.toFixed(0)} B/row`);
  console.log(
    `  columns (avg bytes): input ${avg('input').toFixed(0)}, lead ${avg('lead').toFixed(0)}, result ${avg('result').toFixed(0)}`,
  );
  for (const p of [...pages, ...extra]) console.log(`  ${p.name}: ${(p.bytes / N).toFixed(0)} B/row`);
  console.log(`  stored per row: ${(total / N).toFixed(0)} B (target ≤ 300 B)`);
  if (process.env.BENCH_STORAGE_DETAIL)
    console.log(
      c
        .prepare(
          `SELECT name, sum(ncell) cells, sum(payload) payload, sum(unused) unused, sum(pgsize) size, count(*) pages FROM dbstat WHERE name LIKE '%job%' GROUP BY name`,
        )
        .all(),
    );
  await deps.close();
} finally {
  rmSync(dir, { recursive: true, force: true });
}
