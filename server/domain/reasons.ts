/**
 * Reasons are built as codes with parameters in the domain and rendered to Chinese only at the edge
 * (API response, chat reply, export). One template per code.
 */
export type ReasonParams = Record<string, string | number>;
export interface Reason {
  code: ReasonCode;
  params: ReasonParams;
}

/** 1234567.891 → "1,234,567.89" (what toLocaleString('en-US') prints after rounding to 2 places, without ICU's cost). */
export const fmt = (n: string | number | undefined): string => {
  if (typeof n !== 'number') return String(n ?? '');
  const x = Number.isInteger(n) ? n : Math.round(n * 100) / 100;
  if (!Number.isFinite(x) || Math.abs(x) >= 1e21) return x.toLocaleString('en-US');
  const s = String(Object.is(x, -0) ? 0 : x);
  const dot = s.indexOf('.');
  const sign = s[0] === '-' ? '-' : '';
  const digits = s.slice(sign.length, dot < 0 ? s.length : dot);
  let out = digits.slice(0, digits.length % 3 || 3);
  for (let i = out.length; i < digits.length; i += 3) out += `,${digits.slice(i, i + 3)}`;
  return sign + out + (dot < 0 ? '' : s.slice(dot));
};
/** A rule's provenance tag (示例规则/参照, 已采纳; rule.schema.ts provenanceTag) in front of its reason, when it has one. */
const tag = (p: ReasonParams) => (p.tag ? `〔${p.tag}〕` : '');
/** The lead's own words a rule fired on (gates.ts quoted), before the rule's text (its source follows that): 据原文“活塞杆镀硬铬自己做”，. */
const quote = (p: ReasonParams) => (p.quote ? `据原文“${p.quote}”，` : '');
const pct = (n: string | number | undefined) => `${Math.round(Number(n) * 100)}%`;
/** The park's stated positioning source, when the reason carries one (公开资料 of a 重大产业平台). */
const basis = (p: ReasonParams) => (p.basis ? `（园区定位依据：${p.basis}）` : '');

/** A floor area as staff read it: whole square metres (a land parcel converted from 亩 is not shown to the centimetre). */
const m2 = (n: string | number | undefined) => fmt(typeof n === 'number' ? Math.round(n) : n);
/** Where a unit is: "1号厂房 2层", or a land parcel by its name alone ("地块1", not "地块1 地块"). */
const at = (p: ReasonParams) => (p.floorLabel === '地块' ? `${p.building}（用地）` : `${p.building} ${p.floorLabel}`);

const TEMPLATES = {
  // industry
  'industry.leading': (p: ReasonParams) => `项目属于「${p.industry}」（依据“${p.via}”），是园区主导产业${basis(p)}`,
  'industry.narrower': (p: ReasonParams) =>
    `项目属于「${p.industry}」（依据“${p.via}”），属园区主导产业「${p.parkIndustry}」的细分领域${basis(p)}`,
  'industry.broader': (p: ReasonParams) =>
    `项目属于「${p.industry}」（依据“${p.via}”），园区主导产业「${p.parkIndustry}」是其细分方向${basis(p)}`,
  'industry.supporting': (p: ReasonParams) => `项目属于「${p.industry}」（依据“${p.via}”），是园区配套产业${basis(p)}`,
  'industry.related': (p: ReasonParams) => `项目「${p.industry}」与园区主导产业「${p.parkIndustry}」上下游关联${basis(p)}`,
  'industry.none': (p: ReasonParams) => `项目「${p.industry}」与园区主导产业（${p.parkIndustries}）不相关`,
  'industry.parkUndetermined': () => '园区主导产业未定，产业匹配度按一般水平计',
  'industry.unknown': () => '未能识别项目所属产业，产业匹配不计分（请补充产品或行业）',
  // chain
  'chain.leaderHere': (p: ReasonParams) => `链主企业「${p.company}」在本园区，项目为其配套`,
  'chain.suppliesLeader': (p: ReasonParams) => `项目处于「${p.chain}」${p.tier}「${p.node}」环节，可为园区链主「${p.company}」配套`,
  'chain.fillsMissing': (p: ReasonParams) => `项目可补齐园区「${p.chain}」缺失环节「${p.node}」（补链）`,
  'chain.sameChain': (p: ReasonParams) => `园区已有「${p.chain}」产业链企业，项目可就近协作`,
  'chain.none': () => '园区暂无与项目相关的产业链环节',
  'chain.unknown': () => '未提供产业链信息，不计入评分',
  // space
  'space.fits': (p: ReasonParams) => `有合适空间：${at(p)} ${m2(p.areaM2)}㎡（需求 ${m2(p.needM2)}㎡）`,
  'space.landFits': (p: ReasonParams) => `有可用地块：${p.building} ${fmt(p.landMu)}亩（需求 ${fmt(p.needMu)}亩）`,
  'space.tooSmall': (p: ReasonParams) => `最大可用单元 ${m2(p.areaM2)}㎡，小于需求 ${m2(p.needM2)}㎡`,
  'space.landTooSmall': (p: ReasonParams) => `最大可用地块 ${fmt(p.landMu)}亩，小于需求 ${fmt(p.needMu)}亩`,
  'space.tooLarge': (p: ReasonParams) => `最合适的单元 ${m2(p.areaM2)}㎡，明显大于需求 ${m2(p.needM2)}㎡`,
  'space.heightShort': (p: ReasonParams) => `层高 ${fmt(p.clearHeightM)}m 低于要求 ${fmt(p.needM)}m`,
  'space.loadShort': (p: ReasonParams) => `楼面荷载 ${fmt(p.floorLoadKnM2)}kN/㎡ 低于要求 ${fmt(p.needKnM2)}kN/㎡`,
  'space.notGround': () => '要求一楼，但合适单元不在首层',
  'space.kindMismatch': (p: ReasonParams) => `需要${p.needKind}，这里是${p.kind}（${p.alt}，仅作备选）`,
  'space.kindAvailable': (p: ReasonParams) => `有可用${p.kind}：${at(p)} ${m2(p.areaM2)}㎡（未提供面积需求）`,
  'space.areaOnly': (p: ReasonParams) => `面积合适：${at(p)} ${m2(p.areaM2)}㎡（需求 ${m2(p.needM2)}㎡）`,
  'space.altArea': (p: ReasonParams) => `备选：${at(p)} ${m2(p.areaM2)}㎡（需求 ${m2(p.needM2)}㎡）`,
  'space.needExceedsPark': (p: ReasonParams) => `需求 ${m2(p.needM2)}㎡ 超过园区任何可用单元（最大 ${m2(p.largestM2)}㎡）`,
  'space.landExceedsPark': (p: ReasonParams) => `需求 ${fmt(p.needMu)}亩 超过园区任何可出让地块（最大 ${fmt(p.largestMu)}亩）`,
  'space.otherNeed': (p: ReasonParams) => `另需${p.kind} ${fmt(p.needM2)}㎡：${p.found}`,
  'space.noneAvailable': () => '园区暂无可用空间（空置数据为示例数据）',
  'space.noLand': (p: ReasonParams) => `需要用地 ${fmt(p.needMu)}亩，园区暂无可出让地块`,
  'space.unknown': () => '未提供面积或用地需求，不计入评分',
  // efficiency
  'efficiency.intensityMeets': (p: ReasonParams) => `投资强度 ${fmt(p.value)}万元/亩，达到园区标准 ${fmt(p.standard)}万元/亩`,
  'efficiency.intensityBelow': (p: ReasonParams) => `投资强度 ${fmt(p.value)}万元/亩，低于园区标准 ${fmt(p.standard)}万元/亩`,
  'efficiency.outputMeets': (p: ReasonParams) => `亩均产出 ${fmt(p.value)}万元/亩，达到园区标准 ${fmt(p.standard)}万元/亩`,
  'efficiency.outputBelow': (p: ReasonParams) => `亩均产出 ${fmt(p.value)}万元/亩，低于园区标准 ${fmt(p.standard)}万元/亩`,
  'efficiency.taxMeets': (p: ReasonParams) => `亩均税收 ${fmt(p.value)}万元/亩，达到园区标准 ${fmt(p.standard)}万元/亩`,
  'efficiency.taxBelow': (p: ReasonParams) => `亩均税收 ${fmt(p.value)}万元/亩，低于园区标准 ${fmt(p.standard)}万元/亩`,
  'efficiency.noStandard': () => '园区未设亩均效益标准，按一般水平计',
  'efficiency.perFloorArea': (p: ReasonParams) => `单位建筑面积投资 ${fmt(p.value)}万元/㎡`,
  'efficiency.unknown': () => '投资额、产值或用地未知，效益不计入评分',
  // policy
  'policy.raisesShare': (p: ReasonParams) => `符合主导产业，有助于园区达到主导产业占比≥${pct(p.target)}的目标`,
  'policy.lowersShare': (p: ReasonParams) => `非主导产业，会降低园区主导产业占比（目标≥${pct(p.target)}）`,
  'policy.noTarget': () => '园区未设主导产业占比目标',
  'policy.unknown': () => '项目产业未识别，政策导向不计入评分',
  // location
  'location.preferred': (p: ReasonParams) => `位于客户意向区域 ${p.district}`,
  'location.sameTown': (p: ReasonParams) => `位于报送镇街 ${p.town}，首谈地就近落地`,
  'location.elsewhere': (p: ReasonParams) => `不在客户意向区域（${p.wanted}）`,
  'location.unknown': () => '未提供区位偏好，不计入评分',
  // exclusions and flags
  'exclude.rule': (p: ReasonParams) => `${tag(p)}${quote(p)}${p.text}`,
  'exclude.requireBelow': (p: ReasonParams) =>
    `${tag(p)}${p.label} ${fmt(p.value)}${p.unit}，未达到准入门槛 ${fmt(p.limit)}${p.unit}（${p.rule}）`,
  'exclude.requireAbove': (p: ReasonParams) =>
    `${tag(p)}${p.label} ${fmt(p.value)}${p.unit}，超过上限 ${fmt(p.limit)}${p.unit}（${p.rule}）`,
  'exclude.district': (p: ReasonParams) => `客户排除了 ${p.district}`,
  'flag.review': (p: ReasonParams) => `${tag(p)}${quote(p)}${p.text}`,
  'flag.reviewLevel': (p: ReasonParams) => `${tag(p)}审批层级：${p.level}（${p.text}）`,
  'flag.requireUnknown': (p: ReasonParams) => `${tag(p)}${p.label}未知，该园区准入要求 ${p.op}${fmt(p.limit)}${p.unit}（${p.rule}）`,
  'flag.advisoryExclude': (p: ReasonParams) => `${tag(p)}采纳后将不予准入：${p.text}`,
  'flag.advisoryBelow': (p: ReasonParams) =>
    `${tag(p)}${p.label} ${fmt(p.value)}${p.unit}，低于门槛 ${fmt(p.limit)}${p.unit}（${p.rule}），采纳后将不予准入`,
  'flag.advisoryAbove': (p: ReasonParams) =>
    `${tag(p)}${p.label} ${fmt(p.value)}${p.unit}，超过上限 ${fmt(p.limit)}${p.unit}（${p.rule}），采纳后将不予准入`,
  'flag.investmentUnknown': () => '投资额未知，无法评估投资强度与审批层级，建议向客户确认',
  'flag.areaUnknown': () => '面积/用地需求未知，建议向客户确认',
  'flag.industryUnknown': () => '未能识别项目产业，建议补充主要产品或所属行业',
  'flag.spaceCap': (p: ReasonParams) => `没有能满足需求的空间（最佳空间匹配度 ${pct(p.fit)}），总分封顶 ${fmt(p.cap)} 分`,
  'flag.undeterminedCap': (p: ReasonParams) => `园区主导产业未定，与项目产业无对应，总分封顶 ${fmt(p.cap)} 分`,
  'flag.sampleSpaces': () => '空置空间为示例数据，落地前请与园区核实',
  'flag.negated': (p: ReasonParams) => `已识别“${p.words}”为否定表述，不触发相关禁止规则`,
  'flag.envCheck': (p: ReasonParams) =>
    `项目提到危险化学品“${p.words}”但未说明用量或储量，请按 GB 18218-2018 临界量核实后再定能否进入环境友好型园区（需环保核实）`,
  'flag.nameProcess': (p: ReasonParams) =>
    `企业或作品名称含“${p.words}”，文字未说明厂内是否有该工序，未按该工序判定；请核实后再定能否进入环境友好型园区（需环保核实）`,
  'flag.envDoubt': (p: ReasonParams) =>
    `读到“${p.words}”，按准入规则本应不予准入；但全文读来更像外协、外购、设备或并非本项目厂内的情形（依据：${p.evidence}），未据此排除。请核实厂内是否有该工序后再定能否进入环境友好型园区（需环保核实）`,
  'flag.envSuspect': (p: ReasonParams) =>
    `全文读来像有厂内重污染工序或危险化学品储存（依据：${p.evidence}），但未读出具体工序或用量，未据此排除。请核实后再定能否进入环境友好型园区（需环保核实）`,
  'flag.notOwn': (p: ReasonParams) => `“${p.words}”不是本项目在厂内进行的工序，不触发相关禁止规则，请在准入核实时确认`,
  'flag.usd': (p: ReasonParams) => `金额 ${fmt(p.amount)}万美元按汇率 ${p.rate} 折算为 ${fmt(p.wan)}万元`,
} satisfies Record<string, (p: ReasonParams) => string>;

export type ReasonCode = keyof typeof TEMPLATES;

export const reason = (code: ReasonCode, params: ReasonParams = {}): Reason => ({ code, params });

export function renderReason(r: Reason): string {
  return TEMPLATES[r.code](r.params);
}
