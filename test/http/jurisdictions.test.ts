/**
 * Jurisdictions (API.md v2; issue 15 part 1, the slice done so far): the demo data set holds 嘉兴市
 * (南湖区, 秀洲区, 经开区) and 杭州市萧山区; a user bound to one sees only its parks and leads, is matched
 * only against its parks, and its routing plan never contains the other's parks. The system
 * administrator sees both.
 */
import { describe, it, expect, beforeAll } from 'vitest';
import { createTestApp, demoSeed, type Requester, type TestApp } from '../helpers/app.js';
import { checkReferences } from '../../server/db/seed-files.js';
import { openDb } from '../../server/db/client.js';
import { loadSeedSet, seedIfEmpty } from '../../server/db/seed.js';

const JX = ['南湖区', '秀洲区', '经开区'];
const XS = ['萧山区'];

let t: TestApp;
let jx: Requester;
let xs: Requester;
let districtOf: Map<string, string>;

beforeAll(async () => {
  t = createTestApp();
  jx = t.as(t.userCookie({ username: 'jx-admin', role: 'admin', jurisdictionId: 'jiaxing' }));
  xs = t.as(t.userCookie({ username: 'xs-admin', role: 'admin', jurisdictionId: 'xiaoshan' }));
  districtOf = new Map((await t.json('/api/parks?limit=500')).body.items.map((p: { id: string; district: string }) => [p.id, p.district]));
});

describe('GET /api/jurisdictions', () => {
  it('lists both to the system administrator, its own to a jurisdiction user', async () => {
    const all = await t.json('/api/jurisdictions');
    expect(all.body.map((j: { id: string; name: string; districts: string[] }) => [j.id, j.name, j.districts])).toEqual([
      ['jiaxing', '嘉兴市', JX],
      ['xiaoshan', '杭州市萧山区', XS],
    ]);
    expect((await xs.json('/api/jurisdictions')).body.map((j: { id: string }) => j.id)).toEqual(['xiaoshan']);
  });
});

describe('each jurisdiction sees its own parks', () => {
  it.each([
    ['嘉兴', () => jx, JX],
    ['萧山', () => xs, XS],
  ] as const)('%s: the park list and park details', async (_n, who, districts) => {
    const list = await who().json('/api/parks?limit=500');
    expect(list.body.total).toBeGreaterThan(0);
    expect(list.body.items.every((p: { district: string }) => districts.includes(p.district))).toBe(true);
    const other = [...districtOf].find(([, d]) => !districts.includes(d))![0];
    expect((await who().json(`/api/parks/${other}`)).status).toBe(404);
  });

  it('the system administrator sees all 47', async () => {
    expect((await t.json('/api/parks?limit=500')).body.total).toBe(47);
  });
});

describe('matching stays within the jurisdiction', () => {
  it('a 嘉兴 user asking for 萧山区 gets no 萧山 park; every park offered is in 嘉兴', async () => {
    const r = await jx.post('/api/match?limit=50&includeExcluded=true', { summary: '新能源汽车零部件生产，需要5000平方米厂房' });
    expect(r.status).toBe(200);
    expect(r.body.results.length).toBeGreaterThan(0);
    expect(r.body.results.every((x: { district: string }) => JX.includes(x.district))).toBe(true);
    const asked = await jx.post('/api/match?limit=50', { summary: '新能源汽车零部件生产，需要5000平方米厂房', districts: ['萧山区'] });
    expect(asked.body.results.filter((x: { excluded: boolean }) => !x.excluded)).toEqual([]);
  });

  it("chat results too, and the reply and its verdict name only the jurisdiction's parks", async () => {
    const r = await xs.post('/api/chat', { message: '有个做监护仪的客户，要三千五平米厂房' });
    expect(r.status).toBe(200);
    expect(r.body.results.every((x: { district: string }) => XS.includes(x.district))).toBe(true);
    const jxParks = t
      .kb()
      .k.parks.filter((p) => JX.includes(p.park.district))
      .map((p) => p.park.name);
    expect(jxParks.length).toBeGreaterThan(0);
    for (const name of jxParks) {
      expect(r.body.reply).not.toContain(name);
      expect(r.body.verdict.text).not.toContain(name);
    }
    expect(r.body.verdict.parkId === null || t.kb().k.parkById.get(r.body.verdict.parkId)!.park.district === '萧山区').toBe(true);
  });
});

describe('leads and the routing plan stay within the jurisdiction', () => {
  it('each plan holds only its own leads and parks; the other jurisdiction neither reads nor commits them', async () => {
    const lead = async (who: Requester, summary: string, sourceTown: string) => {
      const r = await who.post('/api/leads', { summary, sourceTown });
      expect(r.status).toBe(201);
      return r.body.id as string;
    };
    const a = await lead(jx, '研发生产内窥镜，需要3000平方米厂房', '东栅街道');
    const b = await lead(xs, '智能装备研发制造，需要3000平方米厂房', '宁围街道');
    const planJx = (await jx.post('/api/routing/plan', {})).body;
    const planXs = (await xs.post('/api/routing/plan', {})).body;
    const leadsOf = (p: any) => [...p.assignments, ...p.unassigned].map((x: { leadId: string }) => x.leadId);
    expect(leadsOf(planJx)).toContain(a);
    expect(leadsOf(planJx)).not.toContain(b);
    expect(leadsOf(planXs)).toContain(b);
    expect(leadsOf(planXs)).not.toContain(a);
    expect(planJx.assignments.every((x: { parkId: string }) => JX.includes(districtOf.get(x.parkId)!))).toBe(true);
    expect(planXs.assignments.every((x: { parkId: string }) => XS.includes(districtOf.get(x.parkId)!))).toBe(true);
    expect((await xs.json(`/api/leads/${a}`)).status).toBe(404);
    expect((await xs.post('/api/routing/plan', { leadIds: [a] })).status).toBe(404);
    expect((await xs.post('/api/routing/commit', { leadIds: [a] })).status).toBe(404);
    const xsPark = [...districtOf].find(([, d]) => d === '萧山区')![0];
    const cross = await jx.post('/api/routing/commit', { assignments: [{ leadId: a, parkId: xsPark, spaceId: null }] });
    expect(cross.status).toBe(400);
    expect(cross.body.error.issues[0].path).toBe('assignments.0.parkId');
    expect((await xs.json('/api/leads?limit=500')).body.items.map((l: { id: string }) => l.id)).not.toContain(a);
    // the 流转 ledger likewise
    expect((await jx.post('/api/routing/commit', { leadIds: [a] })).status).toBe(200);
    const ledgerOf = async (who: Requester) =>
      (await who.json('/api/routing/ledger?limit=500')).body.items.map((r: { leadId: string }) => r.leadId);
    expect(await ledgerOf(jx)).toContain(a);
    expect(await ledgerOf(xs)).not.toContain(a);
    expect(await ledgerOf(t)).toContain(a);
    // the system administrator sees both
    const all = (await t.json('/api/leads?limit=500')).body.items.map((l: { id: string }) => l.id);
    expect(all).toEqual(expect.arrayContaining([a, b]));
  });

  it('an admin of one jurisdiction may not report a lead for a town of the other, nor create users there', async () => {
    expect((await xs.post('/api/leads', { summary: '研发生产内窥镜', sourceTown: '东栅街道' })).status).toBe(403);
    expect(
      (await xs.post('/api/users', { username: 'x1', password: 'secret-pass-1', role: 'viewer', jurisdictionId: 'jiaxing' })).status,
    ).toBe(403);
    const bad = await t.post('/api/users', { username: 'x2', password: 'secret-pass-1', role: 'viewer', jurisdictionId: 'nowhere' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.issues[0].path).toBe('jurisdictionId');
    const town = await t.post('/api/users', { username: 'x3', password: 'secret-pass-1', role: 'town', town: '宁围街道' });
    expect(town.body.jurisdictionId).toBe('xiaoshan'); // the town's
  });
});

describe('bulk jobs stay within the jurisdiction', () => {
  it('a 嘉兴 town upload is seen by its town, the 嘉兴 admin and the system administrator, not by the 萧山 admin', async () => {
    const town = t.as(t.userCookie({ username: 'jx-town', role: 'town', town: '东栅街道' }));
    const fd = new FormData();
    fd.append('file', new Blob(['项目名称,项目简介,联系电话\n内窥镜,研发生产内窥镜,13800000000\n'], { type: 'text/csv' }), 'leads.csv');
    const up = await town.request('/api/jobs/score', { method: 'POST', body: fd });
    expect(up.status).toBe(202);
    const { jobId } = (await up.json()) as { jobId: string };
    for (const [who, status] of [
      [town, 200],
      [jx, 200],
      [t, 200],
      [xs, 404],
    ] as const)
      expect((await who.json(`/api/jobs/${jobId}`)).status).toBe(status);
    const ids = async (who: Requester) => (await who.json('/api/jobs')).body.items.map((j: { id: string }) => j.id);
    expect(await ids(jx)).toContain(jobId);
    expect(await ids(xs)).not.toContain(jobId);
    await t.jobs.stop();
  });
});

describe('park and unit sheets stay within the jurisdiction', () => {
  it("the 萧山 admin's export holds only 萧山 units, and a 嘉兴 unit in its import is a row error, left as it was", async () => {
    const csv = await (await xs.request('/api/export/spaces?format=csv')).text();
    const rows = csv.trim().split('\n').slice(1);
    expect(rows.length).toBeGreaterThan(0);
    expect(csv).not.toMatch(/(^|,)jx-/m); // no 嘉兴 unit or park id
    expect(await (await t.request('/api/export/spaces?format=csv')).text()).toMatch(/(^|,)jx-weichuang/m); // the system administrator's has them
    const before = t.db.$client.prepare(`SELECT area_m2, status FROM spaces WHERE id = 'jx-weichuang-b1-f8'`).get();
    const fd = new FormData();
    fd.append(
      'file',
      new Blob(['空间编号,园区编号,面积(平方米),状态\njx-weichuang-b1-f8,jx-weichuang,2,预留\n'], { type: 'text/csv' }),
      's.csv',
    );
    const r = await xs.json('/api/import/spaces', { method: 'POST', body: fd });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ imported: 0, failed: 1 });
    expect(r.body.errors[0]).toMatchObject({ row: 1, field: 'parkId', message: expect.stringContaining('不属于本辖区') });
    expect(t.db.$client.prepare(`SELECT area_m2, status FROM spaces WHERE id = 'jx-weichuang-b1-f8'`).get()).toEqual(before);
  });
});

describe('the audit trail', () => {
  it("an admin of a jurisdiction reads what its jurisdiction's users did, not the other's", async () => {
    await jx.post('/api/leads', { summary: '研发生产内窥镜', sourceTown: '东栅街道' });
    await xs.post('/api/leads', { summary: '智能装备研发制造', sourceTown: '宁围街道' });
    const actors = async (who: Requester) =>
      new Set((await who.json('/api/audit?limit=500')).body.items.map((r: { actor: string }) => r.actor));
    expect([...(await actors(jx))]).toEqual(['jx-admin']);
    expect([...(await actors(xs))]).toEqual(['xs-admin']);
    const all = await actors(t); // the system administrator reads both
    expect(all.has('jx-admin') && all.has('xs-admin')).toBe(true);
  });
});

describe('the demo data set', () => {
  it('puts every park district in exactly one jurisdiction (a district in none stops the load)', () => {
    const set = demoSeed();
    expect(() => checkReferences(set)).not.toThrow();
    const broken = {
      ...set,
      jurisdictions: set.jurisdictions.map((j) => ({ ...j, districts: j.districts.filter((d) => d !== '秀洲区') })),
    };
    expect(() => checkReferences(broken)).toThrow(/秀洲区 is in no jurisdiction/);
  });

  it('a database loaded before jurisdictions existed gets them on start (seedIfEmpty)', () => {
    const db = openDb(':memory:');
    loadSeedSet(db, demoSeed(), 'test');
    db.$client.exec('DELETE FROM jurisdictions');
    expect(seedIfEmpty(db, 'data/seed')).toBe(false); // parks are there: not reloaded
    expect(db.$client.prepare('SELECT id FROM jurisdictions ORDER BY id').pluck().all()).toEqual(['jiaxing', 'xiaoshan']);
  });
});
