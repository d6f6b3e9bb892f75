import { readSeedSet } from '../server/db/seed-files.js';
import { compileKnowledge } from '../server/domain/knowledge.js';
import { understandLead } from '../server/domain/lead.features.js';
import { leadRules } from '../server/domain/gates.js';
import { scaleParks, syntheticLeads } from './synthetic.js';
import { createIndustryGuesser } from '../server/search/taxonomy.index.js';
import { loadNgramClassifier } from '../server/db/ngram-file.js';
const seed = readSeedSet('data/seed');
const input = scaleParks(seed, 2000);
let t = performance.now();
const k0 = compileKnowledge(input);
console.log('compile', (performance.now() - t).toFixed(0));
const g = createIndustryGuesser(k0, () => loadNgramClassifier());
const leads = syntheticLeads(seed, 10000);
for (const opts of [{}, { guessIndustries: g }]) {
t = performance.now();
const fs = leads.map((l) => understandLead(l, k0, opts));
console.log('understand', (performance.now() - t).toFixed(0));
t = performance.now();
for (const f of fs) leadRules(f, k0);
console.log('leadRules', (performance.now() - t).toFixed(0));
}
