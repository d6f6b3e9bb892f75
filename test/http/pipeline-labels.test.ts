/**
 * What the 招商一盘棋 page shows comes from the API in Chinese: the ledger's 从/到/空间/操作人, the
 * history's field names and values, a plan row's move (never "X → X" for a town that is unknown), and
 * the town filter matching part of a name. No field key, id or "null" reaches a text meant for people.
 */
import { describe, it, expect, beforeAll } from 'vitest';
import { createTestApp } from '../helpers/app.js';

const t = createTestApp();
const ids: Record<string, string> = {};
const ID = /\b(ld|pl|rt|jx|xs)-[\w-]+/;
const ENGLISH_KEY = /\b[a-z]+[A-Z][A-Za-z0-9]*\b/; // floorAreaM2, sourceTown, parkId …
const bad = (s: string) => ID.test(s) || ENGLISH_KEY.test(s) || /\bnull\b|\bundefined\b/.test(s);

async function create(body: Record<string, unknown>): Promise<string> {
  const r = await t.post('/api/leads', body);
  expect(r.status).toBe(201);
  return r.body.id;
}

beforeAll(async () => {
  ids.endo = await create({ name: '内窥镜项目', summary: '研发生产内窥镜，需要3000平方米厂房', floorAreaM2: 3000, sourceTown: '东栅街道' });
  ids.mat = await create({ name: '新材料项目', summary: '新材料项目，用地50亩，投资3亿元', landMu: 50, investmentWan: 30000 });
  ids.owner = await create({ name: '负责人项目', summary: '智能家居项目，需要4000平米', floorAreaM2: 4000, sourceTown: '塘汇街道' });
  const plan = (await t.post('/api/routing/plan', {})).body;
  const assignments = plan.assignments
    .filter((a: any) => a.changed)
    .map((a: any) => ({ leadId: a.leadId, parkId: a.parkId, spaceId: a.spaceId }));
  expect((await t.post('/api/routing/commit', { planId: plan.planId, assignments })).status).toBe(200);
  expect((await t.post(`/api/routing/${ids.endo}/reject`, { reason: '园区反馈该层已意向他人' })).status).toBe(200);
  const patched = await t.json(`/api/leads/${ids.owner}`, {
    method: 'PATCH',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ floorAreaM2: 4500, owner: '张三', stage: '在谈' }),
  });
  expect(patched.status).toBe(200);
});

describe('the ledger and history in Chinese', () => {
  it('ledger rows name the park, the unit and the person; reasons carry no ids', async () => {
    const { body } = await t.json(`/api/leads/${ids.endo}`);
    expect(body.ledger.length).toBe(2);
    for (const r of body.ledger) {
      for (const s of [r.fromLabel, r.toLabel, r.spaceLabel, r.actorName, ...r.reasons]) expect(bad(s), s).toBe(false);
      expect(r.actorName).toBe('系统管理员');
    }
    const committed = body.ledger[0];
    expect(committed.fromLabel).toBe('东栅街道（首谈地）');
    expect(committed.spaceLabel).toMatch(/\d+层 [\d,]+㎡/);
    expect(body.ledger[1].reasons.join()).toContain('园区反馈该层已意向他人');
  });

  it('history changes use the column names, units and （空）, never keys or null', async () => {
    const { body } = await t.json(`/api/leads/${ids.owner}`);
    for (const h of body.history) {
      expect(h.actorName).toBe('系统管理员');
      for (const c of h.changes) for (const s of [c.label, c.from, c.to]) expect(bad(s), s).toBe(false);
    }
    const last = body.history.at(-1).changes;
    expect(last).toEqual(
      expect.arrayContaining([
        { label: '面积需求(平方米)', from: '4,000㎡', to: '4,500㎡' },
        { label: '负责人', from: '（空）', to: '张三' },
        { label: '阶段', from: '线索', to: '在谈' },
      ]),
    );
    const placed = (await t.json(`/api/leads/${ids.mat}`)).body.history.find((h: any) => h.change.parkId);
    const park = placed.changes.find((c: any) => c.label === '落位园区');
    expect(park.from).toBe('（空）');
    expect(bad(park.to)).toBe(false);
  });

  it('the board shows the unit by name', async () => {
    const { body } = await t.json('/api/leads?limit=50');
    const mat = body.items.find((l: any) => l.id === ids.mat);
    expect(mat.placement.spaceLabel).toMatch(/亩/);
    expect(bad(mat.placement.spaceLabel)).toBe(false);
  });
});

describe('a plan row says what moves', () => {
  it('a lead without a town into a park whose town is unknown says the town is unknown once', async () => {
    await create({ name: '无镇街项目', summary: '新材料项目，用地30亩', landMu: 30 });
    const plan = (await t.post('/api/routing/plan', {})).body;
    for (const a of plan.assignments) {
      expect(a.move).toBeTruthy();
      expect(bad(a.move), a.move).toBe(false);
      expect(bad(a.spaceLabel), a.spaceLabel).toBe(false);
      const arrow = a.move.match(/(\S+) → (\S+?)[，；]?/);
      if (arrow) expect(arrow[1]).not.toBe(arrow[2]);
      expect((a.move.match(/待核实/g) ?? []).length).toBeLessThanOrEqual(1);
    }
    const none = plan.assignments.find((a: any) => a.leadName === '无镇街项目');
    expect(none.move).toContain('报送镇街未填');
  });
});

describe('GET /api/leads?town=', () => {
  it('matches part of the town name', async () => {
    const part = (await t.json(`/api/leads?town=${encodeURIComponent('东栅')}`)).body;
    expect(part.items.map((l: any) => l.name)).toEqual(['内窥镜项目']);
    const whole = (await t.json(`/api/leads?town=${encodeURIComponent('东栅街道')}`)).body;
    expect(whole.total).toBe(1);
    expect((await t.json(`/api/leads?town=${encodeURIComponent('塘汇')}`)).body.items.map((l: any) => l.name)).toEqual(['负责人项目']);
  });
});
