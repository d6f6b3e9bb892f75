/** The honest answer (server/domain/verdict.ts, API.md v2 "Honest answers"). */
import { describe, expect, it } from 'vitest';
import { demoKb } from '../helpers/app.js';
import { matchLead } from '../../server/domain/match.js';
import type { Lead } from '../../server/domain/lead.schema.js';
import { VERDICT } from '../../server/domain/scoring.constants.js';
import { verdictOf } from '../../server/domain/verdict.js';

const kb = demoKb();
const judge = (lead: Lead) => {
  const o = matchLead(lead, kb.k, { limit: 10, guessIndustries: kb.guessIndustries });
  const all = matchLead(lead, kb.k, { limit: 3, includeExcluded: true, guessIndustries: kb.guessIndustries });
  return {
    o,
    ...verdictOf(
      o,
      kb.k,
      all.results.filter((r) => r.excluded),
    ),
  };
};

describe('verdict', () => {
  it('a report of several projects signed at once is unknownIndustry naming why; one project in two phases is read as usual', () => {
    for (const summary of [
      '开发区举行项目推进会，会上8个重大项目集中签约，总投资超50亿元，涵盖新一代信息技术、生命健康、高端装备等产业方向',
      '本次活动共签约项目12个，总投资86亿元，涉及新能源汽车零部件、集成电路、生物医药等领域',
    ]) {
      const { o, verdict, nearMisses } = judge({ summary });
      expect(verdict.kind, summary).toBe('unknownIndustry');
      expect(verdict.text, summary).toContain('多个项目');
      expect(o.features.industries, summary).toEqual([]);
      expect(nearMisses).toEqual([]);
    }
    const one = judge({ summary: '公司分两期建设医疗器械生产基地，一期生产监护仪，需要3000平方米厂房' });
    expect(one.o.features.severalProjects).toBeUndefined();
    expect(one.verdict.kind).not.toBe('unknownIndustry');
  });

  it('a greeting or a visit without a product is unknownIndustry: no park is recommended, the text asks what it makes', () => {
    for (const summary of ['你好', '有个客户下周想来考察一下，投资大概一个亿', '明天上午签约仪式，总投资5亿元，股份有限公司']) {
      const { verdict } = judge({ summary });
      expect(verdict.kind, summary).toBe('unknownIndustry');
      expect(verdict.parkId, summary).toBeNull();
      expect(verdict.text, summary).toContain('主要产品');
    }
  });

  it('a reading only a text-search guess supports is not a recommendation', () => {
    const { o, verdict } = judge({ summary: '考察客户，投资一个亿' });
    expect(o.features.industries.every((i) => i.via.startsWith('文本检索'))).toBe(true);
    expect(verdict.kind).toBe('unknownIndustry');
  });

  it('every park excluded is noFit, with the closest parks and the rule that blocks each, citing its source', () => {
    const { verdict, nearMisses } = judge({ summary: '电镀加工，镀锌镀铬' });
    expect(verdict.kind).toBe('noFit');
    expect(verdict.text).toContain('电镀');
    expect(nearMisses.length).toBe(VERDICT.nearMisses);
    for (const m of nearMisses) expect(m.blockers.some((b) => b.kind === 'rule' && b.text.includes('电镀') && b.change !== '')).toBe(true);
  });

  it('eligible parks that do not reach the minimum are noFit too (an unrelated industry is not a fit)', () => {
    const { o, verdict, nearMisses } = judge({ summary: '原料药生产' });
    expect(o.results[0]!.score).toBeLessThan(VERDICT.minScore);
    expect(verdict.kind).toBe('noFit');
    expect(nearMisses[0]!.blockers.map((b) => b.kind)).toContain('industry');
  });

  it('the right industry without the space asked for is never a fit: each near miss names its largest unit and what would have to change', () => {
    const { o, verdict, nearMisses } = judge({ summary: '智能家居项目，需要20000平米厂房' });
    // no factory unit holds 20,000㎡: the space cap keeps every park from fitting (SPACE.scoreCap*); a development
    // zone with land to build on (可自建, an alternative) may still be worth considering, below the fit score
    expect(verdict.kind).not.toBe('fit');
    expect(['weak', 'noFit']).toContain(verdict.kind);
    expect(o.results[0]!.flags.map((f) => f.code)).toContain('space-cap');
    expect(nearMisses.length).toBeGreaterThan(0);
    for (const m of nearMisses) {
      const r = o.results.find((x) => x.park.park.id === m.parkId)!;
      const space = m.blockers.find((b) => b.kind === 'space');
      expect(space?.text, m.parkName).toMatch(/需求 20,000㎡ 超过园区任何可用单元（最大 [\d,]+㎡）/);
      const largest = Math.max(...r.park.spaces.filter((s) => s.kind !== 'land').map((s) => s.areaM2));
      expect(space?.change, m.parkName).toContain(`面积降至 ${largest.toLocaleString('en-US')}㎡ 以内`);
    }
  });

  it('a need a little larger than the best park\'s largest unit is said: weak, never "有满足需求的空间"', () => {
    const { o, verdict } = judge({ summary: '智能家居项目，需要厂房8000平方米' });
    const top = o.results[0]!;
    const largest = Math.max(...top.park.spaces.filter((s) => s.kind !== 'land' && s.status === 'vacant').map((s) => s.areaM2));
    expect(largest).toBeLessThan(8000);
    expect(verdict.kind).toBe('weak');
    expect(verdict.text).not.toContain('有满足需求的空间');
    expect(verdict.text).toContain(`最大 ${largest.toLocaleString('en-US')}㎡`);
  });

  it('a weak answer whose best space is only of another kind says so in the sentence (可自建 on land), not only in the card', () => {
    const { o, verdict } = judge({ summary: '新材料项目，需要单层厂房10000平方米，层高10米，荷载3吨' });
    const space = o.results[0]!.factors.find((f) => f.key === 'space')!;
    const alt = space.reasons.find((r) => r.code === 'space.kindMismatch');
    expect(alt?.params.alt).toBe('可自建');
    expect(verdict.kind).toBe('weak');
    expect(verdict.text).toContain('仅能作备选');
    expect(verdict.text).toContain('可自建');
    expect(verdict.text).toContain('需要的是厂房');
  });

  it('a class read from the lead that no park is positioned for is noFit naming the class, not a guess', () => {
    // (the context model does not settle a positioning for so short a text: 有机硅密封胶生产，年产2万吨 it reads as 新材料)
    const { o, verdict, nearMisses } = judge({ summary: '有机硅密封胶' });
    expect(o.features.codes).toContain('2646');
    expect(o.features.industries.filter((i) => i.via.startsWith('文本检索'))).toEqual([]);
    expect(verdict.kind).toBe('noFit');
    expect(verdict.text).toContain('2646');
    expect(nearMisses[0]!.blockers.map((b) => b.kind)).toContain('industry');
  });

  it('a product word, a fitting park and the space asked for is fit, naming the park', () => {
    const { o, verdict, nearMisses } = judge({ summary: '研发生产医用内窥镜，需要厂房2000平方米' });
    expect(verdict).toMatchObject({ kind: 'fit', parkId: o.results[0]!.park.park.id });
    expect(verdict.text).toContain(o.results[0]!.park.park.name);
    // the sentence names the unit proposed (the card's first space) and the review level, marked when it is only 参照
    const s = o.results[0]!.spaces[0]!.space;
    expect(verdict.text).toContain(`建议空间：${s.building} ${s.floor}层 ${s.areaM2.toLocaleString('en-US')}㎡`);
    const level = o.results[0]!.flags.find((f) => f.code === 'review-level');
    expect(level).toBeDefined();
    expect(verdict.text).toContain(`审批层级：${String(level!.reason.params.level)}`);
    if (level!.provenance === '参照') expect(verdict.text).toContain('未采纳');
    expect(nearMisses).toEqual([]);
    // without an area or land need no unit is proposed: the kind alone does not size one
    const unsized = judge({ summary: '研发生产医用内窥镜，需要厂房' });
    expect(unsized.verdict.kind).toBe('fit');
    expect(unsized.verdict.text).not.toContain('建议空间');
  });
});
