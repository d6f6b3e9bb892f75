/** The plan's behaviour on hand-picked cases: who wins a scarce unit, what a lead is told, review levels. */
import { describe, it, expect } from 'vitest';
import { buildPlan } from '../../server/domain/routing/plan.js';
import { renderRoutingReason } from '../../server/domain/routing/routing.reasons.js';
import { deriveReviewLevel } from '../../server/domain/routing/review-level.js';
import { decide } from '../../server/domain/routing/ledger.js';
import { understandLead } from '../../server/domain/lead.features.js';
import { compileKnowledge } from '../../server/domain/knowledge.js';
import type { PlanLead } from '../../server/domain/routing/plan.types.js';
import type { Lead } from '../../server/domain/lead.schema.js';
import { demoKb, demoSeed } from '../helpers/app.js';

const kb = demoKb();
const k = kb.k;
const opts = { guessIndustries: kb.guessIndustries };
let n = 0;
const lead = (l: Lead, extra: Partial<PlanLead> = {}): PlanLead => ({
  id: `T${String(n++).padStart(3, '0')}`,
  lead: l,
  stage: '线索',
  reportedAt: `2025-01-01T00:00:${String(n).padStart(2, '0')}Z`,
  ...extra,
});
const text = (p: ReturnType<typeof buildPlan>, id: string) => {
  const a = p.assignments.find((x) => x.leadId === id);
  return a ? a.reasons.map(renderRoutingReason).join('\n') : renderRoutingReason(p.unassigned.find((x) => x.leadId === id)!.reason);
};

describe('buildPlan', () => {
  it('places a medical-device lead in the 医疗器械 park with a unit that fits, and says why', () => {
    const l = lead({ name: '内窥镜', summary: '研发生产内窥镜，需要3000平方米厂房', sourceTown: '南湖高新区' });
    const p = buildPlan([l], k, opts);
    expect(p.assignments).toHaveLength(1);
    const a = p.assignments[0]!;
    expect(a.parkId).toBe('jx-weichuang');
    expect(a.space!.areaM2).toBeGreaterThanOrEqual(3000);
    expect(a.crossTown).toBe(false);
    expect(text(p, l.id)).toContain('匹配度最高');
    expect(text(p, l.id)).toContain('不跨镇流转');
    expect(a.reviewLevel?.level).toBe('镇审');
  });

  it('leaves a banned lead unassigned and names the rule that holds everywhere, with its source', () => {
    const l = lead({ summary: '五金件电镀加工，需要2000平方米厂房' });
    const p = buildPlan([l], k, opts);
    expect(p.assignments).toHaveLength(0);
    const u = p.unassigned[0]!;
    expect(u.code).toBe('banned');
    expect(u.rules[0]).toMatchObject({ ruleId: 'nat-electroplating-zone', name: '电镀须进入电镀集中区' });
    expect(u.rules[0]!.source).toContain('电镀');
    expect(text(p, l.id)).toMatch(/^所有园区均不予准入：电镀须进入电镀集中区/);
  });

  it('does not ban a lead that says it does not do the banned process', () => {
    const p = buildPlan([lead({ summary: '精密零部件加工，本项目不涉及电镀，需要2000平方米厂房' })], k, opts);
    expect(p.assignments).toHaveLength(1);
  });

  it('gives a scarce unit to the lead the district gains most from, not the first to ask, and tells the other who took it', () => {
    // only one 医疗器械 unit left; the first lead would also do well elsewhere, the second would not
    const seed = demoSeed();
    const scarce = compileKnowledge({
      ...seed,
      spaces: seed.spaces.filter((s) => s.id === 'jx-weichuang-b1-f8' || !s.parkId.startsWith('jx-weichuang')),
    });
    const first = lead({ name: '先到的监护仪项目', summary: '监护仪生产，需要3500平方米厂房', sourceTown: '南湖高新区' });
    const second = lead({ name: '后到的内窥镜项目', summary: '研发生产内窥镜，需要3600平方米厂房', sourceTown: '南湖高新区' });
    const p = buildPlan([first, second], scarce, opts);
    expect(p.totalScore).toBeGreaterThanOrEqual(p.baseline.totalScore);
    const units = p.assignments.map((a) => a.spaceId);
    expect(new Set(units).size).toBe(units.length);
    expect(p.assignments).toHaveLength(2);
    const loser = p.assignments.find((a) => a.spaceId !== 'jx-weichuang-b1-f8')!;
    expect(text(p, loser.leadId)).toMatch(
      /首选「亚太路科创工业社区（微创产业园）」.*已安排给「(先到的监护仪项目|后到的内窥镜项目)」，全区统筹后安排在此/,
    );
    expect(p.conflicts.some((c) => c.spaceId === 'jx-weichuang-b1-f8' && c.wantedBy.length === 2)).toBe(true);
  });

  it('beats first come, first served when the first lead would take the unit another needs more', () => {
    const seed = demoSeed();
    // two factory units: a big ground floor (7,630㎡) and a smaller upper floor (3,640㎡); the early lead (4,500㎡)
    // fits both and prefers the big one, the late one (6,500㎡, ground floor only) fits only the big one
    const two = compileKnowledge({
      ...seed,
      spaces: seed.spaces.filter((s) => ['jx-weichuang-b1-f1', 'jx-weichuang-b1-f5'].includes(s.id)),
    });
    const early = lead({ name: '早', summary: '医疗器械生产，需要4500平方米厂房' });
    const late = lead({ name: '晚', summary: '医用导管生产，需要6500平方米厂房，只要一楼' });
    const p = buildPlan([early, late], two, opts);
    expect(p.assignments.map((a) => [a.leadId, a.spaceId])).toEqual(
      expect.arrayContaining([
        [early.id, 'jx-weichuang-b1-f5'],
        [late.id, 'jx-weichuang-b1-f1'],
      ]),
    );
    // first come, first served: the early lead takes the big floor and the late one gets nothing
    expect(p.baseline.assigned).toBe(1);
    expect(p.totalScore).toBeGreaterThan(p.baseline.totalScore);
  });

  it('prefers the reporting town between equally good destinations, and keeps the credit with it when the lead moves', () => {
    const l = lead({ summary: '研发生产内窥镜，需要3000平方米厂房', sourceTown: '东栅街道' });
    const p = buildPlan([l], k, opts);
    const a = p.assignments[0]!;
    expect(a.crossTown).toBe(true);
    expect(a.creditTown).toBe('东栅街道');
    expect(text(p, l.id)).toContain('由 东栅街道 流转至 南湖高新区；首谈地 东栅街道 保留招商业绩');
  });

  it('explains a lead no unit can serve', () => {
    const p = buildPlan([lead({ summary: '研发生产内窥镜，需要60万平方米厂房' })], k, opts);
    expect(p.unassigned[0]).toMatchObject({ code: 'noFittingSpace' });
    expect(text(p, p.unassigned[0]!.leadId)).toContain('没有满足需求');
  });

  it('names who took the units when a lead is out-competed', () => {
    const seed = demoSeed();
    const one = compileKnowledge({ ...seed, spaces: seed.spaces.filter((s) => s.id === 'jx-weichuang-b1-f8') });
    const a = lead({ name: '甲', summary: '研发生产内窥镜，需要3600平方米厂房' });
    const b = lead({ name: '乙', summary: '监护仪生产，需要3600平方米厂房' });
    const p = buildPlan([a, b], one, opts);
    expect(p.assignments).toHaveLength(1);
    const out = p.unassigned[0]!;
    expect(out.code).toBe('outcompeted');
    expect(text(p, out.leadId)).toContain(`已安排给匹配度更高的项目（${p.assignments[0]!.leadName}）`);
  });

  it('leaves out lost and building-stage leads, saying why', () => {
    const p = buildPlan([lead({ summary: '内窥镜' }, { stage: '流失' }), lead({ summary: '内窥镜' }, { stage: '在建' })], k, opts);
    expect(p.assignments).toHaveLength(0);
    expect(p.unassigned.map((u) => u.code)).toEqual(['notOpen', 'notOpen']);
  });

  it('recommends a park but holds no unit for a lead that states no space need', () => {
    const p = buildPlan([lead({ summary: '软件开发' })], k, opts);
    expect(p.assignments[0]).toMatchObject({ spaceId: null });
    expect(p.stats.competing).toBe(0);
  });

  it('keeps a lead in the unit it already holds when nothing better is free', () => {
    const held = demoSeed().spaces.find((s) => s.id === 'jx-weichuang-b1-f8')!;
    const seed = demoSeed();
    const without = compileKnowledge({ ...seed, spaces: seed.spaces.filter((s) => !s.parkId.startsWith('jx-weichuang')) });
    const l = lead({ summary: '研发生产内窥镜，需要3000平方米厂房' }, { current: { parkId: 'jx-weichuang', space: held } });
    const p = buildPlan([l], without, opts);
    expect(p.assignments[0]).toMatchObject({ parkId: 'jx-weichuang', spaceId: held.id, changed: false });
    expect(text(p, l.id)).toContain('保留该项目已预留的空间');
  });

  it('offers no destination below the requested minimum score, and says so', () => {
    const p = buildPlan([lead({ summary: '研发生产内窥镜，需要3000平方米厂房' }), lead({ summary: '软件开发' })], k, {
      ...opts,
      minScore: 99,
    });
    expect(p.assignments).toHaveLength(0);
    expect(p.unassigned.map((u) => u.code)).toEqual(['belowMinScore', 'belowMinScore']);
    expect(text(p, p.unassigned[0]!.leadId)).toContain('没有得分达到 99 分的去向');
  });

  it('honours the request districts', () => {
    const p = buildPlan([lead({ summary: '研发生产内窥镜，需要3000平方米厂房' })], k, { ...opts, districts: ['萧山区'] });
    expect(k.parkById.get(p.assignments[0]!.parkId)!.park.district).toBe('萧山区');
    const none = buildPlan([lead({ summary: '内窥镜，需要3000平方米' })], k, { ...opts, districts: ['不存在区'] });
    expect(none.unassigned[0]!.code).toBe('outOfScope');
  });
});

describe('review level (镇审/区审) from the rules in the data set', () => {
  const level = (l: Lead) => deriveReviewLevel(understandLead(l, k, opts), k)?.level ?? null;
  it('leased area below the threshold → 镇审; at or above → 区审', () => {
    expect(level({ summary: '内窥镜，租赁3000平方米厂房' })).toBe('镇审');
    expect(level({ summary: '内窥镜，租赁8000平方米厂房' })).toBe('区审');
  });
  it('new land → 区审 whatever the area; unknown area and investment → unknown', () => {
    expect(level({ summary: '内窥镜生产基地，新增用地30亩，自建厂房' })).toBe('区审');
    expect(level({ summary: '内窥镜' })).toBeNull();
  });
  it('names the rule and its source', () => {
    const r = deriveReviewLevel(understandLead({ summary: '内窥镜，租赁8000平方米厂房' }, k, opts), k)!;
    expect(r.source).toContain('嘉委发〔2017〕2号');
  });
});

describe('the ledger state machine', () => {
  it('accepts or rejects only what was proposed; withdraws a proposed or accepted routing', () => {
    expect(decide('proposed', 'accept')).toEqual({ status: 'accepted', releases: false });
    expect(decide('proposed', 'reject')).toEqual({ status: 'rejected', releases: true });
    expect(decide('accepted', 'withdraw')).toEqual({ status: 'withdrawn', releases: true });
    expect(decide('accepted', 'accept')).toBeNull();
    expect(decide('accepted', 'reject')).toBeNull();
    expect(decide('rejected', 'withdraw')).toBeNull();
    expect(decide(null, 'accept')).toBeNull();
  });
});
