import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { demoKb } from '../helpers/app.js';
import { tokenize } from '../../server/search/tokenizer.js';

const table = JSON.parse(readFileSync(new URL('./park-search-cases.json', import.meta.url), 'utf8')) as {
  cases: { q: string; top: string; within: number }[];
};

describe('the Chinese tokenizer', () => {
  it('makes character bigrams of Han text and keeps Latin and number runs whole', () => {
    expect(tokenize('医疗器械')).toEqual(['医疗', '疗器', '器械']);
    expect(tokenize('MEMS传感器')).toEqual(['mems', '传感', '感器']);
    expect(tokenize('1921南湖')).toEqual(['1921', '南湖']);
    expect(tokenize('车')).toEqual(['车']);
    expect(tokenize('ＡＩ视觉，算法')).toEqual(['ai', '视觉', '算法']);
  });
  it("finds the word MiniSearch's default tokenizer misses", () => {
    const kb = demoKb();
    expect(kb.parks.search('医疗器械')[0]?.id).toBe('jx-weichuang');
  });
});

describe('park search recall on the case table', () => {
  const kb = demoKb();
  const results = table.cases.map((c) => {
    const ids = kb.parks.search(c.q, 10).map((h) => h.id);
    const rank = ids.indexOf(c.top) + 1;
    return { ...c, rank, hit: rank > 0 && rank <= c.within, ids };
  });
  it('has at least 40 queries', () => expect(table.cases.length).toBeGreaterThanOrEqual(40));
  it.each(results.map((r) => [r.q, r.top, r.within, r] as const))('%s → %s within top %i', (_q, _top, _within, r) => {
    expect(r.hit, `got ${r.ids.slice(0, 5).join(', ')}`).toBe(true);
  });
  it('expands product words through the taxonomy', () => {
    expect(kb.parks.expand('监护仪')).toContain('医疗器械');
    expect(kb.parks.expand('传感器')).toContain('智能传感');
  });
});
