/**
 * The industry taxonomy in memory: local positionings (医疗器械, 智能物联 …) linked to GB/T 4754-2017
 * codes, with the words that point to them. Pure: built from seed-shaped records.
 */
import type { GbtRow, PositioningSeed } from './industry.schema.js';
import { AFFINITY } from './scoring.constants.js';

export interface Positioning {
  idx: number;
  id: string;
  name: string;
  aliases: string[];
  parents: number[];
  /** All broader positionings (transitive parents). */
  ancestors: Set<number>;
  related: number[];
  codes: string[];
  terms: string[];
  weakTerms: string[];
  sector: 'manufacturing' | 'service' | 'mixed';
  system: string;
  source: string;
}

export interface Taxonomy {
  positionings: Positioning[];
  byName: Map<string, number>;
  gbt: Map<string, GbtRow>;
}

export function buildTaxonomy(seeds: PositioningSeed[], gbtRows: GbtRow[]): Taxonomy {
  const byName = new Map<string, number>();
  seeds.forEach((s, i) => {
    byName.set(s.name, i);
  });
  seeds.forEach((s, i) => {
    for (const a of s.aliases) if (!byName.has(a)) byName.set(a, i);
  });
  const idxOf = (n: string) => byName.get(n);
  const positionings: Positioning[] = seeds.map((s, idx) => ({
    idx,
    id: s.id,
    name: s.name,
    aliases: s.aliases,
    parents: s.parents.map(idxOf).filter((x): x is number => x !== undefined),
    ancestors: new Set<number>(),
    related: s.related.map(idxOf).filter((x): x is number => x !== undefined),
    codes: s.codes,
    terms: s.terms,
    weakTerms: s.weakTerms,
    sector: s.kind,
    system: s.system,
    source: s.source,
  }));
  for (const p of positionings) {
    const stack = [...p.parents];
    while (stack.length) {
      const q = stack.pop()!;
      if (q === p.idx || p.ancestors.has(q)) continue;
      p.ancestors.add(q);
      stack.push(...positionings[q]!.parents);
    }
  }
  return { positionings, byName, gbt: new Map(gbtRows.map((r) => [r.code, r])) };
}

/** Positionings whose codes cover a GB/T code (a positioning code is a prefix of it), most specific first. */
export function positioningsForCode(t: Taxonomy, code: string): number[] {
  const hits: { idx: number; len: number }[] = [];
  for (const p of t.positionings) {
    let best = 0;
    for (const c of p.codes) if (code.startsWith(c) && c.length > best) best = c.length;
    if (best) hits.push({ idx: p.idx, len: best });
  }
  return hits.sort((a, b) => b.len - a.len || a.idx - b.idx).map((h) => h.idx);
}

/**
 * The one positioning a GB/T code belongs to: the positioning whose code covers it most specifically;
 * where several claim the same code (3581: 医疗器械 and 智慧医疗), the one `primary` names for it
 * (data/lexicon/code-positioning.tsv), else the first. Undefined when none covers it.
 */
export function positioningOfCode(t: Taxonomy, code: string, primary: ReadonlyMap<string, number>): number | undefined {
  let best = 0;
  const tied: number[] = [];
  for (const p of t.positionings) {
    let len = 0;
    for (const c of p.codes) if (code.startsWith(c) && c.length > len) len = c.length;
    if (len > best) {
      best = len;
      tied.length = 0;
    }
    if (len > 0 && len === best) tied.push(p.idx);
  }
  if (tied.length <= 1) return tied[0];
  const named = primary.get(code.slice(0, best));
  return named !== undefined && tied.includes(named) ? named : tied[0];
}

/**
 * How a lead positioning `lead` relates to a park positioning `park`:
 * same (1) · narrower: the lead's is a child (医疗器械 in a 大健康 park) · broader · 0 none (AFFINITY).
 */
export function positioningAffinity(t: Taxonomy, lead: number, park: number): number {
  if (lead === park) return AFFINITY.same;
  const l = t.positionings[lead]!;
  if (l.ancestors.has(park)) return AFFINITY.narrower;
  if (t.positionings[park]!.ancestors.has(lead)) return AFFINITY.broader;
  return 0;
}

/** Whether two positionings are declared related (supplier/service relation), either way round. */
export function positioningsRelated(t: Taxonomy, a: number, b: number): boolean {
  return t.positionings[a]!.related.includes(b) || t.positionings[b]!.related.includes(a);
}
