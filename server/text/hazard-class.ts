/**
 * A hazard class the text states for a substance (DCP（过氧化二异丙苯，有机过氧化物F型）, 三氯化磷…SDS为急性毒性-吸入类别2,
 * DMC (flammable liquid category 2)): GB 18218-2018 表2 gives its 临界量 where 表1 names no such substance. The reading uses
 * it as it uses a named chemical of 表1: the stock the text gives near the name, summed with the others (4.2.2).
 *
 * Only a class the text states counts — never one guessed from a name. Where the state decides the row (急性毒性: a gas
 * or a liquid) and the text does not say it, the larger 临界量 of the rows the class may fall in is used, so a stated class
 * never excludes a lead on a guess. Texts are normalised (NFKC, lower case) before they come here.
 */

/** A class statement: the substance it is said of, where that name stands, and the 表2 row it falls in. */
export interface StatedHazardClass {
  /** The substance's name as the text gives it (DCP, 三氯化磷), or the class itself where a group is meant (都是气溶胶类别1). */
  name: string;
  /** Other names the text gives it in the same brackets (过氧化二异丙苯 of DCP). */
  aliases: string[];
  /** GB 18218-2018 表2 row (W7.2, J5). */
  seq: string;
  thresholdT: number;
  /** The class as the text says it, for the reason (有机过氧化物f型). */
  said: string;
  /** Where the class phrase stands. */
  at: number;
  /** Where the name and its brackets stand (DCP（…，有机过氧化物F型）): one place, so an amount after the brackets is the name's. */
  span?: [number, number];
}

interface ClassRow {
  seq: string;
  thresholdT: number;
}

/** GB 18218-2018 表2 (../shared/reference/gb18218-2018-table2.tsv): the row a stated class and category fall in. */
function rowOf(kind: string, cat: string, state: 'gas' | 'liquid' | 'solid' | null, lowBoil: boolean): ClassRow | null {
  const n = { '1': 1, '2': 2, '3': 3, 一: 1, 二: 2, 三: 3 }[cat] ?? null;
  const type = /^[a-g]$/.test(cat) ? cat : null;
  switch (kind) {
    case 'acute':
      // J1–J5: a gas, or a liquid or solid; where the state is not said, the larger 临界量 of the rows it may be in
      if (n === 1) return state === 'gas' ? { seq: 'J1', thresholdT: 5 } : { seq: 'J2', thresholdT: 50 };
      if (n === 2) {
        if (state === 'gas') return { seq: 'J3', thresholdT: 50 };
        if (state === 'liquid' && lowBoil) return { seq: 'J4', thresholdT: 50 };
        return { seq: 'J5', thresholdT: 500 };
      }
      if (n === 3) {
        if (state === 'gas') return { seq: 'J3', thresholdT: 50 };
        if (state === 'liquid' && lowBoil) return { seq: 'J4', thresholdT: 50 };
        return null;
      }
      return null;
    case 'flamGas':
      return n === 1 || n === 2 ? { seq: 'W2', thresholdT: 10 } : null;
    case 'aerosol':
      return n === 1 || n === 2 ? { seq: 'W3', thresholdT: 150 } : null;
    case 'oxGas':
      return n === 1 ? { seq: 'W4', thresholdT: 50 } : null;
    case 'flamLiq':
      // (类别2 and 3 under special process conditions are W5.2, 50 t; a text that states only the class gets W5.3/W5.4)
      return n === 1
        ? { seq: 'W5.1', thresholdT: 10 }
        : n === 2
          ? { seq: 'W5.3', thresholdT: 1000 }
          : n === 3
            ? { seq: 'W5.4', thresholdT: 5000 }
            : null;
    case 'selfReactive':
      return type === 'a' || type === 'b'
        ? { seq: 'W6.1', thresholdT: 10 }
        : type === 'c' || type === 'd' || type === 'e'
          ? { seq: 'W6.2', thresholdT: 50 }
          : null;
    case 'peroxide':
      return type === 'a' || type === 'b'
        ? { seq: 'W7.1', thresholdT: 10 }
        : type && 'cdef'.includes(type)
          ? { seq: 'W7.2', thresholdT: 50 }
          : null;
    case 'pyrophoric':
      return n === 1 ? { seq: 'W8', thresholdT: 50 } : null;
    case 'oxidiser':
      return n === 1 ? { seq: 'W9.1', thresholdT: 50 } : n === 2 || n === 3 ? { seq: 'W9.2', thresholdT: 200 } : null;
    case 'flamSolid':
      return n === 1 ? { seq: 'W10', thresholdT: 200 } : null;
    case 'waterReactive':
      return n === 1 || n === 2 ? { seq: 'W11', thresholdT: 200 } : null;
    default:
      return null;
  }
}

// (GHS's 类别2 only: 第3类, 3类易燃液体 are the transport classes of GB 6944, another system)
const CAT = '类别\\s*([123一二三])(?![0-9.])';
const EN_CAT = '(?:,\\s*|\\s+)?\\(?(?:category|cat\\.?)\\s*([123])\\)?';
const KIND_WORDS: readonly [string, string, string][] = [
  // [kind, Chinese name, English name]
  [
    'acute',
    '急性毒性(?:\\s*[-—–‐:]?\\s*(?:经口|经皮|吸入))?',
    'acute\\s*tox(?:icity|\\.)?(?:\\s*[-—–(]?\\s*(?:oral|dermal|inhalation)\\)?)?',
  ],
  ['flamGas', '易燃气体', 'flammable\\s+gas(?:es)?|flam\\.?\\s*gas'],
  ['aerosol', '(?:易燃)?气溶胶', '(?:flammable\\s+)?aerosols?'],
  ['oxGas', '氧化性气体', 'oxidi[sz]ing\\s+gas(?:es)?|ox\\.?\\s*gas'],
  ['flamLiq', '易燃液体', 'flammable\\s+liquids?|flam\\.?\\s*liq\\.?'],
  ['pyrophoric', '自燃(?:液体|固体)', 'pyrophoric\\s+(?:liquids?|solids?)|pyr\\.?\\s*(?:liq|sol)\\.?'],
  ['oxidiser', '氧化性(?:液体|固体)', 'oxidi[sz]ing\\s+(?:liquids?|solids?)|ox\\.?\\s*(?:liq|sol)\\.?'],
  ['flamSolid', '易燃固体', 'flammable\\s+solids?|flam\\.?\\s*sol\\.?'],
  ['waterReactive', '遇水放出易燃气体的(?:物质|混合物)(?:和混合物)?', 'water[- ]react(?:ive|\\.)?'],
];
const TYPED_KINDS: readonly [string, string, string][] = [
  ['peroxide', '有机过氧化物', 'organic\\s+peroxides?|org\\.?\\s*perox\\.?'],
  ['selfReactive', '自反应(?:物质|混合物)(?:和混合物)?', 'self[- ]react(?:ive|\\.)?(?:\\s+(?:substances?|mixtures?))?'],
];

interface Phrase {
  re: RegExp;
  kind: string;
}
const PHRASES: Phrase[] = [
  ...KIND_WORDS.flatMap(([kind, zh, en]) => [
    { re: new RegExp(`(?:${zh})\\s*[,，、]?\\s*${CAT}`, 'gu'), kind },
    { re: new RegExp(`类别\\s*([123一二三])\\s*(?:的)?(?:${zh})`, 'gu'), kind },
    { re: new RegExp(`\\b(?:${en})${EN_CAT}(?![0-9])`, 'gu'), kind },
    { re: new RegExp(`\\b(?:category|cat\\.?)\\s*([123])\\s+(?:${en})`, 'gu'), kind },
  ]),
  ...TYPED_KINDS.flatMap(([kind, zh, en]) => [
    { re: new RegExp(`(?:${zh})\\s*[,，、]?\\s*([a-g])\\s*型`, 'gu'), kind },
    { re: new RegExp(`(?<![a-z])([a-g])\\s*型\\s*(?:的)?(?:${zh})`, 'gu'), kind },
    { re: new RegExp(`\\b(?:${en})\\s*,?\\s*\\(?type\\s*([a-g])\\b`, 'gu'), kind },
    { re: new RegExp(`\\btype\\s*([a-g])\\s+(?:${en})`, 'gu'), kind },
  ]),
];

/** A class's category or type as any phrase says it (类别2, F型, category 2, type F), or an organic peroxide's class alone. */
const STATED_ANY = /类别\s*[123一二三]|[a-g]\s*型|\b(?:category|cat\.?)\s*[123]|\btype\s*[a-g]\b|有机过氧化物|organic\s+peroxide/;
/**
 * An organic peroxide said without its type (交联剂为有机过氧化物TBEC…最大储量60吨): it is W7.1 (A、B型, 10 t) or W7.2
 * (C–F型, 50 t); a stock at or above the larger 临界量 is one whichever type it is, so the class is read with 50 t (a stock
 * between 10 and 50 t is left: its type decides, and the text does not say it).
 */
const PEROXIDE_UNTYPED =
  /有机过氧化物(?!\s*[,，、]?\s*(?:[a-g]\s*型|类|的?(?:型|种类|分类)))|\borganic\s+peroxides?\b(?!\s*,?\s*\(?type\s*[a-g]\b)/g;
const PEROXIDE_ROW: ClassRow = { seq: 'W7.1/W7.2（型别未述，取两者中较大的临界量）', thresholdT: 50 };
/** Words that end a name going back from a bracket or a verb. */
const NAME_STOP = /[,，、:：;；。!?！？\n|｜\t()（）]/;
/** A verb or a quantity word before a substance's name (存放硅烷, 库存DCP), not part of it. */
const LEAD_VERB =
  /^(?:另(?:有|设)?|还有|其中|包括|主要(?:是|有)?|现场|场内|库内|厂内|存放|储存|贮存|存储|储有|存有|库存|常备|备有|设有|含有|使用|使用的|用的|用|放|存|储|有|设|含|及|和|与|以及|and|plus|with|of|stores?|storing|holds?|keeps?)\s*/;
/** An amount after a name (硅烷5t, 一氧化二氮10t): the name is what stands before it. */
const TRAILING_AMOUNT = /\s*(?:约|大约|最大|最多|共)?\s*\d+(?:\.\d+)?\s*(?:t|吨|kg|公斤|千克|m3|m³|立方米?|方|l|升|tonnes?|tons?)?\s*$/;
/** Words that are no substance's name (a document, a stock's word). */
const NOT_A_NAME =
  /^(?:sds|msds|ghs|安全技术说明书|说明书|危险性|危险类别|类别|分类|备注|注|其|它|其中|均|都|全部|主要|产品|原料|成品|物料|介质|罐区|储罐|仓库|库房|\d+)$/;

function cleanName(raw: string): string {
  // (the name is what follows the last verb of keeping: 剧毒品专库储存固体氰化钠 → 氰化钠)
  let s = raw
    .trim()
    .replace(/^.*(?:储存|贮存|存放|存储|库存|储有|存有|常备|备有)/, '')
    .replace(/^(?:固体|液体|液态|气态|固态)/, '')
    .replace(/[:：]+$/, '');
  for (let i = 0; i < 3; i++) {
    const before = s;
    s = s.replace(LEAD_VERB, '').replace(TRAILING_AMOUNT, '').trim();
    s = s.replace(/\s*(?:的)?(?:msds|sds|安全技术说明书|说明书|ghs)(?:上|中|里)?(?:标注|注明|显示|写的?)?\s*$/, '').trim();
    s = s.replace(/(?:不在表\s*1|不属于表\s*1|未列入表\s*1)$/, '').trim();
    if (s === before) break;
  }
  // (a concentration is the solution's, not its name: 双氧水27.5% → 双氧水)
  s = s.replace(/\s*\d+(?:\.\d+)?\s*%$/, '').trim();
  // (a group said of together, 原料均为…, 使用的溶剂都是…: a description, not a substance's name)
  s = s.replace(/(?:都|均|全部|全|皆)$/, '').trim();
  if (/的/.test(s) && /\p{Script=Han}/u.test(s)) return '';
  return s.length >= 2 && s.length <= (/^[a-z0-9 ,.-]+$/.test(s) ? 28 : 16) && !NOT_A_NAME.test(s) && /[\p{Script=Han}a-z]/u.test(s)
    ? s
    : '';
}

/** The name standing right before `at` (back to a stop), cleaned, and where its stretch starts. */
function nameBefore(text: string, at: number): [string, number] {
  let s = at;
  while (s > 0 && at - s < 24 && !NAME_STOP.test(text[s - 1]!)) s--;
  while (s < at && /\s/.test(text[s]!)) s++;
  return [cleanName(text.slice(s, at)), s];
}

/** The state a class statement says (气体, 液体, 固体; gas, liquid, solid), in its brackets or clause. */
function stateNear(around: string): 'gas' | 'liquid' | 'solid' | null {
  if (/气体|\bgas(?:es)?\b|\bvapou?r\b/.test(around)) return 'gas';
  if (/液体|\bliquids?\b/.test(around)) return 'liquid';
  if (/固体|\bsolids?\b|粉末|\bpowder\b/.test(around)) return 'solid';
  return null;
}

/** The substances whose GB 18218 class the text states, with the 表2 row each falls in. */
export function statedHazardClasses(text: string): StatedHazardClass[] {
  // (most leads state no class: one scan decides whether the 44 phrases are tried)
  if (!STATED_ANY.test(text)) return [];
  const out: StatedHazardClass[] = [];
  const seen = new Set<number>();
  for (const { re, kind } of PHRASES) {
    re.lastIndex = 0;
    for (const m of text.matchAll(re)) {
      const at = m.index;
      if (seen.has(at)) continue;
      // (a negated class, 不属于易燃液体类别2, says what the substance is not)
      if (/(?:不属于?|非|not\s+(?:a\s+)?|no\s+longer\s+)$/.test(text.slice(Math.max(0, at - 6), at))) continue;
      const cat = m[1]!.toLowerCase();
      // the brackets the class stands in, if any: the name is before them, other names inside
      const open = Math.max(text.lastIndexOf('(', at), text.lastIndexOf('（', at));
      const close = open >= 0 ? text.slice(open, at).search(/[)）]/) : -1;
      const inBrackets = open >= 0 && at - open <= 30 && close < 0;
      const [cs, ce] = clauseOf(text, at, at + m[0].length);
      const around = inBrackets ? text.slice(open, Math.min(text.length, at + m[0].length + 24)) : text.slice(cs, ce);
      const bp = /沸点\s*[:：为]?\s*(-?\d+(?:\.\d+)?)\s*(?:℃|°c)|b\.?p\.?\s*(-?\d+(?:\.\d+)?)\s*°?c/.exec(around);
      const lowBoil = bp !== null && Number(bp[1] ?? bp[2]) <= 35 && /吸入|inhal/.test(around);
      const row = rowOf(kind, cat, stateNear(around), lowBoil);
      if (!row) continue;
      seen.add(at);
      let name = '';
      let span: [number, number] | undefined;
      const aliases: string[] = [];
      if (inBrackets) {
        const [before, from] = nameBefore(text, open);
        name = before;
        const shut = text.slice(at).search(/[)）]/);
        // (…unless its amount stands before the brackets: 一氧化二氮10t（氧化性气体类别1）)
        if (shut >= 0 && shut < 40 && !/\d/.test(text.slice(from, open))) span = [from, at + shut + 1];
        // (the other names in the brackets, before the class: DCP（过氧化二异丙苯，有机过氧化物F型）)
        for (const part of text.slice(open + 1, at).split(/[,，、;；]/)) {
          const a = cleanName(part);
          if (a && a !== name && !/类别|category|型|type/.test(a)) aliases.push(a);
        }
        if (!name && aliases.length) name = aliases.shift()!;
      } else {
        // said of a subject: 双氧水SDS为氧化性液体类别2; 三氯化磷不在表1，SDS为急性毒性类别2 (the sentence's first subject)
        const verb = /(?:为|是|属于?|归为|按|列为|\bis\b|\bare\b|classified\s+as|:)\s*(?:ghs\s*)?$/.exec(text.slice(cs, at));
        if (verb) {
          name = cleanName(text.slice(cs, cs + verb.index));
          if (!name && !/(?:都|均|全|皆|all|both)\s*(?:是|为|属于?|are)?\s*$/.test(text.slice(cs, at))) {
            const ss = sentenceStart(text, at);
            const first = /^[^,，、:：;；。(（\n|]{2,16}?(?=不|为|是|的|储罐|罐|sds|msds|,|，|\(|（|\s)/.exec(text.slice(ss, cs));
            if (first) name = cleanName(first[0]);
          }
        }
      }
      const said = m[0]
        .replace(/\s+/g, ' ')
        .replace(/[()（）]/g, '')
        .trim();
      out.push({ name, aliases, seq: row.seq, thresholdT: row.thresholdT, said, at, ...(span ? { span } : {}) });
    }
  }
  // (an organic peroxide without its type: the larger 临界量 of its two rows; not one said absent, 不含有机过氧化物)
  for (const m of text.matchAll(PEROXIDE_UNTYPED)) {
    const at = m.index;
    if (seen.has(at) || out.some((o) => Math.abs(o.at - at) < 12)) continue;
    if (/(?:不属于?|非|不含|无|没有|不使用|不用|not\s+(?:a\s+)?|no\s+|free\s+of\s+)$/.test(text.slice(Math.max(0, at - 6), at))) continue;
    seen.add(at);
    out.push({ name: '', aliases: [], seq: PEROXIDE_ROW.seq, thresholdT: PEROXIDE_ROW.thresholdT, said: m[0], at });
  }
  return out.sort((a, b) => a.at - b.at);
}

function clauseOf(text: string, start: number, end: number): [number, number] {
  let s = start;
  while (s > 0 && !/[,，;；。:：\n|｜]/.test(text[s - 1]!)) s--;
  let e = end;
  while (e < text.length && !/[,，;；。\n|｜]/.test(text[e]!)) e++;
  return [s, e];
}

function sentenceStart(text: string, at: number): number {
  let s = at;
  while (s > 0 && !/[。;；!?！？\n]/.test(text[s - 1]!)) s--;
  // (a label before a colon is no subject: 备注：双氧水SDS为…)
  const colon = text.slice(s, at).search(/[:：]/);
  return colon >= 0 && colon < 8 ? s + colon + 1 : s;
}
