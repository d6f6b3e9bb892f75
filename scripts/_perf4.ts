import { readSeedSet } from '../server/db/seed-files.js';
import { scaleParks, syntheticLeads } from './synthetic.js';
import { compileKnowledge } from '../server/domain/knowledge.js';
import { understandLead } from '../server/domain/lead.features.js';
import { createIndustryGuesser } from '../server/search/taxonomy.index.js';
import { loadNgramClassifier } from '../server/db/ngram-file.js';
const base = readSeedSet('data/seed');
const input = scaleParks(base, 2000);
const k0 = compileKnowledge(input);
const g = createIndustryGuesser(k0, () => loadNgramClassifier());
const leads = syntheticLeads(base, 5000);
for (let round = 0; round < 3; round++) {
  let t = performance.now();
  for (let i = 0; i < 5000; i += 500) {
    const t1 = performance.now();
    for (const l of leads.slice(i, i + 500)) understandLead({ ...l, districts: ['南湖区'] }, k0, { guessIndustries: g });
    if (round === 0) process.stdout.write(`${(performance.now() - t1).toFixed(0)} `);
  }
  console.log('\nround', round, (performance.now() - t).toFixed(0));
}
