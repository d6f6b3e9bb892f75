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
].sort((a, b) => b.length - a.length);
/** The first characters of the suffixes: most positions of a text start none. */
const FIRST = new Set(SUFFIXES.map((x) => x.charCodeAt(0)));
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
/** Before a partner's name (与…研究院, 联合…研究所): an institute the lead works with, not the lead. */
const PARTNER_BEFORE = '与和同跟及合';
const MAX_NAME = 24;

/** The spans of company and place names, in text order (they do not overlap). */
export function nameSpans(text: string): Span[] {
  const out: Span[] = [];
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    if (!FIRST.has(text.charCodeAt(i))) continue;
    const suffix = SUFFIXES.find((s) => text.startsWith(s, i));
    if (!suffix) continue;
    let end = i + suffix.length;
    // 集团 + 股份有限公司, 产业园 + 园区: one name
    for (let more = SUFFIXES.find((s) => text.startsWith(s, end)); more; more = SUFFIXES.find((s) => text.startsWith(s, end)))
      end += more.length;
    let start = i;
    while (start > from && start > end - MAX_NAME && !DELIMS.includes(text[start - 1]!)) {
      const intro = INTRODUCERS.find((w) => text.endsWith(w, start) && start - w.length >= from);
      if (intro && start < i) break;
      start--;
    }
    // an institute's kind is its trade (智能装备研究院签约落户: an R&D institute; 建筑设计院嘉兴分院: a design firm): the kind
    // stays outside the name, unless the institute is someone the lead works with (与…研究院合作)
    const kind = ORG_KINDS.find((k) => text.endsWith(k, end));
    const partner = PARTNER_BEFORE.includes(text[start - 1] ?? '') || PARTNER_BEFORE.includes(text[start - 2] ?? '');
    if (start < i) out.push([start, kind && !partner ? end - kind.length : end]);
    from = end;
    i = end - 1;
  }
  return out;
}

/** Does [start, end) lie inside one of the spans? */
export const inName = (spans: readonly Span[], start: number, end: number): boolean => spans.some(([s, e]) => start >= s && end <= e);
