/**
 * Natural resources the lead itself takes out, which the 2021 名录 puts in 报告书 by the resource rather than by a product:
 * mining coal (第6项 煤炭开采), ferrous ores (第9项 全部), non-ferrous, precious and rare ores (第10项 全部), chemical and other
 * non-metallic minerals (第12项 全部: 化学矿开采；石棉及其他非金属矿采选 — 不含单独的矿石破碎、集运；不含矿区修复治理工程),
 * well salt (第13项 井盐), and sea farming on 1000 亩 of sea or more, or behind a sea wall (第4项 用海面积1000亩及以上的海水养殖
 * （不含底播、藻类养殖）；围海养殖). The minerals of each item are those GB/T 4754-2017 names for the item's classes (0810–0890,
 * 091–093 with their 说明, 1020, 109 with its 说明); sand, stone, clay and lime (第11项, 报告书 only 涉及环境敏感区的) are none.
 *
 * The lead takes them out only where its words say it mines (开采, 采选, 采矿, 选矿, 年采…), never where it makes, sells or
 * serves for mining (矿山设备, 为铁矿提供选矿药剂, 尾矿综合利用), explores (勘探) or restores a mine (矿区修复). Pure.
 */

export interface ExtractionEia {
  /** The words of the lead that name what it takes out (萤石矿采选). */
  word: string;
  item: number;
  /** The 报告书 clause of the item that applies. */
  title: string;
}

import { parseNumberOrRangeLow } from '../text/numbers.js';

const N = '(\\d[\\d,]*(?:\\.\\d+)?|[零〇一二两三四五六七八九十百千]+)';

/** Minerals per item: the ores GB/T 4754-2017 names for the item's classes. */
const MINERALS: readonly { item: number; title: string; re: RegExp }[] = [
  { item: 9, title: '铁矿采选；锰矿、铬矿采选；其他黑色金属矿采选', re: /(?:磁|赤|褐|菱|钒钛磁)?铁矿|锰矿|铬矿|钒矿/ },
  {
    item: 10,
    title: '常用有色金属矿采选；贵金属矿采选；稀有稀土金属矿采选',
    re: /(?:铜|铅锌|铅|锌|镍钴|镍|钴|锡|锑|铝土|铝|镁|汞|镉|铋|金|银|铂|钯|铂族|钨钼|钨|钼|稀土|锂辉石|锂云母|锂|铍|铌钽|钽铌|铌|钽|锆|锗|镓|铟|钛|铀|钍)矿|稀土(?=开采|矿山)/,
  },
  {
    item: 12,
    title: '化学矿开采；石棉及其他非金属矿采选',
    re: /(?:磷|硫铁|钾盐|钾|硼|重晶石|萤石|芒硝|天然碱|石墨|石棉|滑石|云母|金刚石)矿|(?:萤石|重晶石|石墨|石棉|滑石|云母|宝石|玉石)(?=开采|采选|矿山)/,
  },
];
/** Coal: only its mining is a 报告书 (洗选、配煤 alone a 报告表). */
const COAL = /煤矿|原煤|煤炭|煤田|煤层(?!气)|采煤/;
/** Taking ore out of the ground (or concentrating it at the mine). */
const MINING = /露天开采|地下开采|井工开采|开采|采选|采矿|选矿|采掘|年采|日采|采出|矿山建设|建设矿山|矿井建设|建设矿井|新建矿井/g;
/** The coal words of mining: not 选 alone. */
const COAL_MINING = /开采|采煤|采掘|年采|矿井|采出|煤矿项目|煤矿建设|建设煤矿|新建煤矿/;
/** In the clause: the lead makes, sells or serves for mining, explores, or restores — it does not mine. */
const NOT_MINING =
  /设备|装备|机械|机器人|车辆|矿卡|支架|钻机|药剂|试剂|服务|咨询|软件|系统|平台|检测|化验|勘探|勘查|修复|治理|复垦|生态|绿色矿山建设方案|安全|培训|贸易|销售|经销|进口|外购|采购|集运|运输|物流|尾矿(?:综合)?(?:利用|再利用|回收)|废石(?:综合)?利用|(?<![a-z])(?:给|为|替|帮|向)(?!主)|矿区周边|闭坑/;

const clauseBounds = (text: string, at: number, end: number) => {
  let s = at;
  while (s > 0 && !'，,。；;!?！？\n'.includes(text[s - 1]!)) s--;
  let e = end;
  while (e < text.length && !'，,。；;!?！？\n'.includes(text[e]!)) e++;
  return [s, e] as const;
};
const sentenceBounds = (text: string, at: number, end: number) => {
  let s = at;
  while (s > 0 && !'。；;!?！？\n'.includes(text[s - 1]!)) s--;
  let e = end;
  while (e < text.length && !'。；;!?！？\n'.includes(text[e]!)) e++;
  return [s, e] as const;
};

/** Sea area in 亩 the text gives the farm (用海面积1500亩, 海域面积100公顷, 养殖海域2000亩). */
function seaMu(s: string): number | null {
  const m = new RegExp(`(?:用海|海域|养殖)(?:面积|海域)?[^，,。；;\\d]{0,6}?${N}\\s*(万)?\\s*(亩|公顷)`).exec(s);
  if (!m) return null;
  const n = parseNumberOrRangeLow(m[1]!.replace(/,/g, ''));
  if (n === null) return null;
  return n * (m[2] ? 10_000 : 1) * (m[3] === '公顷' ? 15 : 1);
}

/** The 报告书 extraction items the lead itself works (text normalised, as the reading of words has it). */
export function extractionEia(text: string): ExtractionEia[] {
  const out: ExtractionEia[] = [];
  const add = (word: string, item: number, title: string) => {
    // (the words quoted: at most 24 characters of the clause, a transcript's run-on clause cut to its end)
    if (!out.some((o) => o.item === item)) out.push({ word: word.slice(-24), item, title });
  };
  // mining: a mining verb whose clause names no making, selling or service for mines, and a mineral in its sentence
  for (const m of text.matchAll(MINING)) {
    const [cs, ce] = clauseBounds(text, m.index, m.index + m[0].length);
    const clause = text.slice(cs, ce);
    if (NOT_MINING.test(clause)) continue;
    const [ss, se] = sentenceBounds(text, m.index, m.index + m[0].length);
    const sentence = text.slice(ss, se);
    let found = false;
    for (const { item, title, re } of MINERALS) {
      const ore = re.exec(clause) ?? re.exec(sentence);
      if (ore) {
        add(clause.trim(), item, title);
        found = true;
      }
    }
    if (!found && COAL.test(clause + sentence) && COAL_MINING.test(clause)) add(clause.trim(), 6, '煤炭开采');
  }
  // well salt: brine drawn from a well (钻井汲卤, 打深井汲取地下卤水), or 井盐/井矿盐 produced
  const brine =
    /(?:钻井|打井|深井|盐井|卤井)[^，,。；;\n]{0,10}?(?:汲|采|抽|取|提)[^，,。；;\n]{0,6}?卤|(?:生产|开采|年产)[^，,。；;\n]{0,6}?井(?:矿)?盐|井(?:矿)?盐(?:项目|开采|生产)/.exec(
      text,
    );
  if (brine) {
    const [cs, ce] = clauseBounds(text, brine.index, brine.index + brine[0].length);
    if (!NOT_MINING.test(text.slice(cs, ce))) add(brine[0], 13, '井盐');
  }
  // sea farming behind a sea wall (围海养殖), or on 1000 亩 of sea or more, not bottom sowing or seaweed
  for (const m of text.matchAll(
    /围海养殖|围海(?:建|筑)?(?:池|塘|堰)|(?:海水|深远海|近海|海上|海域|海湾|网箱|海洋牧场)[^，,。；;\n]{0,12}?养殖|海洋牧场/g,
  )) {
    const [cs, ce] = clauseBounds(text, m.index, m.index + m[0].length);
    const clause = text.slice(cs, ce);
    if (/设备|装备|网箱(?:制造|生产)|饲料|服务|苗种|育苗|加工|冷链|销售|收购|(?<![a-z])(?:给|为|替|帮|向)(?!主)/.test(clause)) continue;
    const [ss, se] = sentenceBounds(text, m.index, m.index + m[0].length);
    const sentence = text.slice(ss, se);
    if (m[0].startsWith('围海')) {
      add(m[0], 4, '围海养殖');
      break;
    }
    if (/底播|藻类|海带|紫菜|裙带菜|龙须菜|江蓠|海藻/.test(sentence)) continue;
    const area = seaMu(sentence) ?? seaMu(text);
    if (area !== null && area >= 1000) {
      add(m[0], 4, '用海面积1000亩及以上的海水养殖（不含底播、藻类养殖）');
      break;
    }
  }
  return out;
}
