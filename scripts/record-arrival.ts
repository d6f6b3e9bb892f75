/**
 * `npx tsx scripts/record-arrival.ts dev29 [dev30 …]`: records how the words read a newly arrived dev set — the leads
 * on which they fire a gating exclusion — into test/heldout/arrival-fires.json, with the commit the tree stands on.
 * Run it when a dev set arrives, **before** any change the set informs: the on-site head's veto is chosen on these
 * records (scripts/build-context-model.ts), not on today's reading of sets the words were since fixed on.
 *
 * The records of dev2–dev28 were taken the same way afterwards, each on a git worktree of the parent of the commit that
 * added the set (its words and code then), by this script's reading.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { readSeedSet } from '../server/db/seed-files.js';
import { understandLead } from '../server/domain/lead.features.js';
import { buildKnowledgeBase } from '../server/search/knowledge-base.js';
import { readHeldOutSets, splitOfCase } from './heldout-sets.js';

const FILE = 'test/heldout/arrival-fires.json';
const names = process.argv.slice(2);
if (names.length === 0) {
  console.error('用法：npx tsx scripts/record-arrival.ts <开发集名> …（如 dev29）');
  process.exit(2);
}
const record = JSON.parse(readFileSync(FILE, 'utf8')) as {
  about: string;
  sets: Record<string, { commit: string; read: number; fired: string[] }>;
};
const commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim();
const dirty = execFileSync('git', ['status', '--porcelain', '--', 'server', 'data'], { encoding: 'utf8' }).trim();
const kb = buildKnowledgeBase(readSeedSet('data/seed'));
const sets = new Map(readHeldOutSets().map((s) => [s.name, s.cases]));
for (const name of names) {
  const cases = sets.get(name);
  if (!cases) throw new Error(`没有名为 ${name} 的留出集（test/heldout/${name}.json）`);
  if (record.sets[name]) throw new Error(`${name} 已有到达记录（${record.sets[name].commit}），不覆盖`);
  const read = cases.filter((c) => c.group !== 'unknown' && splitOfCase(name, c.id) === 'dev');
  const fired = read.filter((c) => {
    const u = understandLead({ summary: c.text.slice(0, 2000) }, kb.k, { guessIndustries: kb.guessIndustries });
    return [...u.fired.keys()].some((idx) => kb.k.rules[idx]!.effect === 'exclude' && kb.k.gating[idx] === 1);
  });
  record.sets[name] = { commit: dirty ? `${commit}+工作区` : commit, read: read.length, fired: fired.map((c) => c.id).sort() };
  console.log(`${name}: ${read.length} 条，词语读法触发排除 ${fired.length} 条（${record.sets[name].commit}）`);
}
writeFileSync(FILE, `${JSON.stringify(record, null, 1)}\n`);
