import { describe, it, expect, afterAll } from 'vitest';
import { randomUUID } from 'node:crypto';
import { createTestApp } from '../helpers/app.js';
import { createLogger } from '../../server/log.js';
import { createJobRunner } from '../../server/jobs/runner.js';
import { createPool } from '../../server/jobs/pool.js';
import { scorerFromInput } from '../../server/jobs/score-row.js';
import {
  appendRows,
  beginJob,
  commitBatch,
  getJob,
  openJob,
  rawResultPages,
  resultPages,
  type NewRow,
} from '../../server/jobs/jobs.repo.js';
import { parse } from 'csv-parse/sync';
import { syntheticLeads } from '../../scripts/synthetic.js';
import { demoSeed } from '../helpers/app.js';
import { listAllParks, loadKnowledgeInput } from '../../server/db/parks.repo.js';
import { upsertParks } from '../../server/io/park-store.js';
import { buildKnowledgeBase } from '../../server/search/knowledge-base.js';

const t = createTestApp();
const runners: { stop(): Promise<void> }[] = [];
afterAll(async () => {
  await Promise.all(runners.map((r) => r.stop()));
  await t.jobs.stop();
});

const runner = (batchRows: number, workers = 2) => {
  const r = createJobRunner({ db: t.db, log: createLogger('silent'), kb: t.kb, workers, usdCnyRate: 7.1, batchRows });
  runners.push(r);
  return r;
};

/** A queued job of n rows, every 7th bad (no lead). */
function queueJob(n: number): string {
  const id = randomUUID();
  const leads = syntheticLeads(demoSeed(), n, 21);
  const rows: NewRow[] = leads.map((lead, i) => ({ rowNo: i + 1, input: [lead.summary ?? ''], lead: (i + 1) % 7 === 0 ? null : lead }));
  beginJob(t.db, { id, kind: 'score', fileName: 'x.csv', columns: ['项目简介'] });
  appendRows(t.db, id, rows);
  const bad = rows.filter((r) => !r.lead);
  openJob(t.db, id, {
    total: n,
    failed: bad.length,
    errors: bad.map((r) => ({ row: r.rowNo, field: 'summary', message: 'x' })),
    message: null,
    actor: 'test',
    detail: {},
  });
  return id;
}

const resultsOf = (id: string) => [...resultPages(t.db, id, 97)].flat();

describe('job runner', () => {
  it('scores every good row on the worker threads, in row order, and marks the job done', async () => {
    const id = queueJob(120);
    const r = runner(16);
    r.notify();
    await r.idle();
    const job = getJob(t.db, id)!;
    expect(job).toMatchObject({ status: 'done', total: 120, processed: 120, cursor: 120, failed: 17 });
    const rows = resultsOf(id);
    expect(rows.map((x) => x.rowNo)).toEqual(Array.from({ length: 120 }, (_, i) => i + 1).filter((n) => n % 7 !== 0));
    expect(rows.every((x) => x.result !== null)).toBe(true);
    expect(r.pool.threads()).toBeGreaterThan(0);
  });

  it('stores the same results whatever the batch size and the number of workers, equal to scoring each row in this thread', async () => {
    const runs: string[][] = [];
    for (const [batch, workers] of [
      [1, 1],
      [7, 2],
      [64, 1],
      [250, 2],
    ] as const) {
      const id = queueJob(90);
      const r = runner(batch, workers);
      r.notify();
      await r.idle();
      expect(getJob(t.db, id)).toMatchObject({ status: 'done', processed: 90, failed: 12 });
      runs.push(resultsOf(id).map((x) => JSON.stringify([x.rowNo, x.result])));
      await r.stop();
    }
    expect(runs[0]).toHaveLength(90 - 12);
    for (const run of runs.slice(1)) expect(run).toEqual(runs[0]);
    // the same rows scored here, without workers, batches or the compact storage
    const scorer = scorerFromInput(loadKnowledgeInput(t.db), { usdCnyRate: 7.1 });
    const leads = syntheticLeads(demoSeed(), 90, 21);
    const here = leads.flatMap((lead, i) => ((i + 1) % 7 === 0 ? [] : [JSON.stringify([i + 1, scorer.score(lead)])]));
    expect(runs[0]).toEqual(here);
  });

  it('a batch is applied once: a commit from a stale marker is refused', () => {
    const id = queueJob(10);
    expect(commitBatch(t.db, id, { from: 0, to: 5, count: 5, results: [], errors: [] })).toBe(true);
    expect(commitBatch(t.db, id, { from: 0, to: 5, count: 5, results: [], errors: [] })).toBe(false);
    expect(getJob(t.db, id)).toMatchObject({ cursor: 5, processed: 5 });
  });

  it('stopped mid-job, a new runner resumes from the marker and ends with exactly the rows of an uninterrupted run', async () => {
    const reference = queueJob(200);
    const a = runner(10);
    a.notify();
    await a.idle();
    const want = resultsOf(reference).map((x) => JSON.stringify([x.rowNo, x.result]));

    const id = queueJob(200);
    const b = runner(10);
    b.notify();
    while (getJob(t.db, id)!.cursor < 50) await new Promise((res) => setTimeout(res, 5));
    await b.stop();
    const cut = getJob(t.db, id)!;
    expect(cut.status).toBe('running');
    expect(cut.cursor).toBeLessThan(200);
    // the marker and the stored results agree at the cut
    expect(
      resultsOf(id)
        .filter((x) => x.result)
        .every((x) => x.rowNo <= cut.cursor),
    ).toBe(true);
    expect(
      resultsOf(id)
        .filter((x) => x.rowNo <= cut.cursor)
        .every((x) => x.result),
    ).toBe(true);

    const c = runner(10);
    c.start();
    await c.idle();
    expect(getJob(t.db, id)).toMatchObject({ status: 'done', processed: 200, cursor: 200 });
    expect(resultsOf(id).map((x) => JSON.stringify([x.rowNo, x.result]))).toEqual(want);
  });

  it('on start, drops uploads a crash cut off (never acknowledged, so they never existed for anyone)', async () => {
    const id = randomUUID();
    beginJob(t.db, { id, kind: 'score', fileName: 'cut.csv', columns: ['项目简介'] });
    appendRows(t.db, id, [{ rowNo: 1, input: ['x'], lead: { summary: 'x' } }]);
    const r = runner(10);
    r.start();
    await r.idle();
    expect(getJob(t.db, id)).toBeNull();
    expect(resultsOf(id)).toEqual([]);
  });

  it('rebuilds its workers when the knowledge base is rebuilt (parks imported)', async () => {
    let kb = t.kb();
    const r = createJobRunner({ db: t.db, log: createLogger('silent'), kb: () => kb, workers: 1, usdCnyRate: 7.1, batchRows: 50 });
    runners.push(r);
    const lead = { summary: '研发生产内窥镜，需要3000平方米厂房' };
    const job = () => {
      const id = randomUUID();
      beginJob(t.db, { id, kind: 'score', fileName: 'x.csv', columns: ['项目简介'] });
      appendRows(t.db, id, [{ rowNo: 1, input: [lead.summary], lead }]);
      openJob(t.db, id, { total: 1, failed: 0, errors: [], message: null, actor: 'test', detail: {} });
      return id;
    };
    const a = job();
    r.notify();
    await r.idle();
    expect(resultsOf(a)[0]!.result!.best!.parkId).toBe('jx-weichuang');
    const park = listAllParks(t.db).find((p) => p.id === 'jx-weichuang')!;
    upsertParks(t.db, [{ ...park, leadingIndustries: ['时尚服装'], supportingIndustries: [] }], 'test', {});
    kb = buildKnowledgeBase(loadKnowledgeInput(t.db));
    const b = job();
    r.notify();
    await r.idle();
    expect(resultsOf(b)[0]!.result!.best!.parkId).not.toBe('jx-weichuang');
    upsertParks(t.db, [park], 'test', {});
  });

  it('warm() starts every worker before the first batch; warmed workers that get no work stop after the idle time', async () => {
    const pool = createPool({ size: 2, idleMs: 300, load: () => ({ knowledge: loadKnowledgeInput(t.db), options: {} }) });
    runners.push({ stop: () => pool.close() });
    expect(pool.threads()).toBe(0);
    pool.warm();
    expect(pool.threads()).toBe(2);
    pool.warm(); // already warm: no more threads
    expect(pool.threads()).toBe(2);
    const out = await pool.run([{ rowNo: 1, lead: JSON.stringify({ summary: '研发生产内窥镜，需要3000平方米厂房' }) }]);
    expect(out.slices.length).toBe(3);
    expect(pool.threads()).toBe(2);
    const until = Date.now() + 10_000;
    while (pool.threads() > 0 && Date.now() < until) await new Promise((res) => setTimeout(res, 50));
    expect(pool.threads()).toBe(0);
  });

  it('renders downloads on the workers while they are up and the same bytes on this thread otherwise', async () => {
    const id = queueJob(300);
    const r = runner(40);
    r.notify();
    await r.idle();
    const job = getJob(t.db, id)!;
    const download = async (format: 'csv' | 'json') => {
      const { ahead, render } = r.renderer();
      const parts = await Promise.all([...rawResultPages(t.db, id, 37)].map((p) => render({ format, columns: job.columns, ...p })));
      return { ahead, text: parts.map((p) => new TextDecoder().decode(p)).join(format === 'json' ? ',' : '') };
    };
    const onWorkers = { csv: await download('csv'), json: await download('json') };
    expect(onWorkers.csv.ahead).toBeGreaterThan(1);
    await r.stop();
    const here = { csv: await download('csv'), json: await download('json') };
    expect(here.csv.ahead).toBe(1);
    expect(here.csv.text).toBe(onWorkers.csv.text);
    expect(here.json.text).toBe(onWorkers.json.text);
    // and what they hold: every good row in order, its input, then the five result cells
    const want = resultsOf(id);
    const lines = parse(here.csv.text) as string[][];
    expect(lines.map((l) => l[0])).toEqual(want.map((x) => x.input[0]));
    expect(lines.every((l) => l.length === 1 + 5)).toBe(true);
    expect(lines.map((l) => l[1])).toEqual(want.map((x) => x.result!.best?.parkName ?? '无符合准入条件的园区'));
    expect((JSON.parse(`[${here.json.text}]`) as { row: number }[]).map((x) => x.row)).toEqual(want.map((x) => x.rowNo));
  });

  it('a page a worker cannot render is refused with the reason, and the worker stays up', async () => {
    const pool = createPool({ size: 1, load: () => ({ knowledge: loadKnowledgeInput(t.db), options: {} }) });
    runners.push({ stop: () => pool.close() });
    await expect(
      pool.render({ format: 'csv', columns: ['项目简介'], rows: [{ rowNo: 1, input: '{not json', result: null }], strings: [] }),
    ).rejects.toThrow(/JSON/);
    expect(pool.threads()).toBe(1);
    const ok = await pool.render({
      format: 'csv',
      columns: ['项目简介'],
      rows: [{ rowNo: 1, input: '["甲"]', result: null }],
      strings: [],
    });
    expect(new TextDecoder().decode(ok)).toBe('甲,,,,,\r\n');
  });

  it('workers started from the compiled module (dist/, as npm start runs them) score exactly as the TypeScript ones', async () => {
    const load = () => ({ knowledge: loadKnowledgeInput(t.db), options: {} });
    const compiled = createPool({ size: 1, load, entry: new URL('../../dist/worker-entry.mjs', import.meta.url) });
    const source = createPool({ size: 1, load });
    runners.push({ stop: () => compiled.close() }, { stop: () => source.close() });
    const rows = syntheticLeads(demoSeed(), 40, 3).map((lead, i) => ({ rowNo: i + 1, lead: JSON.stringify(lead) }));
    const [a, b] = await Promise.all([compiled.run(rows), source.run(rows)]);
    expect(a.errors).toEqual([]);
    expect([...a.slices]).toEqual([...b.slices]);
    expect([...a.bytes]).toEqual([...b.bytes]);
    expect(a.strings).toEqual(b.strings);
    expect(a.slices.length).toBe(40 * 3);
  });
});
