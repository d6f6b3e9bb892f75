/**
 * The role × route matrix (issue 15 "Done when"): every endpoint of the app, asked by an anonymous
 * visitor, the system administrator, a viewer and town staff of every town of the demo data. Allowed
 * → 2xx; otherwise exactly the expected 401, 403 or 404 with nothing written (every table's row count
 * and SQLite's total_changes() the same before and after). A route added to the app without a row
 * here fails the first test.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { createTestApp, type TestApp, dbFingerprint } from '../helpers/app.js';
import { createSession } from '../../server/db/users.repo.js';
import { SESSION_COOKIE } from '../../server/http/session.js';
import { SYSTEM_ACTOR } from '../../server/pipeline/authorise.js';
import { addLead } from '../../server/pipeline/leads.js';
import { commitPlacements } from '../../server/pipeline/placements.js';
import { exportSheet } from '../../server/pipeline/park-sheets.js';
import { startScoreJob } from '../../server/pipeline/score-jobs.js';
import { toCsv } from '../../server/io/export.js';
import { putRuleRow } from '../../server/db/rules.repo.js';
import { RuleSeedSchema } from '../../server/domain/rule.schema.js';

/** Who asks; `jurisdiction` null: every jurisdiction (the system administrator, a viewer bound to none). */
type Role =
  | { kind: 'anonymous' }
  | { kind: 'admin'; jurisdiction: string | null }
  | { kind: 'viewer' }
  | { kind: 'town'; town: string; jurisdiction: string };
type Outcome = 'ok' | 401 | 403 | 404;

/** The town the test leads are reported by, and the town of the park they are placed in. */
const LEAD_TOWN = '东栅街道';
const PARK = 'jx-weichuang';
const PARK_TOWN = '南湖高新区';
const SUMMARY = '研发生产内窥镜，需要3000平方米厂房';

interface Req {
  path: string;
  method?: string;
  json?: unknown;
  form?: FormData;
  /** Send this cookie instead of the role's (logout: a session of its own). */
  cookie?: string | null;
}

interface Row {
  /** `METHOD /api/path` as the app declares it. */
  route: string;
  /** Builds the request afresh for each role (as the system administrator, straight through the use cases). */
  setup: (role: Role, cookieOf: (role: Role) => string | null) => Promise<Req> | Req;
  /** What each role gets. */
  expect: (role: Role) => Outcome;
}

let t: TestApp;
const users = new Map<string, string>(); // role key → username
const cookies = new Map<string, string | null>();
const keyOf = (r: Role) =>
  r.kind === 'town' ? `town:${r.town}` : r.kind === 'admin' && r.jurisdiction ? `admin:${r.jurisdiction}` : r.kind;
/** The jurisdiction of the test leads and park (嘉兴): other jurisdictions' users do not even see them (404). */
const LEAD_JURISDICTION = 'jiaxing';
const outside = (r: Role) => (r.kind === 'admin' || r.kind === 'town') && r.jurisdiction !== null && r.jurisdiction !== LEAD_JURISDICTION;
/** An expectation for a row about the test lead or park: 404 outside its jurisdiction. */
const about =
  (inner: (r: Role) => Outcome) =>
  (r: Role): Outcome =>
    r.kind !== 'anonymous' && outside(r) ? 404 : inner(r);
const jobsStub = { warm() {}, notify() {} };
let parksCsv: string;
let spacesCsv: string;
let seq = 0;

const signedIn =
  (ok: Outcome = 'ok') =>
  (r: Role): Outcome =>
    r.kind === 'anonymous' ? 401 : ok;
const adminOnly =
  (others: Outcome = 403) =>
  (r: Role): Outcome =>
    r.kind === 'anonymous' ? 401 : r.kind === 'admin' ? 'ok' : others;
const adminOrTown =
  (town: string) =>
  (r: Role): Outcome =>
    r.kind === 'anonymous' ? 401 : r.kind === 'admin' || (r.kind === 'town' && r.town === town) ? 'ok' : 403;
const everyone = (): Outcome => 'ok';
/** A job the system administrator uploaded (no jurisdiction): the system administrator's only; unknown to anyone else. */
const systemJob = (r: Role): Outcome => (r.kind === 'anonymous' ? 401 : r.kind === 'admin' && r.jurisdiction === null ? 'ok' : 404);

const newLead = (town = LEAD_TOWN, stage?: '线索' | '在谈') =>
  addLead(t.deps, {
    actor: SYSTEM_ACTOR,
    lead: { name: `矩阵${++seq}`, company: '某医疗科技有限公司', summary: SUMMARY, sourceTown: town },
    stage,
  }).lead.id;
const placedLead = () => {
  const id = newLead();
  const c = commitPlacements(t.deps, { actor: SYSTEM_ACTOR, assignments: [{ leadId: id, parkId: PARK, spaceId: null }] });
  expect(c.committed).toHaveLength(1);
  return id;
};
const doneJob = async () => {
  const { jobId } = await startScoreJob(
    { ...t.deps, jobs: jobsStub },
    {
      actor: SYSTEM_ACTOR,
      bytes: new TextEncoder().encode(`项目名称,项目简介,联系电话\n内窥镜,${SUMMARY},13800000000\n`),
      fileName: 'leads.csv',
    },
  );
  t.db.$client.prepare(`UPDATE jobs SET status = 'done' WHERE id = ?`).run(jobId);
  return jobId;
};
/** A 嘉兴 rule as an admin sends it (a fresh id each time). */
const jxRuleBody = (extra: Record<string, unknown> = {}) => ({
  id: `jx-matrix-${++seq}`,
  name: '矩阵测试规则',
  scope: { level: 'city', value: '嘉兴市' },
  effect: 'exclude',
  match: { industryCodes: [], terms: ['矩阵测试工艺'], unlessTerms: [], pollution: null },
  reason: '项目涉及{term}，不予准入（矩阵测试）',
  source: '矩阵测试文件 第1条',
  jurisdictionId: 'jiaxing',
  ...extra,
});
/** A 嘉兴 参照 rule stored straight away (no impact run): something to retire or adopt. */
const storedJxRule = () => {
  const r = RuleSeedSchema.parse({ ...jxRuleBody(), reference: true, origin: '某地 某文件' });
  putRuleRow(t.db, r);
  t.deps.reloadKnowledge();
  return r.id;
};
/** 嘉兴's admins and the system administrator; 萧山's admin is refused (403), like everyone but admins. */
const jxAdmins = (r: Role): Outcome => (r.kind === 'admin' && outside(r) ? 403 : adminOnly()(r));

const csvForm = (text: string, name: string) => {
  const fd = new FormData();
  fd.append('file', new Blob([text], { type: 'text/csv' }), name);
  return fd;
};

const ROWS: Row[] = [
  { route: 'GET /api/health', setup: () => ({ path: '/api/health' }), expect: everyone },
  { route: 'GET /api/openapi.json', setup: () => ({ path: '/api/openapi.json' }), expect: everyone },
  { route: 'GET /api/docs', setup: () => ({ path: '/api/docs' }), expect: everyone },
  { route: 'GET /api/docs/init.js', setup: () => ({ path: '/api/docs/init.js' }), expect: everyone },
  { route: 'GET /api/docs/assets/:file', setup: () => ({ path: '/api/docs/assets/swagger-ui.css' }), expect: everyone },
  {
    route: 'POST /api/auth/login',
    setup: () => ({ path: '/api/auth/login', method: 'POST', json: { username: 'matrix-login', password: 'matrix-pass-1' } }),
    expect: everyone,
  },
  {
    route: 'POST /api/auth/logout',
    setup: (role) => {
      const user = users.get(keyOf(role));
      // a session of its own, so that signing out does not end the role's session for the other rows
      return {
        path: '/api/auth/logout',
        method: 'POST',
        cookie: user ? `${SESSION_COOKIE}=${createSession(t.db, user, 60_000).token}` : null,
      };
    },
    expect: signedIn(),
  },
  { route: 'GET /api/auth/me', setup: () => ({ path: '/api/auth/me' }), expect: signedIn() },
  {
    route: 'POST /api/users',
    setup: () => ({ path: '/api/users', method: 'POST', json: { username: `u${++seq}`, password: 'matrix-pass-2', role: 'viewer' } }),
    expect: adminOnly(),
  },
  { route: 'GET /api/users', setup: () => ({ path: '/api/users' }), expect: adminOnly() },
  { route: 'GET /api/audit', setup: () => ({ path: '/api/audit?limit=5' }), expect: adminOnly() },
  { route: 'GET /api/parks', setup: () => ({ path: '/api/parks?q=医疗&limit=3' }), expect: signedIn() },
  { route: 'GET /api/parks/:id', setup: () => ({ path: `/api/parks/${PARK}` }), expect: about(signedIn()) },
  { route: 'GET /api/jurisdictions', setup: () => ({ path: '/api/jurisdictions' }), expect: signedIn() },
  {
    route: 'POST /api/match',
    setup: () => ({ path: '/api/match?limit=3', method: 'POST', json: { summary: SUMMARY } }),
    expect: signedIn(),
  },
  { route: 'POST /api/chat', setup: () => ({ path: '/api/chat', method: 'POST', json: { message: SUMMARY } }), expect: signedIn() },
  {
    route: 'GET /api/chat/:id',
    // the role's own conversation (anonymous: the admin's); another user's is unknown to it (below)
    setup: async (role, cookieOf) => {
      const r = await t.as(cookieOf(role) ?? t.cookie).post('/api/chat', { message: '监护仪生产' });
      return { path: `/api/chat/${r.body.conversationId}` };
    },
    expect: signedIn(),
  },
  { route: 'GET /api/jobs/template', setup: () => ({ path: '/api/jobs/template?format=csv' }), expect: signedIn() },
  { route: 'GET /api/jobs', setup: () => ({ path: '/api/jobs' }), expect: signedIn() },
  {
    route: 'POST /api/jobs/score',
    setup: () => ({ path: '/api/jobs/score', method: 'POST', form: csvForm(`项目名称,项目简介\n内窥镜,${SUMMARY}\n`, 'leads.csv') }),
    expect: (r) => (r.kind === 'anonymous' ? 401 : r.kind === 'viewer' ? 403 : 'ok'),
  },
  // a job the system administrator uploaded: its uploaded columns are the admins' only; others do not even see it
  { route: 'GET /api/jobs/:id', setup: async () => ({ path: `/api/jobs/${await doneJob()}` }), expect: systemJob },
  {
    route: 'GET /api/jobs/:id/results',
    setup: async () => ({ path: `/api/jobs/${await doneJob()}/results?format=json` }),
    expect: systemJob,
  },
  {
    route: 'GET /api/jobs/:id/table',
    setup: async () => ({ path: `/api/jobs/${await doneJob()}/table?sort=score&order=desc` }),
    expect: systemJob,
  },
  {
    route: 'GET /api/jobs/:id/errors',
    setup: async () => ({ path: `/api/jobs/${await doneJob()}/errors?format=csv` }),
    expect: systemJob,
  },
  { route: 'DELETE /api/jobs/:id', setup: async () => ({ path: `/api/jobs/${await doneJob()}`, method: 'DELETE' }), expect: systemJob },
  {
    route: 'POST /api/import/parks',
    setup: () => ({ path: '/api/import/parks', method: 'POST', form: csvForm(parksCsv, 'parks.csv') }),
    expect: adminOnly(),
  },
  {
    route: 'POST /api/import/spaces',
    setup: () => ({ path: '/api/import/spaces', method: 'POST', form: csvForm(spacesCsv, 'spaces.csv') }),
    expect: adminOnly(),
  },
  { route: 'GET /api/export/:kind', setup: () => ({ path: '/api/export/spaces?format=csv' }), expect: adminOnly() },
  { route: 'GET /api/import/template', setup: () => ({ path: '/api/import/template?kind=spaces' }), expect: signedIn() },
  {
    route: 'POST /api/leads',
    setup: () => ({ path: '/api/leads', method: 'POST', json: { summary: SUMMARY, sourceTown: LEAD_TOWN } }),
    // an admin of another jurisdiction may not report for a town outside it
    expect: (r) => (r.kind === 'admin' && outside(r) ? 403 : adminOrTown(LEAD_TOWN)(r)),
  },
  { route: 'GET /api/leads', setup: () => ({ path: '/api/leads?limit=5' }), expect: signedIn() },
  { route: 'GET /api/leads/:id', setup: () => ({ path: `/api/leads/${newLead()}` }), expect: about(signedIn()) },
  {
    route: 'PATCH /api/leads/:id',
    setup: () => ({ path: `/api/leads/${newLead()}`, method: 'PATCH', json: { stage: '在谈', floorAreaM2: 3200 } }),
    expect: about(adminOrTown(LEAD_TOWN)),
  },
  {
    route: 'POST /api/routing/plan',
    setup: () => ({ path: '/api/routing/plan', method: 'POST', json: { leadIds: [newLead()] } }),
    expect: about(signedIn()),
  },
  {
    route: 'POST /api/routing/commit',
    setup: () => ({
      path: '/api/routing/commit',
      method: 'POST',
      json: { assignments: [{ leadId: newLead(), parkId: PARK, spaceId: null }] },
    }),
    // town staff are refused before anything is looked up; another jurisdiction's admin finds no such lead
    expect: (r) => (r.kind === 'admin' && outside(r) ? 404 : adminOnly()(r)),
  },
  // accept / decline: the receiving town (the park's) and the admins
  {
    route: 'POST /api/routing/:leadId/accept',
    setup: () => ({ path: `/api/routing/${placedLead()}/accept`, method: 'POST', json: {} }),
    expect: about(adminOrTown(PARK_TOWN)),
  },
  {
    route: 'POST /api/routing/:leadId/reject',
    setup: () => ({ path: `/api/routing/${placedLead()}/reject`, method: 'POST', json: { reason: '园区另有安排' } }),
    expect: about(adminOrTown(PARK_TOWN)),
  },
  {
    route: 'POST /api/routing/:leadId/withdraw',
    setup: () => ({ path: `/api/routing/${placedLead()}/withdraw`, method: 'POST', json: { reason: '客户改投外省' } }),
    expect: about(adminOnly()),
  },
  { route: 'GET /api/routing/ledger', setup: () => ({ path: '/api/routing/ledger?limit=5' }), expect: signedIn() },
  // the dashboard: aggregates of the caller's jurisdiction, every role (the workbook too: no lead names or contacts in it)
  { route: 'GET /api/targets', setup: () => ({ path: '/api/targets' }), expect: signedIn() },
  { route: 'GET /api/dashboard', setup: () => ({ path: '/api/dashboard' }), expect: signedIn() },
  { route: 'GET /api/dashboard/export.xlsx', setup: () => ({ path: '/api/dashboard/export.xlsx' }), expect: signedIn() },
  { route: 'GET /api/geo', setup: () => ({ path: '/api/geo' }), expect: signedIn() },
  { route: 'GET /api/geo/:jurisdictionId', setup: () => ({ path: `/api/geo/${LEAD_JURISDICTION}` }), expect: about(signedIn()) },
  // rules and positionings (issue 18): everyone signed in reads; the admins of the rule's jurisdiction write
  { route: 'GET /api/rules', setup: () => ({ path: '/api/rules' }), expect: signedIn() },
  { route: 'GET /api/rules/:id', setup: () => ({ path: '/api/rules/nh-hazchem-pilot-flexible' }), expect: about(signedIn()) },
  {
    route: 'POST /api/rules/preview',
    setup: () => ({ path: '/api/rules/preview', method: 'POST', json: jxRuleBody() }),
    expect: jxAdmins,
  },
  {
    route: 'PUT /api/rules/:id',
    setup: () => {
      const body = jxRuleBody({ changeReason: '矩阵测试新建' });
      return { path: `/api/rules/${body.id}`, method: 'PUT', json: body };
    },
    expect: jxAdmins,
  },
  {
    route: 'DELETE /api/rules/:id',
    setup: () => ({ path: `/api/rules/${storedJxRule()}?reason=${encodeURIComponent('矩阵测试停用')}`, method: 'DELETE' }),
    expect: about(adminOnly()),
  },
  {
    route: 'POST /api/rules/:id/adopt',
    setup: () => ({ path: `/api/rules/${storedJxRule()}/adopt`, method: 'POST', json: { changeReason: '矩阵测试采纳' } }),
    expect: about(adminOnly()),
  },
  {
    route: 'POST /api/parks/:id/positioning/preview',
    setup: () => ({ path: `/api/parks/${PARK}/positioning/preview`, method: 'POST', json: { leadingIndustries: ['智能物联'] } }),
    expect: about(adminOnly()),
  },
  {
    route: 'PUT /api/parks/:id/positioning',
    // the park's own positioning again: a version without a change of meaning, so the other rows see the same park
    setup: () => {
      const p = t.kb().k.parkById.get(PARK)!.park;
      return {
        path: `/api/parks/${PARK}/positioning`,
        method: 'PUT',
        json: { leadingIndustries: p.leadingIndustries, supportingIndustries: p.supportingIndustries, changeReason: '矩阵测试：定位不变' },
      };
    },
    expect: about(adminOnly()),
  },
];

let towns: string[];
let roles: Role[];

beforeAll(async () => {
  t = createTestApp();
  towns = t.db.$client.prepare('SELECT DISTINCT town FROM parks ORDER BY town').pluck().all() as string[];
  if (!towns.includes(LEAD_TOWN)) towns.push(LEAD_TOWN);
  expect(towns).toContain(PARK_TOWN);
  const jurisdictionOfTown = new Map(
    (t.db.$client.prepare('SELECT DISTINCT town, district FROM parks').all() as { town: string; district: string }[]).map((p) => [
      p.town,
      p.district === '萧山区' ? 'xiaoshan' : 'jiaxing',
    ]),
  );
  roles = [
    { kind: 'anonymous' },
    { kind: 'admin', jurisdiction: null },
    { kind: 'admin', jurisdiction: 'jiaxing' },
    { kind: 'admin', jurisdiction: 'xiaoshan' },
    { kind: 'viewer' },
    ...towns.map((town) => ({ kind: 'town' as const, town, jurisdiction: jurisdictionOfTown.get(town) ?? 'jiaxing' })),
  ];
  users.set('admin', 'admin');
  cookies.set('admin', t.cookie);
  for (const j of ['jiaxing', 'xiaoshan']) {
    users.set(`admin:${j}`, `m-admin-${j}`);
    cookies.set(`admin:${j}`, t.userCookie({ username: `m-admin-${j}`, role: 'admin', jurisdictionId: j }));
  }
  cookies.set('anonymous', null);
  cookies.set('viewer', t.userCookie({ username: 'm-viewer', role: 'viewer' }));
  users.set('viewer', 'm-viewer');
  towns.forEach((town, i) => {
    const username = `m-town-${String(i).padStart(2, '0')}`;
    users.set(`town:${town}`, username);
    cookies.set(`town:${town}`, t.userCookie({ username, role: 'town', town }));
  });
  expect((await t.post('/api/users', { username: 'matrix-login', password: 'matrix-pass-1', role: 'viewer' })).status).toBe(201);
  const parks = exportSheet(t.deps, { actor: SYSTEM_ACTOR }, 'parks');
  parksCsv = toCsv(parks.header, parks.rows.slice(0, 2));
  const spaces = exportSheet(t.deps, { actor: SYSTEM_ACTOR }, 'spaces');
  spacesCsv = toCsv(spaces.header, spaces.rows.slice(0, 2));
});

afterAll(async () => {
  await t.jobs.stop();
});

const fingerprint = () => dbFingerprint(t.db);

const describeRole = (r: Role) =>
  r.kind === 'town' ? `town ${r.town}` : r.kind === 'admin' && r.jurisdiction ? `admin of ${r.jurisdiction}` : r.kind;

// one role per demo town (27 since the 重大产业平台, 24 before); each job row reads a sheet on a thread of its own per role
describe('the role × route matrix', { timeout: 120_000 }, () => {
  it('has a row for every route the app declares', () => {
    const declared = new Set(
      t.app.routes.filter((r) => r.method !== 'ALL' && r.path.startsWith('/api/')).map((r) => `${r.method} ${r.path}`),
    );
    expect([...declared].sort()).toEqual(ROWS.map((r) => r.route).sort());
  });

  it.each(ROWS.map((r) => [r.route, r] as const))('%s', async (_route, row) => {
    const failures: string[] = [];
    for (const role of roles) {
      const req = await row.setup(role, (r) => cookies.get(keyOf(r)) ?? null);
      const cookie = req.cookie !== undefined ? req.cookie : (cookies.get(keyOf(role)) ?? null);
      const headers: Record<string, string> = {};
      if (cookie) headers.cookie = cookie;
      if (req.json !== undefined) headers['content-type'] = 'application/json';
      const before = fingerprint();
      const res = await t.as(null).request(req.path, {
        method: req.method ?? 'GET',
        headers,
        body: req.form ?? (req.json !== undefined ? JSON.stringify(req.json) : undefined),
      });
      const want = row.expect(role);
      const got = res.status;
      const text = await res.text();
      if (want === 'ok') {
        if (got < 200 || got > 299) failures.push(`${describeRole(role)}: expected 2xx, got ${got} ${text.slice(0, 200)}`);
      } else {
        if (got !== want) failures.push(`${describeRole(role)}: expected ${want}, got ${got} ${text.slice(0, 200)}`);
        const code = (JSON.parse(text) as { error: { code: string } }).error.code;
        const wantCode = { 401: 'unauthenticated', 403: 'forbidden', 404: 'not_found' }[want];
        if (code !== wantCode) failures.push(`${describeRole(role)}: expected code ${wantCode}, got ${code}`);
        const after = fingerprint();
        if (JSON.stringify(after) !== JSON.stringify(before))
          failures.push(`${describeRole(role)}: refused with ${got} but wrote ${JSON.stringify({ before, after })}`);
      }
    }
    expect(failures).toEqual([]);
  });
});

describe("what town staff see of other towns' leads (the board only)", () => {
  it('own town: every field and the history; other towns: name, industry, need, stage, placement — no company, summary, owner or history', async () => {
    const id = placedLead();
    const own = await t.as(cookies.get(`town:${LEAD_TOWN}`)!).json(`/api/leads/${id}`);
    expect(own.body).toMatchObject({ company: '某医疗科技有限公司', summary: SUMMARY, sourceTown: LEAD_TOWN });
    expect(own.body.history.length).toBeGreaterThan(0);
    expect(own.body.restricted).toBeUndefined();
    const other = await t.as(cookies.get(`town:${PARK_TOWN}`)!).json(`/api/leads/${id}`);
    expect(other.status).toBe(200);
    expect(other.body).toMatchObject({ id, name: expect.stringMatching(/^矩阵/), stage: '线索', sourceTown: LEAD_TOWN, restricted: true });
    expect(other.body.placement).toMatchObject({ parkId: PARK });
    for (const hidden of ['company', 'summary']) expect(other.body).not.toHaveProperty(hidden);
    expect(other.body.owner).toBeNull();
    expect(other.body.history).toEqual([]);
    const list = await t.as(cookies.get(`town:${PARK_TOWN}`)!).json(`/api/leads?limit=500`);
    const mine = list.body.items.find((l: { id: string }) => l.id === id);
    expect(mine).toMatchObject({ restricted: true });
    expect(mine).not.toHaveProperty('company');
    expect(mine).not.toHaveProperty('summary');
  });

  it("town staff find other towns' leads by name only, never by the company or summary they cannot see", async () => {
    const id = newLead();
    const a = t.as(cookies.get(`town:${LEAD_TOWN}`)!);
    const b = t.as(cookies.get(`town:${PARK_TOWN}`)!);
    const ids = async (who: typeof a, q: string) =>
      (await who.json(`/api/leads?limit=500&q=${encodeURIComponent(q)}`)).body.items.map((l: { id: string }) => l.id);
    expect(await ids(a, '某医疗科技')).toContain(id);
    expect(await ids(t, '某医疗科技')).toContain(id);
    expect(await ids(b, '某医疗科技')).not.toContain(id);
    expect(await ids(b, '内窥镜')).not.toContain(id);
    const name = (await t.json(`/api/leads/${id}`)).body.name as string;
    expect(await ids(b, name)).toContain(id);
  });

  it("a conversation is its starter's: another town neither reads nor continues it (404, nothing written)", async () => {
    const a = t.as(cookies.get(`town:${LEAD_TOWN}`)!);
    const b = t.as(cookies.get(`town:${PARK_TOWN}`)!);
    const started = await a.post('/api/chat', { message: '做监护仪的客户，联系人张先生 13800000000' });
    expect(started.status).toBe(200);
    const id = started.body.conversationId as string;
    expect((await a.json(`/api/chat/${id}`)).status).toBe(200);
    const before = fingerprint();
    expect((await b.json(`/api/chat/${id}`)).status).toBe(404);
    expect((await b.post('/api/chat', { message: '面积改成6000平米', conversationId: id })).status).toBe(404);
    expect(fingerprint()).toEqual(before);
    expect((await t.json(`/api/chat/${id}`)).status).toBe(200); // the admins see it
  });

  it("a town lists only its own town's bulk jobs; the uploaded columns stay with the uploader's town", async () => {
    const a = t.as(cookies.get(`town:${LEAD_TOWN}`)!);
    const b = t.as(cookies.get(`town:${PARK_TOWN}`)!);
    const up = await a.request('/api/jobs/score', {
      method: 'POST',
      body: csvForm(`项目名称,项目简介,联系电话\n内窥镜,${SUMMARY},13800000000\n`, 'mine.csv'),
    });
    expect(up.status).toBe(202);
    const { jobId } = (await up.json()) as { jobId: string };
    expect((await a.json('/api/jobs')).body.items.map((j: { id: string }) => j.id)).toContain(jobId);
    expect((await b.json('/api/jobs')).body.items.map((j: { id: string }) => j.id)).not.toContain(jobId);
    expect((await b.json(`/api/jobs/${jobId}`)).status).toBe(404);
    expect((await a.json(`/api/jobs/${jobId}`)).status).toBe(200);
    expect((await t.json(`/api/jobs/${jobId}`)).status).toBe(200);
  });
});
