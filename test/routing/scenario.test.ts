/**
 * "Done when", tried as a new user would: a dozen leads competing for the same scarce units (eight
 * medical-device projects for the 医疗器械 park 微创产业园, which has six units; an 电镀 project among
 * them), planned, committed, and checked: every lead placed or explained, no unit twice, the banned one
 * unassigned with its rule, the plan at least as good as first come first served, the ledger written.
 */
import { describe, it, expect } from 'vitest';
import { createTestApp } from '../helpers/app.js';

const t = createTestApp();

const LEADS = [
  { name: '内窥镜项目', summary: '研发生产内窥镜，需要3000平方米厂房', sourceTown: '南湖高新区' },
  { name: '监护仪项目', summary: '监护仪生产，需要3500平方米厂房', sourceTown: '东栅街道' },
  { name: '骨科植入物项目', summary: '骨科植入物研发生产，需3600平方米厂房', sourceTown: '南湖高新区' },
  { name: '呼吸机项目', summary: '呼吸机生产线，需要1800平方米厂房', sourceTown: '新嘉街道' },
  { name: '体外诊断项目', summary: '体外诊断试剂研发，需要1700平方米研发楼', sourceTown: '南湖高新区' },
  { name: '手术机器人项目', summary: '手术机器人研发，需要3700平方米', sourceTown: '东栅街道' },
  { name: '医用导管项目', summary: '医用导管生产，需要6500平方米厂房，只要一楼', sourceTown: '南湖高新区' },
  { name: '超声设备项目', summary: '超声诊断设备研发制造，需要3600平方米厂房', sourceTown: '湘家荡' },
  { name: '器械外壳电镀项目', summary: '医疗器械外壳电镀加工，需要2000平方米厂房', sourceTown: '南湖高新区' },
  { name: '压力传感器项目', summary: '压力传感器研发生产，需要2500平方米厂房', sourceTown: '长水街道' },
  { name: '服装设计项目', summary: '服装设计及时尚品牌运营，需要1200平方米办公', sourceTown: '嘉北街道' },
  { name: '软件项目', summary: '软件开发', sourceTown: '东栅街道' },
];

describe('a dozen leads competing for the 医疗器械 park', () => {
  it('plans, commits and records every lead placed or explained, no unit twice, the banned one with its rule', async () => {
    const ids: string[] = [];
    for (const l of LEADS) {
      const r = await t.post('/api/leads', { ...l, owner: '招商一部' });
      expect(r.status).toBe(201);
      ids.push(r.body.id);
    }
    const byName = (name: string) => ids[LEADS.findIndex((l) => l.name === name)]!;

    // plan: nothing written
    const plan = await t.post('/api/routing/plan', { leadIds: ids });
    expect(plan.status).toBe(200);
    const { assignments, unassigned } = plan.body;
    expect([...assignments, ...unassigned].map((x: any) => x.leadId).sort()).toEqual([...ids].sort());
    for (const u of unassigned) expect(u.reason).toMatch(/\S/);
    const units = assignments.filter((a: any) => a.spaceId).map((a: any) => a.spaceId);
    expect(new Set(units).size).toBe(units.length);
    expect(plan.body.totalScore).toBeGreaterThanOrEqual(plan.body.greedyTotal);

    // the banned one, with its rule and source
    const plating = unassigned.find((u: any) => u.leadId === byName('器械外壳电镀项目'));
    expect(plating).toMatchObject({ code: 'banned', reason: expect.stringContaining('电镀须进入电镀集中区') });
    expect(plating.rules[0].source).toMatch(/电镀|名录/);

    // the 医疗器械 park fills with medical-device projects, each unit once; the rest go elsewhere with reasons
    const medical = LEADS.slice(0, 8).map((l) => byName(l.name));
    const inPark = assignments.filter((a: any) => a.parkId === 'jx-weichuang');
    expect(inPark.length).toBeGreaterThanOrEqual(5);
    for (const a of inPark) expect(medical).toContain(a.leadId);
    for (const a of assignments.filter((x: any) => medical.includes(x.leadId) && x.parkId !== 'jx-weichuang')) {
      expect(a.reasons.join('')).toContain('首选「亚太路科创工业社区（微创产业园）」');
    }
    expect(plan.body.conflicts.length).toBeGreaterThan(0);
    const software = assignments.find((a: any) => a.leadId === byName('软件项目'));
    expect(software).toMatchObject({ spaceId: null });

    // commit exactly what was reviewed
    const commit = await t.post('/api/routing/commit', {
      actor: '区招商中心',
      planId: plan.body.planId,
      assignments: assignments.map((a: any) => ({ leadId: a.leadId, parkId: a.parkId, spaceId: a.spaceId })),
    });
    expect(commit.status).toBe(200);
    expect(commit.body.committed).toHaveLength(assignments.length);

    // every placed lead has its ledger row, with the credit town; each unit is reserved for its lead only
    for (const a of assignments) {
      const d = (await t.json(`/api/leads/${a.leadId}`)).body;
      expect(d.placement).toMatchObject({ parkId: a.parkId, spaceId: a.spaceId, status: 'proposed' });
      expect(d.ledger).toHaveLength(1);
      expect(d.ledger[0]).toMatchObject({
        toParkId: a.parkId,
        spaceId: a.spaceId,
        creditTown: LEADS[ids.indexOf(a.leadId)]!.sourceTown,
        planId: plan.body.planId,
      });
    }
    const park = (await t.json('/api/parks/jx-weichuang')).body;
    const reserved = park.spaces.filter((s: any) => s.status === 'reserved').map((s: any) => s.id);
    expect(reserved.sort()).toEqual(
      inPark
        .map((a: any) => a.spaceId)
        .filter(Boolean)
        .sort(),
    );

    // a late medical project no longer gets a unit someone holds
    const late = (await t.post('/api/leads', { name: '迟到的监护仪项目', summary: '监护仪生产，需要3000平方米厂房' })).body.id;
    const again = await t.post('/api/routing/plan', {});
    const all = again.body.assignments;
    const allUnits = all.filter((a: any) => a.spaceId).map((a: any) => a.spaceId);
    expect(new Set(allUnits).size).toBe(allUnits.length);
    for (const a of all.filter((x: any) => ids.includes(x.leadId))) expect(a.changed, JSON.stringify(a)).toBe(false);
    // it is planned (not dropped), onto a unit, and that unit is none of the six reserved ones
    const lateA = all.find((a: any) => a.leadId === late);
    expect(lateA, `the late lead is missing from the plan: ${JSON.stringify(again.body.unassigned)}`).toBeDefined();
    expect(lateA.spaceId, JSON.stringify(lateA)).toEqual(expect.any(String));
    expect(reserved).not.toContain(lateA.spaceId);
  });
});
