/**
 * Chinese tokenizer for MiniSearch: Han text becomes overlapping character bigrams (a lone Han
 * character stays a unigram), Latin letters and digits stay whole runs. Measured in the issue:
 * recall@3 0.986 for bigrams vs 0.959 for Intl.Segmenter, at 0.7 ms per query over 2,000 parks.
 */
import { normalizeText } from '../text/normalize.js';

const RUN = /[\p{Script=Han}]+|[a-z0-9]+(?:\.[0-9]+)?/gu;

export function tokenize(text: string): string[] {
  const out: string[] = [];
  for (const m of normalizeText(text).matchAll(RUN)) {
    const run = m[0];
    if (/^[a-z0-9]/.test(run)) {
      out.push(run);
      continue;
    }
    const chars = [...run];
    if (chars.length === 1) {
      out.push(chars[0]!);
      continue;
    }
    for (let i = 0; i + 1 < chars.length; i++) out.push(chars[i]! + chars[i + 1]!);
  }
  return out;
}
