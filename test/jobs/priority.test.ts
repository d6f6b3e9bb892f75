/** Scoring threads leave the CPU to the request thread: they run niced (Linux), the process itself does not. */
import { describe, expect, it, afterAll } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { getPriority } from 'node:os';
import { createPool } from '../../server/jobs/pool.js';
import { loadKnowledgeInput } from '../../server/db/parks.repo.js';
import { parseEnv } from '../../server/env.js';
import { syntheticLeads } from '../../scripts/synthetic.js';
import { createTestApp, demoSeed } from '../helpers/app.js';

const t = createTestApp();
const pools: { close(): Promise<void> }[] = [];
afterAll(async () => {
  for (const p of pools) await p.close();
  await t.jobs.stop();
});

/** Nice values of this process's threads (field 19 of /proc/self/task/<tid>/stat). */
const niceOfThreads = (): number[] =>
  readdirSync('/proc/self/task').map((tid) => {
    const stat = readFileSync(`/proc/self/task/${tid}/stat`, 'utf8');
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[16]);
  });

describe.runIf(process.platform === 'linux')('scoring thread priority', () => {
  it('JOB_WORKER_NICE (default 10) is applied to each scoring thread only', async () => {
    expect(parseEnv({}).JOB_WORKER_NICE).toBe(10);
    expect(() => parseEnv({ JOB_WORKER_NICE: '20' })).toThrow(/JOB_WORKER_NICE/);
    const before = niceOfThreads().filter((n) => n === 10).length;
    const pool = createPool({ size: 2, load: () => ({ knowledge: loadKnowledgeInput(t.db), options: {}, nice: 10 }) });
    pools.push(pool);
    const rows = syntheticLeads(demoSeed(), 20, 3).map((lead, i) => ({ rowNo: i + 1, lead: JSON.stringify(lead) }));
    await Promise.all([pool.run(rows), pool.run(rows)]);
    expect(pool.threads()).toBe(2);
    expect(niceOfThreads().filter((n) => n === 10).length).toBeGreaterThanOrEqual(before + 2);
    // the main thread is untouched
    const self = readFileSync('/proc/thread-self/stat', 'utf8');
    expect(Number(self.slice(self.lastIndexOf(')') + 2).split(' ')[16])).toBe(getPriority());
  });
});
