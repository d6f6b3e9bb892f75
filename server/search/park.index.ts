/**
 * Chinese full-text search over parks (MiniSearch with the bigram tokenizer). The positioning field
 * is boosted, and queries are expanded through the taxonomy: a product word (监护仪) adds the
 * positioning it points to (医疗器械), so a park is found by what its firms make, not only by its name.
 */
import MiniSearch from 'minisearch';
import { readWords, type Knowledge } from '../domain/knowledge.js';
import { positioningsForCode } from '../domain/taxonomy.js';
import { tokenize } from './tokenizer.js';

export interface ParkHit {
  id: string;
  score: number;
}
export interface ParkIndex {
  size: number;
  search(q: string, limit?: number): ParkHit[];
  /** Positioning names the query expands to (for display and tests). */
  expand(q: string): string[];
}

const FIELDS = ['name', 'positioning', 'supporting', 'place', 'description', 'developer'] as const;
const BOOST = { name: 3, positioning: 4, supporting: 1.5, place: 1, description: 0.7, developer: 0.5 };
/** Weight of expansion terms relative to the words the user typed. */
const EXPANSION_BOOST = 0.6;

type ParkDoc = { id: string } & Record<(typeof FIELDS)[number], string>;

export function createParkIndex(k: Knowledge): ParkIndex {
  const ms = newIndex();
  ms.addAll(parkDocs(k));
  return indexOver(k, ms);
}

/** The same index, built a hundred parks at a time so that a rebuild never holds the event loop for long. */
export async function createParkIndexInSlices(k: Knowledge): Promise<ParkIndex> {
  const ms = newIndex();
  await ms.addAllAsync(parkDocs(k), { chunkSize: 100 });
  return indexOver(k, ms);
}

function newIndex(): MiniSearch<ParkDoc> {
  return new MiniSearch<ParkDoc>({
    fields: [...FIELDS],
    storeFields: [],
    tokenize,
    processTerm: (t) => t,
    searchOptions: { tokenize, processTerm: (t) => t, boost: BOOST, combineWith: 'OR' },
  });
}

function parkDocs(k: Knowledge): ParkDoc[] {
  const names = k.taxonomy.positionings;
  return k.parks.map((cp) => {
    const p = cp.park;
    const pos = cp.leading.flatMap((i) => [names[i]!.name, ...names[i]!.aliases]);
    return {
      id: p.id,
      name: [p.name, ...p.aliases].join(' '),
      positioning: [p.positioning ?? '', ...pos].join(' '),
      supporting: cp.supporting.map((i) => names[i]!.name).join(' '),
      place: [p.city, p.district, p.town].join(' '),
      description: p.description,
      developer: p.developer ?? '',
    };
  });
}

function indexOver(k: Knowledge, ms: MiniSearch<ParkDoc>): ParkIndex {
  const names = k.taxonomy.positionings;
  const expand = (q: string): string[] => {
    // the query's words: their positionings, a GB/T class's positioning, a 链主's park (OR terms: their order does not matter)
    const r = readWords(k, q);
    const out = new Set<string>(r.positionings.map((i) => names[i]!.name));
    for (const code of r.codes) {
      const p = positioningsForCode(k.taxonomy, code)[0];
      if (p !== undefined) out.add(names[p]!.name);
    }
    for (const p of r.leaderParks) out.add(k.parks[p]!.park.name);
    return [...out];
  };

  return {
    size: ms.documentCount,
    expand,
    search(q: string, limit = 50): ParkHit[] {
      const extra = expand(q).filter((x) => !q.includes(x));
      const query = extra.length
        ? { combineWith: 'OR' as const, queries: [q, { queries: [extra.join(' ')], boostTerm: () => EXPANSION_BOOST }] }
        : q;
      return ms
        .search(query)
        .slice(0, limit)
        .map((r) => ({ id: String(r.id), score: r.score }));
    },
  };
}
