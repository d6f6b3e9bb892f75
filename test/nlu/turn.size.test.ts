/**
 * Issue 17 part 3: the chat reads a message once, in time linear in its length. readTurn used to blank
 * out place names with one `replace` per mention (quadratic: 8 s for 100,000 characters); now one pass
 * over the mentions. The same text as before for any message; a 100,000-character message is read.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readTurn, withoutPlaces, type TurnContext } from '../../server/nlu/turn.js';
import { extractPlaces } from '../../server/nlu/places.js';
import { normalizeText } from '../../server/text/normalize.js';
import { excludedParks, matchLead, rankWithContext } from '../../server/domain/match.js';
import { understandLead } from '../../server/domain/lead.features.js';
import { syntheticLeads } from '../../scripts/synthetic.js';
import { demoKb, demoSeed } from '../helpers/app.js';

const kb = demoKb();

/** What readTurn did before: one replace per mention (the first occurrence of its word, in the text as changed so far). */
function quadraticRest(t: string, mentions: readonly { word: string }[]): string {
  let rest = t;
  for (const m of mentions) rest = rest.replace(m.word, '，');
  return rest;
}

const PLACE_WORDS = [
  ...new Set([
    ...demoSeed().parks.flatMap((p) => [p.name, p.district, p.district.replace(/区$/, ''), p.town].filter(Boolean) as string[]),
    '经开',
    '嘉兴经开区',
    '秀洲',
    '南湖',
    '王江泾镇',
  ]),
];
const FILLER = [
  '研发生产内窥镜',
  '，',
  '需要3000平方米厂房',
  '不要',
  '最好在',
  '只考虑',
  '首谈',
  '除了',
  '。',
  '电镀',
  ' ',
  'ABC',
  '１２',
  '区',
];
const message = fc
  .array(fc.oneof(fc.constantFrom(...PLACE_WORDS), fc.constantFrom(...FILLER)), { maxLength: 120 })
  .map((xs) => xs.join(''));

function context(seen: string[]): TurnContext {
  return {
    hasConversation: true,
    places: kb.places,
    describesProject: (text) => {
      seen.push(text);
      return kb.k.dict.match(normalizeText(text)).length > 0;
    },
    pollutionOf: () => ({}),
  };
}

describe('readTurn reads a message once, linearly', () => {
  it('blanks out the same place names as the one-replace-per-mention loop did, for any message', () => {
    fc.assert(
      fc.property(message, (text) => {
        const t = normalizeText(text.trim());
        const mentions = extractPlaces(text.trim(), kb.places).mentions;
        expect(withoutPlaces(t, mentions)).toBe(quadraticRest(t, mentions));
        const seen: string[] = [];
        readTurn(text, context(seen));
        expect(seen).toEqual([quadraticRest(t, mentions)]);
      }),
      { numRuns: 400 },
    );
  });

  it('reads a 100,000-character message: the project text asked about once, built in one pass, the same as the loop gives', () => {
    const unit = '客户做内窥镜和监护仪，最好在南湖区，不要经开区，王江泾镇首谈，亚太路科创工业社区也可以，需要3000平方米厂房。';
    const big = unit.repeat(Math.ceil(100_000 / unit.length)).slice(0, 100_000);
    const t = normalizeText(big);
    const mentions = extractPlaces(big, kb.places).mentions;
    const perUnit = extractPlaces(unit, kb.places).mentions.length;
    expect(perUnit).toBeGreaterThan(2);
    expect(mentions.length).toBeGreaterThanOrEqual(perUnit * Math.floor(100_000 / unit.length));
    const seen: string[] = [];
    const turn = readTurn(big, context(seen));
    expect(seen).toHaveLength(1); // the dictionaries read the text once
    const rest = seen[0]!;
    // one '，' per mention in place of its word: the text was rebuilt once, not once per mention
    expect(rest.length).toBe(t.length - mentions.reduce((n, m) => n + (m.end - m.start) - 1, 0));
    expect(turn.describes).toBe(true);
    expect(turn.places.include.length + turn.places.prefer.length).toBeGreaterThan(0);
    // the same text as the old loop, checked on a tenth of it (the loop itself is what was too slow)
    const tenth = big.slice(0, 10_000);
    const seenTenth: string[] = [];
    readTurn(tenth, context(seenTenth));
    expect(seenTenth[0]).toBe(quadraticRest(normalizeText(tenth.trim()), extractPlaces(tenth.trim(), kb.places).mentions));
  });
});

describe('the chat’s excluded parks come from the per-rule park sets', () => {
  it('are the same parks, explained the same, as a second full match listed after the eligible ones', () => {
    const leads = [
      ...syntheticLeads(demoSeed(), 150, 17),
      { summary: '五金件电镀加工，需要2000平方米厂房' },
      { summary: '研发生产内窥镜', excludedDistricts: ['经开区'] },
      { summary: '锂电池隔膜生产，使用大量危化品', districts: ['南湖区', '秀洲区'] },
    ];
    let compared = 0;
    for (const lead of leads) {
      const opts = { limit: 5, guessIndustries: kb.guessIndustries };
      const { outcome, c } = rankWithContext(understandLead(lead, kb.k, opts), kb.k, opts);
      const n = Math.min(outcome.excludedCount, 12);
      const before = matchLead(lead, kb.k, { ...opts, limit: outcome.eligibleCount + n, includeExcluded: true }).results.filter(
        (r) => r.excluded,
      );
      const now = excludedParks(c, n);
      expect(now.map((r) => r.park.park.id)).toEqual(before.map((r) => r.park.park.id));
      expect(now.map((r) => r.exclusions)).toEqual(before.map((r) => r.exclusions));
      compared += now.length;
    }
    expect(compared).toBeGreaterThan(50);
  });
});
