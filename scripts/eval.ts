/**
 * `npm run eval`: runs the public acceptance examples (../shared/eval/public-cases.json, or
 * EVAL_PUBLIC_CASES) and the project's own case table (test/eval/match-cases.json) through the
 * matcher; prints per-group accuracy and every miss. Exits 1 when a public case fails or the own
 * table is below 95 %.
 */
import { existsSync, readFileSync } from 'node:fs';
import { readSeedSet } from '../server/db/seed-files.js';
import { buildKnowledgeBase } from '../server/search/knowledge-base.js';
import { checkCase, groupStats, publicCases, type CaseResult, type EvalCase } from './eval-lib.js';
import { extractQuantities } from '../server/text/quantities.js';

const kb = buildKnowledgeBase(readSeedSet(process.env.SEED_DIR ?? 'data/seed'));
const publicPath = process.env.EVAL_PUBLIC_CASES ?? '../shared/eval/public-cases.json';
const own = JSON.parse(readFileSync('test/eval/match-cases.json', 'utf8')) as { cases: EvalCase[] };

const pct = (a: number, b: number) => (b ? ((100 * a) / b).toFixed(1) : '—');
function report(title: string, results: CaseResult[]): number {
  console.log(`\n## ${title}: ${results.filter((r) => r.pass).length}/${results.length} (${pct(results.filter((r) => r.pass).length, results.length)} %)`);
  for (const g of groupStats(results)) console.log(`  ${g.group.padEnd(20)} ${String(g.passed).padStart(3)}/${String(g.total).padEnd(3)} ${pct(g.passed, g.total)} %`);
  for (const r of results.filter((x) => !x.pass)) console.log(`  ✗ ${r.id} [${r.group}] ${r.misses.join(' | ')}`);
  return results.filter((r) => r.pass).length / Math.max(1, results.length);
}

let ok = true;
if (existsSync(publicPath)) {
  const { cases, chatExpect } = publicCases(JSON.parse(readFileSync(publicPath, 'utf8')));
  const results = cases.map((c) => {
    const r = checkCase(kb, c);
    const want = chatExpect.get(c.id);
    if (want) {
      const q = extractQuantities(c.lead.summary ?? '') as Record<string, unknown>;
      for (const [k, v] of Object.entries(want)) if (q[k] !== v) r.misses.push(`understood ${k}=${String(q[k])}, expected ${v}`);
      r.pass = r.misses.length === 0;
    }
    return r;
  });
  if (report(`public cases (${publicPath})`, results) < 1) ok = false;
} else {
  console.log(`public cases not found at ${publicPath} (set EVAL_PUBLIC_CASES)`);
}
const ownShare = report('own case table (test/eval/match-cases.json)', own.cases.map((c) => checkCase(kb, c)));
if (ownShare < 0.95) ok = false;
console.log(ok ? '\neval: PASS' : '\neval: FAIL (public cases must all pass; own table ≥ 95 %)');
process.exit(ok ? 0 : 1);
