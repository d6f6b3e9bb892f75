/**
 * The quality bars of the match engine, in npm test: the public acceptance examples all pass, and the
 * own case table (test/eval/match-cases.json, ≥ 80 cases across every park) at least 95 %.
 */
import { describe, it, expect } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { demoKb } from '../helpers/app.js';
import { checkCase, groupStats, publicCases, type EvalCase } from '../../scripts/eval-lib.js';
import { extractQuantities } from '../../server/text/quantities.js';

const kb = demoKb();
const own = JSON.parse(readFileSync(new URL('./match-cases.json', import.meta.url), 'utf8')) as { cases: EvalCase[] };
const PUBLIC = process.env.EVAL_PUBLIC_CASES ?? '../shared/eval/public-cases.json';

describe('own case table', () => {
  const results = own.cases.map((c) => checkCase(kb, c));
  it('has at least 80 cases and covers every park', () => {
    expect(own.cases.length).toBeGreaterThanOrEqual(80);
    const named = new Set(own.cases.flatMap((c) => [...(c.expect.top1 ?? []), ...(c.expect.top3 ?? []), ...(c.expect.notExcluded ?? [])]));
    const missing = kb.k.parks.map((p) => p.park.id).filter((id) => !named.has(id));
    expect(missing).toEqual([]);
  });
  it('passes at least 95 % (misses listed)', () => {
    const misses = results.filter((r) => !r.pass).map((r) => `${r.id}: ${r.misses.join(' | ')}`);
    const share = results.filter((r) => r.pass).length / results.length;
    expect(share, misses.join('\n')).toBeGreaterThanOrEqual(0.95);
  });
  it('reports per-group figures', () => {
    const groups = groupStats(results).map((g) => g.group);
    expect(groups).toEqual(expect.arrayContaining(['product-words', 'negation', 'banned', 'not-banned', 'mixed', 'space', 'chain']));
  });
});

describe.skipIf(!existsSync(PUBLIC))('public acceptance examples', () => {
  const { cases, chatExpect } = existsSync(PUBLIC) ? publicCases(JSON.parse(readFileSync(PUBLIC, 'utf8'))) : { cases: [], chatExpect: new Map() };
  it.each(cases.map((c) => [c.id, c] as const))('%s passes', (_id, c) => {
    const r = checkCase(kb, c);
    expect(r.misses).toEqual([]);
    const want = chatExpect.get(c.id);
    if (want) {
      const q = extractQuantities(c.lead.summary ?? '') as Record<string, unknown>;
      for (const [k, v] of Object.entries(want)) expect(q[k]).toBe(v);
    }
  });
});
