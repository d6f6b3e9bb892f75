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

export function createIndustryGuesser(k: Knowledge): IndustryGuesser {
  const ms = new MiniSearch<{ id: string; text: string; pos: number; label: string }>({
    fields: ['text'],
    storeFields: ['pos', 'label'],
    tokenize,
    processTerm: (t) => t,
    searchOptions: { tokenize, processTerm: (t) => t, combineWith: 'OR' },
  });
  const docs: { id: string; text: string; pos: number; label: string }[] = [];
  for (const p of k.taxonomy.positionings) docs.push({ id: `p${p.idx}`, text: [p.name, ...p.aliases, ...p.terms].join(' '), pos: p.idx, label: p.name });
  for (const g of k.taxonomy.gbt.values()) {
    if (g.level < 3) continue;
    const pos = positioningsForCode(k.taxonomy, g.code)[0];
    if (pos === undefined) continue;
    docs.push({ id: `g${g.code}`, text: `${g.name} ${g.remark}`, pos, label: g.name });
  }
  ms.addAll(docs);
  return (text: string) => {
    const seen = new Set<number>();
    const out: { idx: number; via: string }[] = [];
    for (const r of ms.search(text.slice(0, 500))) {
      if (r.score < MIN_SCORE) break;
      const pos = r.pos as number;
      if (seen.has(pos)) continue;
      seen.add(pos);
      out.push({ idx: pos, via: `文本检索：${r.label}` });
      if (out.length >= 3) break;
    }
    return out;
  };
}
