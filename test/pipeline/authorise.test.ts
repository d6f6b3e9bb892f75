/**
 * The one authorisation hook: every use case that writes (or exports) asks the policy, naming its
 * action, before it touches anything. A policy that refuses the action makes the use case throw
 * AppError('forbidden') and leaves every table as it was.
 */
import { describe, it, expect, beforeAll } from 'vitest';
import { openDb, type Db } from '../../server/db/client.js';
import { loadSeedSet } from '../../server/db/seed.js';
import { createDeps } from '../../server/deps.js';
import { parseEnv } from '../../server/env.js';
import { AppError } from '../../server/domain/errors.js';
import { toCsv } from '../../server/io/export.js';
import { rolePolicy, type Action, type Actor, type Policy, type Target } from '../../server/pipeline/authorise.js';
import { addLead, changeLead } from '../../server/pipeline/leads.js';
import { commitPlacements, decidePlacement } from '../../server/pipeline/placements.js';
import { exportSheet, importParkSheet, importSpaceSheet } from '../../server/pipeline/park-sheets.js';
import { scoreJobForErrors, deleteScoreJob, scoreJobForResults, startScoreJob } from '../../server/pipeline/score-jobs.js';
import { demoSeed } from '../helpers/app.js';

/** A policy that refuses one action and records every question it is asked. */
function refusing(action: Action) {
  const asked: { actor: Actor; action: Action; target?: Target }[] = [];
  const policy: Policy = (actor, a, target) => {
    asked.push({ actor, action: a, target });
    return a !== action;
  };
  return { policy, asked };
}

/** Every table's row count, and the content of the rows a use case may update in place. */
function snapshot(db: Db) {
  const sqlite = db.$client;
  const tables = sqlite
    .prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'`)
    .pluck()
    .all() as string[];
  const counts = Object.fromEntries(tables.map((name) => [name, sqlite.prepare(`SELECT count(*) FROM "${name}"`).pluck().get()]));
  return {
    counts,
    leads: sqlite.prepare('SELECT * FROM leads ORDER BY id').all(),
    spaces: sqlite.prepare('SELECT id, status, reserved_by, updated_at FROM spaces ORDER BY id').all(),
    parks: sqlite.prepare('SELECT id, updated_at FROM parks ORDER BY id').all(),
  };
}

const env = parseEnv({ LOG_LEVEL: 'silent' });
let db: Db;
let deps: ReturnType<typeof createDeps>;
/** A bulk-job runner that never starts workers (nothing reaches it when the policy refuses). */
const jobs = { warm() {}, notify() {} };
let placed: string;
let open: string;
let parksCsv: Uint8Array;
let spacesCsv: Uint8Array;
const officer: Actor = { name: 'zhongxin', role: 'admin', town: null, jurisdictionId: null };
const API_ACTOR = officer;
let doneJob: string;
let talking: string;

beforeAll(() => {
  db = openDb(':memory:');
  loadSeedSet(db, demoSeed(), 'test');
  deps = createDeps(env, { db });
  placed = addLead(deps, { actor: officer, lead: { summary: '监护仪生产，需要3500平方米厂房' } }).lead.id;
  open = addLead(deps, { actor: officer, lead: { summary: '研发生产内窥镜，需要3000平方米厂房' } }).lead.id;
  const committed = commitPlacements(deps, { actor: officer, leadIds: [placed] });
  expect(committed.committed).toHaveLength(1);
  const parks = exportSheet(deps, { actor: API_ACTOR }, 'parks');
  parksCsv = new TextEncoder().encode(toCsv(parks.header, parks.rows.slice(0, 2)));
  const spaces = exportSheet(deps, { actor: API_ACTOR }, 'spaces');
  spacesCsv = new TextEncoder().encode(toCsv(spaces.header, spaces.rows.slice(0, 2)));
});

beforeAll(async () => {
  talking = addLead(deps, { actor: officer, lead: { summary: '呼吸机生产' }, stage: '在谈' }).lead.id;
  doneJob = (await startScoreJob({ ...deps, jobs }, { actor: officer, bytes: LEADS_CSV, fileName: 'leads.csv' })).jobId;
  db.$client.prepare(`UPDATE jobs SET status = 'done' WHERE id = ?`).run(doneJob);
});

const LEADS_CSV = new TextEncoder().encode('项目名称,项目简介,总投资(万元)\n内窥镜,研发生产内窥镜,6000\n');

/** Each writing or exporting use case, called under `policy`. */
const CASES: [string, Action, (policy: Policy) => unknown][] = [
  ['addLead', 'lead.create', (policy) => addLead(deps, { actor: officer, policy, lead: { summary: '呼吸机生产，需要3600平方米厂房' } })],
  ['changeLead', 'lead.update', (policy) => changeLead(deps, { actor: officer, policy, id: placed, patch: { stage: '流失' } })],
  ['commitPlacements by lead ids', 'routing.commit', (policy) => commitPlacements(deps, { actor: officer, policy, leadIds: [open] })],
  [
    'commitPlacements of reviewed assignments',
    'routing.commit',
    (policy) => commitPlacements(deps, { actor: officer, policy, assignments: [{ leadId: open, parkId: 'jx-weichuang', spaceId: null }] }),
  ],
  [
    'decidePlacement accept',
    'routing.accept',
    (policy) => decidePlacement(deps, { actor: officer, policy, leadId: placed, decision: 'accept' }),
  ],
  [
    'decidePlacement reject',
    'routing.reject',
    (policy) => decidePlacement(deps, { actor: officer, policy, leadId: placed, decision: 'reject' }),
  ],
  [
    'decidePlacement withdraw',
    'routing.withdraw',
    (policy) => decidePlacement(deps, { actor: officer, policy, leadId: placed, decision: 'withdraw', reason: '客户改投外省' }),
  ],
  [
    'startScoreJob',
    'job.create',
    (policy) => startScoreJob({ ...deps, jobs }, { actor: API_ACTOR, policy, bytes: LEADS_CSV, fileName: 'leads.csv' }),
  ],
  [
    'importParkSheet',
    'parks.import',
    (policy) => importParkSheet(deps, { actor: API_ACTOR, policy, bytes: parksCsv, fileName: 'parks.csv' }),
  ],
  [
    'importSpaceSheet',
    'spaces.import',
    (policy) => importSpaceSheet(deps, { actor: API_ACTOR, policy, bytes: spacesCsv, fileName: 'spaces.csv' }),
  ],
  ['exportSheet parks', 'parks.export', (policy) => exportSheet(deps, { actor: API_ACTOR, policy }, 'parks')],
  ['exportSheet spaces', 'spaces.export', (policy) => exportSheet(deps, { actor: API_ACTOR, policy }, 'spaces')],
  ['scoreJobForResults', 'job.export', (policy) => scoreJobForResults(deps, { actor: API_ACTOR, policy }, doneJob)],
  ['scoreJobForErrors', 'job.export', (policy) => scoreJobForErrors(deps, { actor: API_ACTOR, policy }, doneJob)],
  ['deleteScoreJob', 'job.delete', (policy) => deleteScoreJob(deps, { actor: API_ACTOR, policy }, doneJob)],
  [
    'changeLead moving a stage back',
    'lead.stage.back',
    (policy) => changeLead(deps, { actor: officer, policy, id: talking, patch: { stage: '线索', reason: '客户重新接洽' } }),
  ],
];

describe('authorise: one policy decides every write and export', () => {
  it.each(CASES)('%s: when the policy refuses %s, it throws forbidden and writes nothing', async (_name, action, run) => {
    const { policy, asked } = refusing(action);
    const before = snapshot(db);
    const error = await (async () => run(policy))().then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: 'forbidden', params: { action } });
    expect(asked.map((q) => q.action)).toContain(action);
    expect(asked.map((q) => q.action).at(-1)).toBe(action); // asked last: nothing after the refusal
    expect(snapshot(db)).toEqual(before);
  });

  it('names the actor and what the action is about', () => {
    const { policy, asked } = refusing('routing.withdraw');
    expect(() => decidePlacement(deps, { actor: officer, policy, leadId: placed, decision: 'withdraw' })).toThrow(AppError);
    expect(asked).toEqual([{ actor: officer, action: 'routing.withdraw', target: { leadIds: [placed], towns: [expect.any(String)] } }]);
  });

  it("lets an admin do everything under the role policy, so a refused call is the policy's doing", async () => {
    const before = snapshot(db).counts;
    const lead = addLead(deps, { actor: officer, policy: rolePolicy, lead: { summary: '呼吸机生产，需要3600平方米厂房' } });
    const row = decidePlacement(deps, { actor: officer, leadId: placed, decision: 'accept' });
    const job = await startScoreJob({ ...deps, jobs }, { actor: API_ACTOR, bytes: LEADS_CSV, fileName: 'leads.csv' });
    expect(lead.lead.stage).toBe('线索');
    expect(row.status).toBe('accepted');
    expect(job.sheet.total).toBe(1);
    const after = snapshot(db).counts;
    expect(after.leads).toBe(Number(before.leads) + 1);
    expect(after.routings).toBe(Number(before.routings) + 1);
    expect(after.jobs).toBe(Number(before.jobs) + 1);
  });
});

describe('rolePolicy: the three roles of API.md v2', () => {
  const town = (t: string): Actor => ({ name: `u-${t}`, role: 'town', town: t, jurisdictionId: null });
  const viewer: Actor = { name: 'lingdao', role: 'viewer', town: null, jurisdictionId: null };
  const a = town('东栅街道');

  it.each<[string, Actor, Action, Target | undefined, boolean]>([
    ['admin imports parks', officer, 'parks.import', undefined, true],
    ['town imports parks', a, 'parks.import', undefined, false],
    ['viewer imports parks', viewer, 'parks.import', undefined, false],
    ['town creates a lead of its own town', a, 'lead.create', { towns: ['东栅街道'] }, true],
    ['town creates a lead of another town', a, 'lead.create', { towns: ['新丰镇'] }, false],
    ['town creates a lead without a town', a, 'lead.create', { towns: [null] }, false],
    ['town moves its lead to another town', a, 'lead.update', { towns: ['东栅街道', '新丰镇'] }, false],
    ['town accepts a placement into its town', a, 'routing.accept', { towns: ['东栅街道'] }, true],
    ['town accepts a placement into another town', a, 'routing.accept', { towns: ['新丰镇'] }, false],
    ['town commits a plan', a, 'routing.commit', undefined, false],
    ['town withdraws a placement', a, 'routing.withdraw', { towns: ['东栅街道'] }, false],
    ['town moves a stage back', a, 'lead.stage.back', undefined, false],
    ['town reads its own lead in full', a, 'lead.read.full', { towns: ['东栅街道'] }, true],
    ["town reads another town's lead in full", a, 'lead.read.full', { towns: ['新丰镇'] }, false],
    ['town uploads a lead sheet', a, 'job.create', undefined, true],
    ["town downloads its town's job", a, 'job.export', { owner: { username: 'other', town: '东栅街道' } }, true],
    ["town downloads another town's job", a, 'job.export', { owner: { username: 'other', town: '新丰镇' } }, false],
    ['town reads the audit', a, 'audit.read', undefined, false],
    ['viewer reads a lead in full', viewer, 'lead.read.full', { towns: ['新丰镇'] }, true],
    ['viewer creates a lead', viewer, 'lead.create', { towns: [null] }, false],
    ['viewer uploads a lead sheet', viewer, 'job.create', undefined, false],
    ['viewer reads a job', viewer, 'job.read', { owner: { username: 'x', town: null } }, false],
    ['admin of a jurisdiction creates a user there', { ...officer, jurisdictionId: 'jx' }, 'users.create', { jurisdictions: ['jx'] }, true],
    [
      'admin of a jurisdiction creates a user elsewhere',
      { ...officer, jurisdictionId: 'jx' },
      'users.create',
      { jurisdictions: ['xs'] },
      false,
    ],
  ])('%s → %s', (_n, actor, action, target, allowed) => {
    expect(rolePolicy(actor, action, target)).toBe(allowed);
  });
});
