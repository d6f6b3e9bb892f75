/**
 * Company and place names in a lead's text: 浙江纺机智造有限公司, 平湖智造产业新城, 海宁皮革时尚小镇.
 * Their words say where a project goes or who signs, not what it makes, so the reading of the
 * lead's own industry passes over them (DESIGN.md §4a). A name ends with an organisation or place
 * suffix and runs back to the clause start, a delimiter or a word that introduces it (与, 引进, 落户在 …).
 * Text must be normalised (normalizeText); spans index into it. Linear in the text length.
 */
import type { Span } from './negation.js';

/** Longest first, so 股份有限公司 is taken before 公司. */
const SUFFIXES = [
  // not a bare 公司: 一家SaaS软件公司 describes the lead, it does not name it
  '股份有限公司',
  '有限责任公司',
  '集团有限公司',
  '有限公司',
  '集团公司',
  '集团',
  '研究院',
  '研究所',
  '设计院',
  '经济技术开发区',
  '经济开发区',
  '高新技术产业开发区',
  '高新区',
  '开发区',
  '产业新城',
  '科技城',
  '产业集聚区',
  '集聚区',
  '产业园',
  '工业园',
  '科创园',
  '科学园',
  '科技园',
  '园区',
  '小镇',
  '新城',
  '新区',
  '港区',
  // (an industry's place: 钱塘生命科学港, 杭州医药港, 光谷 — the park where the lead signs, not its industry)
  '科学城',
  '科学港',
  '医药港',
  '信息港',
  '创新港',
  '健康港',
  '药谷',
  '医谷',
  '光谷',
  '创新谷',
  // (the zones a policy names: 人工智能创新试验区, 集成电路产业先导区, 综合保税区)
  '试验区',
  '示范区',
  '先导区',
  '先行区',
  '合作区',
  '自贸区',
  '保税区',
  '功能区',
  // associations and fairs: a process word in their names (皮革鞣制与制品行业协会, 表面处理·电镀·涂装展览会) is their theme
  '协会',
  '商会',
  '学会',
  '联合会',
  '展览会',
  '博览会',
  '交易会',
].sort((a, b) => b.length - a.length);
/** The first characters of the suffixes: most positions of a text start none. */
const FIRST = new Set(SUFFIXES.map((x) => x.charCodeAt(0)));
/** The suffixes of firms only (a process word in a place's name, 电镀园区, still names what is done there). */
const FIRM_SUFFIXES = SUFFIXES.filter((x) => /公司|集团|会$/.test(x));
/** Words right before a name that are not part of it. */
const INTRODUCERS = [
  '新引进',
  '引进',
  '签约',
  '签订',
  '落户',
  '位于',
  '入驻',
  '举行',
  '近日',
  '日前',
  '成功',
  '与',
  '和',
  '同',
  '跟',
  '在',
  '由',
  '于',
  '向',
  '从',
  '将',
  '是',
  '为',
  '的',
];
const DELIMS = '，。；;,.!?！？\n、：:（）()“”"\'《》 ';
/** Organisation kinds that are trades: the lead is what they say (研究院 does research, 设计院 designs). */
const ORG_KINDS = ['研究院', '设计院', '研究所'];
/** Quotation marks around a brand or a programme's name. */
const QUOTES = [
  ['“', '”'],
  ['「', '」'],
  ['『', '』'],
] as const;
/** After an institute that is the lead: it signs, settles, opens (研究院签约落户, 设计院嘉兴分院揭牌). */
const SETTLES = /^[^，,。；;\n]{0,10}?(签约|落户|入驻|揭牌|挂牌|成立|落地|开业)/;
/** …or it is what a note's label names (项目名称：家电集团中央研究院). */
const LABELLED = /(项目名称|项目|名称|企业|单位)[：:][^，,。；;\n：:]*$/;
/** Before (or inside) the name of an institute the lead works with, comes from or cites. */
const NOT_THE_LEAD = /来自|依托|据|由|委托|联合|原为|源于|来源于|合作|毕业于|出身|与|和|同|跟/;
function institutesLead(text: string, start: number, end: number): boolean {
  let s = start;
  while (s > 0 && !'，。；;\n'.includes(text[s - 1]!)) s--;
  // (a clause describing the institute, 浙大联合共建的…研究院, still names it: only the name itself counts then)
  if (NOT_THE_LEAD.test(text.slice(text[start - 1] === '的' ? start : s, end))) return false;
  // (…or the text opens with it, the subject of the note: 某985长三角研究院分院，电机控制方向)
  return (
    SETTLES.test(text.slice(end, end + 16)) || LABELLED.test(text.slice(s, start)) || /^\s*(某|一家|一所)?$/.test(text.slice(0, start))
  );
}
const MAX_NAME = 24;

/** The spans of company and place names, in text order (they do not overlap). */
/** Words that say a name follows (公司名字叫, 名称为, 字号是) and the name to the end of its clause. */
// (not 名称为, which names the lead's own project: 项目名称为年产5万吨电镀加工项目)
// (…or has in it: 公司名字带个服饰, 名字里有"智能"两个字)
const CALLED =
  /((?:名字|全称|字号|公司名|名称)(?:叫做?|是|为|里?带(?:个|着|了)?|里有|中有|里含)|名叫|叫做)(?:(?!其实|实际|但是?|不过|主要)[^，,。；;,\s]){2,20}/g;

/** A firm field of a lead-list row (｜企业：彩固涂料（常州）, 公司：xx科技有限公司): its value, where it ends like a firm's name. */
const FIRM_FIELD =
  /(?<=^|[｜|\t\n；;])\s*(?:企业|公司|企业名称|公司名称|申报单位|投资主体|投资方)[：:]\s*([^｜|\t\n；;，,。]{2,20}?(?:[（(][\p{Script=Han}]{2,4}[）)]|有限公司|股份公司|集团|公司))(?=$|[｜|\t\n；;，,。])/gu;

export function nameSpans(text: string, firmsOnly = false): Span[] {
  const out: Span[] = [];
  const suffixes = firmsOnly ? FIRM_SUFFIXES : SUFFIXES;
  // a name the text says is a name (公司名字叫XX印染科技, 名称为…): to the end of its clause
  for (const m of text.matchAll(CALLED)) out.push([m.index + m[1]!.length, m.index + m[0].length]);
  // …and a row's firm field whose value is a firm's name, by its registered place or suffix (｜企业：彩固涂料（常州）)
  for (const m of text.matchAll(FIRM_FIELD)) out.push([m.index + m[0].length - m[1]!.length, m.index + m[0].length]);
  // a title in 《》 (a game, a book, a show: 《星际冶炼厂》) is a name whatever it says
  for (let at = text.indexOf('《'); at >= 0; at = text.indexOf('《', at + 1)) {
    const close = text.indexOf('》', at + 1);
    // (a title naming a project or its report is the lead's: 《年产2万吨农药原药合成项目》)
    // (a standard's title after its number may be long: GB/T 9797《金属及其他无机覆盖层 镍、镍+铬…电镀层》)
    const limit = /(gb|hj|iso|qc|jb|yy|sj|iec|astm)[^《]{0,14}$/.test(text.slice(Math.max(0, at - 16), at)) ? 80 : MAX_NAME;
    if (close > at + 1 && close - at <= limit && !/项目|工程|报告|年产|建设/.test(text.slice(at, close))) out.push([at + 1, close]);
  }
  // …and so is a short phrase in “” that names what follows it (“印染+”数字设计创新中心, “数字炼钢”仿真平台): a brand, a
  // programme or a centre's name, not what the lead does
  for (const [open, shut] of QUOTES)
    for (let at = text.indexOf(open); at >= 0; at = text.indexOf(open, at + 1)) {
      const close = text.indexOf(shut, at + 1);
      if (
        close > at + 1 &&
        close - at <= 12 &&
        /\p{Script=Han}/u.test(text[close + 1] ?? '') &&
        !/项目|工程|年产|建设/.test(text.slice(at, close))
      )
        out.push([at + 1, close]);
    }
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    if (!FIRST.has(text.charCodeAt(i))) continue;
    const suffix = suffixes.find((s) => text.startsWith(s, i));
    if (!suffix) continue;
    let end = i + suffix.length;
    // 集团 + 股份有限公司, 产业园 + 园区: one name
    for (let more = suffixes.find((s) => text.startsWith(s, end)); more; more = suffixes.find((s) => text.startsWith(s, end)))
      end += more.length;
    let start = i;
    // (a registered place in brackets right before the suffix is the name's: 宏科化工新材料（江苏）有限公司)
    const place = /[（(]\p{Script=Han}{2,4}[）)]$/u.exec(text.slice(Math.max(from, i - 8), i));
    if (place && /(公司|集团)/.test(suffix)) start = i - place[0].length;
    while (start > from && start > end - MAX_NAME && !DELIMS.includes(text[start - 1]!)) {
      const intro = INTRODUCERS.find((w) => text.endsWith(w, start) && start - w.length >= from);
      // (an association's name may join two trades: 皮革鞣制与制品行业协会)
      // (…and one right before the suffix leaves no name: 项目在开发区签约 names no 开发区 of its own)
      if (intro && !(/会$/.test(suffix) && (intro === '与' || intro === '和'))) break;
      start--;
    }
    // an institute's kind is its trade (智能装备研究院签约落户: an R&D institute; 项目名称：家电集团中央研究院): the kind stays
    // outside the name where the institute is the lead — it signs, settles or names the project — and not one the lead
    // works with, comes from or cites (与…研究院合作, 团队来自…研究所, 据…研究院数据, 由…设计研究院编制)
    // (…also where a branch follows the kind: 长三角研究院分院)
    const kindAt = Math.min(...ORG_KINDS.map((k) => text.slice(i, end).indexOf(k)).filter((at) => at >= 0)) + i;
    if (start < i) out.push([start, Number.isFinite(kindAt) && institutesLead(text, start, end) ? kindAt : end]);
    // (a suffix that opens its clause and runs on into another is one name whole: 信息港小镇, 医药港产业园)
    else if (end > i + suffix.length) out.push([i, end]);
    from = end;
    i = end - 1;
  }
  return out.sort((a, b) => a[0] - b[0]);
}

/** Does [start, end) lie inside one of the spans? */
export const inName = (spans: readonly Span[], start: number, end: number): boolean => spans.some(([s, e]) => start >= s && end <= e);
