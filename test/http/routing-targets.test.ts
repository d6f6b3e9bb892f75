/**
 * How a routing plan moves the policy targets (issue 18 item 3): POST /api/routing/plan answers, for
 * every target of the jurisdiction, the pipeline figure now and with the plan's placements landed —
 * computed by the same function as GET /api/targets, so committing the plan makes GET /api/targets
 * report exactly the figure the plan promised.
 */
import { describe, it, expect, afterAll } from 'vitest';
import { createTestApp } from '../helpers/app.js';
import { planPlacementsHere } from '../../server/pipeline/placements.js';
import { planTargets } from '../../server/pipeline/plan-targets.js';
import { SYSTEM_ACTOR } from '../../server/pipeline/authorise.js';

const t = createTestApp();
afterAll(async () => {
  await t.jobs.stop();
});

type PlanRow = {
  id: string;
  parkId: string | null;
  target: { kind: string; source: string };
  actual: number | null;
  pipelineBefore: number | null;
  withPlan: number | null;
  statusBefore: string;
  statusWithPlan: string;
  planned: { before: number; withPlan: number };
  moved: boolean;
};
type TargetRow = { id: string; actual: number; pipeline: number; status: string; basis: { landed: number; planned: number } };

async function lead(body: Record<string, unknown>): Promise<string> {
  const r = await t.post('/api/leads', body);
  expect(r.status).toBe(201);
  return r.body.id;
}
async function stage(leadId: string, to: string) {
  const r = await t.json(`/api/leads/${leadId}`, {
    method: 'PATCH',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ stage: to }),
  });
  expect(r.status, JSON.stringify(r.body)).toBe(200);
}
const targets = async (cookie = t.cookie) =>
  new Map((await t.as(cookie).json<{ items: TargetRow[] }>('/api/targets')).body.items.map((r) => [r.id, r]));

describe('the routing plan and the policy targets', () => {
  it('a lead of the leading industry planned into a 南湖 都市型工业社区 raises its share; committing it makes /api/targets say the same', async () => {
    const id = await lead({ name: '内窥镜', summary: '研发生产内窥镜，需要3000平方米厂房', floorAreaM2: 3000, sourceTown: '南湖高新区' });
    const before = await targets();
    const plan = await t.post('/api/routing/plan', { leadIds: [id] });
    expect(plan.status).toBe(200);
    expect(plan.body.assignments[0]).toMatchObject({ leadId: id, parkId: 'jx-weichuang' });
    const rows = plan.body.targets as PlanRow[];
    const firms = rows.find((r) => r.id === 'nh-leading-share-firms:jx-weichuang')!;
    const area = rows.find((r) => r.id === 'nh-leading-share-area:jx-weichuang')!;
    for (const r of [firms, area]) {
      expect(r.target.source).toContain('南政发〔2025〕1号');
      expect(r.moved).toBe(true);
      expect(r.pipelineBefore).toBeCloseTo(before.get(r.id)!.pipeline, 4);
      expect(r.actual).toBeCloseTo(before.get(r.id)!.actual, 4);
      expect(r.withPlan!).toBeGreaterThan(r.pipelineBefore!);
      expect(r.planned).toEqual({ before: 0, withPlan: 1 });
    }
    // one more related firm: (n + 1) / (d + 1)
    const landed = before.get(firms.id)!.basis.landed;
    expect(firms.withPlan).toBeCloseTo((firms.pipelineBefore! * landed + 1) / (landed + 1), 4);
    // the rows the plan moves come first; rows of other parks do not move
    const order = rows.map((r) => r.moved);
    expect(order).toEqual([...order].sort((a, b) => Number(b) - Number(a)));
    expect(order).toContain(false);
    const other = rows.find((r) => r.id === 'nh-leading-share-firms:jx-1921')!;
    expect(other.moved).toBe(false);
    expect(other.withPlan).toBe(other.pipelineBefore);

    const assignments = plan.body.assignments.map((a: { leadId: string; parkId: string; spaceId: string | null }) => ({
      leadId: a.leadId,
      parkId: a.parkId,
      spaceId: a.spaceId,
    }));
    const c = await t.post('/api/routing/commit', { planId: plan.body.planId, assignments });
    expect(c.status).toBe(200);
    const after = await targets();
    expect(after.get(firms.id)!.pipeline).toBeCloseTo(firms.withPlan!, 4);
    expect(after.get(area.id)!.pipeline).toBeCloseTo(area.withPlan!, 4);
    expect(after.get(firms.id)!.status).toBe(firms.statusWithPlan);
  });

  it('a lead of another industry placed in that park lowers the share (the same computation over the plan)', async () => {
    const id = await lead({
      name: '新材料',
      summary: '新材料研发生产，需要1000平方米',
      industries: ['新材料'],
      floorAreaM2: 1000,
      sourceTown: '南湖高新区',
    });
    const here = planPlacementsHere(t.deps, { leadIds: [id] }, 'leadIds', { actor: SYSTEM_ACTOR });
    const a = here.plan.assignments.find((x) => x.leadId === id);
    expect(a).toBeDefined();
    // the plan as if it placed the lead in 微创产业园 (a unit of 1000 ㎡)
    const plan = { ...here.plan, assignments: [{ ...a!, parkId: 'jx-weichuang', space: a!.space && { ...a!.space, areaM2: 1000 } }] };
    const rows = planTargets(t.deps, { actor: SYSTEM_ACTOR }, plan);
    for (const key of ['nh-leading-share-firms:jx-weichuang', 'nh-leading-share-area:jx-weichuang']) {
      const r = rows.find((x) => x.id === key)!;
      expect(r.moved).toBe(true);
      expect(r.withPlan!).toBeLessThan(r.pipelineBefore!);
    }
    // where the plan really puts it (another park): 微创产业园's share stays
    const real = planTargets(t.deps, { actor: SYSTEM_ACTOR }, here.plan).find((x) => x.id === 'nh-leading-share-firms:jx-weichuang')!;
    if (a!.parkId !== 'jx-weichuang') expect(real.withPlan).toBe(real.pipelineBefore);
  });

  it('萧山 “5个80%”: a project planned into a 4286 carrier raises the carriers’ share of new projects', async () => {
    const xs = t.userCookie({ username: 'rt-admin-xs', role: 'admin', jurisdictionId: 'xiaoshan' });
    // a landed project outside every carrier, so the share is below 100 %
    const outside = await lead({
      summary: '汽车零部件生产，用地30亩',
      sourceTown: '萧山经济技术开发区',
      stage: '在建',
      landMu: 30,
      investmentWan: 6000,
    });
    await stage(outside, '投产');
    const id = await t.as(xs).post('/api/leads', {
      name: '机器人减速器',
      summary: '工业机器人减速器生产，用地50亩',
      industries: ['机器人'],
      sourceTown: '萧山经济技术开发区',
      landMu: 50,
      investmentWan: 20000,
    });
    expect(id.status).toBe(201);
    const before = await targets(xs);
    const plan = await t.as(xs).post('/api/routing/plan', { leadIds: [id.body.id] });
    expect(plan.status).toBe(200);
    const parkId = plan.body.assignments[0].parkId as string;
    const park = (await t.json(`/api/parks/${parkId}`)).body;
    expect(park.program).toBe('4286');
    const rows = plan.body.targets as PlanRow[];
    expect(rows.every((r) => r.id.startsWith('xs-'))).toBe(true);
    const projects = rows.find((r) => r.id === 'xs-5x80-projects')!;
    const b = before.get('xs-5x80-projects')!;
    expect(projects.target.source).toContain('4286');
    expect(projects.pipelineBefore).toBeCloseTo(b.pipeline, 4);
    const n = b.basis.landed + b.basis.planned;
    expect(projects.withPlan).toBeCloseTo((b.pipeline * n + 1) / (n + 1), 4);
    expect(projects.withPlan!).toBeGreaterThan(projects.pipelineBefore!);
    const land = rows.find((r) => r.id === 'xs-5x80-land')!;
    expect(land.withPlan!).toBeGreaterThan(land.pipelineBefore!);
    // the industrial value added is not in the project library: no figure, before or after
    const va = rows.find((r) => r.target.kind === 'carrierShareValueAdded')!;
    expect([va.withPlan, va.statusWithPlan]).toEqual([null, 'noData']);
  });
});
