/**
 * Text search over the taxonomy, the fallback when no dictionary word names a lead's industry:
 * positionings (names, aliases, terms) and GB/T 4754 classes (names and official remarks), each GB/T
 * hit mapped to the positioning that covers its code.
 */
import MiniSearch from 'minisearch';
import type { Knowledge } from '../domain/knowledge.js';
import { positioningsForCode } from '../domain/taxonomy.js';
import { tokenize } from './tokenizer.js';

export type IndustryGuesser = (text: string) => { idx: number; via: string }[];

/** Below this BM25 score a guess is noise (one shared bigram). */
const MIN_SCORE = 6;
/** A guess scoring under this share of the best guess is dropped. */
const RELATIVE_CUT = 0.6;
/** Query bigrams found in more than this share of documents (需要, 制造, 生产 …) carry no signal. */
const MAX_DF = 0.02;

export function createIndustryGuesser(k: Knowledge): IndustryGuesser {
  const ms = new MiniSearch<{ id: string; text: string; pos: number; label: string }>({
    fields: ['text'],
    storeFields: ['pos', 'label'],
    tokenize,
    processTerm: (t) => t,
    searchOptions: { tokenize, processTerm: (t) => t, combineWith: 'OR' },
  });
  const docs: { id: string; text: string; pos: number; label: string }[] = [];
  for (const p of k.taxonomy.positionings)
    docs.push({ id: `p${p.idx}`, text: [p.name, ...p.aliases, ...p.terms].join(' '), pos: p.idx, label: p.name });
  for (const g of k.taxonomy.gbt.values()) {
    if (g.level < 3) continue;
    const pos = positioningsForCode(k.taxonomy, g.code)[0];
    if (pos === undefined) continue;
    docs.push({ id: `g${g.code}`, text: `${g.name} ${g.remark}`, pos, label: g.name });
  }
  ms.addAll(docs);
  const df = new Map<string, number>();
  for (const d of docs) for (const t of new Set(tokenize(d.text))) df.set(t, (df.get(t) ?? 0) + 1);
  const maxDf = Math.max(2, docs.length * MAX_DF);
  return (text: string) => {
    const terms = [...new Set(tokenize(text.slice(0, 500)))].filter((t) => (df.get(t) ?? 0) > 0 && df.get(t)! <= maxDf);
    if (terms.length === 0) return [];
    const seen = new Set<number>();
    const out: { idx: number; via: string }[] = [];
    const hits = ms.search(terms.join(' '));
    const best = hits[0]?.score ?? 0;
    for (const r of hits) {
      if (r.score < MIN_SCORE || r.score < best * RELATIVE_CUT) break;
      const pos = r.pos as number;
      if (seen.has(pos)) continue;
      seen.add(pos);
      out.push({ idx: pos, via: `文本检索：${r.label}` });
      if (out.length >= 3) break;
    }
    return out;
  };
}
