/**
 * Responsiveness (issue 17): how long `GET /api/health` and `POST /api/match` take while the server
 * (dist/index.mjs in a child process, as `npm start` runs it, fresh database, demo data) parses,
 * stores and scores a BENCH_RESPONSIVE_ROWS-row (60,000) CSV upload, and while its results download.
 * A probe sends one health and one match request every PROBE_MS (25 ms) and records their latency;
 * idle figures first. Goals: health p99 ≤ max(100 ms, 10 × idle p99) and max ≤ 500 ms; match p99 ≤
 * max(250 ms, 10 × idle p99). Extra environment for the server (e.g. JOB_WORKER_NICE=0) is passed on.
 * Also: how long a 300,000-row CSV and XLSX take to be refused, and the server's RSS growth meanwhile.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { readSeedSet } from '../server/db/seed-files.js';
import { syntheticLeads } from './synthetic.js';
import { BENCH_PASSWORD, signedIn } from './bench-server.js';

const ROWS = Number(process.env.BENCH_RESPONSIVE_ROWS ?? 60_000);
const PROBE_MS = 25;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const freePort = () =>
  new Promise<number>((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });

const q = (xs: number[], p: number) => {
  if (!xs.length) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]!;
};
const fmt = (x: number) => (Number.isFinite(x) ? `${x.toFixed(1)} ms` : '—');

const dir = mkdtempSync(join(tmpdir(), 'luodi-responsive-'));
const port = await freePort();
const child = spawn(process.execPath, ['dist/index.mjs'], {
  env: {
    ...process.env,
    PORT: String(port),
    HOST: '127.0.0.1',
    DATABASE_PATH: join(dir, 'bench.db'),
    LOG_LEVEL: 'error',
    LUODI_ADMIN_PASSWORD: BENCH_PASSWORD,
  },
  stdio: ['ignore', 'ignore', 'inherit'],
});
const url = `http://127.0.0.1:${port}`;
/** The session of the first administrator (every route but health needs one); set once the server is up. */
let cookie = '';
/** A request with the session; a refused one stops the bench rather than timing an error. */
async function authed(path: string, init: RequestInit = {}): Promise<Response> {
  const headers = new Headers(init.headers);
  headers.set('cookie', cookie);
  const r = await fetch(`${url}${path}`, { ...init, headers });
  if (r.status === 401 || r.status === 403) throw new Error(`${path}: ${r.status} (not signed in)`);
  return r;
}
const rss = () => Number(readFileSync(`/proc/${child.pid}/status`, 'utf8').match(/VmRSS:\s+(\d+)/)?.[1] ?? 0) / 1024;
const MATCH_BODY = JSON.stringify({ summary: '研发生产内窥镜，需要3000平方米厂房，不涉及电镀', sourceTown: '王江泾镇' });

/** Probes health and match every PROBE_MS until stop() and returns their latencies. */
function probe() {
  const health: number[] = [];
  const match: number[] = [];
  let on = true;
  const one = async (into: number[], req: () => Promise<Response>) => {
    const t0 = performance.now();
    await (await req()).arrayBuffer();
    into.push(performance.now() - t0);
  };
  const running = (async () => {
    const inFlight: Promise<void>[] = [];
    while (on) {
      inFlight.push(one(health, () => fetch(`${url}/api/health`)));
      inFlight.push(
        one(match, () =>
          authed('/api/match?limit=5', { method: 'POST', headers: { 'content-type': 'application/json' }, body: MATCH_BODY }),
        ),
      );
      await sleep(PROBE_MS);
    }
    await Promise.all(inFlight);
  })();
  return {
    async stop() {
      on = false;
      await running;
      return { health, match };
    },
  };
}

const line = (name: string, r: { health: number[]; match: number[] }) =>
  console.log(
    `${name.padEnd(28)} | health n=${r.health.length} p50 ${fmt(q(r.health, 50))} p99 ${fmt(q(r.health, 99))} max ${fmt(Math.max(...r.health))} | match n=${r.match.length} p50 ${fmt(q(r.match, 50))} p99 ${fmt(q(r.match, 99))} max ${fmt(Math.max(...r.match))}`,
  );

try {
  cookie = await signedIn(url);
  console.log(
    `\n## Responsiveness: ${ROWS.toLocaleString('en')}-row upload scored and downloaded (JOB_WORKERS=${process.env.JOB_WORKERS ?? 'default'}, JOB_WORKER_NICE=${process.env.JOB_WORKER_NICE ?? 'default'})`,
  );
  // warm up, then idle
  let p = probe();
  await sleep(1000);
  await p.stop();
  p = probe();
  await sleep(3000);
  const idle = await p.stop();
  line('idle', idle);

  const seed = readSeedSet('data/seed');
  const leads = syntheticLeads(seed, ROWS, 31);
  const csv =
    '项目名称,项目简介,面积需求(平方米),用地需求(亩),总投资(万元)\n' +
    leads.map((l) => [l.name, l.summary, l.floorAreaM2 ?? '', l.landMu ?? '', l.investmentWan ?? ''].join(',')).join('\n');
  p = probe();
  const fd = new FormData();
  fd.append('file', new File([csv], 'bench.csv'));
  const t0 = performance.now();
  const { jobId } = (await (await authed('/api/jobs/score', { method: 'POST', body: fd })).json()) as { jobId: string };
  const tAccepted = performance.now();
  for (;;) {
    const s = (await (await authed(`/api/jobs/${jobId}?errorsLimit=0`)).json()) as { status: string };
    if (s.status === 'done' || s.status === 'failed') break;
    await sleep(200);
  }
  const tDone = performance.now();
  const scoring = await p.stop();
  line('upload + scoring', scoring);
  // the download, once the workers have stopped (the main thread renders) — 35 s idle stop
  p = probe();
  const tD = performance.now();
  const bytes = (await (await authed(`/api/jobs/${jobId}/results?format=csv`)).arrayBuffer()).byteLength;
  const tDl = performance.now();
  const download = await p.stop();
  line('results CSV download', download);
  console.log(
    `upload → 202 ${((tAccepted - t0) / 1000).toFixed(1)} s, 202 → done ${((tDone - tAccepted) / 1000).toFixed(1)} s, download ${(bytes / 1024 / 1024).toFixed(1)} MB in ${((tDl - tD) / 1000).toFixed(1)} s`,
  );
  const goal = (name: string, idleP99: number, p99: number, floor: number, max?: number) =>
    console.log(
      `goal ${name}: p99 ${fmt(p99)} ≤ ${fmt(Math.max(floor, 10 * idleP99))}${max !== undefined ? `, max ${fmt(max)} ≤ 500 ms` : ''} → ${p99 <= Math.max(floor, 10 * idleP99) && (max === undefined || max <= 500) ? 'met' : 'NOT met'}`,
    );
  for (const [name, r] of [
    ['upload + scoring', scoring],
    ['download', download],
  ] as const) {
    goal(`health (${name})`, q(idle.health, 99), q(r.health, 99), 100, Math.max(...r.health));
    goal(`match (${name})`, q(idle.match, 99), q(r.match, 99), 250);
  }

  // oversized uploads: refused how fast, with how much RSS growth
  const BIG = 300_000;
  const bigLeads = syntheticLeads(seed, BIG, 5);
  const bigCsv = '项目名称,项目简介\n' + bigLeads.map((l) => `${l.name},${l.summary}`).join('\n');
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('线索');
  ws.addRow(['项目名称', '项目简介']);
  for (const l of bigLeads) ws.addRow([l.name, l.summary]);
  const bigXlsx = new Uint8Array(await wb.xlsx.writeBuffer());
  for (const [name, body] of [
    ['CSV', new File([bigCsv], 'big.csv')],
    ['XLSX', new File([bigXlsx], 'big.xlsx')],
  ] as const) {
    const before = rss();
    let peak = before;
    const watch = setInterval(() => (peak = Math.max(peak, rss())), 20);
    const f = new FormData();
    f.append('file', body);
    const s0 = performance.now();
    const r = await authed('/api/jobs/score', { method: 'POST', body: f });
    const msg = ((await r.json()) as { error?: { message: string } }).error?.message ?? '';
    clearInterval(watch);
    console.log(
      `${BIG.toLocaleString('en')}-row ${name} (${(body.size / 1024 / 1024).toFixed(1)} MB): ${r.status} in ${((performance.now() - s0) / 1000).toFixed(2)} s, RSS +${(peak - before).toFixed(0)} MB (goal ≤ 2 s, ≤ 100 MB): ${msg.slice(0, 60)}`,
    );
  }
} finally {
  child.kill('SIGKILL');
  rmSync(dir, { recursive: true, force: true });
}
process.exit(0);
