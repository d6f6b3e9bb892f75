/**
 * `npm run eval`: runs the public acceptance examples (test/eval/public-cases.json, the in-repo copy
 * of shared/eval/public-cases.json, or EVAL_PUBLIC_CASES) and the project's own case table
 * (test/eval/match-cases.json) through the matcher; prints per-group accuracy and every miss. Exits 1
 * when the public file is missing, when a case not pinned in KNOWN_MISSES (scripts/eval-lib.ts)
 * fails, or when a pinned case passes (take it off the list).
 */
import { existsSync, readFileSync } from 'node:fs';
import { readSeedSet } from '../server/db/seed-files.js';
import { buildKnowledgeBase } from '../server/search/knowledge-base.js';
import {
  againstKnown,
  checkCase,
  checkPublicCase,
  groupStats,
  KNOWN_MISSES,
  publicCases,
  publicCasesPath,
  publicV2,
  unknownPins,
  type CaseResult,
  type EvalCase,
  type PublicCases,
} from './eval-lib.js';

const kb = buildKnowledgeBase(readSeedSet(process.env.SEED_DIR ?? 'data/seed'));
const publicPath = publicCasesPath();
const own = JSON.parse(readFileSync(new URL('../test/eval/match-cases.json', import.meta.url), 'utf8')) as { cases: EvalCase[] };

const pct = (a: number, b: number) => (b ? ((100 * a) / b).toFixed(1) : '—');
const problems: string[] = [];
function report(title: string, results: CaseResult[]): void {
  console.log(
    `\n## ${title}: ${results.filter((r) => r.pass).length}/${results.length} (${pct(results.filter((r) => r.pass).length, results.length)} %)`,
  );
  for (const g of groupStats(results))
    console.log(`  ${g.group.padEnd(20)} ${String(g.passed).padStart(3)}/${String(g.total).padEnd(3)} ${pct(g.passed, g.total)} %`);
  for (const r of results.filter((x) => !x.pass))
    console.log(`  ✗ ${r.id} [${r.group}] ${r.misses.join(' | ')}${KNOWN_MISSES[r.id] ? `  (known miss: ${KNOWN_MISSES[r.id]})` : ''}`);
  for (const r of results) {
    const wrong = againstKnown(r, KNOWN_MISSES);
    if (wrong) problems.push(wrong);
  }
}

const ids: string[] = own.cases.map((c) => c.id);
if (existsSync(publicPath)) {
  const file = JSON.parse(readFileSync(publicPath, 'utf8')) as PublicCases;
  const { cases, chatExpect } = publicCases(file);
  ids.push(...cases.map((c) => c.id));
  report(
    `public cases (${publicPath})`,
    cases.map((c) => checkPublicCase(kb, c, chatExpect)),
  );
  const v2 = publicV2(file);
  if (v2.length) console.log(`  not adopted yet (v2, todo in test/eval/eval.test.ts): ${v2.map((x) => x.id).join(', ')}`);
} else {
  problems.push(`public cases not found at ${publicPath} (copy shared/eval/public-cases.json there, or set EVAL_PUBLIC_CASES)`);
}
report(
  'own case table (test/eval/match-cases.json)',
  own.cases.map((c) => checkCase(kb, c)),
);
for (const id of unknownPins(ids, KNOWN_MISSES)) problems.push(`${id} is pinned in KNOWN_MISSES but names no case`);

const pinned = Object.keys(KNOWN_MISSES).length;
if (problems.length === 0) console.log(`\neval: PASS (every case passes${pinned ? ` except the ${pinned} pinned known misses` : ''})`);
else
  console.log(
    `\neval: FAIL (every case must pass except the known misses pinned in scripts/eval-lib.ts)\n${problems.map((p) => `  - ${p}`).join('\n')}`,
  );
process.exit(problems.length === 0 ? 0 : 1);
