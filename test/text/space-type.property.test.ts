/** The space type read from the lead's whole text (summary, name, company) equals the one read from the summary alone. */
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { extractSpaceType, spaceTypeIn } from '../../server/text/space-type.js';
import { negatedSpans } from '../../server/text/negation.js';
import { normalizeText } from '../../server/text/normalize.js';

// space words, negation cues, clause ends and full-width forms NFKC changes, in any order
const piece = fc.constantFrom(
  '标准厂房',
  '厂房',
  '写字楼',
  '研发楼',
  '拿地',
  '用地',
  '不需要',
  '不涉及',
  '无',
  '除',
  '外',
  '，',
  '。',
  '、',
  '但',
  '零排放',
  'ＡＢＣ',
  '１０',
  '㎡',
  '需要',
  '生产',
  '房',
  '厂',
  '办公',
  '楼',
);
const text = fc.array(piece, { maxLength: 8 }).map((xs) => xs.join(''));

describe('space type in the whole lead text', () => {
  it('reads the summary part exactly as the summary alone (property)', () => {
    let found = 0;
    fc.assert(
      fc.property(text, text, text, (summary, name, company) => {
        const whole = normalizeText([[summary, name].filter(Boolean).join('。'), company].join('。'));
        const end = summary ? normalizeText(summary).length : 0;
        const want = extractSpaceType(summary);
        if (want) found++;
        expect(spaceTypeIn(whole, negatedSpans(whole), end)).toBe(want);
      }),
      { numRuns: 2000 },
    );
    expect(found).toBeGreaterThan(100); // the property is about space words, not about empty results
  });

  it('a negated mention does not count; the last one does', () => {
    expect(extractSpaceType('不需要厂房，要写字楼')).toBe('office');
    expect(extractSpaceType('要厂房，不需要写字楼')).toBe('factory');
  });
});
