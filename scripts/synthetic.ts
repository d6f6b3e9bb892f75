/**
 * Deterministic synthetic data for benchmarks: the demo data set scaled to N parks (each a copy of a
 * demo park with other leading industries and its own spaces) and N leads written the way staff write.
 */
import type { KnowledgeInput } from '../server/domain/knowledge.js';
import type { Lead } from '../server/domain/lead.schema.js';
import type { ParkSeed } from '../server/domain/park.schema.js';
import { mulberry32 } from './generate-spaces.js';

/** A seeded PRNG, so every run measures the same data. */
export const rng = mulberry32;
const pick = <T>(r: () => number, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;

export function scaleParks(base: KnowledgeInput, n: number, seed = 7): KnowledgeInput {
  const r = rng(seed);
  const names = base.positionings.map((p) => p.name);
  const parks: ParkSeed[] = [];
  const spaces: KnowledgeInput['spaces'] = [];
  for (let i = 0; i < n; i++) {
    const src = base.parks[i % base.parks.length]!;
    const id = i < base.parks.length ? src.id : `syn-${i}`;
    const leading =
      i < base.parks.length
        ? src.leadingIndustries
        : [pick(r, names), ...(r() < 0.5 ? [pick(r, names)] : [])].filter((x, j, a) => a.indexOf(x) === j);
    parks.push({ ...src, id, name: i < base.parks.length ? src.name : `${src.name}-${i}`, leadingIndustries: leading });
    for (const s of base.spaces.filter((x) => x.parkId === src.id)) spaces.push({ ...s, id: `${s.id}-${i}`, parkId: id });
  }
  const keep = new Set(parks.map((p) => p.id));
  const chains = base.chains.map((c) => ({
    ...c,
    leaders: c.leaders.filter((l) => keep.has(l.parkId)),
    parkNodes: c.parkNodes.filter((p) => keep.has(p.parkId)),
  }));
  return { ...base, parks, spaces, chains };
}

const VERBS = ['研发生产', '生产', '研发制造', '做', '从事', '新建', '扩产'];
const TAILS = ['', '，需要标准厂房', '，要一楼', '，最好在南湖', '，计划明年投产', '，客户比较急'];
const PROCESSES = ['', '', '', '', '，含电镀工序', '，不涉及铸造', '，小试阶段使用少量危化品', '，有喷涂'];

export function syntheticLeads(base: KnowledgeInput, n: number, seed = 11): Lead[] {
  const r = rng(seed);
  const terms = base.positionings.flatMap((p) => p.terms);
  const leads: Lead[] = [];
  for (let i = 0; i < n; i++) {
    const lead: Lead = {
      name: `项目${i}`,
      summary: `${pick(r, VERBS)}${pick(r, terms)}${r() < 0.3 ? `和${pick(r, terms)}` : ''}${pick(r, PROCESSES)}${pick(r, TAILS)}`,
    };
    const k = r();
    if (k < 0.5) lead.floorAreaM2 = Math.round(500 + r() * 8000);
    else if (k < 0.65) lead.landMu = Math.round(5 + r() * 80);
    if (r() < 0.6) lead.investmentWan = Math.round(500 + r() * 50000);
    if (r() < 0.3) lead.annualOutputWan = Math.round(1000 + r() * 80000);
    leads.push(lead);
  }
  return leads;
}
