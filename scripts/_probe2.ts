import { readSeedSet } from '../server/db/seed-files.js';
import { matchLead } from '../server/domain/match.js';
import { verdictOf } from '../server/domain/verdict.js';
import { renderReason } from '../server/domain/reasons.js';
import { buildKnowledgeBase } from '../server/search/knowledge-base.js';
const kb = buildKnowledgeBase(readSeedSet('data/seed'));
const leads = JSON.parse(process.argv[2] ?? '[]');
for (const l of leads) {
  const o = matchLead(l, kb.k, { limit: 5, guessIndustries: kb.guessIndustries });
  const v = verdictOf(o, kb.k);
  console.log('==', JSON.stringify(l), '\n  ', v.verdict.kind, v.verdict.text);
  for (const r of o.results.slice(0,5)) console.log('  ', r.park.park.name, r.park.park.district, r.score, r.factors.map(f=>`${f.key}:${f.score.toFixed(2)}`).join(' '), '|', r.factors.find(f=>f.key==='space')?.reasons.map(renderReason).join('；'), '|', r.flags.filter(f=>/cap/.test(f.code)).map(f=>renderReason(f.reason)).join());
  for (const m of v.nearMisses) console.log('   NM', m.parkName, JSON.stringify(m.blockers));
}
