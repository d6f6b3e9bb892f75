import { describe, it, expect, afterAll } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestApp, sessionCookieFor, demoSeed } from '../helpers/app.js';
import { openDb, type Db } from '../../server/db/client.js';
import { loadSeedSet } from '../../server/db/seed.js';
import { createApp } from '../../server/app.js';
import { createDeps } from '../../server/deps.js';
import { parseEnv } from '../../server/env.js';

const t = createTestApp();
const lead = async (body: Record<string, unknown>) => {
  const r = await t.post('/api/leads', body);
  expect(r.status).toBe(201);
  return r.body.id as string;
};
const ledgerOf = async (id: string) => (await t.json(`/api/leads/${id}`)).body.ledger as any[];
const unitStatus = async (parkId: string, spaceId: string) =>
  (await t.json(`/api/parks/${parkId}`)).body.spaces.find((s: any) => s.id === spaceId);

describe('POST /api/routing/plan', () => {
  it('returns exactly the contract shape, changes nothing, and is never below first come, first served', async () => {
    const a = await lead({ name: '内窥镜', summary: '研发生产内窥镜，需要3000平方米厂房', sourceTown: '南湖高新区' });
    const b = await lead({ name: '电镀', summary: '五金件电镀加工，需要2000平方米厂房' });
    const { status, body } = await t.post('/api/routing/plan', { leadIds: [a, b] });
    expect(status).toBe(200);
    expect(body.assignments).toHaveLength(1);
    expect(body.assignments[0]).toMatchObject({
      leadId: a,
      parkId: 'jx-weichuang',
      parkName: '亚太路科创工业社区（微创产业园）',
      spaceId: expect.any(String),
      score: expect.any(Number),
    });
    expect(body.unassigned).toEqual([
      expect.objectContaining({ leadId: b, reason: expect.stringContaining('电镀须进入电镀集中区'), code: 'banned' }),
    ]);
    expect(body.totalScore).toBe(body.assignments[0].score);
    expect(body.greedyTotal).toBeLessThanOrEqual(body.totalScore);
    expect(body.planId).toMatch(/^pl-/);
    expect(body.stats.exact).toBe(true);
    expect(await ledgerOf(a)).toEqual([]);
    expect((await unitStatus('jx-weichuang', body.assignments[0].spaceId)).status).toBe('vacant');
  });

  it('plans every open lead when no ids are given (an empty body or none at all)', async () => {
    const lost = await lead({ summary: '内窥镜，需要2000平方米', stage: '流失' });
    const open = await lead({ summary: '监护仪，需要2000平方米' });
    for (const r of [await t.post('/api/routing/plan', {}), await t.json('/api/routing/plan', { method: 'POST' })]) {
      expect(r.status).toBe(200);
      const ids = [...r.body.assignments, ...r.body.unassigned].map((x: any) => x.leadId);
      expect(ids).toContain(open);
      expect(ids).not.toContain(lost);
    }
  });

  it('answers 404 listing every unknown lead id', async () => {
    const a = await lead({ summary: '内窥镜' });
    const r = await t.post('/api/routing/plan', { leadIds: ['ld-000000000001', a, 'ld-000000000002'] });
    expect(r.status).toBe(404);
    expect(r.body.error.code).toBe('not_found');
    expect(r.body.error.message).toContain('ld-000000000001');
    expect(r.body.error.message).toContain('ld-000000000002');
    expect(r.body.error.issues.map((i: any) => i.path)).toEqual(['leadIds.0', 'leadIds.2']);
  });

  it.each([
    ['an unknown field', { leadIds: ['x'], budget: 1 }, 'budget'],
    ['an empty id list', { leadIds: [] }, 'leadIds'],
    ['a malformed id', { leadIds: ['<x>'] }, 'leadIds.0'],
    ['a space-fit floor out of range', { minSpaceFit: 0 }, 'minSpaceFit'],
    ['a non-array', { leadIds: 'ld-1' }, 'leadIds'],
  ])('rejects %s with 400', async (_n, body, field) => {
    const r = await t.post('/api/routing/plan', body);
    expect(r.status).toBe(400);
    expect(r.body.error.code).toBe('invalid_request');
    expect(r.body.error.issues.map((i: any) => i.path)).toContain(field);
  });

  it('rejects a body that is not JSON', async () => {
    const r = await t.post('/api/routing/plan', '{oops');
    expect(r.status).toBe(400);
  });
});

describe('POST /api/routing/commit', () => {
  it('commits a plan by lead ids: reserves units, moves leads, appends one ledger row each, and matching stops offering the unit', async () => {
    const a = await lead({ name: '监护仪', summary: '监护仪生产，需要3500平方米厂房', sourceTown: '东栅街道' });
    const kbBefore = t.kb();
    const r = await t.post('/api/routing/commit', { actor: '区招商中心', leadIds: [a] });
    expect(r.status).toBe(200);
    const c = r.body.committed[0];
    expect(c).toMatchObject({ leadId: a, status: 'proposed', routingId: expect.stringMatching(/^rt-/) });
    expect(await unitStatus(c.parkId, c.spaceId)).toMatchObject({ status: 'reserved' });
    const detail = (await t.json(`/api/leads/${a}`)).body;
    expect(detail.placement).toMatchObject({ parkId: c.parkId, spaceId: c.spaceId, status: 'proposed' });
    expect(detail.ledger).toHaveLength(1);
    expect(detail.ledger[0]).toMatchObject({
      status: 'proposed',
      actor: 'admin', // the signed-in user; the body's actor is ignored
      fromTown: '东栅街道',
      toParkId: c.parkId,
      creditTown: '东栅街道',
      reviewLevel: '镇审',
    });
    expect(detail.ledger[0].reasons.join('')).toContain('首谈地 东栅街道 保留招商业绩');
    expect(detail.history.at(-1).change).toMatchObject({ parkId: { from: null, to: c.parkId }, spaceId: { from: null, to: c.spaceId } });
    const m = await t.post('/api/match?limit=50', { summary: '监护仪生产，需要3500平方米厂房' });
    expect(m.body.results.flatMap((x: any) => x.spaces.map((s: any) => s.spaceId))).not.toContain(c.spaceId);
    expect(t.kb()).toBe(kbBefore); // vacancy is state: the unit is taken in place, the knowledge is not rebuilt
    // committing the same lead again changes nothing
    const again = await t.post('/api/routing/commit', {
      actor: '区招商中心',
      assignments: [{ leadId: a, parkId: c.parkId, spaceId: c.spaceId }],
    });
    expect(again.body).toMatchObject({ committed: [], unchanged: [a] });
    expect(await ledgerOf(a)).toHaveLength(1);
  });

  it('commits reviewed assignments, scoring and explaining them on the server', async () => {
    const a = await lead({ summary: '骨科植入物研发生产，需3600平方米厂房' });
    const plan = (await t.post('/api/routing/plan', { leadIds: [a] })).body;
    const x = plan.assignments[0];
    const r = await t.post('/api/routing/commit', {
      actor: '区招商中心',
      planId: plan.planId,
      assignments: [{ leadId: a, parkId: x.parkId, spaceId: x.spaceId, note: '客户已看过现场' }],
    });
    expect(r.status).toBe(200);
    expect(r.body.committed[0]).toMatchObject({ leadId: a, parkId: x.parkId, spaceId: x.spaceId, score: x.score });
    const row = (await ledgerOf(a))[0];
    expect(row.planId).toBe(plan.planId);
    expect(row.reasons).toContain('备注：客户已看过现场');
  });

  it('refuses a unit another lead holds with 409 naming the unit, and writes nothing of that commit', async () => {
    const a = await lead({ summary: '呼吸机生产，需要3600平方米厂房' });
    const b = await lead({ summary: '监护仪生产，需要3600平方米厂房' });
    const c = await lead({ summary: '软件开发' });
    const first = await t.post('/api/routing/commit', { actor: 'A', leadIds: [a] });
    const taken = first.body.committed[0];
    const r = await t.post('/api/routing/commit', {
      actor: 'B',
      assignments: [
        { leadId: c, parkId: 'xs-infoport-town', spaceId: null },
        { leadId: b, parkId: taken.parkId, spaceId: taken.spaceId },
      ],
    });
    expect(r.status).toBe(409);
    expect(r.body.error.code).toBe('conflict');
    expect(r.body.error.message).toContain(taken.spaceId);
    expect(r.body.error.message).toContain(a);
    expect(r.body.error.issues[0].path).toBe('assignments.1.spaceId');
    expect(await ledgerOf(b)).toEqual([]);
    expect(await ledgerOf(c)).toEqual([]);
  });

  it('names every bad assignment at once with 400', async () => {
    const open = await lead({ summary: '研发生产内窥镜，需要3000平方米厂房' });
    const banned = await lead({ summary: '五金件电镀加工，需要2000平方米厂房' });
    const closed = await lead({ summary: '内窥镜', stage: '投产' });
    const r = await t.post('/api/routing/commit', {
      actor: 'X',
      assignments: [
        { leadId: open, parkId: 'jx-weichuang', spaceId: 'xs-health-town-b1-f1' },
        { leadId: banned, parkId: 'jx-weichuang', spaceId: 'jx-weichuang-b2-f3' },
        { leadId: closed, parkId: 'no-such-park', spaceId: null },
      ],
    });
    expect(r.status).toBe(400);
    const issues = r.body.error.issues;
    expect(issues.map((i: any) => i.path)).toEqual([
      'assignments.0.spaceId',
      'assignments.1.parkId',
      'assignments.2.leadId',
      'assignments.2.parkId',
    ]);
    expect(issues[1].message).toContain('电镀');
  });

  it('rejects one unit given to two leads, and unknown leads with 404', async () => {
    const a = await lead({ summary: '内窥镜，需要1800平方米' });
    const b = await lead({ summary: '监护仪，需要1800平方米' });
    const dup = await t.post('/api/routing/commit', {
      actor: 'X',
      assignments: [
        { leadId: a, parkId: 'jx-weichuang', spaceId: 'jx-weichuang-b2-f6' },
        { leadId: b, parkId: 'jx-weichuang', spaceId: 'jx-weichuang-b2-f6' },
      ],
    });
    expect(dup.status).toBe(400);
    expect(dup.body.error.issues[0].path).toBe('assignments.1.spaceId');
    const missing = await t.post('/api/routing/commit', {
      actor: 'X',
      assignments: [{ leadId: 'ld-00000000dead', parkId: 'jx-weichuang', spaceId: null }],
    });
    expect(missing.status).toBe(404);
    expect(missing.body.error.message).toContain('ld-00000000dead');
    const unknownIds = await t.post('/api/routing/commit', { actor: 'X', leadIds: ['ld-00000000beef'] });
    expect(unknownIds.status).toBe(404);
  });

  it.each([
    ['an actor that is not a name (still validated, though ignored)', { actor: '', leadIds: ['ld-1'] }, 'actor'],
    [
      'both assignments and leadIds',
      { actor: 'X', leadIds: ['ld-1'], assignments: [{ leadId: 'ld-1', parkId: 'p', spaceId: null }] },
      'assignments',
    ],
    ['an unknown field', { actor: 'X', force: true }, 'force'],
    ['an assignment without spaceId', { actor: 'X', assignments: [{ leadId: 'ld-1', parkId: 'p' }] }, 'assignments.0.spaceId'],
  ])('rejects %s with 400', async (_n, body, field) => {
    const r = await t.post('/api/routing/commit', body);
    expect(r.status).toBe(400);
    expect(r.body.error.issues.map((i: any) => i.path)).toContain(field);
  });
});

describe('accept, reject, withdraw', () => {
  it('appends rows and never overwrites; reject and withdraw give the unit back', async () => {
    const a = await lead({ summary: '手术机器人研发，需要3700平方米厂房' });
    const c = (await t.post('/api/routing/commit', { actor: '区招商中心', leadIds: [a] })).body.committed[0];
    const acc = await t.post(`/api/routing/${a}/accept`, { actor: '园区运营方' });
    expect(acc.status).toBe(200);
    expect(acc.body).toMatchObject({
      status: 'accepted',
      statusLabel: '已接收',
      actor: 'admin',
      toParkId: c.parkId,
      spaceId: c.spaceId,
    });
    expect((await t.post(`/api/routing/${a}/accept`, { actor: 'x' })).status).toBe(409);
    expect((await t.post(`/api/routing/${a}/reject`, { actor: 'x' })).status).toBe(409);
    const w = await t.post(`/api/routing/${a}/withdraw`, { actor: '东栅街道', reason: '客户改投外省' });
    expect(w.body).toMatchObject({ status: 'withdrawn', reasons: ['撤回流转，释放预留空间', '备注：客户改投外省'] });
    expect(await unitStatus(c.parkId, c.spaceId)).toMatchObject({ status: 'vacant' });
    // given back, the unit is offered again at once
    const m = await t.post('/api/match?limit=50', { summary: '手术机器人研发，需要3700平方米厂房' });
    expect(m.body.results.flatMap((x: any) => x.spaces.map((s: any) => s.spaceId))).toContain(c.spaceId);
    const ledger = await ledgerOf(a);
    expect(ledger.map((r) => r.status)).toEqual(['proposed', 'accepted', 'withdrawn']);
    expect(new Set(ledger.map((r) => r.id)).size).toBe(3);
    expect((await t.json(`/api/leads/${a}`)).body.placement).toBeNull();
  });

  it('reject releases the unit; the lead can be planned again', async () => {
    const a = await lead({ summary: '体外诊断试剂研发，需要1700平方米研发楼' });
    const c = (await t.post('/api/routing/commit', { actor: '区', leadIds: [a] })).body.committed[0];
    const r = await t.post(`/api/routing/${a}/reject`, { actor: '园区', reason: '园区另有安排' });
    expect(r.body.status).toBe('rejected');
    expect(await unitStatus(c.parkId, c.spaceId)).toMatchObject({ status: 'vacant' });
    const plan = await t.post('/api/routing/plan', { leadIds: [a] });
    expect(plan.body.assignments[0].leadId).toBe(a);
  });

  it('answers 409 for a lead never routed, 404 for an unknown lead; a body without an actor is fine (the session says who)', async () => {
    const a = await lead({ summary: '内窥镜' });
    const r = await t.post(`/api/routing/${a}/accept`, { actor: 'x' });
    expect(r.status).toBe(409);
    expect(r.body.error.message).toContain('未流转');
    expect((await t.post('/api/routing/ld-000000000000/withdraw', { actor: 'x' })).status).toBe(404);
    expect((await t.post(`/api/routing/${a}/accept`, {})).status).toBe(409);
    expect((await t.post(`/api/routing/${a}/accept`, { reason: 'x'.repeat(201) })).status).toBe(400);
  });
});

describe('GET /api/routing/ledger', () => {
  it('lists the ledger newest first, by lead, credit town and status', async () => {
    const town = '台账测试街道';
    const a = await lead({ summary: '监护仪生产，需要1700平方米厂房', sourceTown: town });
    await t.post('/api/routing/commit', { actor: '区', leadIds: [a] });
    await t.post(`/api/routing/${a}/accept`, { actor: '园区' });
    const byTown = await t.json(`/api/routing/ledger?creditTown=${encodeURIComponent(town)}`);
    expect(byTown.body.items.map((r: any) => r.status)).toEqual(['accepted', 'proposed']);
    expect((await t.json(`/api/routing/ledger?leadId=${a}&status=accepted`)).body.total).toBe(1);
    expect((await t.json('/api/routing/ledger?status=done')).status).toBe(400);
  });
});

describe('two apps on one file database committing the same unit at once', () => {
  const dir = mkdtempSync(join(tmpdir(), 'luodi-http-race-'));
  const path = join(dir, 'db.sqlite');
  const dbs: Db[] = [];
  afterAll(() => {
    for (const d of dbs) d.$client.close();
    rmSync(dir, { recursive: true, force: true });
  });
  const appOn = (db: Db) => {
    return createApp(createDeps(parseEnv({ LOG_LEVEL: 'silent' }), { db }));
  };
  let cookie = '';

  it('lets exactly one succeed and answers 409 to the other', async () => {
    const first = openDb(path, { synchronous: 'NORMAL' });
    dbs.push(first);
    loadSeedSet(first, demoSeed(), 'test');
    const second = openDb(path, { synchronous: 'NORMAL' });
    dbs.push(second);
    cookie = sessionCookieFor(first, { username: 'admin', role: 'admin' });
    const [appA, appB] = [appOn(first), appOn(second)];
    const post = (app: ReturnType<typeof createApp>, p: string, body: unknown) =>
      Promise.resolve(
        app.request(p, { method: 'POST', headers: { 'content-type': 'application/json', cookie }, body: JSON.stringify(body) }),
      );
    const la = (await (await post(appA, '/api/leads', { summary: '内窥镜，需要3000平方米厂房' })).json()).id;
    const lb = (await (await post(appB, '/api/leads', { summary: '监护仪，需要3000平方米厂房' })).json()).id;
    const unit = { parkId: 'jx-weichuang', spaceId: 'jx-weichuang-b1-f8' };
    const [ra, rb] = await Promise.all([
      post(appA, '/api/routing/commit', { actor: 'A', assignments: [{ leadId: la, ...unit }] }),
      post(appB, '/api/routing/commit', { actor: 'B', assignments: [{ leadId: lb, ...unit }] }),
    ]);
    expect([ra.status, rb.status].sort()).toEqual([200, 409]);
    const loser = ra.status === 409 ? ra : rb;
    expect((await loser.json()).error).toMatchObject({ code: 'conflict', message: expect.stringContaining('jx-weichuang-b1-f8') });
  });
});

describe('the pipeline page and the API document', () => {
  it('serves /pipeline.html in Chinese under the strict CSP, with no inline script and a link back', async () => {
    const res = await t.request('/pipeline.html');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
    const html = await res.text();
    expect(html).toContain('招商一盘棋');
    expect(html).toContain('href="/"');
    expect(html).not.toMatch(/<script(?![^>]*src=)[^>]*>/);
    expect(html).not.toMatch(/\sstyle=|<style/);
    expect(html).not.toMatch(/https?:\/\//);
  });
  it('builds the DOM without innerHTML', async () => {
    const js = await (await t.request('/pipeline.js')).text();
    expect(js).not.toMatch(/innerHTML|outerHTML|insertAdjacentHTML|document\.write/);
  });
  it('documents the leads and routing endpoints in /api/openapi.json', async () => {
    const doc = (await t.json('/api/openapi.json')).body;
    for (const p of [
      '/leads',
      '/leads/{id}',
      '/routing/plan',
      '/routing/commit',
      '/routing/{leadId}/accept',
      '/routing/{leadId}/reject',
      '/routing/{leadId}/withdraw',
      '/routing/ledger',
    ])
      expect(Object.keys(doc.paths)).toContain(p);
  });
});
