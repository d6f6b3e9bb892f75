/**
 * A stock told by its containers (GB 18218-2018 compares what is held at once with the 临界量): a count of drums, bags,
 * cylinders or tanks and what each one holds, in either order and in separate clauses — 库里常备六百个吨桶，一桶装零点九吨;
 * 钢桶装的，一桶五十公斤，仓库一般压着两千四百桶; 一吨装的液氯钢瓶，在用加备用一共八只; 吨袋进的，一次进一百二十袋 — and the
 * density a text states for a volume (密度0.87, 液化气密度按0.51t/m³计), which beats a handbook value.
 *
 * Pure, over normalised text (lower case, half-width digits); linear in the text's length.
 */
import { englishSmallNumber, ENGLISH_SMALL_NUMBERS, parseNumberOrRangeLow } from './numbers.js';

/** A number as written: 600, 0.9, 六百, 三千五百, 零点九, 两千四百. */
// (…with thousands separated: 3,500 桶)
const NUM = '(\\d{1,3}(?:,\\d{3})+(?!\\d)|\\d+(?:\\.\\d+)?|[零〇一二两三四五六七八九十百千万点]+)';
/** Containers by their word (桶, 吨桶, 钢瓶…; a hydrogen station's tube trailers, 每车装氢约380kg). */
// (…and an English mail's: ton containers, cylinders, drums)
const CONTAINER =
  '(吨桶|吨袋|吨包|吨箱|吨钢瓶|吨瓶|钢桶|铁桶|塑料桶|桶|编织袋|袋|包|钢瓶|气瓶|瓶|罐|箱|长管拖车|管束车|拖车|车|ton containers?|containers?|cylinders?|drums?|tube trailers?|trailers?|tanks?)';
/** Containers whose word says what each holds: a tonne (吨袋, 吨钢瓶) or a cubic metre (吨桶, the 1,000-litre IBC). */
const TONNE_CONTAINER: Readonly<Record<string, { each: number; volume: boolean }>> = {
  吨桶: { each: 1, volume: true },
  吨箱: { each: 1, volume: true },
  吨袋: { each: 1, volume: false },
  吨包: { each: 1, volume: false },
  吨钢瓶: { each: 1, volume: false },
  吨瓶: { each: 1, volume: false },
};
/** What each holds, stated per container: 一桶装零点九吨, 每袋25公斤, 单瓶400kg, 每瓶充装乙炔约7kg. */
// (…in grams or millilitres too, as a can's net content is said: 单罐净含量250g, 每罐200ml)
const EACH_BEFORE = new RegExp(
  `(?:一|每|单)(?:个|只)?${CONTAINER}[\\u4e00-\\u9fff]{0,6}?\\s*${NUM}\\s*(吨|t(?![a-z])|公斤|千克|kg|升|l(?![a-z])|毫升|ml(?![a-z])|克|g(?![a-z]))`,
  'g',
);
/** …or before the container: 一吨装的液氯钢瓶, 五十公斤的钢桶, 二百升的桶装, 400kg钢瓶, 250kg/桶, 160公斤每桶. */
const EACH_AFTER = new RegExp(
  `${NUM}\\s*(吨|t(?![a-z])|公斤|千克|kg|升|l(?![a-z]))\\s*(?:[/／]|每)?\\s*(?:装)?(?:的)?[\\u4e00-\\u9fff]{0,4}?\\s*${CONTAINER}`,
  'g',
);
/** …and an English mail's: 1-tonne drums, 1-tonne liquid-chlorine drums, Y-cylinders (about 440 kg net each). */
const EACH_ENGLISH = new RegExp(
  // (a count of ton containers is no container of that many tonnes: 22 ton containers (1 t net each))
  `${NUM}(?!\\s+tons?\\s+containers?)[\\s-]*(tonnes?|tons?|t|kg)[\\s-]+(?:[a-z-]+\\s+)?${CONTAINER}|${CONTAINER}[^.;\\n]{0,60}?\\b${NUM}\\s*(tonnes?|tons?|t|kg|m3|m³|cubic metres?)\\s+(?:of\\s+[a-z0-9]+\\s+)?(?:net\\s+)?each\\b`,
  'g',
);
/** …or said after "each" later in the sentence: two 20-ft ISO tanks kept on site, each holding about 10 t net. */
const EACH_HOLDING = new RegExp(
  `${CONTAINER}[^.;\\n]{0,60}?\\beach\\s+(?:holding|containing|carrying|with|of|filled with|holds)?\\s*(?:about\\s+|approx\\.?\\s*|around\\s+|some\\s+|roughly\\s+)?${NUM}\\s*(tonnes?|tons?|t|kg)\\b`,
  'g',
);
/** An English count of containers, a word or two between: 12 chlorine drums, 28 Y-cylinders (a kind joined by a hyphen: 12
 * ammonia Y-cylinders); or of those named, 28 on site. */
const COUNT_ENGLISH = new RegExp(
  `(?<![\\d.,-])(${NUM.slice(1, -1)}|\\b(?:${ENGLISH_SMALL_NUMBERS.join('|')}))\\s+(?:(?:[a-z0-9-]+\\s+){0,3}?(?:[a-z0-9]{1,4}-)?${CONTAINER}|(?:full\\s+)?(?:on site|onsite|in stock|in use|on hand|at any time|in the yard|in store))`,
  'g',
);
/** …or after the container's word, with 装 (液氯钢瓶1吨装, 钢桶200公斤装的). */
const EACH_WORD_FIRST = new RegExp(`${CONTAINER}\\s*(?:是|为)?\\s*${NUM}\\s*(吨|t(?![a-z])|公斤|千克|kg|升|l(?![a-z]))\\s*装`, 'g');
/** A count of containers: 六百个吨桶, 三千五百桶, 一百二十袋, 二十五只, 一共八只. */
// (a round count said loosely, 十来只, 二十多瓶: the number said)
// (…in ten-thousands, as a store of cans is counted: 60万罐)
const COUNT = new RegExp(`${NUM}\\s*(万)?\\s*(?:来|多|余)?\\s*(个|只|支|具|台|辆)?\\s*${CONTAINER}?`, 'g');
/** Right before a count: the output of what the lead makes (产能：缝合线, 年产, 月产). */
const OUTPUT_BEFORE = /(产能|年产|月产|日产|产量|年销|销量|年产能)[^，,。；;\n]{0,8}$/;
/** Cylinders in each bundle (每格12瓶, 每组16瓶, 每托20桶), and bundles counted (常备15格, 集装格4组). */
const PER_BUNDLE = new RegExp(`每(格|组|排|架|托|框)\\s*${NUM}\\s*(?:个|只)?\\s*(?:瓶|桶|罐|只)`);
const BUNDLES = new RegExp(`${NUM}\\s*(格|组|排|架|托|框)(?![\\u4e00-\\u9fff]{0,1}(?:瓶|桶))`, 'g');
/** Right before a count of containers: their state (在用, 备用, 满瓶, 库存, 空瓶). */
const STATE_BEFORE = /(在用|在线|使用中|正在用|备用|满瓶|满罐|重瓶|库存|周转|空瓶|空罐|空桶)[^，,。；;\n\d]{0,2}$/;
/** An English count of containers by their state (two on line, six full spares, 4 in use, 2 standby): the full ones. */
const ENGLISH_STATE = new RegExp(
  `\\b(\\d+|${ENGLISH_SMALL_NUMBERS.join('|')})\\s+(?:(?:full\\s+)?(?:spares?|standby|stand-by|reserves?)|on[- ]?line|in use|in service|connected|on duty|duty|full(?:\\s+ones)?)\\b`,
  'g',
);
/**
 * A stated density: 密度0.87, 密度按0.51t/m³计, 密度0.67吨/立方, 密度0.071t/m³; or a mass per volume said as the basis of a
 * reckoning, without the word (按0.9充装、0.43吨/立方米计).
 */
const DENSITY = new RegExp(
  `(?:(?:密度|比重)\\s*(?:按|为|约|是|取)?|(?<=[按、，,])\\s*(?=[\\d.]+\\s*(?:t|吨)\\s*[/／]\\s*(?:m3|m³|立方米|立方|方)\\s*计))\\s*${NUM}\\s*(?:(?:t|吨)\\s*[/／]\\s*(?:m3|m³|立方米|立方|方)|(?:g|克)\\s*[/／]\\s*(?:cm3|cm³|ml|毫升)|(?:kg|千克|公斤)\\s*[/／]\\s*(?:m3|m³|立方米|立方|方))?`,
  'g',
);

const num = (s: string): number | null => {
  if (/^\d/.test(s)) return Number(s.replace(/,/g, ''));
  // (零点九 → 0.9)
  const [a, b] = s.split('点');
  const whole = a ? (a === '零' || a === '〇' ? 0 : parseNumberOrRangeLow(a)) : 0;
  if (whole === null) return null;
  if (b === undefined) return whole;
  const digits = [...b].map((c) => '零一二三四五六七八九'.indexOf(c.replace('〇', '零').replace('两', '二')));
  return digits.some((d) => d < 0) ? null : Number(`${whole}.${digits.join('')}`);
};
const toTonnes = (n: number, unit: string) => (/^(公斤|千克|kg)$/.test(unit) ? n / 1000 : /^(克|g)$/.test(unit) ? n / 1e6 : n);

/** The density a stretch of text states (t/m³), or null: the last one stated. */
export function statedDensity(text: string): number | null {
  let out: number | null = null;
  for (const m of text.matchAll(DENSITY)) {
    const n = num(m[1]!);
    if (n === null) continue;
    const kgPerM3 = /kg|千克|公斤/.test(m[0]);
    const d = kgPerM3 ? n / 1000 : n;
    if (d > 0.01 && d < 25) out = d;
  }
  return out;
}

/**
 * The tonnes held in the containers a stretch of text counts, each one's content times their count, or null where it
 * does not give both. `density` (t/m³) turns a volume per container (升, 吨桶) into tonnes; without it a litre is a kilogram.
 */
export function containerStock(text: string, density: number | null): { t: number; count: number; each: number; tankVolume?: true } | null {
  // what each holds, and where that is said (so that its number is not also read as the count)
  let each: number | null = null;
  let container: string | null = null;
  let tankVolume = false;
  const taken: [number, number][] = [];
  for (const re of [EACH_BEFORE, EACH_AFTER, EACH_WORD_FIRST, EACH_ENGLISH, EACH_HOLDING]) {
    for (const m of text.matchAll(re)) {
      const [n, unit, word] =
        re === EACH_HOLDING
          ? [m[2]!, m[3]!, m[1]!]
          : re === EACH_ENGLISH
            ? m[1] !== undefined
              ? [m[1], m[2]!, m[3]!]
              : [m[5]!, m[6]!, m[4]!]
            : re === EACH_AFTER
              ? [m[1]!, m[2]!, m[3]!]
              : [m[2]!, m[3]!, m[1]!];
      const v = num(n);
      if (v === null || v <= 0) continue;
      // (a tank's volume is a mass only by a density: hydrogen's gas volume is none)
      if (/^(m3|m³|cubic metres?)$/.test(unit) && density === null) continue;
      const t = /^(升|l)$/.test(unit)
        ? (v / 1000) * (density ?? 1)
        : /^(m3|m³|cubic metres?)$/.test(unit)
          ? v * (density ?? 1)
          : /^(毫升|ml)$/.test(unit)
            ? (v / 1e6) * (density ?? 1)
            : toTonnes(v, unit);
      // (the mass beats the volume where both are said: 二百升的桶装…一桶一百五十八公斤)
      if (each === null || (/^(升|l|毫升|ml)$/.test(unit) === false && re === EACH_BEFORE)) {
        each = t;
        container = word;
        tankVolume = /^(m3|m³|cubic metres?)$/.test(unit);
      }
      taken.push([m.index!, m.index! + m[0].length]);
    }
  }
  if (each === null)
    for (const [word, c] of Object.entries(TONNE_CONTAINER))
      if (text.includes(word)) {
        each = c.volume ? c.each * (density ?? 1) : c.each;
        container = word;
        break;
      }
  if (each === null) return null;
  // the count: the largest number of containers counted outside what each holds (常备六百个吨桶, 压着两千四百桶, 一共八只)
  let count = 0;
  // (…or, where the containers are counted by their state, the full ones summed: 在用4瓶、满瓶备用6瓶 is 10; empties hold none)
  let byState = 0;
  let states = 0;
  for (const m of text.matchAll(COUNT)) {
    if (!(m[4] || (m[3] && container)) || taken.some(([s, e]) => m.index! >= s && m.index! < e)) continue;
    const state = STATE_BEFORE.exec(text.slice(Math.max(0, m.index! - 6), m.index!));
    const n = num(m[1]!);
    if (!state || n === null || !Number.isInteger(n)) continue;
    states++;
    if (!/空/.test(state[0])) byState += n;
  }
  for (const m of text.matchAll(COUNT)) {
    const at = m.index!;
    if (taken.some(([s, e]) => at >= s && at < e)) continue;
    const counter = m[3];
    const word = m[4];
    if (!counter && !word) continue;
    // (台 and 辆 count vehicles, 场内最多停放4台 tube trailers — not the sterilisers of EO灭菌柜6台 beside 钢瓶)
    if (!word && (counter === '台' || counter === '辆') && !/车/.test(container ?? '')) continue;
    // (a counter alone counts containers only where the text names them: 一共八只 after 液氯钢瓶)
    if (!word && !container) continue;
    // (…nor the output the text states: 产能：缝合线3000万包, 年产2000万瓶 — packs made, not containers held)
    if (OUTPUT_BEFORE.test(text.slice(Math.max(0, at - 10), at))) continue;
    // (…and a number before 吨/公斤 is a mass, not a count: handled by the unit test in COUNT's context)
    if (/^\s*(吨|t|公斤|千克|kg|升|立方|方|m3)/.test(text.slice(at + m[1]!.length, at + m[1]!.length + 3)) && !word) continue;
    const n0 = num(m[1]!);
    const n = n0 !== null && m[2] ? n0 * 10_000 : n0;
    if (n !== null && Number.isInteger(n) && n > count && (n < 100_000 || (m[2] && word && n < 100_000_000))) count = n;
  }
  for (const m of text.matchAll(COUNT_ENGLISH)) {
    const at = m.index!;
    if (taken.some(([s, e]) => at >= s && at < e)) continue;
    const n = englishSmallNumber(m[1]!) ?? num(m[1]!);
    if (n !== null && Number.isInteger(n) && n > count && n < 100_000) count = n;
  }
  // (…and an English mail's: two on line and six full spares is 8)
  if (states < 2) {
    let sum = 0;
    let said = 0;
    for (const m of text.matchAll(ENGLISH_STATE)) {
      const n = /^\d+$/.test(m[1]!) ? Number(m[1]) : (englishSmallNumber(m[1]!) ?? 0);
      if (n > 0) {
        sum += n;
        said++;
      }
    }
    if (said >= 2) {
      states = said;
      byState = sum;
    }
  }
  if (states >= 2 && byState > 0) count = byState;
  // (…or counted by the bundle, cylinders in each: 乙炔集装格，每格12瓶…常备15格 is 180 cylinders)
  const per = PER_BUNDLE.exec(text);
  if (per) {
    const inEach = num(per[2]!);
    let bundles = 0;
    for (const m of text.matchAll(BUNDLES)) {
      if (m.index! >= per.index && m.index! < per.index + per[0].length) continue;
      if (m[2] !== per[1]) continue;
      const n = num(m[1]!);
      if (n !== null && Number.isInteger(n) && n > bundles && n < 10_000) bundles = n;
    }
    if (inEach !== null && bundles > 0 && bundles * inEach > count) count = bundles * inEach;
  }
  if (count < 2) return null;
  // (each as a person writes it: 0.174, not 0.17400000000000002)
  // (tankVolume: each is a tank's volume times a density, which a fill ratio the text states may lower)
  return {
    t: Math.round(each * count * 1000) / 1000,
    count,
    each: Math.round(each * 10_000_000) / 10_000_000,
    ...(tankVolume ? { tankVolume: true as const } : {}),
  };
}
