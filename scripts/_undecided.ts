import { readFileSync } from 'node:fs';
import { readSeedSet } from '../server/db/seed-files.js';
import { matchLead } from '../server/domain/match.js';
import { buildKnowledgeBase } from '../server/search/knowledge-base.js';
const kb = buildKnowledgeBase(readSeedSet('data/seed'));
const texts: string[] = [];
for (const f of ['briefs', 'news']) for (const c of JSON.parse(readFileSync(`test/heldout/${f}.json`, 'utf8'))) texts.push(c.text);
let top3 = 0, first = 0, over = 0, landHigh = 0;
for (const t of texts) {
  const o = matchLead({ summary: t + process.argv[2] }, kb.k, { limit: 3, guessIndustries: kb.guessIndustries });
  if (o.results.slice(0, 3).some((r) => r.park.leading.length === 0)) top3++;
  if (o.results[0] && o.results[0].park.leading.length === 0) first++;
}
console.log(`leads ${texts.length}: an undecided (未定) park in the top 3: ${top3} (${(100*top3/texts.length).toFixed(1)} %); first: ${first}`);
