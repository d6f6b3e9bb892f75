/**
 * `npm run heldout [-- dev|test]`: measures the reading of leads on the held-out sets in
 * test/heldout/ (written blind: their authors never saw the lexicon, the rules or the tests; see the
 * README there). briefs and news are split by a hash of the case id into dev (tune on it) and test (report it,
 * never tune on it). Prints, per group: industry read right, confidently wrong, abstained; exclusion
 * recall on 环境友好型 parks (and whether the reason names the process); false exclusions of the
 * near-misses; GB/T classes found; and every miss. Measurement only: exits 0 whatever the figures.
 */
import { existsSync, readFileSync } from 'node:fs';
import { readSeedSet } from '../server/db/seed-files.js';
import { matchLead } from '../server/domain/match.js';
import { renderReason } from '../server/domain/reasons.js';
import { INDUSTRY_STRENGTH } from '../server/domain/scoring.constants.js';
import { buildKnowledgeBase } from '../server/search/knowledge-base.js';

interface HeldOut {
  id: string;
  text: string;
  group: 'fit' | 'mustExclude' | 'mustKeep' | 'unknown';
  positioning: string | null;
  gbt: string | null;
  process: string | null;
}

const split = (process.argv[2] ?? 'dev') as 'dev' | 'test' | 'all';
if (!['dev', 'test', 'all'].includes(split)) throw new Error('usage: npm run heldout -- dev|test|all');

/** FNV-1a of the id: even → dev, odd → test. Fixed, so the split never moves. */
export function splitOf(id: string): 'dev' | 'test' {
  let h = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), 0x01000193) >>> 0;
  return h % 2 === 0 ? 'dev' : 'test';
}

const sets = [
  'briefs',
  'news',
  'fresh',
  'dev2',
  'fresh2',
  'dev3',
  'fresh3',
  'dev4',
  'fresh4',
  'dev5',
  'fresh5',
  'dev6',
  'fresh6',
  'dev7',
  'dev8',
  'dev9',
  'dev10',
  'dev11',
  'fresh7',
  'dev12',
  'dev13',
  'fresh8',
  'dev14',
  'fresh9',
]
  .filter((name) => existsSync(new URL(`../test/heldout/${name}.json`, import.meta.url)))
  .map((name) => ({
    name,
    cases: JSON.parse(readFileSync(new URL(`../test/heldout/${name}.json`, import.meta.url), 'utf8')) as HeldOut[],
  }));
const kb = buildKnowledgeBase(readSeedSet(process.env.SEED_DIR ?? 'data/seed'));
const clean = kb.k.parks.filter((cp) => cp.park.envClass === 'clean').map((cp) => cp.park.id);

const pct = (a: number, b: number) => (b ? `${a}/${b} (${((100 * a) / b).toFixed(1)} %)` : '—');

for (const { name, cases } of sets) {
  // fresh.json (written blind on 2026-12-05) is test only: nobody tunes on any of its cases
  // dev2.json (written blind on 2026-12-05, 240 cases) is dev only: tuned on, never reported as a test figure
  // fresh2.json (200, written blind in the sixth session) is test only; dev3.json (160 exclusions and near-misses,
  // written blind by another writer the same day) is dev only; fresh3.json (200, written blind in the seventh session) is
  // test only; dev4.json (200, mostly industry, another writer the same day) is dev only; fresh4.json (200, eighth session)
  // is test only and dev5.json (200, another writer the same day) dev only
  // (every freshN set is test only, every devN set dev only: see test/heldout/README.md)
  const only = /^fresh\d*$/.test(name) ? 'test' : /^dev\d+$/.test(name) ? 'dev' : null;
  const mine = cases.filter((c) => split === 'all' || (only ? split === only : splitOf(c.id) === split));
  const misses: string[] = [];
  let named = 0;
  let right = 0;
  let confidentWrong = 0;
  let abstained = 0;
  let mustEx = 0;
  let excluded = 0;
  let namesProcess = 0;
  let keep = 0;
  let falseEx = 0;
  let unknown = 0;
  let abstainOk = 0;
  let withCode = 0;
  let codeFound = 0;
  for (const c of mine) {
    const o = matchLead({ summary: c.text.slice(0, 2000) }, kb.k, {
      limit: kb.k.parks.length,
      includeExcluded: true,
      guessIndustries: kb.guessIndustries,
    });
    const top = o.features.industries[0];
    const confident = top !== undefined && top.strength > INDUSTRY_STRENGTH.guess;
    const read = top ? `${top.name}(${top.via},${top.strength})` : '—';
    const cleanEx = o.results.filter((r) => clean.includes(r.park.park.id) && r.excluded);
    const reasons = [...new Set(cleanEx.flatMap((r) => r.exclusions.map((e) => renderReason(e.reason))))];
    if (c.gbt && c.group !== 'unknown') {
      withCode++;
      if (o.features.codes.some((x) => x.startsWith(c.gbt!) || c.gbt!.startsWith(x))) codeFound++;
      else if (process.env.HELDOUT_SHOW_CODES === '1')
        misses.push(`${c.id} code: read ${o.features.codes.join(',') || '—'}, expected ${c.gbt} — ${c.text.slice(0, 60)}`);
    }
    if (c.positioning && (c.group === 'fit' || c.group === 'mustKeep')) {
      named++;
      if (top?.name === c.positioning && confident) right++;
      else if (confident) {
        confidentWrong++;
        misses.push(`${c.id} industry: read ${read}, expected ${c.positioning} — ${c.text.slice(0, 60)}`);
      } else {
        abstained++;
        misses.push(`${c.id} industry abstained/guessed: read ${read}, expected ${c.positioning} — ${c.text.slice(0, 60)}`);
      }
    }
    if (c.group === 'mustExclude') {
      mustEx++;
      if (cleanEx.length === clean.length) {
        excluded++;
        const words = (c.process ?? '').split(/[（）()、，,/+ ]/).filter((w) => w.length >= 2);
        if (reasons.some((r) => words.some((w) => r.includes(w.slice(0, 2))))) namesProcess++;
      } else misses.push(`${c.id} not excluded (${cleanEx.length}/${clean.length} clean parks): ${c.process} — ${c.text.slice(0, 60)}`);
    }
    if (c.group === 'mustKeep') {
      keep++;
      if (cleanEx.length > 0) {
        falseEx++;
        misses.push(`${c.id} falsely excluded by: ${reasons.slice(0, 2).join(' | ')} — ${c.text.slice(0, 60)}`);
      }
    }
    if (c.group === 'unknown') {
      unknown++;
      if (!confident) abstainOk++;
      else misses.push(`${c.id} should abstain, read ${read} — ${c.text.slice(0, 60)}`);
    }
  }
  console.log(`\n## ${name} — ${split} (${mine.length} cases)`);
  console.log(
    `industry read right (fit + mustKeep with a positioning): ${pct(right, named)}; confidently wrong ${pct(confidentWrong, named)}; abstained or guessed ${pct(abstained, named)}`,
  );
  console.log(
    `mustExclude excluded from every 环境友好型 park: ${pct(excluded, mustEx)}; of those, a reason naming the process ${pct(namesProcess, excluded)}`,
  );
  console.log(`mustKeep falsely excluded somewhere: ${pct(falseEx, keep)}`);
  console.log(`unknown: abstained ${pct(abstainOk, unknown)}`);
  console.log(`GB/T class in understanding.codes: ${pct(codeFound, withCode)}`);
  // a test miss read is a test case seen: printed only on request (HELDOUT_SHOW_TEST_MISSES=1), to be recorded as
  // contaminated in test/heldout/README.md when a fix follows
  if (split === 'dev' || process.env.HELDOUT_SHOW_TEST_MISSES === '1') for (const m of misses) console.log(`  ✗ ${m}`);
  else if (misses.length)
    console.log(`  (${misses.length} misses not printed: test cases stay unseen; HELDOUT_SHOW_TEST_MISSES=1 prints them)`);
}
