import { describe, it, expect } from 'vitest';
import { createTestApp } from '../helpers/app.js';

const t = createTestApp();
const patch = (id: string, body: unknown) =>
  t.json(`/api/leads/${id}`, { method: 'PATCH', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
const create = async (body: Record<string, unknown>) => {
  const r = await t.post('/api/leads', body);
  expect(r.status).toBe(201);
  return r.body;
};

describe('POST /api/leads', () => {
  it('stores a lead with stage 线索 by default, its review level from the rules, and a first history entry', async () => {
    const { status, body } = await t.post('/api/leads', {
      name: '内窥镜项目',
      summary: '研发生产内窥镜，需要3000平方米厂房',
      sourceTown: '东栅街道',
      owner: '张三',
    });
    expect(status).toBe(201);
    expect(body.id).toMatch(/^ld-[0-9a-f]{12}$/);
    expect(body).toMatchObject({
      name: '内窥镜项目',
      stage: '线索',
      open: true,
      sourceTown: '东栅街道',
      owner: '张三',
      reviewLevel: '镇审',
      placement: null,
    });
    expect(body.reviewBasis).toMatchObject({ ruleId: 'rl-lease-small-town', source: expect.stringContaining('嘉委发〔2017〕2号') });
    expect(body.history).toHaveLength(1);
    expect(body.history[0]).toMatchObject({
      actor: 'admin', // the signed-in user, not the owner or a name in the body
      change: { stage: { from: null, to: '线索' }, summary: { from: null, to: '研发生产内窥镜，需要3000平方米厂房' } },
    });
    expect(body.ledger).toEqual([]);
  });

  it('accepts a stage and gives 区审 to a large lease', async () => {
    const body = await create({ summary: '监护仪生产，租赁8000平方米厂房', stage: '在谈' });
    expect(body).toMatchObject({ stage: '在谈', reviewLevel: '区审' });
  });

  it.each([
    ['an invalid stage', { summary: '内窥镜', stage: '已签' }, 'stage'],
    ['neither summary nor industries', { name: '空项目' }, 'summary'],
    ['an unknown field', { summary: '内窥镜', colour: 'red' }, 'colour'],
    ['a placement set by hand', { summary: '内窥镜', parkId: 'jx-weichuang' }, 'parkId'],
    ['a unit set by hand', { summary: '内窥镜', spaceId: 'jx-weichuang-b1-f1' }, 'spaceId'],
    ['an id set by hand', { summary: '内窥镜', id: 'ld-000000000000' }, 'id'],
    ['a review level set by hand', { summary: '内窥镜', reviewLevel: '镇审' }, 'reviewLevel'],
    ['a negative area', { summary: '内窥镜', floorAreaM2: -1 }, 'floorAreaM2'],
    ['an over-long owner', { summary: '内窥镜', owner: '张'.repeat(41) }, 'owner'],
  ])('rejects %s with 400 naming the field, and stores nothing', async (_name, body, field) => {
    const before = (await t.json('/api/leads')).body.total;
    const r = await t.post('/api/leads', body);
    expect(r.status).toBe(400);
    expect(r.body.error.code).toBe('invalid_request');
    expect(r.body.error.issues.map((i: any) => i.path)).toContain(field);
    expect((await t.json('/api/leads')).body.total).toBe(before);
  });
});

describe('the review level is the same on the board and in the chat', () => {
  it('a 50 亩 new-land lead is 区审 on the board before it has a park, as the chat says for its best park', async () => {
    const summary = '新材料项目，用地50亩，投资3亿元';
    const lead = await create({ name: '新材料50亩', summary, sourceTown: '东栅街道' });
    expect(lead.placement).toBeNull();
    const board = (await t.json('/api/leads?limit=200')).body.items.find((x: any) => x.id === lead.id);
    const chat = (await t.post('/api/chat', { message: summary })).body;
    const top = chat.results[0];
    const chatLevel = top.flags.map((f: any) => f.message ?? f.reason).find((m: string) => /镇审|区审/.test(m));
    expect(board.reviewLevel).toBe('区审');
    expect(chatLevel).toContain('区审');
  });
});

describe('GET /api/leads', () => {
  it('filters by stage, reporting town, text and open, and pages with a total', async () => {
    const town = '测试镇A';
    await create({ name: '甲传感器', summary: '压力传感器研发', sourceTown: town, stage: '线索' });
    await create({ name: '乙传感器', summary: 'MEMS传感器封装', sourceTown: town, stage: '签约' });
    await create({ name: '丙', summary: '服装设计', sourceTown: town, stage: '流失' });
    const all = await t.json(`/api/leads?town=${encodeURIComponent(town)}`);
    expect(all.status).toBe(200);
    expect(all.body.total).toBe(3);
    expect(all.body.items.map((l: any) => l.name)).toEqual(['丙', '乙传感器', '甲传感器']); // newest first
    expect(
      (await t.json(`/api/leads?town=${encodeURIComponent(town)}&stage=${encodeURIComponent('签约')}`)).body.items.map((l: any) => l.name),
    ).toEqual(['乙传感器']);
    expect((await t.json(`/api/leads?town=${encodeURIComponent(town)}&open=true`)).body.total).toBe(2);
    expect((await t.json(`/api/leads?q=${encodeURIComponent('MEMS')}`)).body.items.map((l: any) => l.name)).toEqual(['乙传感器']);
    const page = await t.json(`/api/leads?town=${encodeURIComponent(town)}&limit=2&offset=2`);
    expect(page.body).toMatchObject({ total: 3, items: [{ name: '甲传感器' }] });
  });

  it('treats % and _ in the text filter as plain characters', async () => {
    await create({ summary: '软件开发 100%_国产' });
    expect((await t.json(`/api/leads?q=${encodeURIComponent('%_')}`)).body.total).toBe(1);
    expect((await t.json(`/api/leads?q=${encodeURIComponent('_%')}`)).body.total).toBe(0);
  });

  it.each([
    ['an invalid stage', 'stage=foo', 'stage'],
    ['an unknown parameter', 'colour=red', 'colour'],
    ['a limit over 500', 'limit=501', 'limit'],
    ['a non-numeric offset', 'offset=x', 'offset'],
    ['a bad boolean', 'open=yes', 'open'],
  ])('rejects %s with 400', async (_n, qs, field) => {
    const r = await t.json(`/api/leads?${qs}`);
    expect(r.status).toBe(400);
    expect(r.body.error.issues.map((i: any) => i.path)).toContain(field);
  });
});

describe('GET /api/leads/:id', () => {
  it('returns 404 in the API error shape for an unknown id, 400 for a malformed one', async () => {
    const r = await t.json('/api/leads/ld-000000000000');
    expect(r.status).toBe(404);
    expect(r.body.error).toMatchObject({ code: 'not_found', message: expect.stringContaining('ld-000000000000') });
    expect((await t.json('/api/leads/%3Cscript%3E')).status).toBe(400);
  });
});

describe('PATCH /api/leads/:id', () => {
  it('changes fields and stage, and appends every change with from and to', async () => {
    const l = await create({ summary: '研发生产内窥镜，需要3000平方米厂房', owner: '张三' });
    const r = await patch(l.id, { stage: '在谈', floorAreaM2: 8000, owner: '李四', actor: '区长(伪造)' });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ stage: '在谈', floorAreaM2: 8000, owner: '李四', reviewLevel: '区审' });
    const last = r.body.history.at(-1);
    expect(last.actor).toBe('admin'); // a body `actor` is accepted and ignored
    expect(last.change).toEqual({
      stage: { from: '线索', to: '在谈' },
      floorAreaM2: { from: null, to: 8000 },
      owner: { from: '张三', to: '李四' },
      reviewLevel: { from: '镇审', to: '区审' },
    });
    expect(r.body.history).toHaveLength(2);
    const again = await patch(l.id, { floorAreaM2: null, actor: '李四' });
    expect(again.body.floorAreaM2).toBeUndefined();
    expect(again.body.history.at(-1).change.floorAreaM2).toEqual({ from: 8000, to: null });
  });

  it('records nothing when nothing changes', async () => {
    const l = await create({ summary: '内窥镜', stage: '在谈' });
    const r = await patch(l.id, { stage: '在谈' });
    expect(r.status).toBe(200);
    expect(r.body.history).toHaveLength(1);
  });

  it.each([
    ['an invalid stage', { stage: '完成' }, 'stage'],
    ['an unknown field', { budget: 1 }, 'budget'],
    ['a placement set by hand', { parkId: 'jx-weichuang' }, 'parkId'],
    ['an empty change', {}, '(body)'],
    ['a bad value', { investmentWan: 'lots' }, 'investmentWan'],
  ])('rejects %s with 400 and changes nothing', async (_n, body, field) => {
    const l = await create({ summary: '内窥镜' });
    const r = await patch(l.id, body);
    expect(r.status).toBe(400);
    expect(r.body.error.issues.map((i: any) => i.path)).toContain(field);
    const after = await t.json(`/api/leads/${l.id}`);
    expect(after.body.history).toHaveLength(1);
    expect(after.body.stage).toBe('线索');
  });

  it('refuses to clear the summary of a lead with no industries (nothing written)', async () => {
    const l = await create({ summary: '内窥镜' });
    const r = await patch(l.id, { summary: null });
    expect(r.status).toBe(400);
    expect(r.body.error.issues[0].path).toBe('summary');
    expect((await t.json(`/api/leads/${l.id}`)).body).toMatchObject({ summary: '内窥镜', history: [expect.anything()] });
  });

  it('returns 404 for an unknown lead', async () => {
    const r = await patch('ld-000000000000', { stage: '在谈' });
    expect(r.status).toBe(404);
    expect(r.body.error.code).toBe('not_found');
  });

  it('gives the unit back when a placed lead is lost, with a ledger row saying so', async () => {
    const l = await create({ summary: '研发生产内窥镜，需要3000平方米厂房' });
    const c = await t.post('/api/routing/commit', { actor: '区招商中心', leadIds: [l.id] });
    expect(c.status).toBe(200);
    const unit = c.body.committed[0].spaceId;
    const r = await patch(l.id, { stage: '流失', actor: '张三' });
    expect(r.body.placement).toBeNull();
    expect(r.body.ledger.map((x: any) => x.status)).toEqual(['proposed', 'withdrawn']);
    expect(r.body.ledger[1].reasons[0]).toContain('项目流失');
    const park = await t.json(`/api/parks/${c.body.committed[0].parkId}`);
    expect(park.body.spaces.find((s: any) => s.id === unit).status).toBe('vacant');
  });

  it('marks the unit occupied when construction starts', async () => {
    const l = await create({ summary: '监护仪生产，需要3500平方米厂房' });
    const c = await t.post('/api/routing/commit', { actor: '区招商中心', leadIds: [l.id] });
    const { parkId, spaceId } = c.body.committed[0];
    await t.post(`/api/routing/${l.id}/accept`, { actor: '园区' });
    for (const stage of ['在谈', '签约', '准入', '审批', '在建']) expect((await patch(l.id, { stage })).status).toBe(200);
    const park = await t.json(`/api/parks/${parkId}`);
    expect(park.body.spaces.find((s: any) => s.id === spaceId).status).toBe('occupied');
  });
});
