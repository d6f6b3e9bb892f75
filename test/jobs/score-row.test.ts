import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import type { Lead } from '../../server/domain/lead.schema.js';
import { compileKnowledge } from '../../server/domain/knowledge.js';
import { matchLead } from '../../server/domain/match.js';
import { createIndustryGuesser } from '../../server/search/taxonomy.index.js';
import { createScorer, resultCells, RESULT_HEADERS } from '../../server/jobs/score-row.js';
import { scaleParks, syntheticLeads } from '../../scripts/synthetic.js';
import { demoSeed } from '../helpers/app.js';
import { renderReason } from '../../server/domain/reasons.js';

const seed = demoSeed();

function setup(parks: number) {
  const k = compileKnowledge(parks === seed.parks.length ? seed : scaleParks(seed, parks));
  const guess = createIndustryGuesser(k);
  return { k, guess, scorer: createScorer(k, guess) };
}

describe('bulk row scoring', () => {
  it.each([40, 600])('shows exactly the parks and scores POST /api/match shows (top 4), at %i parks', (n) => {
    const { k, guess, scorer } = setup(n);
    const leads = [
      ...syntheticLeads(seed, n === 40 ? 400 : 250, 5),
      { summary: '本项目不涉及铸造，精密零部件加工', investmentWan: 12000 },
      { summary: '一些说不清的业务' },
      { industries: ['医疗器械'], preferredDistricts: ['南湖区'] },
      { summary: '做传感器', districts: ['萧山区'] },
      { summary: '五金件电镀加工' },
    ];
    for (const lead of leads) {
      const r = scorer.score(lead);
      const want = matchLead(lead, k, { limit: 4, guessIndustries: guess }).results.map((x) => `${x.park.park.id}:${x.score}`);
      expect(
        [r.best, ...r.alternatives].flatMap((x) => (x ? [`${x.parkId}:${x.score}`] : [])),
        JSON.stringify(lead),
      ).toEqual(want);
    }
  });

  it('sums up exactly the exclusions, per rule and park count, that explaining every park gives (property)', () => {
    const { k, guess, scorer } = setup(600);
    const words = ['含电镀工序', '不涉及铸造', '有铸造工序', '使用危化品', '印染', '原料药生产', '需要一楼', '喷涂'];
    const terms = seed.positionings.flatMap((p) => p.terms.slice(0, 2));
    const districts = [...new Set(seed.parks.map((p) => p.district))];
    const lead: fc.Arbitrary<Lead> = fc.record(
      {
        summary: fc.array(fc.constantFrom(...terms, ...words), { minLength: 1, maxLength: 3 }).map((xs) => xs.join('，')),
        investmentWan: fc.integer({ min: 0, max: 50_000 }),
        landMu: fc.integer({ min: 1, max: 200 }),
        districts: fc.subarray(districts, { minLength: 1, maxLength: 2 }),
        excludedDistricts: fc.subarray(districts, { minLength: 1, maxLength: 1 }),
      },
      { requiredKeys: ['summary'] },
    );
    fc.assert(
      fc.property(lead, (l) => {
        const r = scorer.score(l);
        const all = matchLead(l, k, { limit: 10_000, includeExcluded: true, guessIndustries: guess });
        const want = new Map<string, number>();
        for (const p of all.results)
          for (const e of p.exclusions)
            want.set(`${e.ruleId}|${renderReason(e.reason)}`, (want.get(`${e.ruleId}|${renderReason(e.reason)}`) ?? 0) + 1);
        expect(new Map(r.exclusions.map((e) => [`${e.ruleId}|${e.reason}`, e.parks]))).toEqual(want);
        expect([r.eligible, r.excluded]).toEqual([all.eligibleCount, all.excludedCount]);
      }),
      { numRuns: 150 },
    );
  });

  it('explains the best park and sums up why parks were ruled out', () => {
    const { scorer } = setup(40);
    const r = scorer.score({ summary: '研发生产内窥镜，需要3000平方米厂房' });
    expect(r.best?.parkName).toBe('亚太路科创工业社区（微创产业园）');
    expect(r.reasons[0]).toContain('医疗器械');
    expect(r.alternatives).toHaveLength(3);
    const plating = scorer.score({ summary: '五金件电镀加工' });
    expect(plating.best).toBeNull();
    expect(plating.excluded).toBe(40);
    expect(plating.exclusions.length).toBeGreaterThan(0);
    expect(plating.exclusions.reduce((s, e) => Math.max(s, e.parks), 0)).toBe(40);
  });

  it('packs a result into the five result columns', () => {
    const { scorer } = setup(40);
    const cells = resultCells(scorer.score({ summary: '研发生产内窥镜' }));
    expect(RESULT_HEADERS).toEqual(['推荐园区', '得分', '备选园区', '排除原因', '推荐理由']);
    expect(cells[0]).toBe('亚太路科创工业社区（微创产业园）');
    expect(typeof cells[1]).toBe('number');
    expect(String(cells[2]).split('；')).toHaveLength(3);
    expect(resultCells(scorer.score({ summary: '五金件电镀加工' })).slice(0, 2)).toEqual(['无符合准入条件的园区', null]);
  });
});
