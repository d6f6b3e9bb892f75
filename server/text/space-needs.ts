/**
 * Several space needs in one sentence: "2000平研发楼和4000平厂房", "研发楼2000平方米、厂房4000平方米". Each
 * building kind with the area written next to it (before or after, within a few characters); land is in
 * 亩 and stays the lead's landMu. Returns the needs in text order when at least two kinds are named with
 * an area, else []. Pure, linear.
 */
import type { SpaceKind } from './space-kinds.js';
import { normalizeChars, parseChineseNumber } from './numbers.js';
import { SPACE_WORDS } from './space-type.js';

export interface AreaNeed {
  kind: Exclude<SpaceKind, 'land'>;
  areaM2: number;
}

const NUM = '([0-9]+(?:\\.[0-9]+)?|[零〇一二两三四五六七八九十百千万]+)';
const UNIT = '(?:平方米|平米|平方|㎡|m²|m2|sqm|平)';
const KINDS = SPACE_WORDS.filter(([, k]) => k !== 'land');
const KIND_RE = KINDS.map(([w]) => w).join('|');
const KIND = new Map(KINDS);
/** 2000平研发楼, 2000平米的厂房 */
const AREA_KIND = new RegExp(`${NUM}\\s*${UNIT}(?:左右|以上)?(?:的)?(${KIND_RE})`, 'g');
/** 研发楼2000平方米, 厂房约4000㎡ */
const KIND_AREA = new RegExp(`(${KIND_RE})(?:面积)?(?:约|大约|需要|要|：|:|\\s)*${NUM}\\s*${UNIT}`, 'g');

const value = (s: string) => (/^[0-9.]+$/.test(s) ? Number(s) : parseChineseNumber(s));

export function extractNeeds(text: string): AreaNeed[] {
  const t = normalizeChars(text).toLowerCase();
  const found: { at: number; kind: AreaNeed['kind']; areaM2: number }[] = [];
  for (const m of t.matchAll(AREA_KIND)) {
    const v = value(m[1]!);
    const kind = KIND.get(m[2]!) as AreaNeed['kind'] | undefined;
    if (v && v > 0 && kind) found.push({ at: m.index, kind, areaM2: v });
  }
  for (const m of t.matchAll(KIND_AREA)) {
    const v = value(m[2]!);
    const kind = KIND.get(m[1]!) as AreaNeed['kind'] | undefined;
    // the area already read after another word ("研发楼2000平厂房…" is 2000平 of 厂房 only when nothing precedes)
    if (v && v > 0 && kind && !found.some((x) => Math.abs(x.at - m.index) < m[0].length && x.areaM2 === v))
      found.push({ at: m.index, kind, areaM2: v });
  }
  found.sort((a, b) => a.at - b.at);
  const byKind = new Map<AreaNeed['kind'], AreaNeed>();
  for (const f of found) byKind.set(f.kind, { kind: f.kind, areaM2: f.areaM2 });
  return byKind.size >= 2 ? [...byKind.values()] : [];
}

/** The need that is scored: the largest (the others are reported). */
export const mainNeed = (needs: readonly AreaNeed[]): AreaNeed => needs.reduce((a, b) => (b.areaM2 > a.areaM2 ? b : a));
