/**
 * Knowledge: everything scoring needs, compiled once from the stored parks, spaces, taxonomy, rules
 * and chains into flat tables (per-park affinity arrays, per-park applicable rules, one dictionary of
 * every meaningful word). Scoring a lead then costs a dictionary pass plus cheap per-park lookups.
 * Pure: built from plain records; rebuilt whenever the data changes.
 */
import type { ParkSeed } from './park.schema.js';
import { SPACE_KINDS, type SpaceSeed } from './space.schema.js';
import type { GbtRow, PositioningSeed } from './industry.schema.js';
import { ruleGates, type RuleSeed } from './rule.schema.js';
import type { ChainSeed, ChainTier } from './chain.schema.js';
import {
  buildTaxonomy,
  positioningAffinity,
  positioningOfCode,
  positioningsForCode,
  positioningsRelated,
  type Taxonomy,
} from './taxonomy.js';
import { normalizeText } from '../text/normalize.js';
import { createDictionary, type Dictionary } from '../text/dictionary.js';
import { positioningLists, setOf, type ParkSet, type PositioningLists } from './park-sets.js';
import { AFFINITY } from './scoring.constants.js';
import { m2ToMu } from '../text/units.js';

export interface KnowledgeInput {
  parks: ParkSeed[];
  spaces: SpaceSeed[];
  positionings: PositioningSeed[];
  gbt: GbtRow[];
  rules: RuleSeed[];
  chains: ChainSeed[];
  /** Product and service words → GB/T 4754-2017 classes (data/lexicon/products.tsv); optional. */
  lexicon?: LexiconEntry[];
  /** For a GB/T code several positionings claim, the one it belongs to (data/lexicon/code-positioning.tsv). */
  codePositionings?: { code: string; positioning: string }[];
  /** Hazardous chemicals by name and alias with their GB 18218-2018 临界量 (data/lexicon/chemicals.tsv). */
  chemicals?: { form: string; cas?: string; thresholdT: number; source: string }[];
  /** On-site process words with the 2021 EIA 名录 items that name them (data/lexicon/processes.tsv). */
  processes?: ProcessEntry[];
  /** The 2021 EIA 名录 items: GB/T class prefixes and whether the whole class needs a 报告书 (data/lexicon/sources/eia-2021-items.tsv). */
  eiaItems?: EiaItem[];
  /**
   * A process told by what is seen where it runs (data/lexicon/curation/process-signatures.tsv): a `need` cue (亮镍, 镍磷,
   * 种子罐) with another, or two `strong` ones (铬酸酐 and 整流器), of the lead's own read as the process's 名录 word (`form`).
   */
  processSignatures?: ProcessSignature[];
  /** Each process's Chinese name (data/lexicon/curation/process-ids.tsv): shown beside an English word of it in a reason. */
  processLabels?: { process: string; label: string }[];
  /** The jurisdictions and their districts: a rule of a jurisdiction reaches only its parks (docs/RULES.md). */
  jurisdictions?: { id: string; districts: string[] }[];
}

/** A process word and, per 名录 item naming it, how: 'book' (报告书 whatever the scale), 'scale' (报告书 above a quantity), 'form' (报告表 or below). */
export interface ProcessEntry {
  form: string;
  process: string;
  items: { no: number; how: EiaHow }[];
  /** The form is the 名录's own word for the process (its source cites the 名录 text, not 编写). */
  named?: boolean;
}
export type EiaHow = 'book' | 'scale' | 'form';

/** A 2021 EIA 名录 item: its title, GB/T class prefixes and whether its 报告书 column is 全部 (every project of the classes, 含研发中试). */
export interface EiaItem {
  no: number;
  title: string;
  codes: string[];
  bookAll: boolean;
  /** The 报告书 condition as the 名录 prints it (its 不含…/…除外 carve classes out of 全部). */
  book: string;
  /** The 报告表 condition (第32项 制鞋业: 年用溶剂型胶粘剂10吨及以上的 is a 报告表 there, a 报告书 under 第53项). */
  form?: string;
  /**
   * Where the 报告书 names one of the kinds a class lists (第46项 香料制造 of 2684 香料、香精制造): the kinds the lead's word
   * for the class must not be (香精) unless it names the item's own (香料) too.
   */
  notKinds?: string[];
}

/** One surface form of the product lexicon and the GB/T 4754-2017 class (4 digits) it names. */
export interface LexiconEntry {
  form: string;
  code: string;
  /** A material (products.tsv kind `material`: 水性漆, PBAT, 氢气): the lead's class only where the text says it makes it. */
  material?: true;
}

/** How a park relates to a positioning (index into Taxonomy.positionings). */
export const Aff = {
  None: 0,
  Leading: 1,
  Narrower: 2, // lead positioning is a child of a leading one
  Broader: 3, // lead positioning is a parent of a leading one
  Supporting: 4,
  Related: 5,
} as const;
export type Aff = (typeof Aff)[keyof typeof Aff];

export interface ChainNodeRef {
  chainId: string;
  chainName: string;
  nodeId: string;
  tier: ChainTier;
  name: string;
  order: number; // position in the chain's node list, upstream first
}

export interface ParkLeader {
  company: string;
  chainId: string;
  nodeId: string;
  /** Position of the leader's link in its chain (-Infinity when the link is unknown): read per park scored. */
  order: number;
}

/**
 * Where a unit's row of the knowledge's flat unit table keeps each figure (row r at r × UNIT.stride):
 * every vacant unit, park after park, so that scoring a park's units reads one stretch of memory.
 */
export const UNIT = { kind: 0, area: 1, landMu: 2, height: 3, load: 4, floor: 5, stride: 6 } as const;

/**
 * Where a park's row of `Knowledge.hot` keeps each figure (park i starts at i × HOT.stride): what a
 * park's score bound reads, packed so that bounding a park reads a cache line or two instead of
 * chasing its objects. NaN: none.
 */
export const HOT = { shareTarget: 0, standards: 1, maxArea: 4, maxLandMu: 8, spaces: 9, hasLand: 10, unitFrom: 11, stride: 12 } as const;

/**
 * What a park has that caps its score whatever the lead, as bits of `CompiledPark.has`: without a
 * share target its policy score is 0.5, without a standard its efficiency score 0.5, without units
 * (or land, when land is asked) its space score 0. Ranking reads them along a positioning list
 * (`PositioningLists.has`) to pass over parks before reading their rows.
 */
export const PARK_HAS = { shareTarget: 1, standard: 2, units: 4, land: 8 } as const;

/** The per-亩 figures a park's standard (标准地) may set, in the order of `CompiledPark.standards`. */
export const STANDARD_FIELDS = ['investmentIntensityWanPerMu', 'outputPerMuWan', 'taxPerMuWan'] as const;

export interface CompiledPark {
  idx: number;
  /** Position of the park id in id order: the deterministic tie-break. */
  order: number;
  park: ParkSeed;
  /** Copies of the park fields read for every park of every lead, on one object shape (fast to read). */
  district: string;
  town: string;
  shareTarget: number | null;
  /** Per STANDARD_FIELDS: the park's standard, NaN where it sets none. */
  standards: Float64Array;
  /** Vacant spaces, largest first. */
  spaces: SpaceSeed[];
  /** The same units as rows unitFrom..unitTo-1 of `units` (the knowledge's flat unit table, shared by every park; see UNIT). */
  units: Float64Array;
  unitFrom: number;
  unitTo: number;
  /**
   * Rows the park owns in `units` (unitFrom..unitFrom+unitCap-1): every space it has, vacant or not, so
   * that a placement or a release rewrites the park's vacant units in place (vacancy.ts) without a rebuild.
   */
  unitCap: number;
  hasLand: boolean;
  /** PARK_HAS bits. */
  has: number;
  leading: number[];
  supporting: number[];
  /** Per positioning: affinity value 0..1 and its kind (which leading/supporting positioning it came from in `affFrom`). */
  affValue: Float32Array;
  affKind: Uint8Array;
  affFrom: Int16Array;
  /** Indexes of rules whose scope covers this park, and the same as a lookup table by rule index. */
  rules: number[];
  applies: Uint8Array;
  holds: Set<string>; // chain node ids
  missing: Set<string>;
  holdsChains: Set<string>;
  leaders: ParkLeader[];
}

/** Industry words: what the lead is (positionings, GB/T classes, chain links, 链主, chains). */
export type Hit =
  | { t: 'pos'; idx: number; how: 'name' | 'alias' | 'term' | 'weak' }
  | { t: 'gbt'; code: string; lexicon?: true; material?: true }
  | { t: 'node'; id: string }
  | { t: 'leader'; company: string; parkIdx: number; chainId: string; nodeId: string }
  | { t: 'chain'; id: string };

/** Process words: what the lead does that rules care about (rule words, exception words, pollution cues). */
export type ProcessHit =
  | { t: 'rule'; idx: number }
  | { t: 'unless'; idx: number }
  | { t: 'cue'; cue: PollutionCue }
  | { t: 'chem'; name: string; cas: string; thresholdT: number; source: string };

/** A process word of the 2021 EIA 名录 and the items that name it. */
export interface EiaHit {
  t: 'eia';
  process: string;
  items: readonly { no: number; how: EiaHow }[];
  /** The 名录's own word for the process (太阳能电池片), where one of its forms is that word. */
  anchor?: string;
}

export type PollutionCue =
  'wastewaterIndustrial' | 'wastewaterDomestic' | 'wasteGasHigh' | 'wasteGasLow' | 'wasteGas' | 'hazardous' | 'pilot' | 'clean';

export interface Knowledge {
  taxonomy: Taxonomy;
  parks: CompiledPark[];
  parkById: Map<string, CompiledPark>;
  rules: RuleSeed[];
  /** Per rule (same index as `rules`): 1 when it may gate (a document's rule, or adopted), 0 when it only flags (示例规则/参照 not adopted). */
  gating: Uint8Array;
  chains: ChainSeed[];
  nodes: Map<string, ChainNodeRef>;
  /** Per positioning, the parks related to it, best affinity first: ranking walks these instead of every park. */
  lists: PositioningLists;
  /** Per rule (same index as `rules`), the parks its scope covers; per district and per town, its parks. */
  ruleParks: ParkSet[];
  districtParks: Map<string, ParkSet>;
  townParks: Map<string, ParkSet>;
  /** Flat copies for scoring many parks per lead: per park its HOT row; per park × positioning its affinity (park i at i × positionings); every vacant unit (see UNIT). */
  hot: Float64Array;
  aff: Float32Array;
  units: Float64Array;
  /** Per chain link and per chain, the parks each kind of chain evidence points to (see ChainParks). */
  chainParks: ChainParks;
  /** Per GB/T code met in a lead, the positioning it belongs to (-1: none): positioningOfCode, memoised. */
  positioningOf: (code: string) => number | undefined;
  /** Two vocabularies, each matched maximally on its own, so a long exception word (印染设备制造) never hides an industry word (设备制造). */
  dict: Dictionary<Hit>;
  /** The product lexicon (data/lexicon), read after the curated words: GB/T classes only. */
  lexiconDict: Dictionary<Hit>;
  /**
   * The lexicon's class of a product form that is also a curated word (光伏组件 3825, a 新能源 term): the curated word reads
   * the lead, its class is only shown in \`understanding.codes\`, never used by a rule.
   */
  termClass: ReadonlyMap<string, { code: string; material: boolean }>;
  processDict: Dictionary<ProcessHit>;
  /** A hazardous chemical's GB 18218-2018 表1 品名 by CAS, to show one named in Latin letters (hydrogen → 氢). */
  chemicalNameByCas?: ReadonlyMap<string, string>;
  /** The 名录's process words (data/lexicon/processes.tsv). */
  eiaDict: Dictionary<EiaHit>;
  /** Each process's Chinese name (KnowledgeInput.processLabels). */
  processLabel: ReadonlyMap<string, string>;
  /** The cues of processes told by what is seen where they run (KnowledgeInput.processSignatures). */
  signatureDict: Dictionary<Omit<ProcessSignature, 'cue'>>;
  /** The 2021 EIA 名录 items by number. */
  eiaItems: Map<number, EiaItem>;
  /**
   * Per rule, the yearly output below which every 名录 item its source cites leaves the 报告书 (第68项 铸造年产10万吨及以上的:
   * 100,000 t); undefined where one cited item has no such floor (第61项 炼钢, 全部) or the rule cites none.
   */
  ruleOutputFloor: readonly (number | undefined)[];
  /** Per rule, the 名录 items its source cites (citedItems). */
  ruleCited: readonly (readonly number[])[];
  /** The 名录 items whose 报告书 covers every project of a GB/T class (全部): per code met in a lead, memoised. */
  eiaBookOf: (code: string) => EiaItem | undefined;
  /**
   * Per 名录 item whose every 报告书 clause is a GB/T class's name, those classes (第52项 轮胎制造；再生橡胶制造 → 2911, 2914): a
   * lead of another class of the item's industry takes the item's 报告表.
   */
  eiaBookClasses: ReadonlyMap<number, readonly string[]>;
  /** The 名录 processes a class's own GB/T 4754-2017 说明 says its making involves, where an item covering the class names them (memoised). */
  intrinsicOf: (code: string) => readonly IntrinsicProcess[];
}

/** A process the making of a class involves by definition (1512 白酒制造: 指…经蒸煮、糖化、发酵、蒸馏… → 发酵, 第25项). */
export interface IntrinsicProcess {
  /** The 名录's word for it, as the class's 说明 uses it. */
  form: string;
  /** The items covering the class that put it in 报告书 (whatever the scale, or above a quantity). */
  items: readonly { no: number; how: EiaHow }[];
  /**
   * Where the 说明 names the form as one kind in a list of what the class includes (3985 …包括半导体材料、…、锂电池材料、
   * …、电子化工材料等): the two-character pieces of the other kinds' names (锂电, 电池, 磁性…) and of its own (电子, 化工).
   * A lead naming another kind and not this one (锂电隔膜涂覆) makes that kind, not this.
   */
  kinds?: { others: readonly string[]; own: readonly string[] };
}

/**
 * Chain evidence as park sets, built once: per link, the parks missing it (补链) and the parks whose
 * 链主 it supplies (the 链主's chain, the 链主's link at or downstream of it, not the 链主's own link);
 * per chain, the parks holding it. A lead's chain score in a park is then a few bit tests.
 */
export interface ChainParks {
  missing: Map<string, ParkSet>;
  supplies: Map<string, ParkSet>;
  holds: Map<string, ParkSet>;
}

function chainParkSets(parks: CompiledPark[], nodes: Map<string, ChainNodeRef>, chains: ChainSeed[]): ChainParks {
  const n = parks.length;
  const out: ChainParks = { missing: new Map(), supplies: new Map(), holds: new Map() };
  for (const [id, node] of nodes) {
    out.missing.set(
      id,
      setOf(n, (i) => parks[i]!.missing.has(id)),
    );
    out.supplies.set(
      id,
      setOf(n, (i) => parks[i]!.leaders.some((l) => l.chainId === node.chainId && node.order <= l.order && id !== l.nodeId)),
    );
  }
  for (const c of chains)
    out.holds.set(
      c.id,
      setOf(n, (i) => parks[i]!.holdsChains.has(c.id)),
    );
  return out;
}

/** Words that reveal pollution attributes in free text (negation is applied by the reader). */
export const POLLUTION_CUES: Record<PollutionCue, string[]> = {
  wastewaterIndustrial: ['工业废水', '生产废水', '工艺废水', '废水排放', '含重金属废水', '高浓度废水', '废水'],
  wastewaterDomestic: ['生活污水', '仅生活污水'],
  // with the industrial furnaces and kilns whose flue gas GB 9078-1996《工业炉窑大气污染物排放标准》 regulates
  wasteGasHigh: [
    '有机废气',
    '挥发性有机物',
    'vocs',
    'voc',
    '酸雾',
    '粉尘排放',
    '恶臭',
    '工艺废气',
    '大量废气',
    '废气量大',
    '废气量较大',
    '废气排放量大',
    '废气排放量较大',
    '工业炉窑',
    '窑炉',
    '加热炉',
    '熔化炉',
    '熔炼炉',
    '冲天炉',
    '燃煤锅炉',
  ],
  // (…and a coating said to be low in VOCs: 水性底漆（低VOCs）)
  wasteGasLow: ['少量废气', '微量废气', '少量粉尘', '低vocs', '低voc', '低挥发性有机物'],
  // a bare 废气 says how much only where it is negated (无废气: none); said plainly (喷涂废气经活性炭处理) it is not "large"
  wasteGas: ['废气'],
  hazardous: ['危化品', '危险化学品', '危化', '易燃易爆', '剧毒化学品', '有毒化学品'],
  // (…and in English: lab-scale synthesis, a pilot plant)
  pilot: [
    '小试',
    '中试',
    '单一环节',
    '小批量试产',
    '试验线',
    '中试线',
    '实验室规模',
    'lab-scale',
    'lab scale',
    'laboratory scale',
    'bench-scale',
    'bench scale',
    'pilot plant',
    'pilot line',
    'pilot-scale',
    'pilot scale',
  ],
  clean: ['无污染', '零排放', '清洁生产', '无三废'],
};

const GBT_SUFFIXES = ['制造业', '制造', '服务业', '服务', '业'];

function gbtWords(row: GbtRow): string[] {
  if (row.level < 3) return [];
  const words = new Set<string>();
  const name = row.name.replace(/[（(].*?[）)]/g, '');
  if (name.length >= 4) words.add(name);
  for (const s of GBT_SUFFIXES) {
    if (name.endsWith(s) && name.length - s.length >= 3 && !name.startsWith('其他')) words.add(name.slice(0, -s.length));
  }
  return [...words].filter((w) => !/[、，]/.test(w));
}

function ruleCovers(rule: RuleSeed, park: ParkSeed, jurisdictionOf: ReadonlyMap<string, string>): boolean {
  // a jurisdiction's rule reaches its own parks only, whatever its scope says
  if (rule.jurisdictionId && jurisdictionOf.size > 0 && jurisdictionOf.get(park.district) !== rule.jurisdictionId) return false;
  const v = rule.scope.value;
  switch (rule.scope.level) {
    case 'national':
      return true;
    case 'city':
      return park.city === v;
    case 'district':
      return park.district === v;
    case 'program':
      return park.program === v;
    case 'parkKind':
      return park.kind === v;
    case 'envClass':
      return park.envClass === v;
    case 'park':
      return park.id === v;
  }
}

/** A park's vacant spaces, largest first (ties by id): what scoring offers. */
export function vacantSpaces(spaces: readonly SpaceSeed[]): SpaceSeed[] {
  return spaces.filter((s) => s.status === 'vacant').sort((a, b) => b.areaM2 - a.areaM2 || (a.id < b.id ? -1 : 1));
}

/** The park's PARK_HAS bits. */
export function parkHas(park: ParkSeed, standards: Float64Array, vacant: readonly SpaceSeed[], hasLand: boolean): number {
  return (
    (park.leadingShareTarget !== null ? PARK_HAS.shareTarget : 0) |
    (standards.some((x) => !Number.isNaN(x)) ? PARK_HAS.standard : 0) |
    (vacant.length > 0 ? PARK_HAS.units : 0) |
    (hasLand ? PARK_HAS.land : 0)
  );
}

function compilePark(
  idx: number,
  park: ParkSeed,
  spaces: SpaceSeed[],
  tax: Taxonomy,
  rules: RuleSeed[],
  jurisdictionOf: ReadonlyMap<string, string>,
): CompiledPark {
  const covers = rules.map((r) => ruleCovers(r, park, jurisdictionOf));
  const n = tax.positionings.length;
  const leading = park.leadingIndustries.map((x) => tax.byName.get(x)).filter((x): x is number => x !== undefined);
  const supporting = park.supportingIndustries.map((x) => tax.byName.get(x)).filter((x): x is number => x !== undefined);
  const affValue = new Float32Array(n);
  const affKind = new Uint8Array(n);
  const affFrom = new Int16Array(n).fill(-1);
  const offer = (i: number, value: number, kind: Aff, from: number) => {
    if (value > affValue[i]!) {
      affValue[i] = value;
      affKind[i] = kind;
      affFrom[i] = from;
    }
  };
  for (let i = 0; i < n; i++) {
    for (const l of leading) {
      const a = positioningAffinity(tax, i, l);
      if (a === AFFINITY.same) offer(i, AFFINITY.same, Aff.Leading, l);
      else if (a === AFFINITY.narrower) offer(i, AFFINITY.narrower, Aff.Narrower, l);
      else if (a === AFFINITY.broader) offer(i, AFFINITY.broader, Aff.Broader, l);
      else if (positioningsRelated(tax, i, l)) offer(i, AFFINITY.related, Aff.Related, l);
    }
    for (const s of supporting) {
      const a = positioningAffinity(tax, i, s);
      if (a >= AFFINITY.narrower) offer(i, AFFINITY.supportingSame, Aff.Supporting, s);
      else if (a > 0) offer(i, AFFINITY.supportingNear, Aff.Supporting, s);
    }
  }
  const vacant = vacantSpaces(spaces);
  const standards = Float64Array.from(STANDARD_FIELDS, (x) => park.standards?.[x] ?? NaN);
  const hasLand = vacant.some((s) => s.kind === 'land');
  const has = parkHas(park, standards, vacant, hasLand);
  return {
    idx,
    order: 0,
    park,
    district: park.district,
    town: park.town,
    shareTarget: park.leadingShareTarget,
    standards,
    spaces: vacant,
    units: new Float64Array(0), // set once every park's units are known (unitTable)
    unitFrom: 0,
    unitTo: 0,
    unitCap: spaces.length,
    hasLand,
    has,
    leading,
    supporting,
    affValue,
    affKind,
    affFrom,
    rules: rules.flatMap((_, i) => (covers[i] ? [i] : [])),
    applies: Uint8Array.from(covers, (c) => (c ? 1 : 0)),
    holds: new Set(),
    missing: new Set(),
    holdsChains: new Set(),
    leaders: [],
  };
}

/** One flat table of every park's units, park by park (see UNIT): each park owns a row per space it has, its vacant ones first. */
function unitTable(parks: CompiledPark[]): Float64Array {
  const units = new Float64Array(parks.reduce((n, cp) => n + cp.unitCap, 0) * UNIT.stride);
  let row = 0;
  for (const cp of parks) {
    cp.units = units;
    cp.unitFrom = row;
    writeUnits(cp);
    row += cp.unitCap;
  }
  return units;
}

/** Writes the park's vacant spaces (`cp.spaces`) into its rows of the unit table; sets unitTo. */
export function writeUnits(cp: CompiledPark): void {
  const units = cp.units;
  let row = cp.unitFrom;
  for (const s of cp.spaces) {
    const at = row++ * UNIT.stride;
    units[at + UNIT.kind] = SPACE_KINDS.indexOf(s.kind);
    units[at + UNIT.area] = s.areaM2;
    units[at + UNIT.landMu] = s.kind === 'land' ? (s.landMu ?? m2ToMu(s.areaM2)) : NaN;
    units[at + UNIT.height] = s.clearHeightM ?? 0;
    units[at + UNIT.load] = s.floorLoadKnM2 ?? 0;
    units[at + UNIT.floor] = s.floor;
  }
  cp.unitTo = row;
}

function hotTable(parks: CompiledPark[]): Float64Array {
  const hot = new Float64Array(parks.length * HOT.stride).fill(NaN);
  for (const cp of parks) writeHot(hot, cp);
  return hot;
}

/** Writes park cp's row of the hot table (see HOT) from its compiled figures and units. */
export function writeHot(hot: Float64Array, cp: CompiledPark): void {
  const at = cp.idx * HOT.stride;
  hot[at + HOT.shareTarget] = cp.shareTarget ?? NaN;
  hot.set(cp.standards, at + HOT.standards);
  hot.fill(0, at + HOT.maxArea, at + HOT.maxArea + SPACE_KINDS.length);
  hot[at + HOT.maxLandMu] = 0;
  for (let r = cp.unitFrom; r < cp.unitTo; r++) {
    const u = r * UNIT.stride;
    const kind = cp.units[u + UNIT.kind]!;
    hot[at + HOT.maxArea + kind] = Math.max(hot[at + HOT.maxArea + kind]!, cp.units[u + UNIT.area]!);
    if (kind === SPACE_KINDS.indexOf('land')) hot[at + HOT.maxLandMu] = Math.max(hot[at + HOT.maxLandMu]!, cp.units[u + UNIT.landMu]!);
  }
  hot[at + HOT.spaces] = cp.unitTo - cp.unitFrom;
  hot[at + HOT.unitFrom] = cp.unitFrom;
  hot[at + HOT.hasLand] = cp.hasLand ? 1 : 0;
}

function affinityTable(parks: CompiledPark[], positionings: number): Float32Array {
  const aff = new Float32Array(parks.length * positionings);
  for (const cp of parks) aff.set(cp.affValue, cp.idx * positionings);
  return aff;
}

/** Short forms of a company name people use: 嘉兴微创医疗科技有限公司 → 微创医疗, 微创. */
export function companyShortNames(company: string): string[] {
  const core = company
    .replace(/(股份)?有限(责任)?公司$|集团$|集团有限公司$/, '')
    .replace(/^(浙江省?|杭州市?|嘉兴市?|上海市?|江苏省?|无锡市?|中国)/, '');
  const out = new Set<string>([company]);
  if (core.length >= 2) out.add(core);
  const brand = core.replace(/(医疗科技|科技|实业|医疗|智能|电子|集团)$/, '');
  if (brand.length >= 2) out.add(brand);
  return [...out];
}

/** The process words: the rules' words and exception words (by rule index), hazardous chemicals, pollution cues. */
/**
 * A rule word that is the 名录's own word for a process (鞣制, 铸造, 砂洗) stands for the process: the lexicon's other
 * forms of it (铬鞣, 压铸, 水洗厂) fire the rule too, so that the rule does not depend on the phrase a lead happens
 * to use — for a rule that cites the 名录. A rule word written for the rule (生物发酵) or a variant of the lexicon (编写) does
 * not widen the rule, and neither does a rule standing on another text (产能 rules: 炼钢 is steel, not every 熔炼).
 */
export function processSynonyms(processes: KnowledgeInput['processes']): (term: string) => readonly string[] {
  const formsOf = new Map<string, string[]>();
  const namedFor = new Map<string, string[]>();
  for (const p of processes ?? []) {
    let forms = formsOf.get(p.process);
    if (!forms) formsOf.set(p.process, (forms = []));
    forms.push(p.form);
    if (p.named) {
      const key = normalizeText(p.form);
      namedFor.set(key, [...(namedFor.get(key) ?? []), p.process]);
    }
  }
  return (term) => (namedFor.get(normalizeText(term)) ?? []).flatMap((id) => formsOf.get(id) ?? []);
}

/**
 * Other ways of saying a rule's lab-scale exception (小试, 实验室研发): the rule's own word is one phrasing of a scale the
 * reader knows by several (仅做实验室规模的合成; in an English mail, lab-scale or bench-scale synthesis).
 */
const LAB_SCALE_FORMS: Record<string, string[]> = {
  小试: [
    '实验室规模',
    '实验室级',
    'lab-scale',
    'lab scale',
    'laboratory scale',
    'laboratory-scale',
    'bench-scale',
    'bench scale',
    'gram-scale',
    'gram scale',
  ],
};

function processDictionary(
  rules: readonly RuleSeed[],
  chemicals: KnowledgeInput['chemicals'],
  processes?: KnowledgeInput['processes'],
): Dictionary<ProcessHit> {
  const entries: { word: string; value: ProcessHit }[] = [];
  const synonyms = processSynonyms(processes);
  const added = new Map<string, Set<number>>();
  rules.forEach((r, idx) => {
    const words = new Set(r.match.terms);
    const unless = new Set(r.match.unlessTerms.map(normalizeText));
    // only a rule that stands on the 名录 speaks of the 名录's process; a capacity or zoning rule (钢铁产能: 炼钢, 炼铁) means its own words
    if (r.source.includes('分类管理名录'))
      for (const term of r.match.terms)
        for (const w of synonyms(term)) {
          if (unless.has(normalizeText(w)) || words.has(w)) continue;
          words.add(w);
          added.set(w, (added.get(w) ?? new Set()).add(idx));
        }
    for (const term of words) entries.push({ word: term, value: { t: 'rule', idx } });
    for (const term of r.match.unlessTerms)
      for (const w of [term, ...(LAB_SCALE_FORMS[term] ?? [])]) entries.push({ word: w, value: { t: 'unless', idx } });
  });
  // a word added that way is matched whole: it must still fire the rules whose own words it holds (染整厂 holds 染整)
  for (const [w, by] of added)
    rules.forEach((r, idx) => {
      if (!by.has(idx) && !r.match.terms.includes(w) && r.match.terms.some((t) => w.includes(t)))
        entries.push({ word: w, value: { t: 'rule', idx } });
    });
  for (const c of chemicals ?? [])
    entries.push({
      word: c.form,
      value: { t: 'chem', name: c.form, cas: c.cas ?? c.form, thresholdT: c.thresholdT, source: c.source },
    });
  for (const [cue, words] of Object.entries(POLLUTION_CUES) as [PollutionCue, string[]][]) {
    for (const w of words) entries.push({ word: w, value: { t: 'cue', cue } });
  }
  return createDictionary(entries);
}

/**
 * The knowledge `k` (compiled from `input`) with other rules: only what depends on the rules is built
 * again (the process words, which rules reach which parks); parks, taxonomy, words and tables are
 * shared. The same knowledge compileKnowledge({...input, rules}) would give, at a fraction of the cost
 * (an impact preview builds the knowledge before and after a rule change).
 */
export function withRules(k: Knowledge, input: KnowledgeInput, rules: RuleSeed[]): Knowledge {
  const jurisdictionOf = new Map((input.jurisdictions ?? []).flatMap((j) => j.districts.map((d) => [d, j.id] as const)));
  const parks = k.parks.map((cp) => {
    const covers = rules.map((r) => ruleCovers(r, cp.park, jurisdictionOf));
    return { ...cp, rules: rules.flatMap((_, i) => (covers[i] ? [i] : [])), applies: Uint8Array.from(covers, (c) => (c ? 1 : 0)) };
  });
  const n = parks.length;
  return {
    ...k,
    parks,
    parkById: new Map(parks.map((p) => [p.park.id, p])),
    rules,
    gating: Uint8Array.from(rules, (r) => (ruleGates(r) ? 1 : 0)),
    ruleParks: rules.map((_, r) => setOf(n, (i) => parks[i]!.applies[r] === 1)),
    processDict: processDictionary(rules, input.chemicals, input.processes),
    ruleOutputFloor: rules.map((r) => outputFloorOf(citedItems(r.source), k.eiaItems)),
    ruleCited: rules.map((r) => citedItems(r.source)),
  };
}

/**
 * The knowledge `k` (compiled from `input`) with one park's record changed (its positioning: leading
 * and supporting industries): that park is compiled again, its affinity row and the positioning lists
 * rebuilt; everything else is shared. What compileKnowledge with the changed park would give, cheaper.
 */
export function withPark(k: Knowledge, input: KnowledgeInput, park: ParkSeed): Knowledge {
  const old = k.parkById.get(park.id);
  if (!old) throw new Error(`withPark: no park ${park.id}`);
  const jurisdictionOf = new Map((input.jurisdictions ?? []).flatMap((j) => j.districts.map((d) => [d, j.id] as const)));
  const fresh = compilePark(old.idx, park, old.spaces, k.taxonomy, k.rules, jurisdictionOf);
  const cp: CompiledPark = {
    ...fresh,
    order: old.order,
    units: old.units,
    unitFrom: old.unitFrom,
    unitTo: old.unitTo,
    unitCap: old.unitCap,
    holds: old.holds,
    missing: old.missing,
    holdsChains: old.holdsChains,
    leaders: old.leaders,
  };
  const parks = k.parks.map((p) => (p.idx === cp.idx ? cp : p));
  const n = k.taxonomy.positionings.length;
  const aff = k.aff.slice();
  aff.set(cp.affValue, cp.idx * n);
  return { ...k, parks, parkById: new Map(parks.map((p) => [p.park.id, p])), aff, lists: positioningLists(n, parks) };
}

export function compileKnowledge(input: KnowledgeInput): Knowledge {
  const taxonomy = buildTaxonomy(input.positionings, input.gbt);
  const spacesByPark = new Map<string, SpaceSeed[]>();
  for (const s of input.spaces) {
    const list = spacesByPark.get(s.parkId) ?? [];
    list.push(s);
    spacesByPark.set(s.parkId, list);
  }
  const jurisdictionOf = new Map((input.jurisdictions ?? []).flatMap((j) => j.districts.map((d) => [d, j.id] as const)));
  const parks = input.parks.map((p, i) => compilePark(i, p, spacesByPark.get(p.id) ?? [], taxonomy, input.rules, jurisdictionOf));
  const units = unitTable(parks);
  const parkById = new Map(parks.map((p) => [p.park.id, p]));
  [...parks].sort((a, b) => (a.park.id < b.park.id ? -1 : 1)).forEach((p, i) => (p.order = i));

  const nodes = new Map<string, ChainNodeRef>();
  for (const c of input.chains) {
    c.nodes.forEach((n, order) => nodes.set(n.id, { chainId: c.id, chainName: c.name, nodeId: n.id, tier: n.tier, name: n.name, order }));
    for (const pn of c.parkNodes) {
      const p = parkById.get(pn.parkId);
      if (!p) continue;
      (pn.role === 'holds' ? p.holds : p.missing).add(pn.nodeId);
      if (pn.role === 'holds') p.holdsChains.add(c.id);
    }
    for (const l of c.leaders) {
      const p = parkById.get(l.parkId);
      if (!p) continue;
      p.leaders.push({ company: l.company, chainId: c.id, nodeId: l.nodeId, order: -Infinity });
      p.holds.add(l.nodeId);
      p.holdsChains.add(c.id);
    }
  }

  for (const p of parks) for (const l of p.leaders) l.order = nodes.get(l.nodeId)?.order ?? -Infinity;

  const entries: { word: string; value: Hit }[] = [];
  for (const p of taxonomy.positionings) {
    entries.push({ word: p.name, value: { t: 'pos', idx: p.idx, how: 'name' } });
    for (const a of p.aliases) entries.push({ word: a, value: { t: 'pos', idx: p.idx, how: 'alias' } });
    for (const term of p.terms) entries.push({ word: term, value: { t: 'pos', idx: p.idx, how: 'term' } });
    for (const term of p.weakTerms) entries.push({ word: term, value: { t: 'pos', idx: p.idx, how: 'weak' } });
  }
  for (const row of input.gbt) for (const w of gbtWords(row)) entries.push({ word: w, value: { t: 'gbt', code: row.code } });
  // the lexicon's forms, where the curated words (positionings, class names, chains) do not already say
  // it: a dictionary of their own, so that a long lexicon form (体外诊断试剂盒) never hides a curated word (体外诊断)
  const curated = new Set(entries.map((e) => normalizeText(e.word)));
  for (const c of input.chains) for (const n of c.nodes) for (const term of n.terms) curated.add(normalizeText(term));
  const lexiconEntries: { word: string; value: Hit }[] = [];
  const hitOf = new Map<string, Hit>(); // one hit object per class, shared by its forms
  const termClass = new Map<string, { code: string; material: boolean }>();
  for (const { form, code, material } of input.lexicon ?? []) {
    const w = normalizeText(form);
    if (!taxonomy.gbt.has(code)) continue;
    if (curated.has(w)) {
      if (!termClass.has(w)) termClass.set(w, { code, material: material === true });
      continue;
    }
    const key = material ? `${code}m` : code;
    let hit = hitOf.get(key);
    if (!hit) hitOf.set(key, (hit = material ? { t: 'gbt', code, lexicon: true, material: true } : { t: 'gbt', code, lexicon: true }));
    lexiconEntries.push({ word: w, value: hit });
  }
  for (const c of input.chains) {
    entries.push({ word: c.name, value: { t: 'chain', id: c.id } });
    for (const n of c.nodes) for (const term of n.terms) entries.push({ word: term, value: { t: 'node', id: n.id } });
    for (const l of c.leaders) {
      const parkIdx = parkById.get(l.parkId)?.idx;
      if (parkIdx === undefined) continue;
      for (const w of companyShortNames(l.company))
        entries.push({ word: w, value: { t: 'leader', company: l.company, parkIdx, chainId: c.id, nodeId: l.nodeId } });
    }
  }
  // the 名录's process words: a dictionary of their own, so that a long one (电镀加工, 染整厂) never hides a rule word (电镀, 染整)
  // …each with the 名录's own word for its process (太阳能电池片 for 光伏电池), which finds the item's clause that names it
  const anchorOf = new Map<string, string>();
  for (const p of input.processes ?? []) if (p.named && !anchorOf.has(p.process)) anchorOf.set(p.process, p.form);
  // (a process the 名录 names only through another's items — 电镀 told by 铬酐、挂具工, 说明6 — has that one's word: the
  // same items, in the same columns, are the same process to the 名录)
  const itemsKey = (p: NonNullable<KnowledgeInput['processes']>[number]) => p.items.map((i) => `${i.no}${i.how}`).join();
  // (…of the 名录's words for those items, the one its 报告书 clause uses: 电镀, not 阳极氧化, for 有电镀工艺的)
  const namedFor = new Map<string, string[]>();
  for (const p of input.processes ?? []) if (p.named) namedFor.set(itemsKey(p), [...(namedFor.get(itemsKey(p)) ?? []), p.form]);
  const bookText = (no: number | undefined) => (input.eiaItems ?? []).find((e) => e.no === no)?.book ?? '';
  for (const p of input.processes ?? []) {
    const forms = namedFor.get(itemsKey(p));
    if (anchorOf.has(p.process) || !forms) continue;
    anchorOf.set(p.process, forms.find((f) => bookText(p.items[0]?.no).includes(f)) ?? forms[0]!);
  }
  const eiaEntries = (input.processes ?? []).map((p) => ({
    word: p.form,
    value: {
      t: 'eia',
      process: p.process,
      items: p.items,
      ...(anchorOf.has(p.process) ? { anchor: anchorOf.get(p.process)! } : {}),
    } as EiaHit,
  }));

  const n = parks.length;
  const primary = new Map<string, number>();
  for (const { code, positioning } of input.codePositionings ?? []) {
    const idx = taxonomy.byName.get(positioning);
    if (idx !== undefined) primary.set(code, idx);
  }
  const ofCode = new Map<string, number>();
  const positioningOf = (code: string) => {
    let idx = ofCode.get(code);
    if (idx === undefined) ofCode.set(code, (idx = positioningOfCode(taxonomy, code, primary) ?? -1));
    return idx < 0 ? undefined : idx;
  };
  const eiaItems = new Map((input.eiaItems ?? []).map((e) => [e.no, e]));
  // a 中类 with a single 小类 is printed once, as the 小类 (272 → 2720 化学药品制剂制造)
  const classNameOf = (c: string) => (taxonomy.gbt.get(c) ?? taxonomy.gbt.get(c.padEnd(4, '0')))?.name ?? '';
  // 全部 items, without the classes their 报告书 carves out by name (第47项: 不含化学药品制剂制造的 → not 272)
  const carved = (e: EiaItem) => e.book.match(/不含[^；）]*|[^；（]*除外/g)?.join('；') ?? '';
  const bookAll = [...eiaItems.values()]
    .filter((e) => e.bookAll && e.codes.length > 0)
    .map((e) => ({ ...e, codes: e.codes.filter((c) => !carved(e).includes(classNameOf(c) || '\u0000')) }));
  // …and the classes a 报告书 condition names whole, word for word (第43项 生物质液体燃料生产 = 2541, 第77项 铅蓄电池制造
  // = 3843, 第52项 轮胎制造 = 2911); a condition with a carve-out (…除外) or a qualifier (有…的) is not the whole class
  const eiaBookClasses = new Map<number, string[]>();
  const codeOfName = new Map<string, string>();
  for (const [code, row] of taxonomy.gbt) if (code.length === 4) codeOfName.set(row.name, code);
  for (const e of eiaItems.values()) {
    if (e.bookAll || !e.book || e.book === '/') continue;
    // (every clause a class's name, its brackets aside: 轮胎制造；再生橡胶制造（常压连续脱硫工艺除外）)
    const named = e.book.split('；').map((c) => codeOfName.get(c.replace(/[（(][^）)]*[）)]/g, '').trim()));
    if (named.every((c) => c !== undefined)) eiaBookClasses.set(e.no, named as string[]);
    const clauses = new Set(e.book.split('；').map((c) => c.trim()));
    // (…and each of a bare list: 机车、车辆、高铁车组、城市轨道交通设备制造 (第72项) names 3720 whole; a list with a
    // qualifier, 年产…及以上的A、B制造, does not)
    const lists: { clause: string; kinds: string[]; making: string }[] = [];
    for (const c of [...clauses])
      if (c.includes('、') && !/的|以上|以下|有|年产|除外|（/.test(c)) {
        for (const part of c.split('、')) clauses.add(part.trim());
        const making = /(制造|生产)$/.exec(c)?.[1];
        if (making)
          lists.push({
            clause: c,
            kinds: c
              .slice(0, -making.length)
              .split('、')
              .filter((x) => x.length >= 2),
            making,
          });
      }
    // cited by the condition itself (第77项 铅蓄电池制造), not by the item's first title (电机制造)
    // (…or by a kind of the bare list its name ends in, before the same making word: 铁路机车车辆制造 3712 for 第72项
    // 机车、车辆、…制造 — not 铁路机车车辆配件制造, whose name ends in 配件)
    for (const [code, row] of taxonomy.gbt) {
      if (code.length !== 4 || !e.codes.some((p) => code.startsWith(p))) continue;
      // (…or by the class's name without its making word: 石棉制品 (第60项) names 3081 石棉制品制造)
      if (clauses.has(row.name)) bookAll.push({ ...e, codes: [code], title: row.name });
      else if (row.name.endsWith('制造') && clauses.has(row.name.slice(0, -2)))
        bookAll.push({ ...e, codes: [code], title: row.name.slice(0, -2) });
      else {
        const list = lists.find(
          (l) => row.name.endsWith(l.making) && l.kinds.some((kd) => row.name.slice(0, -l.making.length).endsWith(kd)),
        );
        if (list) bookAll.push({ ...e, codes: [code], title: row.name, book: list.clause });
      }
    }
    // …and one kind of a class named as a list (第46项 香料制造 … 以上均不含单纯混合或分装的, of 2684 香料、香精制造): the kind
    // the condition names, where the lead's word is not another kind the class lists
    for (const clause of clauses) {
      const kind = /^([^、的（）\s]{2,8})(制造|生产)(?:\s|$)/.exec(clause);
      if (!kind) continue;
      for (const [code, row] of taxonomy.gbt) {
        const kinds = new RegExp(`^([^（）]+)(${kind[2]})$`).exec(row.name)?.[1]?.split('、');
        if (code.length !== 4 || !kinds || kinds.length < 2 || !kinds.includes(kind[1]!)) continue;
        if (!e.codes.some((p) => code.startsWith(p))) continue;
        bookAll.push({
          ...e,
          codes: [code],
          title: kind[1]! + kind[2]!,
          book: clause,
          notKinds: kinds.filter((x) => x !== kind[1]),
        });
      }
    }
    // …and a class named whole but for a carve-out of its own (第71项 汽车整车制造（仅组装的除外） = 361, 汽车用发动机制造
    // （仅组装的除外） = 3620; 第54项 水泥制造（水泥粉磨站除外） = 3011): the carve-out stays the item's condition, so the
    // lead that only assembles is left out where the item is read
    for (const clause of clauses) {
      const whole = /^([^（）]+)（([^（）]*除外)）$/.exec(clause);
      if (!whole) continue;
      for (const [code, row] of taxonomy.gbt)
        if (
          (code.length === 4 || code.length === 3) &&
          row.name === whole[1] &&
          e.codes.some((p) => code.startsWith(p) || p.startsWith(code))
        )
          bookAll.push({ ...e, codes: [code], title: row.name, book: clause });
    }
  }
  const bookOf = new Map<string, EiaItem | null>();
  const eiaBookOf = (code: string) => {
    let e = bookOf.get(code);
    if (e === undefined) bookOf.set(code, (e = bookAll.find((i) => i.codes.some((c) => code.startsWith(c))) ?? null));
    return e ?? undefined;
  };
  // the 名录's own process words (发酵, 染色, 鞣制…) read in a class's 说明: what making that class involves; a 说明 that lists
  // techniques a product may use (金属工艺品: 经过…打磨、电镀等各种工艺) does not make any of them the class's own
  const namedForms = (input.processes ?? []).filter((p) => p.named && p.items.some((i) => i.how !== 'form'));
  const intrinsic = new Map<string, readonly IntrinsicProcess[]>();
  const intrinsicOf = (code: string): readonly IntrinsicProcess[] => {
    let out = intrinsic.get(code);
    if (out) return out;
    const list: IntrinsicProcess[] = [];
    const remark = (taxonomy.gbt.get(code)?.remark ?? '').split(/不包括|不含/)[0]!;
    if (code.length === 4 && remark && !/各种工艺|等工艺/.test(remark)) {
      const seen = new Set<string>();
      for (const p of namedForms) {
        if (seen.has(p.process) || !remark.includes(p.form)) continue;
        // (one kind in a list of what the class includes is what making a product of that kind involves, not every
        // product of the class: 3985 …包括半导体材料、…、锂电池材料、…、电子化工材料等 — a separator maker makes no
        // electronic chemicals)
        const at = remark.indexOf(p.form);
        const before = remark.slice(0, at);
        let kinds: IntrinsicProcess['kinds'];
        if (before.includes('包括') && (before.endsWith('、') || remark.startsWith('等', at + p.form.length))) {
          const list = remark
            .slice(remark.lastIndexOf('包括', at) + 2)
            .split(/[。；]/)[0]!
            .replace(/等$/, '');
          const pieces = (name: string) => {
            const core = name.replace(/材料$/, '').replace(/及/g, '');
            // (a two-character kind by its first character too: 磁性 → 磁, as in 钕铁硼磁组件)
            const two = Array.from({ length: Math.max(0, core.length - 1) }, (_, i) => core.slice(i, i + 2));
            return [...new Set(core.length === 2 ? [...two, core[0]!] : two)];
          };
          const own = pieces(p.form);
          const others = list
            .split('、')
            // (a kind the item's 报告书 names itself is no way out: 半导体材料制造 is 第81项 too)
            .filter((k) => !k.includes(p.form) && !p.form.includes(k.replace(/材料$/, '')))
            .filter((k) => !p.items.some((i) => eiaItems.get(i.no)?.book.includes(k)))
            .flatMap(pieces)
            .filter((b) => !own.includes(b) && b !== '电子' && b !== '材料');
          kinds = { others, own };
        }
        const items = p.items.filter((i) => i.how !== 'form' && eiaItems.get(i.no)?.codes.some((c) => code.startsWith(c)));
        if (!items.length) continue;
        seen.add(p.process);
        list.push({ form: p.form, items, ...(kinds ? { kinds } : {}) });
      }
    }
    intrinsic.set(code, (out = list));
    return out;
  };
  return {
    taxonomy,
    positioningOf,
    eiaItems,
    ruleOutputFloor: input.rules.map((r) => outputFloorOf(citedItems(r.source), eiaItems)),
    ruleCited: input.rules.map((r) => citedItems(r.source)),
    eiaBookOf,
    eiaBookClasses,
    intrinsicOf,
    parks,
    parkById,
    rules: input.rules,
    gating: Uint8Array.from(input.rules, (r) => (ruleGates(r) ? 1 : 0)),
    chains: input.chains,
    nodes,
    lists: positioningLists(taxonomy.positionings.length, parks),
    ruleParks: input.rules.map((_, r) => setOf(n, (i) => parks[i]!.applies[r] === 1)),
    districtParks: new Map([...new Set(input.parks.map((p) => p.district))].map((d) => [d, setOf(n, (i) => parks[i]!.district === d)])),
    townParks: new Map([...new Set(input.parks.map((p) => p.town))].map((t) => [t, setOf(n, (i) => parks[i]!.town === t)])),
    hot: hotTable(parks),
    units,
    aff: affinityTable(parks, taxonomy.positionings.length),
    chainParks: chainParkSets(parks, nodes, input.chains),
    dict: createDictionary(entries),
    lexiconDict: createDictionary(lexiconEntries),
    termClass,
    processDict: processDictionary(input.rules, input.chemicals, input.processes),
    // (its 品名, else its first 别名 where the 品名 is one character the lexicon leaves out: 氢 → 氢气)
    chemicalNameByCas: new Map(
      [...(input.chemicals ?? []).filter((c) => /别名$/.test(c.source)), ...(input.chemicals ?? []).filter((c) => /品名$/.test(c.source))]
        .filter((c) => c.cas && /^\p{Script=Han}+$/u.test(c.form))
        .map((c) => [c.cas!, c.form] as const),
    ),
    eiaDict: createDictionary(eiaEntries, { inflect: true }),
    signatureDict: createDictionary((input.processSignatures ?? []).map(({ cue, ...value }) => ({ word: normalizeText(cue), value }))),
    processLabel: new Map((input.processLabels ?? []).map((p) => [p.process, p.label])),
  };
}

export interface ProcessSignature {
  process: string;
  form: string;
  /** `made`: a product whose industrial making is the process (黄原胶, 干酵母: 发酵), read where the lead makes it. */
  role: 'need' | 'strong' | 'and' | 'skip' | 'unless' | 'made';
  cue: string;
}

/** What the dictionary words in a text name: positionings, GB/T classes and 链主 (park indexes), each once, in text order. */
export interface WordsReading {
  positionings: number[];
  codes: string[];
  leaderParks: number[];
}

export function readWords(k: Knowledge, text: string): WordsReading {
  const out: WordsReading = { positionings: [], codes: [], leaderParks: [] };
  for (const m of k.dict.match(normalizeText(text))) {
    for (const h of m.values) {
      if (h.t === 'pos' && !out.positionings.includes(h.idx)) out.positionings.push(h.idx);
      else if (h.t === 'gbt' && !out.codes.includes(h.code)) out.codes.push(h.code);
      else if (h.t === 'leader' && !out.leaderParks.includes(h.parkIdx)) out.leaderParks.push(h.parkIdx);
    }
  }
  return out;
}

/**
 * What one industry term names — the one reading of a term for the lead's `industries`, the park
 * library's industry filter and the park search: a GB/T code (2–4 digits: the positionings whose
 * codes cover it, most specific first, then those whose codes lie under it), else a positioning by
 * name or alias, else the dictionary words in it.
 */
export interface TermReading extends WordsReading {
  /** The term itself when it is a GB/T code. */
  code: string | null;
  /** For a code: the positionings whose codes lie under it (narrower), not already in `positionings`. */
  narrower: number[];
}

export function readIndustryTerm(k: Knowledge, term: string): TermReading {
  const t = term.trim();
  if (/^\d{2,4}$/.test(t)) {
    const covering = positioningsForCode(k.taxonomy, t);
    const narrower = k.taxonomy.positionings
      .filter((p) => !covering.includes(p.idx) && p.codes.some((c) => c.startsWith(t)))
      .map((p) => p.idx);
    return { code: t, positionings: covering, narrower, codes: [t], leaderParks: [] };
  }
  const named = k.taxonomy.byName.get(t);
  if (named !== undefined) return { code: null, narrower: [], positionings: [named], codes: [], leaderParks: [] };
  return { code: null, narrower: [], ...readWords(k, t) };
}

/**
 * The processes a lead was read to involve (涉及), as staff should see them: the words that fired a
 * process or pollution rule. A review-level rule's trigger (用地 → 区审) is not a process.
 */
export function processWords(fired: ReadonlyMap<number, string>, k: Pick<Knowledge, 'rules'>): string[] {
  const out = new Set<string>();
  for (const [idx, word] of fired) if (k.rules[idx]?.effect !== 'reviewLevel') out.add(word);
  return [...out];
}

/** The 名录 items a rule's source cites: 第68项, 第28项、第29项, 第66、67、69项, 第61项至第64项. */
export function citedItems(source: string): number[] {
  const at = source.indexOf('名录');
  if (at < 0) return [];
  // only the 名录's own citation (up to the next document: …；嘉政发〔2024〕20号)
  const own = source.slice(at).split(/；(?=[^第])/)[0]!;
  const out: number[] = [];
  for (const m of own.matchAll(/第(\d+)项?至第?(\d+)项|第(\d+(?:、\d+)*)项/g)) {
    if (m[1]) for (let n = Number(m[1]); n <= Number(m[2]); n++) out.push(n);
    else for (const n of m[3]!.split('、')) out.push(Number(n));
  }
  return out;
}

/** The lowest yearly output floor (t) of items that all have one in their 报告书 condition (年产10万吨及以上的), else undefined. */
function outputFloorOf(nos: readonly number[], items: ReadonlyMap<number, EiaItem>): number | undefined {
  if (!nos.length) return undefined;
  let floor = Infinity;
  for (const no of nos) {
    const f = outputFloor(items.get(no)?.book ?? '');
    if (f === undefined) return undefined;
    floor = Math.min(floor, f);
  }
  return floor;
}

/**
 * The yearly output (t) from which a 报告书 condition applies, where every clause of it carries one (第68项 黑色金属铸造年产
 * 10万吨及以上的；有色金属铸造年产10万吨及以上的: 100,000; 第63项 年产50万吨及以上的冷轧: 500,000), else undefined.
 */
/**
 * The daily capacity above which an item is a 报告书 (第106项 其他处置方式日处置能力50吨及以上的, 第17项 日加工糖料能力1000吨及以上的,
 * 第95项 日处理10万吨及以上城乡污水处理的), in tonnes a day: the smallest its clauses name, or undefined.
 */
export function dailyFloor(book: string): number | undefined {
  const fs = [...book.matchAll(/日(?:处置|处理|加工)[^\d；，]{0,4}?(\d+(?:\.\d+)?)(万吨|吨)及以上/g)].map(
    (m) => Number(m[1]) * (m[2] === '万吨' ? 10_000 : 1),
  );
  return fs.length ? Math.min(...fs) : undefined;
}
/** The yearly output one 报告书 clause sets, in tonnes (年产2万吨及以上且有发酵工艺的酱油、食醋制造 → 20,000), or undefined. */
export function clauseOutputFloor(clause: string): number | undefined {
  const m = /年产(\d+(?:\.\d+)?)(万吨|吨)及以上/.exec(clause);
  return m ? Number(m[1]) * (m[2] === '万吨' ? 10_000 : 1) : undefined;
}
export function outputFloor(book: string): number | undefined {
  const fs = [...book.matchAll(/年产(\d+(?:\.\d+)?)(万吨|吨)及以上的/g)].map((m) => Number(m[1]) * (m[2] === '万吨' ? 10_000 : 1));
  // every clause of the item must carry a floor, else the item is a 报告书 some other way
  return fs.length && fs.length === book.split('；').length ? Math.min(...fs) : undefined;
}
