/** What kind of space the text asks for (厂房 → factory, 写字楼 → office, 研发楼 → rnd, 拿地 → land); the last un-negated mention wins. */
import type { SpaceKind } from './space-kinds.js';
import { normalizeText } from './normalize.js';
import { negatedSpans, isNegated, type Span } from './negation.js';

export const SPACE_WORDS: [string, SpaceKind][] = [
  ['标准厂房', 'factory'],
  ['厂房', 'factory'],
  ['车间', 'factory'],
  ['生产用房', 'factory'],
  ['仓库', 'factory'],
  ['仓储用房', 'factory'],
  ['写字楼', 'office'],
  ['办公楼', 'office'],
  ['办公室', 'office'],
  ['办公用房', 'office'],
  ['办公空间', 'office'],
  ['研发楼', 'rnd'],
  ['研发用房', 'rnd'],
  ['实验室用房', 'rnd'],
  ['研发大楼', 'rnd'],
  ['拿地', 'land'],
  ['用地', 'land'],
  ['土地', 'land'],
  ['工业用地', 'land'],
];
const PATTERN = new RegExp(SPACE_WORDS.map(([w]) => w).join('|'), 'g');
const KIND = new Map(SPACE_WORDS);

export function extractSpaceType(text: string): SpaceKind | undefined {
  const t = normalizeText(text);
  return spaceTypeIn(t, negatedSpans(t));
}

/** The same on text already normalised (normalizeText), with its negated spans; only mentions that end by `end` count. */
export function spaceTypeIn(t: string, spans: readonly Span[], end = t.length): SpaceKind | undefined {
  let last: SpaceKind | undefined;
  for (const m of t.matchAll(PATTERN)) {
    if (m.index + m[0].length > end) break;
    if (!isNegated(spans, m.index, m.index + m[0].length)) last = KIND.get(m[0]);
  }
  return last;
}
