/**
 * Places in staff text — districts (秀洲 / 秀洲区), towns (王江泾镇), parks by name or short name
 * (微创产业园) — with what the speaker wants: only there (只要/只考虑/限定), preferably there
 * (最好在/优先/倾向), or not there (不要/排除/除了/不考虑). Pure: built from the park records.
 */
import type { ParkSeed } from '../domain/park.schema.js';
import { createDictionary, type Dictionary } from '../text/dictionary.js';
import { normalizeText } from '../text/normalize.js';

export type PlaceHit =
  | { t: 'district'; district: string }
  | { t: 'town'; district: string; town: string }
  | { t: 'park'; district: string; parkId: string; name: string };
export type PlaceMode = 'include' | 'prefer' | 'exclude';

export interface PlaceIndex {
  dict: Dictionary<PlaceHit>;
}

export interface PlaceMention {
  hit: PlaceHit;
  mode: PlaceMode;
  word: string;
  /** Where the word is in the normalised text (normalizeText), end exclusive. */
  start: number;
  end: number;
}

export interface Places {
  include: string[];
  prefer: string[];
  exclude: string[];
  /** The reporting town (报送镇街/首谈地): "王江泾镇首谈的项目". */
  sourceTown?: string;
  mentions: PlaceMention[];
}

const SOURCE_AFTER = /^(?:首谈|报送|报上来|推荐|对接|招引|引进)/;
const SOURCE_BEFORE = /(?:报送镇街|报送单位|首谈地|来自)[：:]?$/;

/** Short district names people say: 秀洲 → 秀洲区, 经开 → 经开区, 萧山 → 萧山区. */
function districtWords(d: string): string[] {
  const words = [d];
  if (d.endsWith('区') && d.length >= 3) words.push(d.slice(0, -1));
  if (d === '经开区') words.push('经开', '经济技术开发区', '经济开发区', '嘉兴经开区', '嘉兴经济开发区', '嘉兴经济技术开发区');
  return words;
}

export function buildPlaceIndex(parks: ParkSeed[]): PlaceIndex {
  const entries: { word: string; value: PlaceHit }[] = [];
  const districts = new Set(parks.map((p) => p.district));
  for (const d of districts) for (const w of districtWords(d)) entries.push({ word: w, value: { t: 'district', district: d } });
  const towns = new Map<string, string>();
  for (const p of parks) {
    const town = p.town.replace(/（.*?）|\(.*?\)/g, '');
    if (town.length >= 3 && !towns.has(town)) towns.set(town, p.district);
    for (const w of [p.name, ...p.aliases])
      if (w.length >= 3) entries.push({ word: w, value: { t: 'park', district: p.district, parkId: p.id, name: p.name } });
  }
  for (const [town, district] of towns) entries.push({ word: town, value: { t: 'town', district, town } });
  return { dict: createDictionary(entries) };
}

const EXCLUDE_CUES = ['不要', '不去', '不考虑', '不想去', '不想在', '排除', '除了', '除开', '别在', '别去', '不在', '不能在', '不放'];
const INCLUDE_CUES = ['只要', '只在', '只考虑', '只看', '限定', '限于', '仅限', '必须在', '必须是', '就在', '就要'];
const PREFER_CUES = ['最好', '优先', '倾向', '希望', '想去', '想在', '想落', '首选', '意向', '考虑'];
const CLAUSE = /[，。；;,!?！？\n]/;

/** The cue governing a place: the nearest cue word before it in the same clause. */
function modeBefore(text: string, start: number): PlaceMode {
  let from = start;
  while (from > 0 && !CLAUSE.test(text[from - 1]!) && start - from < 12) from--;
  const before = text.slice(from, start);
  // the cue that ends closest to the place wins; on a tie the longer one (只考虑 over 考虑)
  let best: { mode: PlaceMode; end: number; len: number } | null = null;
  const scan = (cues: string[], mode: PlaceMode) => {
    for (const c of cues) {
      const at = before.lastIndexOf(c);
      if (at < 0) continue;
      const end = at + c.length;
      if (!best || end > best.end || (end === best.end && c.length > best.len)) best = { mode, end, len: c.length };
    }
  };
  scan(EXCLUDE_CUES, 'exclude');
  scan(INCLUDE_CUES, 'include');
  scan(PREFER_CUES, 'prefer');
  if (best) return (best as { mode: PlaceMode }).mode;
  // "除了经开区都行" / "经开区不行" / "经开区不考虑": the cue after the place
  const after = text.slice(start, start + 16).split(CLAUSE)[0] ?? '';
  if (/不行|不考虑|不要|不去|排除|除外/.test(after)) return 'exclude';
  return 'prefer';
}

export function extractPlaces(text: string, idx: PlaceIndex): Places {
  const t = normalizeText(text);
  const out: Places = { include: [], prefer: [], exclude: [], mentions: [] };
  for (const m of idx.dict.match(t)) {
    const hit = m.values[0]!;
    if (
      hit.t === 'town' &&
      (SOURCE_AFTER.test(t.slice(m.end, m.end + 4)) || SOURCE_BEFORE.test(t.slice(Math.max(0, m.start - 6), m.start)))
    ) {
      out.sourceTown = hit.town;
      out.mentions.push({ hit, mode: 'prefer', word: m.word, start: m.start, end: m.end });
      continue;
    }
    const mode = modeBefore(t, m.start);
    out.mentions.push({ hit, mode, word: m.word, start: m.start, end: m.end });
    // a town or a park only narrows to its district when the speaker wants it (prefer/include);
    // excluding one park does not exclude its whole district
    if (hit.t !== 'district' && mode === 'exclude') continue;
    const list = out[mode];
    if (!list.includes(hit.district)) list.push(hit.district);
  }
  return out;
}
