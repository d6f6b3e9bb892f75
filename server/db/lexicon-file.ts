/**
 * The lexicon data (data/lexicon/, built by scripts/build-lexicon.ts from public standards; see its
 * README): product words → GB/T 4754-2017 classes, the positioning of a class several positionings
 * claim, and GB 18218-2018 hazardous chemicals with their 临界量. Static data shipped with the code,
 * read once per process from the working directory (as `npm start` and the tests run); a missing
 * file reads as no rows.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { EiaHow, KnowledgeInput } from '../domain/knowledge.js';

/** processes.tsv's eia_category and eia_book cells of one item → how the 名录 treats the process there. */
function howOf(category: string, book: string): EiaHow {
  if (!category.includes('报告书')) return 'form';
  return book === '全' ? 'book' : 'scale';
}

export type LexiconData = Required<
  Pick<KnowledgeInput, 'lexicon' | 'codePositionings' | 'chemicals' | 'processes' | 'eiaItems' | 'processSignatures' | 'processLabels'>
>;

/** The rows of a TSV file below its header, each split into cells, kept where `row` returns one. */
function readTsv<T>(file: string, row: (cells: string[]) => T | null): T[] {
  if (!existsSync(file)) return [];
  const out: T[] = [];
  for (const line of readFileSync(file, 'utf8').split('\n').slice(1)) {
    const r = row(line.split('\t'));
    if (r !== null) out.push(r);
  }
  return out;
}

const cache = new Map<string, LexiconData>();

/** products.tsv (form, code, kind, source), code-positioning.tsv (code, positioning, source), chemicals.tsv (form, cas, threshold_t, table, source), processes.tsv (form, process, eia_item, eia_category, eia_book, source) and the 名录 table. */
export function readLexiconData(dir = 'data/lexicon'): LexiconData {
  let data = cache.get(dir);
  if (!data) {
    data = {
      lexicon: readTsv(join(dir, 'products.tsv'), ([form, code, kind]) =>
        form && code && /^\d{4}$/.test(code) ? { form, code, ...(kind === 'material' ? { material: true as const } : {}) } : null,
      ),
      codePositionings: readTsv(join(dir, 'code-positioning.tsv'), ([code, positioning]) =>
        code && positioning ? { code, positioning } : null,
      ),
      chemicals: readTsv(join(dir, 'chemicals.tsv'), ([form, cas, threshold, , source]) => {
        const t = Number(threshold);
        return form && form.length >= 2 && Number.isFinite(t) && t > 0
          ? { form, cas: cas || form, thresholdT: t, source: source || 'GB 18218-2018' }
          : null;
      }),
      processes: readTsv(join(dir, 'processes.tsv'), ([form, process, items, cats, book, source]) => {
        if (!form || !process) return null;
        const nos = (items ?? '').split(';').filter(Boolean).map(Number);
        const c = (cats ?? '').split(';');
        const b = (book ?? '').split(';');
        const named = (source ?? '').startsWith('环评分类管理名录');
        return { form, process, items: nos.map((no, i) => ({ no, how: howOf(c[i] ?? '', b[i] ?? '') })), ...(named ? { named } : {}) };
      }),
      // (each process's Chinese name, shown beside a word of another language: anodising → 阳极氧化)
      processLabels: readTsv(join(dir, 'curation', 'process-ids.tsv'), ([process, label]) =>
        process && label && process !== 'process' ? { process, label } : null,
      ),
      processSignatures: readTsv(join(dir, 'curation', 'process-signatures.tsv'), ([process, form, role, cue]) =>
        process &&
        form &&
        cue &&
        (role === 'need' || role === 'strong' || role === 'and' || role === 'skip' || role === 'unless' || role === 'made')
          ? { process, form, role, cue }
          : null,
      ),
      // the 名录 table: no, section, item, gbt_codes ("221* 222*"), report_book, …
      eiaItems: readTsv(join(dir, 'sources', 'eia-2021-items.tsv'), ([no, , title, codes, book, form]) =>
        no && title
          ? {
              no: Number(no),
              title,
              codes: (codes ?? '')
                .split(/\s+/)
                .filter(Boolean)
                .map((c) => c.replace('*', '')),
              bookAll: (book ?? '').startsWith('全部'),
              book: book ?? '',
              form: form ?? '',
            }
          : null,
      ),
    };
    cache.set(dir, data);
  }
  return data;
}
