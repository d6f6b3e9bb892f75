/**
 * The product lexicon (data/lexicon/products.tsv: surface form → GB/T 4754-2017 class, built by
 * scripts/build-lexicon.ts from public standards; see data/lexicon/README.md). Static data shipped
 * with the code, read once per process from the working directory (as `npm start` and the tests run).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { LexiconEntry } from '../domain/knowledge.js';

let cached: { dir: string; entries: LexiconEntry[] } | null = null;
let cachedPrimary: { dir: string; rows: { code: string; positioning: string }[] } | null = null;

let cachedChemicals: { dir: string; rows: { form: string; thresholdT: number; source: string }[] } | null = null;

/** `dir`/chemicals.tsv (form, cas, threshold_t, table, source): GB 18218-2018 names and aliases with their 临界量 in t. */
export function readChemicals(dir = 'data/lexicon'): { form: string; thresholdT: number; source: string }[] {
  if (cachedChemicals?.dir === dir) return cachedChemicals.rows;
  const file = join(dir, 'chemicals.tsv');
  const rows: { form: string; thresholdT: number; source: string }[] = [];
  if (existsSync(file)) {
    for (const line of readFileSync(file, 'utf8').split('\n').slice(1)) {
      const [form, , threshold, , source] = line.split('\t');
      const t = Number(threshold);
      if (form && form.length >= 2 && Number.isFinite(t) && t > 0) rows.push({ form, thresholdT: t, source: source ?? 'GB 18218-2018' });
    }
  }
  cachedChemicals = { dir, rows };
  return rows;
}

/** `dir`/code-positioning.tsv: for a GB/T code several positionings claim, the one it belongs to. */
export function readCodePositionings(dir = 'data/lexicon'): { code: string; positioning: string }[] {
  if (cachedPrimary?.dir === dir) return cachedPrimary.rows;
  const file = join(dir, 'code-positioning.tsv');
  const rows: { code: string; positioning: string }[] = [];
  if (existsSync(file)) {
    for (const line of readFileSync(file, 'utf8').split('\n').slice(1)) {
      const [code, positioning] = line.split('\t');
      if (code && positioning) rows.push({ code, positioning });
    }
  }
  cachedPrimary = { dir, rows };
  return rows;
}

/** The entries of `dir`/products.tsv (columns form, code, kind, source); none when the file is absent. */
export function readLexicon(dir = 'data/lexicon'): LexiconEntry[] {
  if (cached?.dir === dir) return cached.entries;
  const file = join(dir, 'products.tsv');
  const entries: LexiconEntry[] = [];
  if (existsSync(file)) {
    const lines = readFileSync(file, 'utf8').split('\n');
    for (let i = 1; i < lines.length; i++) {
      const [form, code] = lines[i]!.split('\t');
      if (form && code && /^\d{4}$/.test(code)) entries.push({ form, code });
    }
  }
  cached = { dir, entries };
  return entries;
}
