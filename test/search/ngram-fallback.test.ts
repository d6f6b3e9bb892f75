/** The fallback reading of a lead without a dictionary word: the n-gram classifier when it is sure, else a guess. */
import { describe, expect, it } from 'vitest';
import { demoKb } from '../helpers/app.js';
import { createIndustryGuesser } from '../../server/search/taxonomy.index.js';
import { understandLead } from '../../server/domain/lead.features.js';
import { INDUSTRY_STRENGTH, NGRAM } from '../../server/domain/scoring.constants.js';
import type { NgramClassifier } from '../../server/text/ngram.js';

const kb = demoKb();
/** A classifier that answers one class at a given p, and records what it was asked. */
function fake(code: string, p: number) {
  const asked: string[] = [];
  const c = {
    classifySpans: (text: string) => {
      asked.push(text);
      return { code, p, pNone: 0, alternatives: [], evidence: [], span: { start: 0, end: 4, text: text.slice(0, 4) } };
    },
  } as unknown as NgramClassifier;
  return { c, asked };
}
const read = (summary: string, classifier: NgramClassifier) =>
  understandLead({ summary }, kb.k, { guessIndustries: createIndustryGuesser(kb.k, () => classifier) });

describe('n-gram fallback', () => {
  it(`at p ≥ ${NGRAM.decide} its class decides, at its own strength, and is shown with the span it read`, () => {
    const f = read('某新型便携诊断仪整机项目', fake('3581', 0.93).c);
    expect(f.industries[0]).toMatchObject({ name: '医疗器械', strength: INDUSTRY_STRENGTH.ngram });
    expect(f.codes).toContain('3581');
    expect(f.codeVia.get('3581')).toContain('p=0.93');
  });

  it('below it the reading stays a text-search guess (never a recommendation)', () => {
    const f = read('某新型便携诊断仪整机项目', fake('3581', 0.5).c);
    expect(f.codes).not.toContain('3581');
    expect(f.industries.every((i) => i.strength === INDUSTRY_STRENGTH.guess)).toBe(true);
  });

  it('reads the text without part-like heads (整机, 总成): the head would decide the class', () => {
    const { c, asked } = fake('3581', 0.93);
    read('某新型便携诊断仪整机项目', c);
    expect(asked[0]).not.toContain('整机');
  });

  it('is not asked when a dictionary word names the industry', () => {
    const { c, asked } = fake('3581', 0.93);
    read('研发生产医用内窥镜', c);
    expect(asked).toEqual([]);
  });

  it('a class it is sure of that no positioning covers is known (shown), with no industry guessed', () => {
    const f = read('某新型设备项目', fake('3813', 0.95).c);
    expect(f.codes).toContain('3813');
    expect(f.industries).toEqual([]);
  });

  it('the real model leaves noise and generic news words below the threshold', () => {
    const f = understandLead({ summary: '明天上午举行签约仪式，总投资5亿元，股份有限公司' }, kb.k, { guessIndustries: kb.guessIndustries });
    expect(f.industries.every((i) => i.strength <= INDUSTRY_STRENGTH.guess)).toBe(true);
  });
});
