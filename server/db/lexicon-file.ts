/**
 * The lexicon data (data/lexicon/, built by scripts/build-lexicon.ts from public standards; see its
 * README): product words → GB/T 4754-2017 classes, the positioning of a class several positionings
 * claim, and GB 18218-2018 hazardous chemicals with their 临界量. Static data shipped with the code,
 * read once per process from the working directory (as `npm start` and the tests run); a missing
 * file reads as no rows.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { KnowledgeInput } from '../domain/knowledge.js';

export type LexiconData = Required<Pick<KnowledgeInput, 'lexicon' | 'codePositionings' | 'chemicals'>>;

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

/** products.tsv (form, code, kind, source), code-positioning.tsv (code, positioning, source), chemicals.tsv (form, cas, threshold_t, table, source). */
export function readLexiconData(dir = 'data/lexicon'): LexiconData {
  let data = cache.get(dir);
  if (!data) {
    data = {
      lexicon: readTsv(join(dir, 'products.tsv'), ([form, code]) => (form && code && /^\d{4}$/.test(code) ? { form, code } : null)),
      codePositionings: readTsv(join(dir, 'code-positioning.tsv'), ([code, positioning]) =>
        code && positioning ? { code, positioning } : null,
      ),
      chemicals: readTsv(join(dir, 'chemicals.tsv'), ([form, , threshold, , source]) => {
        const t = Number(threshold);
        return form && form.length >= 2 && Number.isFinite(t) && t > 0 ? { form, thresholdT: t, source: source || 'GB 18218-2018' } : null;
      }),
    };
    cache.set(dir, data);
  }
  return data;
}
