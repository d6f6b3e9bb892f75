/**
 * Bad input never crashes the reading, and generic words never make a recommendation (properties over
 * generated text: any Unicode up to 2,000 characters; news boilerplate, places, figures, emoji, English).
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { demoKb } from '../helpers/app.js';
import { matchLead } from '../../server/domain/match.js';
import { verdictOf } from '../../server/domain/verdict.js';

const kb = demoKb();
const judge = (summary: string) => {
  const o = matchLead({ summary }, kb.k, { limit: 5, guessIndustries: kb.guessIndustries });
  return { o, ...verdictOf(o, kb.k) };
};

/** Words that never say what a project makes (DESIGN.md §4a 5): boilerplate of signing news and chat. */
const GENERIC = [
  '总投资',
  '项目',
  '公司',
  '集团',
  '股份有限公司',
  '签约',
  '落户',
  '举行',
  '仪式',
  '考察',
  '客户',
  '下周',
  '投资大概',
  '一个亿',
  '亿元',
  '万元',
  '嘉兴',
  '秀洲',
  '南湖',
  '萧山',
  '开发区',
  '重大',
  '推进会',
  '明天上午',
  '签约仪式',
  '区长',
  '出席',
  '致辞',
  '😀',
  '🚀',
  'hello',
  'meeting',
  '２０２６年',
  '１２月',
  '，',
  '。',
  ' ',
];

describe('reading arbitrary text', () => {
  it('never throws and always answers with a verdict (any Unicode, up to 2,000 characters)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 2000 }), (s) => {
        const { o, verdict } = judge(s);
        expect(['fit', 'weak', 'noFit', 'unknownIndustry']).toContain(verdict.kind);
        for (const i of o.features.industries) expect(i.strength).toBeGreaterThan(0);
        for (const i of o.features.industries) expect(i.strength).toBeLessThanOrEqual(1);
      }),
      { numRuns: 60 },
    );
  });

  it('generic words, places, figures and emoji never recommend a park', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...GENERIC), { minLength: 1, maxLength: 40 }), (words) => {
        const { verdict } = judge(words.join(''));
        expect(verdict.kind, words.join('')).toBe('unknownIndustry');
        expect(verdict.parkId).toBeNull();
      }),
      { numRuns: 150 },
    );
  });
});
