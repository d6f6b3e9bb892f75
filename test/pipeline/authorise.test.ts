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
import { allowAll, API_ACTOR, actorNamed, type Action, type Actor, type Policy, type Target } from '../../server/pipeline/authorise.js';
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
const officer = actorNamed('区招商中心');

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
  ['scoreJobForResults', 'job.export', (policy) => scoreJobForResults(deps, { actor: API_ACTOR, policy }, 'no-such-job')],
  ['scoreJobForErrors', 'job.export', (policy) => scoreJobForErrors(deps, { actor: API_ACTOR, policy }, 'no-such-job')],
  ['deleteScoreJob', 'job.delete', (policy) => deleteScoreJob(deps, { actor: API_ACTOR, policy }, 'no-such-job')],
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
    expect(asked.map((q) => q.action)).toEqual([action]);
    expect(snapshot(db)).toEqual(before);
  });

  it('names the actor and what the action is about', () => {
    const { policy, asked } = refusing('routing.withdraw');
    expect(() => decidePlacement(deps, { actor: officer, policy, leadId: placed, decision: 'withdraw' })).toThrow(AppError);
    expect(asked).toEqual([{ actor: { name: '区招商中心' }, action: 'routing.withdraw', target: { leadIds: [placed] } }]);
  });

  it("lets everything through under today's policy (no accounts yet), so a refused call is the policy's doing", async () => {
    const before = snapshot(db).counts;
    const lead = addLead(deps, { actor: officer, policy: allowAll, lead: { summary: '呼吸机生产，需要3600平方米厂房' } });
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
