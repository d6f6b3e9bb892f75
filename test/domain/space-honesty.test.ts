/** Space honesty (issue 16 item 2): alternatives are labelled and never fit, caps on far too small/large, 未定 parks never recommended. */
import { describe, expect, it } from 'vitest';
import { demoKb } from '../helpers/app.js';
import { knowledge, park, positioning, space } from '../helpers/builders.js';
import { matchLead } from '../../server/domain/match.js';
import { understandLead } from '../../server/domain/lead.features.js';
import { alternativeLabel, fitSpace, rankSpaces } from '../../server/domain/factors/space.factor.js';
import { renderReason } from '../../server/domain/reasons.js';
import { SPACE_KINDS } from '../../server/domain/space.schema.js';
import { VERDICT, UNDETERMINED_PARK } from '../../server/domain/scoring.constants.js';
import { verdictOf } from '../../server/domain/verdict.js';
import type { Lead } from '../../server/domain/lead.schema.js';

const kb = demoKb();
const text = (rs: { code: string; params: Record<string, string | number> }[]) => rs.map((r) => renderReason(r as never)).join('；');

describe('space honesty', () => {
  it('a unit of another kind than the need never fits at 0.5 or more, whatever its size (every unit of the demo parks)', () => {
    for (const kind of SPACE_KINDS) {
      const need = understandLead(
        { summary: '监护仪', spaceType: kind, ...(kind === 'land' ? { landMu: 20 } : { floorAreaM2: 3000 }) },
        kb.k,
      ).need;
      for (const cp of kb.k.parks)
        for (const s of cp.spaces) {
          if (s.kind === kind) continue;
          expect(fitSpace(s, need), `${kind} ← ${s.id}`).toBeLessThan(VERDICT.spaceFit);
        }
    }
  });

  it('a land parcel for a tall heavy single-storey factory is 可自建 and no fit; an R&D need in a factory is 可改造', () => {
    expect(alternativeLabel('factory', 'land')).toBe('可自建');
    expect(alternativeLabel('rnd', 'factory')).toBe('可改造');
    expect(alternativeLabel('land', 'factory')).toBe('可租赁');
    const k = knowledge({
      parks: [park({ id: 'pa', name: '甲园' })],
      spaces: [
        space({ id: 'l1', parkId: 'pa', kind: 'land', floor: 0, areaM2: 10_000, landMu: 15 }),
        space({ id: 'up', parkId: 'pa', floor: 4, areaM2: 12_000 }),
      ],
    });
    const heavy = understandLead(
      { summary: '重型装备', spaceType: 'factory', floorAreaM2: 5000, minClearHeightM: 12, minFloorLoadKnM2: 30, groundFloorOnly: true },
      k,
    ).need;
    const [best] = rankSpaces(k.parks[0]!, heavy, 2);
    expect(best!.fit).toBeLessThan(0.5);
    const land = rankSpaces(k.parks[0]!, heavy, 2).find((x) => x.space.kind === 'land')!;
    expect(text(land.reasons)).toContain('可自建');
    const rnd = understandLead({ summary: '研发中心', spaceType: 'rnd', floorAreaM2: 2000 }, k).need;
    const up = rankSpaces(k.parks[0]!, rnd, 2).find((x) => x.space.id === 'up')!;
    expect(up.fit).toBeLessThan(0.5);
    expect(text(up.reasons)).toContain('可改造');
  });

  it('land far beyond the park (139 亩 in a 25 亩 park) does not score high on industry alone, and says the need exceeds every parcel', () => {
    const k = knowledge({
      positionings: [positioning({ id: 'med', name: '医疗器械' })],
      parks: [park({ id: 'pb', name: '小园', leadingIndustries: ['医疗器械'], landAreaMu: 25 })],
      spaces: [space({ id: 'l2', parkId: 'pb', kind: 'land', floor: 0, areaM2: 16_667, landMu: 25 })],
    });
    const o = matchLead({ summary: '医疗器械产品生产', landMu: 139, investmentWan: 100_000 }, k);
    const r = o.results[0]!;
    expect(r.score).toBeLessThan(VERDICT.minScore);
    expect(r.flags.map((f) => f.code)).toContain('space-cap');
    const sp = r.factors.find((f) => f.key === 'space')!;
    expect(text(sp.reasons)).toContain('需求 139亩 超过园区任何可出让地块（最大 25亩）');
    const { verdict, nearMisses } = verdictOf(o, k);
    expect(verdict.kind).toBe('noFit');
    const b = nearMisses[0]!.blockers.find((x) => x.kind === 'space')!;
    expect(b.text).toContain('139亩');
    expect(b.change).toContain('用地降至 25 亩以内');
  });

  it('a 20,000㎡ warehouse need where the largest unit is far smaller says so in the reasons and the near misses', () => {
    const o = matchLead({ summary: '仓储物流，需要20000平方米仓库' }, kb.k, { limit: 3, guessIndustries: kb.guessIndustries });
    const { verdict, nearMisses } = verdictOf(o, kb.k);
    expect(verdict.kind).not.toBe('fit');
    for (const r of o.results)
      expect(text(r.factors.find((f) => f.key === 'space')!.reasons)).toMatch(/需求 20,000㎡ 超过园区任何可用单元|小于需求/);
    expect(nearMisses.flatMap((m) => m.blockers).some((b) => b.kind === 'space' && /面积降至 [\d,]+㎡ 以内/.test(b.change))).toBe(true);
  });

  it('a park of undecided industry (未定) never scores above its cap nor becomes the answer once the industry is known', () => {
    const undecided = kb.k.parks.filter((cp) => cp.leading.length === 0);
    expect(undecided.length).toBeGreaterThan(0);
    const leads: Lead[] = [
      { summary: '新材料项目，用地50亩，投资3亿元' },
      { summary: '汽车零部件，需要厂房5000平方米' },
      { summary: '私募基金管理' },
      { summary: '监护仪生产，需要3000平方米厂房' },
      { summary: '锂电池正极材料，用地30亩' },
    ];
    let best = 0;
    for (const lead of leads) {
      const o = matchLead(lead, kb.k, { limit: kb.k.parks.length, guessIndustries: kb.guessIndustries });
      for (const r of o.results)
        if (r.park.leading.length === 0) {
          expect(r.score, `${lead.summary} ${r.park.park.name}`).toBeLessThanOrEqual(UNDETERMINED_PARK.cap);
          expect(r.flags.map((f) => f.code)).toContain('undetermined-cap');
        }
      const { verdict } = verdictOf(o, kb.k);
      if (verdict.parkId) expect(kb.k.parkById.get(verdict.parkId)!.leading.length, lead.summary).toBeGreaterThan(0);
      // a park matching the lead's industry (fit ≥ industryFit) that can be recommended ranks before every 未定 park
      const firstUndecided = o.results.findIndex((r) => r.park.leading.length === 0);
      const matches = o.results.map((r, i) =>
        !r.excluded && r.score >= VERDICT.minScore && r.factors.find((f) => f.key === 'industry')!.score >= VERDICT.industryFit ? i : -1,
      );
      const lastMatch = Math.max(-1, ...matches);
      if (firstUndecided >= 0 && lastMatch >= 0) expect(lastMatch, lead.summary).toBeLessThan(firstUndecided);
      // the cap is for undecided parks only: a decided park is neither held at it nor flagged with it
      for (const r of o.results) if (r.park.leading.length > 0) expect(r.flags.map((f) => f.code)).not.toContain('undetermined-cap');
      best = Math.max(best, ...o.results.filter((r) => r.park.leading.length > 0).map((r) => r.score));
    }
    expect(best).toBeGreaterThan(UNDETERMINED_PARK.cap);
  });

  it('two needs in one sentence are both kept: the larger scored, the other reported per park', () => {
    const o = matchLead({ summary: '智能家居，需要2000平研发楼和4000平厂房' }, kb.k, { limit: 3, guessIndustries: kb.guessIndustries });
    expect(o.features.lead.needs).toEqual([
      { kind: 'rnd', areaM2: 2000 },
      { kind: 'factory', areaM2: 4000 },
    ]);
    expect(o.features.need).toMatchObject({ kind: 'factory', areaM2: 4000 });
    for (const r of o.results) expect(text(r.factors.find((f) => f.key === 'space')!.reasons)).toContain('另需研发楼 2,000㎡');
  });
});
