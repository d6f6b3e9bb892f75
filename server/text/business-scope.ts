/**
 * A business scope (经营范围) pasted from a firm's registration record. Its standard generic items — technology services,
 * trade in goods and technology, consulting, the approval clauses — stand in nearly every firm's scope (市场监管总局
 * 《经营范围登记规范表述目录（试行）》, 2021: 技术服务、技术开发、技术咨询、技术交流、技术转让、技术推广 is one item of it) and say
 * nothing of what this firm makes. They are blanked, the same length so that offsets hold, so that they neither name an
 * industry (技术转让 → 科技研发) nor outweigh the items that do (工业机器人制造).
 * Brackets may be full-width or ASCII (the text as pasted, or normalised).
 */

/** The field's label; the field runs to the end of its line. */
const SCOPE = /经营范围\s*[:：]/g;
/** The generic items, as the 规范表述 writes them (and their shorter forms in older records). */
const GENERIC_ITEM = new RegExp(
  [
    '一般项目[:：]',
    '许可项目[:：]',
    '技术服务、技术开发、技术咨询、技术交流、技术转让、技术推广',
    '技术开发、技术咨询、技术交流、技术转让、技术推广、技术服务',
    '技术开发、技术服务、技术咨询、成果转让',
    '货物进出口',
    '技术进出口',
    '进出口代理',
    '信息咨询服务[(（]不含许可类信息咨询服务[)）]',
    '企业管理咨询',
    '社会经济咨询服务',
    '会议及展览服务',
    '市场营销策划',
    // (a licensed food maker's standard item for selling pre-packed food, in nearly every food firm's scope)
    '食品(?:互联网)?销售[(（]仅销售预包装食品[)）]',
    '信息技术咨询服务',
    // (a sales item in the 规范表述's own form, beside the making item it goes with: 化工产品销售（不含许可类化工产品）)
    '[^、；;,，。：:\\s]{1,12}(?:销售|批发|零售)[(（]不含许可类[^)）]{0,16}[)）]',
    '除依法须经批准的项目外[,，]凭营业执照依法自主开展经营活动',
    '[(（]?依法须经批准的项目[,，]经相关部门批准后方可开展经营活动[^)）。;；\\n]*[)）]?',
    '[(（]除依法须经批准的项目外[^)）]*[)）]',
  ].join('|'),
  'g',
);

/** The text with the generic items of its business scope blanked (the text itself where it has none). */
/**
 * The title of a project's own EIA notice (…项目环境影响评价第一次信息公示, …项目环境影响报告书征求意见稿公示): the notice is
 * about the project, not an environmental-assessment service (7245) the lead sells.
 */
const EIA_NOTICE =
  /(?<=项目的?)(?:(?:环境影响评价|环评)(?:第[一二三]次)?(?:信息)?(?:公示|公告|公众参与)|环境影响报告[书表](?:征求意见稿|全本|简本|报批稿)?(?:公示|公告)?)/g;

export function blankScopeBoilerplate(text: string): string {
  if (text.includes('项目') && (text.includes('环境影响') || text.includes('环评')))
    text = text.replace(EIA_NOTICE, (w) => '　'.repeat(w.length));
  if (!text.includes('经营范围')) return text;
  let out = text;
  for (const m of text.matchAll(SCOPE)) {
    const from = m.index + m[0].length;
    const nl = text.indexOf('\n', from);
    const to = nl < 0 ? text.length : nl;
    const field = text.slice(from, to).replace(GENERIC_ITEM, (w) => '　'.repeat(w.length));
    out = out.slice(0, from) + field + out.slice(to);
  }
  return out;
}
