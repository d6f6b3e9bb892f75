/**
 * The held-out lead sets in test/heldout/ (written blind; see the README there) and which split each case
 * belongs to: every `devN` set is dev (tuned on, and what scripts/build-context-model.ts learns from), every
 * `fresh*` set is test (reported, never tuned on, never learned from); briefs and news are split by a hash of
 * the case id. Shared by scripts/heldout.ts (measuring) and scripts/build-context-model.ts (learning), so that
 * both draw the line in the same place.
 */
import { existsSync, readFileSync } from 'node:fs';

export interface HeldOut {
  id: string;
  text: string;
  group: 'fit' | 'mustExclude' | 'mustKeep' | 'unknown';
  positioning: string | null;
  gbt: string | null;
  process: string | null;
  why?: string;
}

/** In the order they were written. */
export const HELDOUT_SETS = [
  'briefs',
  'news',
  'fresh',
  'dev2',
  'fresh2',
  'dev3',
  'fresh3',
  'dev4',
  'fresh4',
  'dev5',
  'fresh5',
  'dev6',
  'fresh6',
  'dev7',
  'dev8',
  'dev9',
  'dev10',
  'dev11',
  'fresh7',
  'dev12',
  'dev13',
  'fresh8',
  'dev14',
  'fresh9',
  'dev15',
  'dev16',
  'fresh10',
  'dev17',
  'dev18',
  'fresh11',
  'dev19',
  'dev20',
  'dev21',
  'fresh12',
  'dev22',
  'fresh13',
  'dev24',
  'dev23',
  'dev26',
  'dev25',
  'fresh14',
  'dev27',
  'fresh15',
  'dev28',
  'fresh16',
  'dev29',
  'fresh17',
  'dev30',
  'dev31',
  'dev32',
  'fresh18',
  'dev33',
  'dev34',
  'dev35',
  'fresh19',
  'dev36',
  'dev37',
  'dev38',
  'fresh20',
  'dev39',
  'fresh21',
  'dev40',
  'dev41',
  'fresh22',
  'dev42',
  'dev43',
  'dev44',
  'fresh23',
  'dev45',
  'dev46',
  'dev47',
  'dev48',
  'dev49',
  'fresh24',
  'dev50',
  'dev51',
  'dev52',
  'dev53',
  'fresh25',
  'dev54',
  'dev55',
  'fresh26',
  'dev56',
  'fresh27',
  'dev57',
  'fresh28',
  'dev59',
  'dev58',
  'fresh29',
  'fresh30',
  'dev61',
  'dev60',
  'dev62',
  'dev63',
  'fresh31',
  'fresh32',
  'dev64',
  'dev65',
  'fresh33',
  'dev66',
  'dev67',
  'fresh34',
  'dev68',
  'fresh35',
  'dev69',
  'dev71',
  'fresh37',
  'dev70',
  'fresh36',
  'dev73',
  'dev72',
  'dev75',
  'dev74',
  'dev76',
  'fresh39',
  'fresh38',
  'dev77',
  'dev78',
  'fresh40',
  'fresh41',
  'dev82',
  'fresh42',
  'fresh44',
  'dev79',
  'dev81',
  'fresh43',
  'dev80',
  'dev83',
  'fresh45',
  'dev84',
  'dev87',
  'dev86',
  'dev85',
  'dev88',
  'fresh46',
  'fresh47',
  'fresh48',
  'fresh49',
  'dev90',
  'dev92',
  'dev94',
  'dev93',
  'dev91',
  'dev89',
  'dev95',
  'fresh50',
  'fresh52',
  'dev97',
  'dev98',
  'dev96',
  'fresh51',
  'fresh53',
  'dev101',
  'dev102',
  'fresh54',
  'dev99',
  'dev100',
  'fresh55',
] as const;

/** FNV-1a of the id: even → dev, odd → test. Fixed, so the split never moves. */
export function splitOf(id: string): 'dev' | 'test' {
  let h = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), 0x01000193) >>> 0;
  return h % 2 === 0 ? 'dev' : 'test';
}

/** The split of one case of a set: the set's own when it has one (freshN test, devN dev), else by its id. */
export function splitOfCase(set: string, id: string): 'dev' | 'test' {
  if (/^fresh\d*$/.test(set)) return 'test';
  if (/^dev\d+$/.test(set)) return 'dev';
  return splitOf(id);
}

/** The sets present under `dir` (test/heldout by default), with their cases. */
export function readHeldOutSets(dir = new URL('../test/heldout/', import.meta.url)): { name: string; cases: HeldOut[] }[] {
  return HELDOUT_SETS.filter((name) => existsSync(new URL(`${name}.json`, dir))).map((name) => ({
    name,
    cases: JSON.parse(readFileSync(new URL(`${name}.json`, dir), 'utf8')) as HeldOut[],
  }));
}

/** How the words read a dev set on its arrival (test/heldout/arrival.json, scripts/record-arrival.ts). */
export interface ArrivalRecord {
  commit: string;
  read: number;
  /** The leads (unknown ones apart) on which the words fired a gating exclusion. */
  fired: string[];
  /** Per lead, the positionings the words named: [name, strength, the word (cut to 16 characters)]. */
  readings: Record<string, [string, number, string][]>;
}
export const ARRIVAL_FILE = new URL('../test/heldout/arrival.json', import.meta.url);
/** The arrival records, per dev set. */
export function readArrival(): { about: string; sets: Record<string, ArrivalRecord> } {
  return JSON.parse(readFileSync(ARRIVAL_FILE, 'utf8')) as { about: string; sets: Record<string, ArrivalRecord> };
}
