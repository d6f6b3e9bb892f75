import { readSeedSet } from '../server/db/seed-files.js';
import { understandLead } from '../server/domain/lead.features.js';
import { buildKnowledgeBase } from '../server/search/knowledge-base.js';
import { extractPlaces } from '../server/nlu/places.js';
const kb = buildKnowledgeBase(readSeedSet('data/seed'));
for (const t of ['Email营销公司，需要办公室300平','做Maintenance维修服务','Chairman来考察','Repair shop','iPhone配件','OpenAI合作的大模型项目','PCB板','AIDC算力','Retail零售']) {
  const f = understandLead({ summary: t }, kb.k, { guessIndustries: kb.guessIndustries });
  console.log(t, f.industries.map(i=>`${i.name}<${i.via}>${i.strength}`).join(' '), [...f.fired.values()], extractPlaces(t, kb.places).mentions.map(m=>m.word));
}
