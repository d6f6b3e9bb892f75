/**
 * `npx tsx scripts/record-arrival.ts dev31 [dev32 …]`: records how the words read a newly arrived dev set — per lead
 * the positionings the reading of words names (without the context model) and whether the words fire a gating
 * exclusion — into test/heldout/arrival.json, with the commit the tree stands on. Run it when a dev set arrives,
 * **before** any change the set informs: the context model's parameters and the on-site head's veto are chosen on these
 * records (scripts/build-context-model.ts), not on today's reading of sets the words were since fixed on.
 *
 * The records of dev2–dev30 were taken by this reading afterwards, each on a git worktree of the commit before any
 * change the set informed (for dev2–dev28 the parent of the commit that added it; for dev29 and dev30, 9df19db).
 */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { readSeedSet } from '../server/db/seed-files.js';
import { understandLead } from '../server/domain/lead.features.js';
import { buildKnowledgeBase } from '../server/search/knowledge-base.js';
import { ARRIVAL_FILE, readArrival, readHeldOutSets, splitOfCase, type ArrivalRecord } from './heldout-sets.js';

const names = process.argv.slice(2);
if (names.length === 0) {
  console.error('用法：npx tsx scripts/record-arrival.ts <开发集名> …（如 dev31）');
  process.exit(2);
}
const record = readArrival();
const commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim();
const dirty = execFileSync('git', ['status', '--porcelain', '--', 'server', 'data'], { encoding: 'utf8' }).trim();
const kb = buildKnowledgeBase(readSeedSet('data/seed'));
// the reading of words alone: the guesser without its context model
const words = Object.assign((t: string) => kb.guessIndustries(t), { ...kb.guessIndustries, context: undefined });
const sets = new Map(readHeldOutSets().map((s) => [s.name, s.cases]));
for (const name of names) {
  const cases = sets.get(name);
  if (!cases) throw new Error(`没有名为 ${name} 的留出集（test/heldout/${name}.json）`);
  if (record.sets[name]) throw new Error(`${name} 已有到达记录（${record.sets[name].commit}），不覆盖`);
  const entry: ArrivalRecord = { commit: dirty ? `${commit}+工作区` : commit, read: 0, fired: [], readings: {} };
  for (const c of cases) {
    if (splitOfCase(name, c.id) !== 'dev') continue;
    const u = understandLead({ summary: c.text.slice(0, 2000) }, kb.k, { guessIndustries: words });
    entry.read++;
    entry.readings[c.id] = u.industries
      .filter((i) => i.strength > 0)
      .slice(0, 4)
      .map((i) => [i.name, Math.round(i.strength * 1000) / 1000, i.via.slice(0, 16)]);
    if (c.group !== 'unknown' && [...u.fired.keys()].some((idx) => kb.k.rules[idx]!.effect === 'exclude' && kb.k.gating[idx] === 1))
      entry.fired.push(c.id);
  }
  entry.fired.sort();
  record.sets[name] = entry;
  console.log(`${name}: ${entry.read} 条，词语读法触发排除 ${entry.fired.length} 条（${entry.commit}）`);
}
writeFileSync(ARRIVAL_FILE, `${JSON.stringify(record)}\n`);
