/**
 * Infrastructure the lead itself builds, which the 2021 名录 puts in 报告书 by the facility and its size rather than by a
 * GB/T class or a process: a golf course (第112项), a large theme park (第114项), an airport (第136项), an oil, gas or liquid
 * chemical wharf (第138项), a berth of a general or container wharf at or above the tonnage class its item sets (第139、140项),
 * an oil depot of 20万 m³ or more (第149项), a 500 kV line or substation (第161项), a town sewage works of 10万 t a day or more
 * (第95项), a pumped-storage or a 1000 kW hydro station (第88项), an offshore wind farm of 5万 kW or more and a tidal, wave or
 * thermal-gradient plant of 20 MW or more (第151项), a land reclamation (第154项), a nuclear power plant or reactor (第167项).
 * Rare in a park's leads, but a 招商 office meets them, and no class path reads them.
 *
 * The lead builds it only where its clause says so (新建, 拟建, 投资建设, 建一座…), never where the facility is where
 * something goes or how far away it is (排入城北污水处理厂, 距萧山机场20分钟), nor the park's own (园区配套建设污水处理厂).
 * Pure; the items' clauses are the 名录's own words.
 */
import { parseNumberOrRangeLow } from '../text/numbers.js';

export interface InfrastructureEia {
  /** The words of the lead that name the facility (新建2个5000吨级液体化工泊位). */
  word: string;
  item: number;
  /** The 报告书 clause of the item that applies. */
  title: string;
}

const N = '(\\d[\\d,]*(?:\\.\\d+)?|[零〇一二两三四五六七八九十百千]+)';
/** Right after the facility: what is made or done for it, not the facility (海上风电装备, 核电站用阀门, 水电站运维服务, 污水处理厂配套管网 —
 * not the project's own 及配套管廊). */
const FOR_IT_AFTER =
  /^(?:[^，,。；;、\n]{0,4}?(?:装备|设备|机组制造|叶片|塔筒|主机|零部件|部件|配件|(?<![及和并与])配套|用|专用|运维|检修|服务|安装船|产业|基地|制造|阀门|泵|管道|锻件|材料|仪表|仪器|监测|软件))/;
/** In the clause before the facility: the lead builds it. */
const BUILDS =
  /(?:^|[:：]\s*)(?:项目|项目名称|建设内容|拟建项目)[:：]\s*$|新建|迁建|扩建|拟建|兴建|投资建设|建设|建造|建一座|建一个|建个|做一个|做个|上一个|打造|投建|开建|(?:想|要|拟|计划|准备|打算)(?:新|再)?建(?!议|筑|材|模)|(?:想|要|拟|计划|准备|打算)做|配建|(?:想|要|要求|拟|计划|准备|打算|还|并|另|坚持要)配(?:套|一个|个|上)?/;
/** After the facility: it is the project signed or started (冰雪奇境主题乐园签约, …项目落户). */
const SIGNED_AFTER = /^[^，,。；;\n]{0,3}?(?:项目)?(?:日前|近日|今天|今日|昨日|昨天|正式|已)*(?:签约|落户|落地|开工|奠基|开园)/;
/** …not a facility something is sent to, lies near, or the park already has or provides. */
const NOT_BUILT =
  /排入|排至|排往|纳管|纳入|接入|送至|送往|进入|距|靠近|临近|邻近|附近|周边|毗邻|紧邻|分钟|公里|车程|园区(已|现)?(配套|建有|有|承诺|规划)|管委会|(?<![a-z])(给|为|替|帮|向)(?!主)|不(新建|建设|建)|无需|不需要|不涉及/;
/** After the facility: where something is, not what is built (机场附近, 码头旁, 污水处理厂统一处理). */
const PLACE_AFTER = /^(附近|旁|周边|边上|以东|以西|以南|以北|东侧|西侧|南侧|北侧|统一处理|集中处理|处理达标|处理后)/;

const clauseStart = (text: string, at: number) => {
  let s = at;
  while (s > 0 && !'，,。；;!?！？\n'.includes(text[s - 1]!)) s--;
  return s;
};
const sentenceOf = (text: string, at: number) => {
  let s = at;
  while (s > 0 && !'。；;!?！？\n'.includes(text[s - 1]!)) s--;
  let e = at;
  while (e < text.length && !'。；;!?！？\n'.includes(text[e]!)) e++;
  return text.slice(s, e);
};
const num = (s: string) => parseNumberOrRangeLow(s.replace(/,/g, ''));

/** The facility at the match is one the lead builds: a build verb before it in its clause, no cue of elsewhere. */
/** Where the words of the facility the lead builds start (at its build verb or label), or -1. */
function builtFrom(text: string, at: number, end: number, verbs = BUILDS): number {
  const s = clauseStart(text, at);
  const before = text.slice(s, at);
  if (NOT_BUILT.test(before) || PLACE_AFTER.test(text.slice(end, end + 4))) return -1;
  // (…or the facility is the project a headline signs: 【哈尔滨】冰雪奇境主题乐园签约)
  if (verbs === BUILDS && SIGNED_AFTER.test(text.slice(end, end + 10))) return s;
  // (…or the project a row or a note is headed with, the facility then its figures: 成品油储备库：总库容25万立方米)
  if (
    verbs === BUILDS &&
    /^\s*(?:[【[][^】\]]*[】\]])?\s*$/.test(before) &&
    (s === 0 || text[s - 1] === '\n') &&
    /^(?:项目)?[:：]/.test(text.slice(end, end + 3))
  )
    return s;
  // (…or the facility opens the sentence as the project it names: 海上风电项目装机容量40万千瓦)
  if (
    /^\s*(?:[【[][^】\]]*[】\]])?\s*$/.test(before) &&
    (s === 0 || '\n。'.includes(text[s - 1]!)) &&
    (/(?:项目|工程)$/.test(text.slice(at, end)) || /^(?:项目|工程)/.test(text.slice(end, end + 2)))
  )
    return s;
  const verb = verbs.exec(before);
  if (!verb) return -1;
  return /[:：]\s*$/.test(verb[0]) ? at : s + verb.index;
}

interface Facility {
  item: number;
  title: string;
  pattern: RegExp;
  /** The verbs of building this item counts, where narrower than BUILDS (an airport: 新建、迁建, not 扩建 or 改建). */
  verbs?: RegExp;
  /** The size the item's clause sets, read from the facility's sentence (or the text). */
  big?: (sentence: string, text: string, before: string, word: string) => boolean;
}

/** 万立方米, 万方, m³ in total (总库容30万立方米, 总罐容25万m3), in cubic metres. */
function totalCubicMetres(s: string): number | null {
  const m = new RegExp(
    `(?:总库容|总容量|总罐容|库容|罐容|储存能力|储备能力|总储量)[^，,。；;\\d]{0,6}?${N}\\s*(万立方米|万方|万m3|立方米|m3|方)`,
  ).exec(s);
  const n = m ? num(m[1]!) : null;
  return m && n !== null ? n * (m[2]!.startsWith('万') ? 10_000 : 1) : null;
}
/** A day's throughput (一期规模15万吨/日, 日处理10万吨), in tonnes. */
function tonnesPerDay(s: string): number | null {
  const m =
    new RegExp(`${N}\\s*(万吨|万立方米|万方|万m3|吨|立方米|m3)\\s*[/／每]\\s*(?:日|天|d\\b)`).exec(s) ??
    new RegExp(`(?:日处理|每天处理|日处理能力|日处理规模)[^，,。；;\\d]{0,6}?${N}\\s*(万吨|万立方米|万方|万m3|吨|立方米|m3)`).exec(s);
  const n = m ? num(m[1]!) : null;
  return m && n !== null ? n * (m[2]!.startsWith('万') ? 10_000 : 1) : null;
}
/** Land in 亩 and investment in 亿元 the text states (占地约1200亩, 拟投资60亿元). */
function mu(s: string): number | null {
  const m = new RegExp(`(?:占地|用地|面积)[^，,。；;\\d]{0,6}?${N}\\s*(万)?\\s*(亩|公顷)`).exec(s);
  const n = m ? num(m[1]!) : null;
  // (a hectare is 15 亩)
  return n === null ? null : n * (m![2] ? 10_000 : 1) * (m![3] === '公顷' ? 15 : 1);
}
function yi(s: string): number | null {
  const m = new RegExp(`(?:投资|总投资)[^，,。；;\\d]{0,6}?${N}\\s*(亿|万)`).exec(s);
  const n = m ? num(m[1]!) : null;
  return n === null ? null : m![2] === '亿' ? n : n / 10_000;
}

/** A power plant's installed capacity (装机容量50万千瓦, 装机300mw, 总装机1.2gw), in kW. */
function installedKw(s: string): number | null {
  const m = new RegExp(`装机(?:容量|规模)?[^，,。；;\\d]{0,6}?${N}\\s*(万千瓦|千瓦|kw|兆瓦|mw|吉瓦|gw)`).exec(s);
  const n = m ? num(m[1]!) : null;
  if (!m || n === null) return null;
  const u = m[2]!;
  return n * (u === '万千瓦' ? 10_000 : u === '兆瓦' || u === 'mw' ? 1000 : u === '吉瓦' || u === 'gw' ? 1_000_000 : 1);
}

/** A berth's tonnage class (3000吨级, 5万吨级), in tonnes. */
function tonnageClass(s: string): number | null {
  const m = new RegExp(`${N}\\s*(万)?\\s*吨级`).exec(s);
  const n = m ? num(m[1]!) : null;
  return n === null ? null : n * (m![2] ? 10_000 : 1);
}
/** Where the wharf is, for the floor its item sets: inland waters (内河, a river) or the coast (沿海, a sea port). */
const INLAND = /内河|长江|珠江|西江|湘江|赣江|汉江|淮河|运河|内陆|江段|河段|沿江|湖区/;
const COASTAL = /沿海|海港|出海|海湾|滨海|海域|海岸|深水港|海运|港湾|海上|沿海港口/;
/** The floor of a berth's tonnage class: inland where the text says a river, else the coast's (the higher, so an unsaid place
 * never excludes by the lower floor). */
const berthFloor = (s: string, t: string, inland: number, coastal: number) =>
  INLAND.test(s) || (!COASTAL.test(s) && INLAND.test(t) && !COASTAL.test(t)) ? inland : coastal;
/** A berth or wharf with its tonnage class before it (3000吨级散货泊位4个, 2个5万吨级通用泊位). */
const BERTH = new RegExp(`${N}\\s*(?:万)?\\s*吨级[^，,。；;、\\n]{0,12}?(?:泊位|码头)`, 'g');

const FACILITIES: readonly Facility[] = [
  // (…or by its holes: 18洞山地球场)
  {
    item: 112,
    title: '高尔夫球场',
    pattern: /(?:\d+|[一二两三四五六七八九十]+)?洞?高尔夫球场|(?:\d+|[一二两三四五六七八九十]+)洞[^，,。；;、\n]{0,4}?球场/g,
  },
  // 《关于规范主题公园建设发展的指导意见》（发改社会规〔2018〕400号）: 大型 = 占地600亩及以上或总投资15亿元及以上
  {
    item: 114,
    title: '特大型、大型主题公园',
    pattern: /主题公园|主题乐园/g,
    // (…or the 名录's own word for its size, said of it: 大型主题公园)
    big: (s, t, before) => /(?:特大型|大型)[^，,。；;\n]{0,4}$/.test(before) || (mu(s) ?? mu(t) ?? 0) >= 600 || (yi(s) ?? yi(t) ?? 0) >= 15,
  },
  // (新建、迁建 only: a terminal's 扩建 or 改建 is a 报告表; a drone dock, 无人机机场, is equipment)
  {
    item: 136,
    title: '新建；迁建',
    pattern: /(?<!无人机)(?:通用|运输|民用|支线)?机场(?!路|大道|高速|快线|巴士)/g,
    verbs:
      /(?:^|[:：]\s*)(?:项目|项目名称|建设内容|拟建项目)[:：]\s*$|新建|迁建|拟建|兴建|建一座|建一个|(?:想|要|计划|准备|打算)(?:新)?建(?!议|筑|材|模)/,
  },
  // 第140项 集装箱专用码头: 单个泊位3000吨级及以上的内河港口；单个泊位3万吨级及以上的沿海港口
  {
    item: 140,
    title: '单个泊位3000吨级及以上的内河港口；单个泊位3万吨级及以上的沿海港口',
    pattern: new RegExp(`${N}\\s*(?:万)?\\s*吨级[^，,。；;、\\n]{0,6}?集装箱[^，,。；;、\\n]{0,6}?(?:泊位|码头)`, 'g'),
    big: (s, t, _b, word) => (tonnageClass(word) ?? 0) >= berthFloor(s, t, 3000, 30_000),
  },
  // 第139项 干散货、件杂、多用途、通用码头: 单个泊位1000吨级及以上的内河港口；单个泊位1万吨级及以上的沿海港口
  // (not oil or liquid chemicals, 第138项, nor containers, 第140项)
  {
    item: 139,
    title: '单个泊位1000吨级及以上的内河港口；单个泊位1万吨级及以上的沿海港口',
    pattern: BERTH,
    big: (s, t, _b, word) =>
      !/集装箱|液体化工|化工|油气|原油|成品油|石油|液化|lng|客运|游艇|滚装|渔/.test(word) &&
      (tonnageClass(word) ?? 0) >= berthFloor(s, t, 1000, 10_000),
  },
  { item: 138, title: '新建', pattern: /(?:液体化工|化工|油气|原油|成品油|石油|液化天然气|lng|液化石油气)(?:品)?(?:码头|泊位)/g },
  {
    item: 149,
    title: '总容量20万立方米及以上的油库',
    // (…or its tanks, where the text gives their total: 新建10万立方米原油储罐6座，总库容60万立方米)
    pattern: /(?:成品油|原油|石油|油品)?(?:储备库|油库)|(?:成品油|原油|石油|油品)储罐/g,
    // (the capacity built, not the total after an extension: 名录 说明2)
    big: (s, t) => !/扩建后|建成后总/.test(s) && (totalCubicMetres(s) ?? totalCubicMetres(t) ?? 0) >= 200_000,
  },
  { item: 149, title: '地下油库；地下气库', pattern: /地下(?:储)?油库|地下(?:储)?气库/g },
  {
    item: 161,
    title: '500千伏及以上的',
    pattern: /输变电工程|变电站|换流站|输电线路|特高压/g,
    big: (s) => [...s.matchAll(/(\d+)\s*(千伏|kv)/g)].some((m) => Number(m[1]) >= 500),
  },
  // 第88项 水力发电: 总装机1000千瓦及以上的常规水电（仅更换发电设备的增效扩容项目除外）；抽水蓄能电站
  { item: 88, title: '抽水蓄能电站', pattern: /抽水蓄能电站|抽蓄电站|抽水蓄能项目/g },
  {
    item: 88,
    title: '总装机1000千瓦及以上的常规水电',
    pattern: /(?<!抽水蓄能|抽蓄)(?:水电站|水力发电站|水电项目|水电工程|径流式电站)/g,
    big: (s) => !/增效扩容|更换/.test(s) && (installedKw(s) ?? 0) >= 1000,
  },
  // 第151项 海洋能源开发利用类工程: 总装机容量5万千瓦及以上的海上风电工程；装机容量在20兆瓦及以上的潮汐发电、波浪发电、温差发电
  {
    item: 151,
    title: '总装机容量5万千瓦及以上的海上风电工程',
    pattern: /海上风电(?:场|项目|工程)?/g,
    big: (s) => (installedKw(s) ?? 0) >= 50_000,
  },
  {
    item: 151,
    title: '装机容量在20兆瓦及以上的潮汐发电、波浪发电、温差发电',
    pattern: /潮汐(?:电站|发电站|发电)|波浪(?:能)?(?:电站|发电)|温差(?:能)?(?:电站|发电)/g,
    big: (s) => (installedKw(s) ?? 0) >= 20_000,
  },
  // 第154项 围填海工程及海上堤坝工程: 围填海工程
  {
    item: 154,
    title: '围填海工程',
    pattern: /围填海(?:工程|项目)?|填海造地|围海造地/g,
    verbs: new RegExp(`${BUILDS.source}|实施|开展|进行`),
  },
  // 第167项 核动力厂（核电厂、核热电厂、核供汽供热厂等）；反应堆: 新建、扩建、退役
  {
    item: 167,
    title: '核动力厂、反应堆 新建、扩建、退役',
    pattern:
      /核电站|核电厂|核电机组|核电项目|核热电厂|核供热(?:堆|项目|厂)|核能供热(?:堆|项目)|研究堆|(?:小型|模块化)?(?:核)?反应堆(?=[^，,。；;\n]{0,2}(?:项目|工程))/g,
    verbs:
      /(?:^|[:：]\s*)(?:项目|项目名称|建设内容|拟建项目)[:：]\s*$|新建|扩建|退役|拟建|兴建|投资建设|建设|建造|开工|(?:想|要|拟|计划|准备|打算)(?:新|再)?建(?!议|筑|材|模)/,
  },
  {
    item: 95,
    title: '新建、扩建日处理10万吨及以上城乡污水处理的',
    pattern: /(?:城镇|城市|城乡|市政|生活)?污水处理厂|污水厂|水质净化厂/g,
    big: (s, t) => (tonnesPerDay(s) ?? tonnesPerDay(t) ?? 0) >= 100_000,
  },
];

/** The 报告书 infrastructure items the lead builds (text normalised, as the reading of words has it). */
export function infrastructureEia(text: string): InfrastructureEia[] {
  const out: InfrastructureEia[] = [];
  for (const f of FACILITIES) {
    for (const m of text.matchAll(f.pattern)) {
      const at = m.index;
      const end = at + m[0].length;
      const from = builtFrom(text, at, end, f.verbs);
      if (from < 0 || FOR_IT_AFTER.test(text.slice(end, end + 8))) continue;
      if (f.big && !f.big(sentenceOf(text, at), text, text.slice(clauseStart(text, at), at), m[0])) continue;
      // (the words from the build verb, without an intention before it: 想建成品油库 → 建成品油库)
      const word = text
        .slice(from, end)
        .trim()
        .replace(/^(?:想|要|计划|准备|打算)(?=(?:新|再)?[建做])/, '')
        // (…and without a headline's place: 【哈尔滨】冰雪奇境主题乐园)
        .replace(/^【[^】]*】/, '');
      out.push({ word: word.slice(-40), item: f.item, title: f.title });
      break;
    }
  }
  return out;
}
